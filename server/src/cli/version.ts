// The CLI's version: package.json's, put in by esbuild when it bundles (`dev` when run unbundled, as in unit tests).

declare const HSCONFIG_VERSION: string | undefined;

export function cliVersion(): string {
  return typeof HSCONFIG_VERSION === 'string' ? HSCONFIG_VERSION : 'dev';
}
