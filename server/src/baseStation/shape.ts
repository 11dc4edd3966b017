// Tiny shape combinators that give both a JSON Schema and a checker from one description, so the schema file that
// editors use and the loader that the server and CLI use cannot drift apart.

export interface Problem {
  /** Where in the JSON, such as `accounts[2].hsMode`; empty for the whole document. */
  readonly path: string;
  readonly message: string;
}

export type JsonSchema = Record<string, unknown>;

export interface Shape<T> {
  readonly schema: JsonSchema;
  /** The value when it fits, else `undefined` with the reasons added to `problems`. */
  check(value: unknown, path: string, problems: Problem[]): T | undefined;
}

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'object') return 'an object';
  return String(value);
}

export function text(options: { maxLength?: number; pattern?: RegExp; patternText?: string; description: string }): Shape<string> {
  const schema: JsonSchema = { type: 'string', description: options.description };
  if (options.maxLength !== undefined) schema.maxLength = options.maxLength;
  if (options.pattern) schema.pattern = options.pattern.source;
  return {
    schema,
    check(value, path, problems) {
      if (typeof value !== 'string') return fail(problems, path, `must be text, not ${describeJson(value)}`);
      if (options.maxLength !== undefined && [...value].length > options.maxLength) {
        return fail(problems, path, `must be at most ${options.maxLength} characters long, not ${[...value].length}`);
      }
      if (options.pattern && !options.pattern.test(value)) return fail(problems, path, `must be ${options.patternText ?? options.pattern.source}, not "${value}"`);
      return value;
    },
  };
}

export function integer(options: { minimum: number; maximum: number; description: string }): Shape<number> {
  return {
    schema: { type: 'integer', minimum: options.minimum, maximum: options.maximum, description: options.description },
    check(value, path, problems) {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < options.minimum || value > options.maximum) {
        return fail(problems, path, `must be a whole number from ${options.minimum} to ${options.maximum}, not ${describeJson(value)}`);
      }
      return value;
    },
  };
}

export function oneOf<T extends string | number>(values: readonly T[], description: string): Shape<T> {
  return {
    schema: { enum: [...values], description },
    check(value, path, problems) {
      if (!values.includes(value as T)) return fail(problems, path, `must be one of ${values.map((v) => JSON.stringify(v)).join(', ')}, not ${describeJson(value)}`);
      return value as T;
    },
  };
}

export function boolean(description: string): Shape<boolean> {
  return {
    schema: { type: 'boolean', description },
    check(value, path, problems) {
      return typeof value === 'boolean' ? value : fail(problems, path, `must be true or false, not ${describeJson(value)}`);
    },
  };
}

export function nullable<T>(shape: Shape<T>): Shape<T | null> {
  return {
    schema: { anyOf: [shape.schema, { type: 'null' }] },
    check: (value, path, problems) => (value === null ? null : shape.check(value, path, problems)),
  };
}

export function list<T>(item: Shape<T>, options: { maxItems: number; description: string }): Shape<T[]> {
  return {
    schema: { type: 'array', items: item.schema, maxItems: options.maxItems, description: options.description },
    check(value, path, problems) {
      if (!Array.isArray(value)) return fail(problems, path, `must be a list, not ${describeJson(value)}`);
      if (value.length > options.maxItems) return fail(problems, path, `may hold at most ${options.maxItems} entries, not ${value.length}`);
      const before = problems.length;
      const items = value.map((v, i) => item.check(v, `${path}[${i}]`, problems));
      return problems.length === before ? (items as T[]) : undefined;
    },
  };
}

type Fields = Record<string, Shape<unknown>>;
type ObjectOf<F extends Fields, R extends keyof F> = { [K in R]: F[K] extends Shape<infer T> ? T : never } & {
  [K in Exclude<keyof F, R>]?: F[K] extends Shape<infer T> ? T : never;
};

/** An object with exactly these properties; those in `required` must be there. */
export function object<F extends Fields, R extends keyof F & string = never>(fields: F, options: { required?: readonly R[]; description: string }): Shape<ObjectOf<F, R>> {
  const required = options.required ?? [];
  const properties = Object.fromEntries(Object.entries(fields).map(([k, s]) => [k, s.schema]));
  const schema: JsonSchema = { type: 'object', description: options.description, properties, additionalProperties: false };
  if (required.length > 0) schema.required = [...required];
  return {
    schema,
    check(value, path, problems) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(problems, path, `must be an object, not ${describeJson(value)}`);
      const before = problems.length;
      const record = value as Record<string, unknown>;
      // Keys are the user's: looked up as own properties only, into an object without a prototype.
      const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const key of required) if (!Object.hasOwn(record, key)) problems.push({ path, message: `needs "${key}"` });
      for (const [key, v] of Object.entries(record)) {
        const field = Object.hasOwn(fields, key) ? fields[key] : undefined;
        const at = path ? `${path}.${key}` : key;
        if (!field) problems.push({ path: at, message: `is not a known property; expected one of ${Object.keys(fields).join(', ')}` });
        else out[key] = field.check(v, at, problems);
      }
      return problems.length === before ? (out as ObjectOf<F, R>) : undefined;
    },
  };
}

function fail(problems: Problem[], path: string, message: string): undefined {
  problems.push({ path, message });
  return undefined;
}

export function formatProblem(p: Problem): string {
  return p.path ? `${p.path}: ${p.message}` : p.message;
}
