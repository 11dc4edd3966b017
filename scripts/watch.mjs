// `npm run watch`: regenerates the catalogue's assets once, then esbuild (dist/) and tsc (out/) in watch mode side by
// side until Ctrl+C. VS Code's "watch" task runs the same two as separate background tasks (.vscode/tasks.json).
import { spawn, spawnSync } from 'node:child_process';

const generated = spawnSync(process.execPath, ['scripts/generate-assets.mjs'], { stdio: 'inherit' });
if (generated.status !== 0) process.exit(generated.status ?? 1);
const children = [
  spawn(process.execPath, ['esbuild.mjs', '--watch'], { stdio: 'inherit' }),
  spawn(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.', '--watch', '--preserveWatchOutput'], { stdio: 'inherit' }),
];
const stop = () => children.forEach((c) => c.kill('SIGTERM'));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
await Promise.all(children.map((c) => new Promise((resolve) => c.once('exit', resolve))));
