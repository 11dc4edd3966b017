// The workspace's base-station file as the server keeps it: the hsconfig.baseStation setting (the site of files that
// find no config of their own), the watcher on it, and why it is unusable, said once per new problem.

import { DidChangeWatchedFilesNotification, MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';
import * as path from 'node:path';
import { baseStationSetting, resolveBaseStationFile } from '../../../shared/baseStationSetting';
import type { Site } from '../sites/sites';

export class BaseStationFile {
  private setting = baseStationSetting(undefined);
  private lastProblem: string | undefined;
  private watcher: { dispose(): void } | undefined;
  private watched: string | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly folders: () => readonly string[],
  ) {}

  /** Takes the client's `hsconfig` section. */
  configure(raw: unknown): void {
    this.setting = baseStationSetting(raw);
  }

  /** The setting as written (the default path when empty). */
  get written(): string {
    return this.setting;
  }

  /** The file the setting names, resolved; none without a folder for a relative setting. */
  file(): string | undefined {
    return resolveBaseStationFile(this.folders(), this.setting);
  }

  /** Says once why the workspace's site (the file the setting names) cannot be used, when that is new. */
  announce(site: Site): void {
    const problem = site.problem && site.configFile === this.file() && `hsconfig: ${site.problem.replace(/:\n/, ': ').replace(/\n/g, '; ').replace(/\.$/, '')}. The hsconfig.profiles setting applies meanwhile.`;
    if (problem && problem !== this.lastProblem) {
      this.connection.console.error(problem);
      void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: problem });
    }
    this.lastProblem = problem || undefined;
  }

  /** Asks the client to watch the file when the setting changed since the last watch. */
  async watch(): Promise<void> {
    if (this.setting === this.watched) return;
    this.watched = this.setting;
    this.watcher?.dispose();
    this.watcher = undefined;
    const file = this.file();
    if (!file) return;
    const globPattern = path.isAbsolute(this.setting) ? file.replace(/\\/g, '/') : `**/${this.setting.replace(/\\/g, '/')}`;
    this.watcher = await this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern }] }).catch(() => undefined);
  }
}
