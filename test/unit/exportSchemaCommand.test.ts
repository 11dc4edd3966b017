// The "Export XML Schema (XSD)" command against a stand-in for the `vscode` API and the language client: what it
// asks, what it writes, and that it names where the profile names came from.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import { beforeEach, test } from 'node:test';
import { generateXsd } from '../../server/src/schema/xsd';

interface FakeUri {
  readonly path: string;
}

const calls = {
  saveDialog: [] as unknown[],
  written: [] as { uri: FakeUri; text: string }[],
  errors: [] as string[],
  info: [] as string[],
};
let profiles: string[] | undefined;
let from: 'setting' | 'baseStation' = 'setting';
let chosen: FakeUri | undefined;
const commands = new Map<string, () => Promise<void>>();
const temporaries = new Map<string, string>();

const fakeVscode = {
  EventEmitter: class {
    event = () => ({ dispose() {} });
    fire() {}
    dispose() {}
  },
  Uri: { joinPath: (base: FakeUri, ...parts: string[]) => ({ path: path.posix.join(base.path, ...parts) }) },
  commands: {
    registerCommand: (id: string, run: () => Promise<void>) => {
      commands.set(id, run);
      return { dispose() {} };
    },
  },
  window: {
    activeTextEditor: undefined,
    showSaveDialog: async (options: unknown) => {
      calls.saveDialog.push(options);
      return chosen;
    },
    showInformationMessage: async (message: string) => {
      calls.info.push(message);
      return undefined;
    },
    showErrorMessage: async (message: string) => {
      calls.errors.push(message);
      return undefined;
    },
    showTextDocument: async () => undefined,
  },
  workspace: {
    workspaceFolders: [{ uri: { path: '/work/provisioning' } }],
    getConfiguration: (section: string) => ({ get: (key: string) => (section === 'hsconfig' && key === 'profiles' ? profiles : undefined) }),
    asRelativePath: (uri: FakeUri | string) => (typeof uri === 'string' ? uri.replace('/work/provisioning/', '') : uri.path),
    // A temporary file renamed into place: `written` lists what reached its final name.
    fs: {
      createDirectory: async () => undefined,
      writeFile: async (uri: FakeUri, bytes: Uint8Array) => void temporaries.set(uri.path, new TextDecoder().decode(bytes)),
      rename: async (from: FakeUri, to: FakeUri) => {
        calls.written.push({ uri: to, text: temporaries.get(from.path) as string });
        temporaries.delete(from.path);
      },
      delete: async (uri: FakeUri) => void temporaries.delete(uri.path),
    },
  },
};

const loader = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown };
const load = loader._load;
loader._load = function (request, parent, isMain) {
  return request === 'vscode' ? fakeVscode : load.call(this, request, parent, isMain);
};

async function runCommand(): Promise<void> {
  const { register, COMMAND } = await import('../../client/src/commands/exportSchema.js');
  const subscriptions: unknown[] = [];
  const client = { sendRequest: async (method: string) => (method === 'hsconfig/profileSource' ? { profiles, from, file: '/work/provisioning/.vscode/hsconfig-base-station.json' } : undefined) };
  register({ subscriptions } as never, client as never);
  assert.equal(subscriptions.length, 1);
  const run = commands.get(COMMAND);
  assert.ok(run, `${COMMAND} is registered`);
  await run();
}

beforeEach(() => {
  calls.saveDialog.length = 0;
  calls.written.length = 0;
  calls.errors.length = 0;
  calls.info.length = 0;
  profiles = ['profile1', 'profile2', 'profile3', 'profile4'];
  from = 'setting';
  chosen = undefined;
});

test('package.json contributes the command with its title', () => {
  const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
  const command = (manifest.contributes.commands as { command: string }[]).find((c) => c.command === 'hsconfig.exportSchema');
  assert.deepEqual(command, { command: 'hsconfig.exportSchema', title: 'Export XML Schema (XSD)', category: 'Handset Config' });
});

test('asks where to save an .xsd, proposing the workspace folder, and writes the schema for the profiles the editor uses', async () => {
  profiles = ['Office PBX', 'Trunk'];
  from = 'baseStation';
  chosen = { path: '/work/provisioning/handsets.xsd' };
  await runCommand();
  assert.equal(calls.saveDialog.length, 1);
  const options = calls.saveDialog[0] as { defaultUri: FakeUri; filters: Record<string, string[]> };
  assert.deepEqual(options.defaultUri, { path: '/work/provisioning/hs_config.xsd' });
  assert.deepEqual(Object.values(options.filters), [['xsd']]);
  assert.deepEqual(calls.written, [{ uri: chosen, text: generateXsd({ profiles }) }]);
  assert.deepEqual([...temporaries.keys()], [], 'no temporary file is left');
  assert.match(calls.info.join('\n'), /the base-station file \.vscode\/hsconfig-base-station\.json: Office PBX, Trunk/);
});

test('without a base-station file, says the names came from the setting', async () => {
  chosen = { path: '/work/provisioning/handsets.xsd' };
  await runCommand();
  assert.match(calls.info.join('\n'), /the hsconfig\.profiles setting: profile1, profile2, profile3, profile4/);
});

test('writes nothing when the dialog is cancelled', async () => {
  await runCommand();
  assert.equal(calls.saveDialog.length, 1);
  assert.deepEqual(calls.written, []);
});

test('an empty profile list is reported, not exported', async () => {
  profiles = [];
  chosen = { path: '/tmp/x.xsd' };
  await runCommand();
  assert.deepEqual(calls.saveDialog, []);
  assert.deepEqual(calls.written, []);
  assert.match(calls.errors.join('\n'), /at least one profile.*hsconfig\.profiles/);
});
