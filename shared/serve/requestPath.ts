// Which file a request names, relative to the served folder, or why it names none. Anything that could step out of
// the folder is refused here, before the file system is asked: `..`, encoded dots or slashes, backslashes, NUL.

export type RequestTarget = { readonly segments: readonly string[] } | { readonly refused: string };

/** `/gs/` for `gs`, `/gs` or `/gs/`; `/` for the root. */
export function normalizeBasePath(basePath: string): string {
  const trimmed = basePath.replace(/^\/+|(?<!\/)\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

export function readRequestPath(rawUrl: string, basePath: string): RequestTarget {
  const rawPath = rawUrl.split(/[?#]/, 1)[0];
  if (rawPath.includes('\\')) return { refused: 'backslash in the path' };
  if (/%(2f|5c)/i.test(rawPath)) return { refused: 'encoded slash in the path' };
  if (rawPath.includes('\0') || /%00/.test(rawPath)) return { refused: 'NUL in the path' };
  const base = normalizeBasePath(basePath);
  if (!rawPath.startsWith(base)) return { refused: `outside ${base}` };
  const segments: string[] = [];
  // Empty segments are dropped: a server path configured with a trailing slash asks for `/gs//ipei_….xml`.
  for (const raw of rawPath.slice(base.length).split('/').filter(Boolean)) {
    const segment = decode(raw);
    if (segment === undefined) return { refused: 'malformed percent-encoding' };
    if (segment === '.' || segment === '..') return { refused: 'dot segment in the path' };
    if (segment.startsWith('.')) return { refused: 'hidden file' };
    if (/[/\\\0]/.test(segment)) return { refused: 'slash, backslash or NUL in a name' };
    segments.push(segment);
  }
  if (segments.length === 0) return { refused: 'no file named' };
  return { segments };
}

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
