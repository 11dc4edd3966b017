// Bundles the extension (client), the language server and the CLI into dist/.
import * as esbuild from 'esbuild';
import { chmod, readFile } from 'node:fs/promises';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  define: { HSCONFIG_VERSION: JSON.stringify(JSON.parse(await readFile('package.json', 'utf8')).version) },
  minify: production,
  logLevel: 'warning',
  // jsonc-parser's "main" is a UMD build that requires its parts by computed paths esbuild cannot follow; its ESM
  // build bundles (VS Code's own extensions take "module" for the same reason).
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};

/** In watch mode, brackets each rebuild with lines the "watch:esbuild" task's problem matcher waits for. */
const watchLog = {
  name: 'watch-log',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) console.error(`✘ [ERROR] ${text}\n    ${location?.file}:${location?.line}:${location?.column}:`);
      console.log('[watch] build finished');
    });
  },
};

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/node/serverMain.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

const contexts = await Promise.all(builds.map((b) => esbuild.context({ ...common, ...b, plugins: watch ? [watchLog] : [] })));
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  await chmod('dist/cli.js', 0o755);
}
