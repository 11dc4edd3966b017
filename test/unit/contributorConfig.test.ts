// The F5 setup in .vscode/ stays wired: each launch's preLaunchTask and each npm task exist, "Attach to Language
// Server" uses the port the client gives the server's --inspect, and "Extension Tests" runs the compiled suite.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

const ROOT = path.join(__dirname, '..', '..', '..');
/** launch.json and tasks.json are JSON with // comments on their own lines. */
const jsonc = (file: string) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8').replace(/^\s*\/\/.*$/gm, '')) as Record<string, unknown>;

interface Launch { name: string; port?: number; preLaunchTask?: string; args?: string[] }
interface Task { label: string; type?: string; script?: string; dependsOn?: string[] }

const launches = (jsonc('.vscode/launch.json') as { configurations: Launch[] }).configurations;
const tasks = (jsonc('.vscode/tasks.json') as { tasks: Task[] }).tasks;
const scripts = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

test('Run Extension, Attach to Language Server and Extension Tests are there, their tasks and scripts too', () => {
  assert.deepEqual(launches.map((l) => l.name), ['Run Extension', 'Attach to Language Server', 'Extension Tests']);
  const labels = new Set(tasks.map((t) => t.label));
  for (const l of launches) if (l.preLaunchTask) assert.ok(labels.has(l.preLaunchTask), `${l.name}: task ${l.preLaunchTask}`);
  for (const t of tasks) for (const d of t.dependsOn ?? []) assert.ok(labels.has(d), `${t.label} depends on ${d}`);
  for (const t of tasks.filter((x) => x.type === 'npm')) assert.ok(scripts[t.script ?? ''], `npm script ${t.script}`);
  assert.ok(scripts.watch && scripts['watch:esbuild'] && scripts['watch:tsc']);
});

test('the attach port is the one the client starts the server with under the debugger', () => {
  const client = readFileSync(path.join(ROOT, 'client', 'src', 'extension.ts'), 'utf8');
  const inspect = /--inspect=(\d+)/.exec(client)?.[1];
  assert.ok(inspect, 'the client passes --inspect=PORT in serverOptions.debug');
  assert.equal(launches.find((l) => l.name === 'Attach to Language Server')?.port, Number(inspect));
});

test('Extension Tests runs the compiled in-editor suite', () => {
  const args = launches.find((l) => l.name === 'Extension Tests')?.args ?? [];
  const suite = args.find((a) => a.startsWith('--extensionTestsPath='))?.replace('--extensionTestsPath=${workspaceFolder}/', '');
  assert.ok(suite && existsSync(path.join(ROOT, `${suite}.js`)), `${suite}.js exists after npm run compile`);
});
