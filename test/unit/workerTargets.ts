// Functions for returnsWithin (deadline.ts) to run in a worker: each takes and returns plain data.

import { TextDocument } from 'vscode-languageserver-textdocument';
import { getBaseConfigService } from '../../server/src/baseConfig/baseConfigService';

/** The config language's diagnostics of a text, as a text config file. */
export function validateConfigText(text: string) {
  return getBaseConfigService().doValidation(TextDocument.create('file:///w/config.txt', 'hsconfig-base', 1, text));
}
