// Where "Serve Handset Files" listens and under which path, and what to tell the user about it. Pure, for tests.

export interface ServeSettings {
  /** `hsconfig.serve.path` when the user set it (any scope), else undefined. */
  readonly userPath?: string;
  /** The base-station file's Config Server Path (P237), such as `prov.example.com/gs`. */
  readonly configServerPath?: string;
}

/** The user's path setting wins; else the path part of the base station's Config Server Path; else `/`. */
export function servedPath(settings: ServeSettings): { path: string; from: 'setting' | 'baseStation' | 'default' } {
  if (settings.userPath !== undefined) return { path: settings.userPath, from: 'setting' };
  const p237 = settings.configServerPath?.replace(/^[a-z]+:\/\//i, '');
  const slash = p237?.indexOf('/') ?? -1;
  if (p237 && slash >= 0 && p237.slice(slash).replace(/(?<!\/)\/+$/, '') !== '') return { path: p237.slice(slash).replace(/(?<!\/)\/+$/, ''), from: 'baseStation' };
  return { path: '/', from: 'default' };
}

/** True for addresses only this computer can reach. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}
