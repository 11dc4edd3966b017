// Bundles the extension (client), the language server and the CLI into dist/.
import * as esbuild from 'esbuild';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';

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
  // The language server and the CLI in one bundle; dist/server.js and dist/cli.js start it (below).
  { entryPoints: ['server/src/node/main.ts'], outfile: 'dist/hsconfig.js' },
];

/** The two starters: the language server (the client forks it, with the transport as an argument) and the CLI. */
async function writeStarters() {
  await mkdir('dist', { recursive: true });
  await writeFile('dist/server.js', "#!/usr/bin/env node\n// Starts hsconfig's language server (dist/hsconfig.js): `hsconfig-language-server --stdio`.\n'use strict';\nrequire('./hsconfig.js').runServer();\n");
  await chmod('dist/server.js', 0o755);
  await writeFile('dist/cli.js', "#!/usr/bin/env node\n// Starts the hsconfig command line (dist/hsconfig.js).\n'use strict';\nrequire('./hsconfig.js').runCli();\n");
  await chmod('dist/cli.js', 0o755);
}

const contexts = await Promise.all(builds.map((b) => esbuild.context({ ...common, ...b, plugins: watch ? [watchLog] : [] })));
await writeStarters();
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
