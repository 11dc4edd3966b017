// One line per request the provisioning server answered, for a terminal or an output channel.

export interface RequestLogEntry {
  /** ISO 8601. */
  readonly time: string;
  readonly client: string;
  readonly method: string;
  /** The path as requested. */
  readonly path: string;
  /** The IPEI the requested name carries, if any: a 404 with an IPEI names a handset that has no file. */
  readonly ipei?: string;
  readonly status: number;
  readonly result: 'found' | 'not found' | 'method not allowed' | 'too large' | 'refused' | 'server error';
  /** For a file that was found: whether it starts with openssl's `Salted__` header. */
  readonly encrypted?: boolean;
  /** Why a request was refused or failed. */
  readonly reason?: string;
}

/** `2025-01-01T10:00:00.000Z 192.168.1.20 GET /gs/ipei_02c332b510.xml ipei 02c332b510 200 found encrypted` */
export function formatRequestLog(e: RequestLogEntry): string {
  const parts = [e.time, e.client, e.method, printable(e.path)];
  if (e.ipei) parts.push(`ipei ${e.ipei}`);
  parts.push(`${e.status} ${e.result}`);
  if (e.encrypted !== undefined) parts.push(e.encrypted ? 'encrypted' : 'plain');
  if (e.reason) parts.push(`(${e.reason})`);
  return parts.join(' ');
}

/** Control characters from a client never reach the terminal as such. */
function printable(text: string): string {
  return [...text].map((c) => (c < ' ' || c === '\x7f' ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}` : c)).join('');
}
