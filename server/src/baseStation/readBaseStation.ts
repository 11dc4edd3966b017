// A base station from the text of a file that is either a base-station model JSON or one of the base station's
// own config files (text or XML): the first character tells them apart.

import { describeShape, ImportError, importConfig } from './importConfig';
import type { BaseStation } from '../../../shared/baseStation/model';
import { describeProblems, parseBaseStationJson } from './modelFile';

export type ReadBaseStation =
  | { readonly ok: true; readonly model: BaseStation; readonly kind: string; readonly notes: readonly string[] }
  | { readonly ok: false; readonly message: string };

export function readBaseStationText(text: string): ReadBaseStation {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trimStart().startsWith('{')) {
    const loaded = parseBaseStationJson(body);
    return loaded.ok ? { ok: true, model: loaded.model, kind: 'model JSON', notes: [] } : { ok: false, message: `not a valid base-station file:\n${describeProblems(loaded.problems)}` };
  }
  try {
    const imported = importConfig(body);
    return { ok: true, model: imported.model, kind: `${describeShape(imported.shape)} config`, notes: imported.notes.map((n) => `line ${n.line}: ${n.message}`) };
  } catch (err) {
    if (err instanceof ImportError) return { ok: false, message: err.message };
    throw err;
  }
}
