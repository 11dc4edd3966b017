// How large a file hsconfig reads may be: one number for the server, the CLI and the client (no imports, so the
// client can share it).

/** Far above any handset file (a few KB) or base-station config (the vendor's templates are under 200 KB). */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

export function describeSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MiB` : bytes >= 1024 ? `${bytes / 1024} KiB` : `${bytes} bytes`;
}
