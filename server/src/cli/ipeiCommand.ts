// `hsconfig ipei`: one IPEI in both forms, its check digit, and the file name the base station requests for it.

import { parseArgs } from 'node:util';
import { affixProblem, encryptedFileName } from '../../../shared/domain/encryptedFileName';
import { readIpei, type IpeiReading } from '../../../shared/domain/ipeiInput';
import type { Command } from './command';
import { UsageError } from './files';

export const ipeiCommand: Command = {
  usage: [
    '  ipei [--prefix P] [--postfix P] [--json] <IPEI>',
    '      Show an IPEI (10 hex digits, or 13 decimal digits with or without spaces) in both forms, check its',
    '      check digit, and name the file the base station requests for it (prefix default ipei_).',
    '      Exit 1 when the IPEI is invalid or its check digit is wrong.',
  ].join('\n'),
  async run(args) {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { prefix: { type: 'string', default: 'ipei_' }, postfix: { type: 'string', default: '' }, json: { type: 'boolean' } },
    });
    if (positionals.length === 0) throw new UsageError('ipei needs an IPEI.');
    const affixes = { prefix: values.prefix, postfix: values.postfix };
    const problem = affixProblem('prefix', affixes.prefix) ?? affixProblem('postfix', affixes.postfix);
    if (problem) throw new UsageError(problem);
    // `hsconfig ipei 11315 0177424 2` arrives as three arguments.
    const input = positionals.join(' ');
    const reading = readIpei(input);
    if ('problem' in reading) {
      if (values.json) console.log(JSON.stringify({ input, valid: false, problem: reading.problem }, null, 2));
      else console.error(`hsconfig: ${reading.problem}`);
      return 1;
    }
    const fileName = encryptedFileName(reading.hex, affixes);
    if (values.json) console.log(JSON.stringify(asJson(input, reading, fileName), null, 2));
    else for (const line of asText(reading, fileName)) console.log(line);
    return reading.checkDigitOk ? 0 : 1;
  },
};

function asJson(input: string, r: IpeiReading, fileName: string) {
  return {
    input,
    valid: r.checkDigitOk,
    form: r.form,
    hex: r.hex,
    decimal: r.decimal ?? null,
    grouped: r.grouped ?? null,
    checkDigit: { given: r.givenCheckDigit ?? null, expected: r.expectedCheckDigit ?? null, ok: r.checkDigitOk },
    fileName,
  };
}

function asText(r: IpeiReading, fileName: string): string[] {
  return [
    `hex:         ${r.hex}`,
    `decimal:     ${r.decimal ?? 'none (a 13-digit form exists only when the first hex digit is 0)'}`,
    `grouped:     ${r.grouped ?? 'none'}`,
    `check digit: ${checkDigitText(r)}`,
    `file name:   ${fileName}`,
  ];
}

function checkDigitText(r: IpeiReading): string {
  if (r.expectedCheckDigit === undefined) return 'none';
  if (r.form === 'hex') return `${r.expectedCheckDigit} (computed from the hex form)`;
  if (r.checkDigitOk) return `${r.givenCheckDigit} (correct)`;
  return `${r.givenCheckDigit} is WRONG, it should be ${r.expectedCheckDigit} (check the IPEI for a typo)`;
}
