// The sites view in the editor, on two sites written into the workspace: its provider lists each site with its config
// and handset file, follows an unsaved edit of one site's config (that site's file stops, the other's does not), and
// the language status names the active handset file's site and config.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HsconfigApi } from '../../../client/src/extension';
import type { SiteItem, SitesProvider } from '../../../client/src/sites/sitesView';
import { EXTENSION_ID, fixtureUri, LANGUAGE_ID, openInLanguage, replaceText } from './editor';
import { WAIT_MS } from './waits';

const FOLDER = 'view-sites';
const SITES = [
  { name: 'north', ipei: '02c332b5f1', profile: 'North PBX' },
  { name: 'south', ipei: '02c332b5f2', profile: 'South PBX' },
];
const configOf = (site: string) => `${FOLDER}/${site}/dp750.txt`;
const handsetOf = (site: (typeof SITES)[number]) => `${FOLDER}/${site.name}/handsets/ipei_${site.ipei}.xml`;

const handsetText = ({ ipei, profile }: (typeof SITES)[number]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<hs_config>\n  <ipei>${ipei}</ipei>\n  <sip>\n    <line>\n      <profile_name>${profile}</profile_name>\n      <user_id>7${ipei.slice(-1)}</user_id>\n    </line>\n  </sip>\n</hs_config>\n`;

async function write(name: string, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(fixtureUri(name), Buffer.from(text, 'utf8'));
}

/** Each site as the view shows it: its label, and its rows as "label — description". */
async function shown(view: SitesProvider): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const site of await view.getChildren()) {
    const rows = await view.getChildren(site);
    out.set(String(site.label), rows.map((r: SiteItem) => `${String(r.label)} — ${String(r.description)}`));
  }
  return out;
}

/** Asks the view again until `accept` holds (a refresh follows changes after a pause). */
async function viewUntil(view: SitesProvider, what: string, accept: (sites: Map<string, string[]>) => boolean): Promise<Map<string, string[]>> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const sites = await shown(view);
    if (accept(sites)) return sites;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for the sites view to show ${what}; it shows ${JSON.stringify([...sites])}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Resolves when the view is told to draw itself again. */
function nextRefresh(view: SitesProvider): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the sites view was not refreshed')), WAIT_MS);
    const listening = view.onDidChangeTreeData(() => {
      clearTimeout(timer);
      listening.dispose();
      resolve();
    });
  });
}

describe('the sites view', () => {
  let api: HsconfigApi;

  before(async () => {
    api = (await vscode.extensions.getExtension<HsconfigApi>(EXTENSION_ID)!.activate()) as HsconfigApi;
    for (const site of SITES) {
      await write(configOf(site.name), `# ${site.name}\nP271=1\nP27762=${site.profile}\nP27014=1\n`);
      await write(handsetOf(site), handsetText(site));
    }
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(fixtureUri(FOLDER), { recursive: true }).then(undefined, () => undefined);
  });

  it('lists each site of a multi-site workspace with its config and handset files', async () => {
    // A config is found on disk at once; a new handset file once its file event reaches the server.
    const sites = await viewUntil(api.sitesView, 'both sites with their handset files', (s) => s.get(`${FOLDER}/north`)?.length === 2 && s.get(`${FOLDER}/south`)?.length === 2);
    assert.deepEqual(sites.get(`${FOLDER}/north`), ['Base station: dp750.txt — North PBX, profile2, profile3, profile4', 'ipei_02c332b5f1.xml — HS1 · applied']);
    assert.deepEqual(sites.get(`${FOLDER}/south`), ['Base station: dp750.txt — South PBX, profile2, profile3, profile4', 'ipei_02c332b5f2.xml — HS1 · applied']);
  });

  it("follows an unsaved edit of a site's config: that site's handset file stops, the other site's does not", async () => {
    const config = await openInLanguage(configOf('north'), 'hsconfig-base');
    const refreshed = nextRefresh(api.sitesView);
    await replaceText(config, 'P27762=North PBX', 'P27762=North Main');
    assert.ok(config.isDirty, 'the edit is not saved');
    await refreshed;
    const sites = await viewUntil(api.sitesView, 'the north handset stopping', (s) => s.get(`${FOLDER}/north`)?.[1]?.includes('stops') ?? false);
    assert.match(sites.get(`${FOLDER}/north`)?.[0] ?? '', /North Main/);
    assert.match(sites.get(`${FOLDER}/north`)?.[1] ?? '', /^ipei_02c332b5f1\.xml — HS1 · stops: .*North PBX/);
    assert.equal(sites.get(`${FOLDER}/south`)?.[1], 'ipei_02c332b5f2.xml — HS1 · applied');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await viewUntil(api.sitesView, 'the north handset applied again', (s) => s.get(`${FOLDER}/north`)?.[1] === 'ipei_02c332b5f1.xml — HS1 · applied');
  });

  it("names the active handset file's site and config in the language status", async () => {
    await openInLanguage(handsetOf(SITES[1]), LANGUAGE_ID);
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const item = api.languageStatus().find((s) => s.id === 'hsconfig.profiles');
      if (item?.text === `Site ${FOLDER}/south: dp750.txt`) {
        assert.match(item.detail ?? '', /^South PBX, profile2/);
        assert.equal(item.command, 'vscode.open');
        return;
      }
      if (Date.now() > deadline) throw new Error(`the language status shows ${JSON.stringify(item)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  });
});
