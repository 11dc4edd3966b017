// The base-station file is checked against its JSON Schema (the one shipped as schemas/base-station.schema.json,
// which a unit test keeps equal to baseStationSchema()) by ajv before any of it is read.

import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { JsonSchema, Problem } from './shape';

/** Each schema is compiled once, on first use. */
const compiledSchemas = new WeakMap<() => JsonSchema, ValidateFunction>();

/** Problems by the schema, worded plainly enough; none when the value fits it. */
export function schemaProblems(schema: () => JsonSchema, value: unknown): Problem[] {
  let compiled = compiledSchemas.get(schema);
  if (!compiled) {
    compiled = new Ajv({ allErrors: true, strict: true }).compile(schema());
    compiledSchemas.set(schema, compiled);
  }
  if (compiled(value)) return [];
  return (compiled.errors ?? []).map(toProblem);
}

function toProblem(e: ErrorObject): Problem {
  const path = e.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((at, part) => (/^\d+$/.test(part) ? `${at}[${part}]` : at ? `${at}.${part}` : part), '');
  if (e.keyword === 'additionalProperties') {
    const key = String((e.params as { additionalProperty: string }).additionalProperty);
    return { path: path ? `${path}.${key}` : key, message: 'is not a known property' };
  }
  return { path, message: e.message ?? `breaks the schema's ${e.keyword} rule` };
}
