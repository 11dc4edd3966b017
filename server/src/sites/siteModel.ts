// A site's base station from its files' text: the config (text, XML v1 or v2) read over the state JSON when there
// is one (the config's values win: it is what the base station is given), or a model JSON alone. Pure.

import type { BaseStation } from '../../../shared/baseStation/model';
import { describeShape, ImportError, importConfig } from '../baseStation/importConfig';
import { describeProblems, parseBaseStationJson } from '../baseStation/modelFile';
import { readBaseStationText } from '../baseStation/readBaseStation';

export interface SiteModel {
  /** Absent when the site has no config or it is unusable (then the project file's or the settings' names apply). */
  readonly model?: BaseStation;
  /** What the model was read from, for reports: "text (Pnnn=value) config", "model JSON", "XML v2 config over state". */
  readonly kind?: string;
  /** Why a config or state file could not be used. */
  readonly problem?: string;
}

export interface SiteTexts {
  /** The config's text (or a model JSON's, for a site that has only one). */
  readonly config?: string;
  /** The state JSON beside a config. */
  readonly state?: string;
}

export function readSiteModel(texts: SiteTexts): SiteModel {
  try {
    if (texts.config === undefined) return {};
    if (texts.state === undefined) return fromOne(texts.config);
    const state = parseBaseStationJson(texts.state.replace(/^\uFEFF/, ''));
    if (!state.ok) return { ...fromOne(texts.config), problem: `the state file is not a valid base-station file:\n${describeProblems(state.problems)}` };
    const imported = importConfig(texts.config, { base: state.model });
    return { model: imported.model, kind: `${describeShape(imported.shape)} config over the state file` };
  } catch (err) {
    // Whatever the files hold, the checks go on and say what went wrong.
    return { problem: err instanceof ImportError ? err.message : `cannot be read: ${err instanceof Error ? err.message : String(err)}` };
  }
}

function fromOne(text: string): SiteModel {
  const read = readBaseStationText(text);
  return read.ok ? { model: read.model, kind: read.kind } : { problem: read.message };
}
