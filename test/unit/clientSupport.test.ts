// What the server reads from a client's initialize request, and what it offers in return (lsp/clientSupport.ts).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { InitializeParams } from 'vscode-languageserver';
import { NO_CLIENT_SUPPORT, readClientSupport, serverCapabilities } from '../../server/src/lsp/clientSupport';

const params = (capabilities: InitializeParams['capabilities'], more: Partial<InitializeParams> = {}): InitializeParams => ({ processId: null, rootUri: null, capabilities, ...more });

test('a client that says nothing gets the defaults, and no pull registration', () => {
  assert.deepEqual(readClientSupport(params({})), NO_CLIENT_SUPPORT);
  assert.equal(serverCapabilities(NO_CLIENT_SUPPORT).diagnosticProvider, undefined);
});

test("VS Code's capabilities: configuration, watchers, lens and diagnostic refresh, edits, dynamic pull", () => {
  const support = readClientSupport(
    params(
      {
        workspace: {
          configuration: true,
          didChangeWatchedFiles: { dynamicRegistration: true },
          codeLens: { refreshSupport: true },
          diagnostics: { refreshSupport: true },
          workspaceEdit: { documentChanges: true, changeAnnotationSupport: {} },
        },
        textDocument: { diagnostic: { dynamicRegistration: true } },
      },
      { workspaceFolders: [{ uri: 'file:///srv/sites/berlin', name: 'berlin' }, { uri: 'vscode-vfs://github/x', name: 'remote' }] },
    ),
  );
  assert.deepEqual(support, {
    configuration: true,
    watchFiles: true,
    refreshLenses: true,
    refreshDiagnostics: true,
    edits: { documentChanges: true, changeAnnotations: true },
    pull: true,
    dynamicPull: true,
    folders: ['/srv/sites/berlin'],
  });
  assert.equal(serverCapabilities(support).diagnosticProvider, undefined, 'registered later, once the settings are known');
});

test('a client that pulls but cannot register is offered pulls at once; a root URI stands for the folders', () => {
  const support = readClientSupport(params({ textDocument: { diagnostic: {} } }, { rootUri: 'file:///srv/site' }));
  assert.equal(support.pull && !support.dynamicPull, true);
  assert.deepEqual(support.folders, ['/srv/site']);
  assert.ok(serverCapabilities(support).diagnosticProvider);
});
