// File-system errors in words: what went wrong, without the system call and the path node puts in its message.

import { describeSize, MAX_FILE_BYTES } from './fileLimits';

const CAUSES: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'the file system is read-only',
  EEXIST: 'it already exists',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'the name is too long',
  EBUSY: 'the file is busy',
  EIO: 'an input/output error',
  ENOTREG: 'it is not a regular file (a pipe, device or socket)',
  EFBIG: `it is larger than ${describeSize(MAX_FILE_BYTES)}`,
};

export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code && Object.hasOwn(CAUSES, code)) return CAUSES[code];
  return err instanceof Error ? err.message : String(err);
}
