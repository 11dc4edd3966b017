// The workspace's base-station file as the server keeps it: the hsconfig.baseStation setting, the last load (model,
// or why the file is unusable, said once per new problem), the watcher on it, and the model previews run against.

import { DidChangeWatchedFilesNotification, MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';
import * as path from 'node:path';
import { baseStationSetting, resolveBaseStationFile } from '../../../shared/baseStationSetting';
import type { BaseStation } from '../../../shared/baseStation/model';
import type { ProfileSource } from '../../../shared/protocol/protocol';
import { FACTORY_SOURCE, factoryWithProvisioning } from '../baseStation/requester';
import { loadWorkspaceBaseStation, type WorkspaceBaseStation } from '../baseStation/workspaceFile';

export class BaseStationFile {
  private setting = baseStationSetting(undefined);
  private last: WorkspaceBaseStation = {};
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

  /** The file the setting names, resolved; none without a folder for a relative setting. */
  file(): string | undefined {
    return resolveBaseStationFile(this.folders(), this.setting);
  }

  /** The model the last load found; none when there is no file or it is unusable (the setting's names apply). */
  model(): BaseStation | undefined {
    return this.last.model;
  }

  /** Reads the file again; a new problem is logged and shown once. */
  load(): BaseStation | undefined {
    const found = loadWorkspaceBaseStation(this.folders(), this.setting);
    this.last = found;
    const problem = found.problem && `hsconfig: ${found.file}: ${found.problem.replace(/:\n/, ': ').replace(/\n/g, '; ').replace(/\.$/, '')}. The hsconfig.profiles setting applies meanwhile.`;
    if (problem && problem !== this.lastProblem) {
      this.connection.console.error(problem);
      void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: problem });
    }
    this.lastProblem = problem;
    return found.model;
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

  /** The model previews run against: the file's, else a factory-fresh one, and where it came from. */
  forPreview(): { readonly model: BaseStation; readonly source: string } {
    const model = this.model();
    return model ? { model, source: this.file() ?? this.setting } : { model: factoryWithProvisioning(), source: `${FACTORY_SOURCE} (no ${this.setting})` };
  }

  /** Where the profile names come from, for the client's views. */
  profileSource(profiles: readonly string[]): ProfileSource {
    const { file, model, problem } = this.last;
    return { profiles, from: model ? 'baseStation' : 'setting', file, problem, configServerPath: model?.provisioning.serverPath, configProtocol: model?.provisioning.protocol };
  }
}
