// `hsconfig import-base`: a base station's config file → the base-station model JSON.

import { existsSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { describeShape, ImportError, importConfig } from '../baseStation/importConfig';
import { MODELS, type ModelName } from '../../../shared/baseStation/model';
import { toBaseStationJson } from '../baseStation/modelFile';
import { OutputExistsError, writeFileAtomic } from '../../../shared/files/atomicWrite';
import type { Command } from './command';
import { readText, UsageError } from './files';

export const importBaseCommand: Command = {
  usage: [
    '  import-base <config file> [--out FILE] [--force] [--model DP750|DP752]',
    '      Read a base station\'s config file (Pnnn=value text, XML v1 or XML v2) into the base-station model',
    '      JSON that preview, simulate and the editor use (.vscode/hsconfig-base-station.json). Prints it, or',
    '      writes it to --out, never replacing a file without --force.',
  ].join('\n'),
  async run(args) {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { out: { type: 'string' }, force: { type: 'boolean' }, model: { type: 'string' } },
    });
    if (positionals.length !== 1) throw new UsageError('import-base takes exactly one config file.');
    const model = values.model ?? 'DP750';
    if (!MODELS.includes(model as ModelName)) throw new UsageError(`--model takes ${MODELS.join(' or ')}, not ${model}.`);
    const file = positionals[0];
    if (!existsSync(file)) throw new UsageError(`No such file: ${file}`);
    const imported = importOrExplain(file, await readText(file), model as ModelName);
    for (const note of imported.notes) console.error(`hsconfig: note: ${file}:${note.line}: ${note.message}`);
    const json = JSON.stringify(toBaseStationJson(imported.model), null, 2) + '\n';
    console.error(`${file}: ${describeShape(imported.shape)} config, ${imported.used} values used.`);
    if (values.out === undefined) {
      process.stdout.write(json);
      return 0;
    }
    try {
      mkdirSync(path.dirname(values.out), { recursive: true }); // .vscode/ need not exist yet
      writeFileAtomic(values.out, Buffer.from(json, 'utf8'), { overwrite: values.force === true });
    } catch (err) {
      if (err instanceof OutputExistsError) throw new UsageError(err.message);
      throw err;
    }
    console.error(`Wrote ${values.out}.`);
    return 0;
  },
};

function importOrExplain(file: string, text: string, model: ModelName) {
  try {
    return importConfig(text, { model });
  } catch (err) {
    if (err instanceof ImportError) throw new Error(`${file}: ${err.message}`);
    throw err;
  }
}
