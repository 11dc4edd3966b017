// The "Export XML Schema (XSD)" command against a stand-in for the `vscode` API and the language client: what it
// asks, what it writes, and that it names where the profile names came from.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import { beforeEach, test } from 'node:test';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { generateXsd } from '../../server/src/schema/xsd';
import { schemaResponse } from '../../server/src/schema/schemaResponse';

interface FakeUri {
  readonly scheme?: string;
  readonly path: string;
  readonly fsPath?: string;
}

/** A file the save dialog returns: on disk, in a folder of its own (the command writes through the real writer). */
function fileUri(name: string): FakeUri {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'hsconfig-xsd-')), name);
  return { scheme: 'file', path: file, fsPath: file };
}

/** What reached the disk where the dialog pointed, and what else is in that folder (no temporary file may be). */
function writtenTo(uri: FakeUri): { text: string; folder: string[] } {
  return { text: readFileSync(uri.fsPath as string, 'utf8'), folder: readdirSync(path.dirname(uri.fsPath as string)) };
}

/** A joined URI prints as one (not enumerable, so it compares as a plain `{ path }`). */
function withString(uri: FakeUri): FakeUri {
  return Object.defineProperty(uri, 'toString', { value: () => `file://${uri.path}`, enumerable: false });
}

const calls = {
  saveDialog: [] as unknown[],
  errors: [] as string[],
  info: [] as string[],
};
let profiles: string[] | undefined;
let from: 'setting' | 'baseStation' | 'project' = 'setting';
/** What the command asked the profile names of. */
let asked: unknown;
let chosen: FakeUri | undefined;
const commands = new Map<string, () => Promise<void>>();

const fakeVscode = {
  EventEmitter: class {
    event = () => ({ dispose() {} });
    fire() {}
    dispose() {}
  },
  Uri: { joinPath: (base: FakeUri, ...parts: string[]) => withString({ path: path.posix.join(base.path, ...parts) }) },
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
  // The server's side of the two requests: the profile source as the server reports it, the schema by its own handler.
  const client = {
    sendRequest: async (method: string, params: unknown) => {
      if (method === 'hsconfig/profileSource') asked = params;
      return method === 'hsconfig/profileSource'
        ? { profiles, from, file: '/work/provisioning/.vscode/hsconfig-base-station.json', projectFile: '/work/provisioning/hsconfig.json' }
        : method === 'hsconfig/schema'
          ? schemaResponse(params)
          : undefined;
    },
  };
  register({ subscriptions } as never, client as never);
  assert.equal(subscriptions.length, 1);
  const run = commands.get(COMMAND);
  assert.ok(run, `${COMMAND} is registered`);
  await run();
}

beforeEach(() => {
  calls.saveDialog.length = 0;
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
  chosen = fileUri('handsets.xsd');
  await runCommand();
  assert.equal(calls.saveDialog.length, 1);
  const options = calls.saveDialog[0] as { defaultUri: FakeUri; filters: Record<string, string[]> };
  assert.deepEqual(options.defaultUri, { path: '/work/provisioning/hs_config.xsd' });
  assert.deepEqual(Object.values(options.filters), [['xsd']]);
  assert.deepEqual(writtenTo(chosen), { text: generateXsd({ profiles }), folder: ['handsets.xsd'] }, 'the schema, and no temporary file beside it');
  assert.match(calls.info.join('\n'), /the base-station file \.vscode\/hsconfig-base-station\.json: Office PBX, Trunk/);
  assert.deepEqual(asked, { uri: 'file:///work/provisioning/_' }, "with no file open, the names of the workspace folder's files");
});

test('names a project file the profile names came from', async () => {
  from = 'project';
  chosen = fileUri('handsets.xsd');
  await runCommand();
  assert.match(calls.info.join('\n'), /the project file hsconfig\.json: profile1/);
});

test('without a base-station file, says the names came from the setting', async () => {
  chosen = fileUri('handsets.xsd');
  await runCommand();
  assert.match(calls.info.join('\n'), /the hsconfig\.profiles setting: profile1, profile2, profile3, profile4/);
});

test('writes nothing when the dialog is cancelled', async () => {
  await runCommand();
  assert.equal(calls.saveDialog.length, 1);
  assert.equal(calls.errors.length + calls.info.length, 0, 'nothing written, nothing said');
});

test('an empty profile list is reported, not exported', async () => {
  profiles = [];
  chosen = fileUri('x.xsd');
  await runCommand();
  assert.deepEqual(calls.saveDialog, []);
  assert.deepEqual(readdirSync(path.dirname(chosen.fsPath as string)), []);
  assert.match(calls.errors.join('\n'), /at least one profile.*hsconfig\.profiles/);
});
