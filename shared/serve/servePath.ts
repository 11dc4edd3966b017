// Where a provisioning server (Serve Handset Files, hsconfig serve) serves under, and what to tell the user about
// it. Pure.

export interface ServeSettings {
  /** `hsconfig.serve.path` when the user set it (any scope), or `--path`; else undefined. */
  readonly userPath?: string;
  /** The base-station file's Config Server Path (P237), such as `prov.example.com/gs`. */
  readonly configServerPath?: string;
}

/** The user's path setting wins; else the path part of the base station's Config Server Path; else `/`. */
export function servedPath(settings: ServeSettings): { path: string; from: 'setting' | 'baseStation' | 'default' } {
  if (settings.userPath !== undefined) return { path: settings.userPath, from: 'setting' };
  const p237 = settings.configServerPath?.replace(/^[a-z]+:\/\//i, '');
  const slash = p237?.indexOf('/') ?? -1;
  const path = p237 && slash >= 0 ? p237.slice(slash).replace(/(?<!\/)\/+$/, '') : '';
  if (path !== '') return { path, from: 'baseStation' };
  return { path: '/', from: 'default' };
}

/** True for addresses only this computer can reach. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

/**
 * What to add when the base station will not fetch over plain HTTP from this server: its Config Server Path is set
 * for HTTPS or TFTP (P212), and "Serve Handset Files" speaks HTTP only. '' when it fetches over HTTP, or is unknown.
 */
export function protocolNote(configProtocol: string | undefined): string {
  if (configProtocol === 'HTTPS') return ' The base station fetches over HTTPS (P212=2) and this server speaks plain HTTP: set P212 to 1 (HTTP) while you test with it, or put a TLS proxy in front.';
  if (configProtocol === 'TFTP') return ' The base station fetches over TFTP (P212=0) and this server speaks HTTP: set P212 to 1 (HTTP) while you test with it.';
  return '';
}
