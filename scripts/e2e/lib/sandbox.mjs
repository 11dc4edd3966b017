// A throw-away folder that holds everything a run writes: home, temp, XDG dirs, VS Code's user data and
// extensions, and a copy of the fixture workspace (so tests never dirty the repository).
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { WORKSPACE_FIXTURES } from './paths.mjs';

// Keeps the logs about the extension under test: no AI/chat, git, telemetry or update chatter.
const QUIET_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'files.autoSave': 'off',
};

/**
 * `workspaceFrom`: the folder copied as the workspace (default the test fixtures; null copies nothing);
 * `settings`: user settings over the quiet ones.
 */
export async function createSandbox(prefix = 'hsconfig-e2e-', { workspaceFrom = WORKSPACE_FIXTURES, settings = {} } = {}) {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  const sub = (name) => path.join(dir, name);
  const dirs = {
    root: dir,
    home: sub('home'),
    tmp: sub('tmp'),
    userData: sub('user-data'),
    extensions: sub('extensions'),
    workspace: sub('workspace'),
    logs: sub('user-data/logs'),
  };
  for (const d of [dirs.home, dirs.tmp, dirs.extensions, path.join(dirs.userData, 'User')]) await mkdir(d, { recursive: true });
  await writeFile(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
  if (workspaceFrom) await cp(workspaceFrom, dirs.workspace, { recursive: true });
  const env = {
    ...process.env,
    HOME: dirs.home,
    TMPDIR: dirs.tmp,
    XDG_CONFIG_HOME: path.join(dirs.home, '.config'),
    XDG_DATA_HOME: path.join(dirs.home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(dirs.home, '.cache'),
    XDG_STATE_HOME: path.join(dirs.home, '.local', 'state'),
    XDG_RUNTIME_DIR: dirs.tmp,
    EXTENSIONS_GALLERY: '{}', // no marketplace: offline, and nothing to install from one
  };
  return { ...dirs, env, remove: () => (process.env.HSCONFIG_E2E_KEEP ? undefined : rm(dir, { recursive: true, force: true })) };
}
