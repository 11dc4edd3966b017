// The base-station model file: its JSON Schema (checked with ajv), the loader, and that both agree.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import Ajv from 'ajv';
import fc from 'fast-check';
import { describeHsMode, factoryDefault, profileName, type HsMode } from '../../shared/baseStation/model';
import { baseStationSchema, describeProblems, loadBaseStation, parseBaseStationJson, toBaseStationJson } from '../../server/src/baseStation/modelFile';
import { schemaProblems } from '../../server/src/baseStation/schemaCheck';
import { boolean, formatProblem, integer, list, object, text, type Problem, type Shape } from '../../server/src/baseStation/shape';

// The count scales with HSCONFIG_PROPERTY_RUNS (default 10,000 gives the full count); Stryker's config sets it low.
// At least 500: fewer runs may generate no document valid for both, which the property asserts.
const PROPERTY_RUNS = Math.max(500, Math.round((2000 * Number(process.env.HSCONFIG_PROPERTY_RUNS ?? 10_000)) / 10_000));

const REPO = path.join(__dirname, '..', '..', '..');
const SCHEMA_FILE = path.join(REPO, 'schemas', 'base-station.schema.json');
const EXAMPLES = path.join(REPO, 'schemas', 'examples');

if (process.env.HSCONFIG_WRITE_SCHEMA) writeFileSync(SCHEMA_FILE, JSON.stringify(baseStationSchema(), null, 2) + '\n');

const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
const validateWithAjv = new Ajv({ allErrors: true, strict: true }).compile(schema);

const examples = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ name: f, json: JSON.parse(readFileSync(path.join(EXAMPLES, f), 'utf8')) as unknown }));

test('the committed schema is the one the loader is built from (npm run schema:base-station regenerates it)', () => {
  assert.deepEqual(schema, baseStationSchema());
});

test('every example and the factory default validate against the schema and load', () => {
  assert.ok(examples.length >= 2);
  const docs = [...examples, { name: 'factory default', json: toBaseStationJson(factoryDefault()) }, { name: 'empty', json: {} }];
  for (const { name, json } of docs) {
    assert.ok(validateWithAjv(json), `${name}: ${JSON.stringify(validateWithAjv.errors)}`);
    const loaded = loadBaseStation(json);
    assert.ok(loaded.ok, `${name}: ${loaded.ok ? '' : describeProblems(loaded.problems)}`);
  }
});

test('an empty file is the factory default; a full round trip keeps the model', () => {
  const empty = loadBaseStation({});
  assert.ok(empty.ok);
  assert.deepEqual(empty.model, factoryDefault());
  const office = loadBaseStation(examples.find((e) => e.name === 'office.json')?.json);
  assert.ok(office.ok);
  const again = loadBaseStation(JSON.parse(JSON.stringify(toBaseStationJson(office.model))));
  assert.ok(again.ok);
  assert.deepEqual(again.model, office.model);
});

test('the loader fills what a file leaves out with factory values', () => {
  const r = loadBaseStation({ accounts: [{ slot: 3, userId: '100' }], handsets: [{ number: 2, ipei: '02C332B511', lines: [3] }] });
  assert.ok(r.ok);
  assert.equal(r.model.accounts[2].userId, '100');
  assert.equal(r.model.accounts[2].hsMode, 101);
  assert.equal(r.model.handsets[1].ipei, '02c332b511', 'IPEIs are kept in lowercase');
  assert.deepEqual(r.model.handsets[1].lines, [3, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  assert.equal(r.model.profiles[0].name, 'profile1');
  assert.equal(r.model.model, 'DP750');
});

test('the loader names the path and what is wrong', () => {
  const cases: [unknown, string][] = [
    [[], 'must be an object, not a list'],
    [{ model: 'DP760' }, 'model: must be one of "DP750", "DP752", not "DP760"'],
    [{ accounts: [{ slot: 1 }, { slot: 11 }] }, 'accounts[1].slot: must be a whole number from 1 to 10, not 11'],
    [{ accounts: [{ slot: 2, hsMode: 6 }] }, 'accounts[0].hsMode: must be one of 1, 2, 3, 4, 5, 101, 102, 103, 104, not 6'],
    [{ accounts: [{ userId: 'x' }] }, 'accounts[0]: needs "slot"'],
    [{ handsets: [{ number: 1, ipei: '12345' }] }, 'handsets[0].ipei: must be 10 hex digits, not "12345"'],
    [{ handsets: [{ number: 1, lines: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1] }] }, 'handsets[0].lines: may hold at most 10 entries, not 11'],
    [{ handsets: [{ number: 1, name: 'Far too long a name' }] }, 'handsets[0].name: must be at most 10 characters long, not 19'],
    [{ profiles: [{ index: 1, nmae: 'x' }] }, 'profiles[0].nmae: is not a known property; expected one of index, name, sipServer, active'],
    [{ provisioning: { protocol: 'FTP' } }, 'provisioning.protocol: must be one of "TFTP", "HTTP", "HTTPS", not "FTP"'],
    [{ profiles: [{ index: 2 }, { index: 2 }] }, 'profiles[1].index: 2 is already given by profiles[0]'],
    [{ handsets: [{ number: 1, ipei: '02c332b510' }, { number: 4, ipei: '02C332B510' }] }, 'handsets[1].ipei: 02c332b510 is already registered as HS1'],
  ];
  for (const [json, expected] of cases) {
    const r = loadBaseStation(json);
    assert.ok(!r.ok, JSON.stringify(json));
    assert.equal(describeProblems(r.problems), expected);
  }
  const broken = parseBaseStationJson('{ "model": ');
  assert.ok(!broken.ok);
  assert.match(describeProblems(broken.problems), /^not valid JSON: /);
});

test('schema and loader agree on generated documents (only uniqueness is the loader\'s alone)', () => {
  const anyValue = fc.oneof(fc.integer({ min: -2, max: 120 }), fc.string({ maxLength: 12 }), fc.boolean(), fc.constant(null), fc.constant([]));
  const entry = (key: string, max: number) =>
    fc.record(
      { [key]: fc.oneof(fc.integer({ min: 0, max: max + 1 }), anyValue), name: anyValue, userId: anyValue, hsMode: fc.oneof(fc.constantFrom(1, 5, 101, 104), anyValue), lines: fc.oneof(fc.array(fc.integer({ min: -1, max: 11 }), { maxLength: 11 }), anyValue), ipei: fc.oneof(fc.constant('02c332b510'), anyValue) },
      { requiredKeys: [] },
    );
  const doc = fc.record(
    {
      model: fc.oneof(fc.constantFrom('DP750', 'DP752'), anyValue),
      profiles: fc.array(entry('index', 4), { maxLength: 5 }),
      accounts: fc.array(entry('slot', 10), { maxLength: 3 }),
      handsets: fc.array(entry('number', 5), { maxLength: 3 }),
      provisioning: fc.record({ protocol: fc.oneof(fc.constantFrom('TFTP', 'HTTPS'), anyValue), handsetProvisioning: fc.oneof(fc.boolean(), anyValue) }, { requiredKeys: [] }),
    },
    { requiredKeys: [] },
  );
  let bothValid = 0;
  fc.assert(
    fc.property(doc, (json) => {
      const ajvOk = validateWithAjv(json);
      const loaded = loadBaseStation(json);
      if (!ajvOk) assert.ok(!loaded.ok, `ajv rejects but the loader accepts ${JSON.stringify(json)}`);
      else if (!loaded.ok) assert.ok(loaded.problems.every((p) => /already/.test(p.message)), describeProblems(loaded.problems));
      else bothValid++;
    }),
    { numRuns: PROPERTY_RUNS },
  );
  assert.ok(bothValid > 0, 'some generated documents are valid');
});

describe('schemaProblems: what the JSON Schema finds, with the path as a reader writes it', () => {
  const item = { type: 'object', properties: { e: { type: 'integer' } }, additionalProperties: false };
  const list = { type: 'array', items: item };
  const schema = () => ({ type: 'object', properties: { 'a/b': { type: 'object', properties: { 'c~d': list, v2: list, '2x': list } }, n: { type: 'integer' } }, additionalProperties: false });

  test('a value that fits has no problems', () => {
    assert.deepEqual(schemaProblems(schema, { 'a/b': { 'c~d': [{ e: 1 }], v2: [] }, n: 3 }), []);
    assert.deepEqual(schemaProblems(schema, {}), []);
  });

  test('every fault is found, each at its path: JSON-pointer escapes undone, array indexes in brackets, unknown keys named', () => {
    const twelve = Array.from({ length: 12 }, () => ({ e: 1 }));
    const value = { 'a/b': { 'c~d': [{ e: 1 }, { e: 1 }, { e: 'x', f: 1 }], v2: [...twelve, { e: 1.5 }], '2x': [{ g: 0 }] }, n: 'y', extra: 1 };
    assert.deepEqual(schemaProblems(schema, value), [
      { path: 'extra', message: 'is not a known property' },
      { path: 'a/b.c~d[2].f', message: 'is not a known property' },
      { path: 'a/b.c~d[2].e', message: 'must be integer' },
      { path: 'a/b.v2[12].e', message: 'must be integer' },
      { path: 'a/b.2x[0].g', message: 'is not a known property' },
      { path: 'n', message: 'must be integer' },
    ]);
  });

  test('a schema with a keyword ajv does not know is refused, not half-applied', () => {
    assert.throws(() => schemaProblems(() => ({ type: 'integer', minimun: 1 }), 0), /strict mode: unknown keyword: "minimun"/);
  });

  test('a schema is built and compiled once, on first use', () => {
    let built = 0;
    const counted = () => ((built += 1), { type: 'integer' });
    for (const value of [1, 'x', 2]) schemaProblems(counted, value);
    assert.equal(built, 1);
  });

  test('each schema is checked by itself, also after another was used', () => {
    const small = () => ({ type: 'string' });
    assert.deepEqual(schemaProblems(small, 'x'), []);
    assert.deepEqual(schemaProblems(schema, 'x'), [{ path: '', message: 'must be object' }]);
    assert.deepEqual(schemaProblems(small, 1), [{ path: '', message: 'must be string' }]);
  });
});

describe('shapes: each checker says what is wrong with a value and gives nothing for it', () => {
  const run = <T>(shape: Shape<T>, value: unknown) => {
    const problems: Problem[] = [];
    const out = shape.check(value, 'x', problems);
    return { out, problems: problems.map(formatProblem) };
  };
  const ok = <T>(value: T) => ({ out: value, problems: [] });
  const bad = (...problems: string[]) => ({ out: undefined, problems });

  test('text: the kind of value it got, its length in characters', () => {
    const name = text({ maxLength: 3, description: 'a name' });
    assert.deepEqual(run(name, null), bad('x: must be text, not null'));
    assert.deepEqual(run(name, { a: 1 }), bad('x: must be text, not an object'));
    assert.deepEqual(run(name, [1]), bad('x: must be text, not a list'));
    assert.deepEqual(run(name, 7), bad('x: must be text, not 7'));
    assert.deepEqual(run(name, 'abc'), ok('abc'));
    assert.deepEqual(run(name, '😀😀😀'), ok('😀😀😀'), 'characters, not UTF-16 units');
    assert.deepEqual(run(name, 'abcd'), bad('x: must be at most 3 characters long, not 4'));
  });

  test('integer: a whole number in range', () => {
    const n = integer({ minimum: 1, maximum: 5, description: 'n' });
    assert.deepEqual(run(n, 5), ok(5));
    assert.deepEqual(run(n, 1), ok(1));
    assert.deepEqual(run(n, 0), bad('x: must be a whole number from 1 to 5, not 0'));
    assert.deepEqual(run(n, 6), bad('x: must be a whole number from 1 to 5, not 6'));
    assert.deepEqual(run(n, 1.5), bad('x: must be a whole number from 1 to 5, not 1.5'));
    assert.deepEqual(run(n, '2'), bad('x: must be a whole number from 1 to 5, not "2"'));
  });

  test('boolean: true or false only', () => {
    assert.deepEqual(run(boolean('b'), false), ok(false));
    assert.deepEqual(run(boolean('b'), 'yes'), bad('x: must be true or false, not "yes"'));
  });

  test('list and object: a bad entry or field spoils the whole value, each fault named at its path', () => {
    const n = integer({ minimum: 0, maximum: 9, description: 'n' });
    assert.deepEqual(run(list(n, { maxItems: 3, description: 'l' }), [1, 2]), ok([1, 2]));
    assert.deepEqual(run(list(n, { maxItems: 3, description: 'l' }), { 0: 1 }), bad('x: must be a list, not an object'));
    assert.deepEqual(run(list(n, { maxItems: 3, description: 'l' }), [1, 'a', 12]), bad('x[1]: must be a whole number from 0 to 9, not "a"', 'x[2]: must be a whole number from 0 to 9, not 12'));
    const pair = object({ a: n, b: n }, { required: ['a'], description: 'p' });
    assert.deepEqual({ ...run(pair, { a: 1, b: 2 }) }, { out: Object.assign(Object.create(null) as object, { a: 1, b: 2 }), problems: [] });
    for (const value of [5, 'ab', null, [1]]) assert.equal(run(pair, value).out, undefined, JSON.stringify(value));
    assert.deepEqual(run(pair, 5), bad('x: must be an object, not 5'));
    assert.deepEqual(run(pair, { b: 10, c: 1 }), bad('x: needs "a"', 'x.b: must be a whole number from 0 to 9, not 10', 'x.c: is not a known property; expected one of a, b'));
  });
});

test('HS modes and profiles are named as the web UI names them', () => {
  const m = factoryDefault();
  assert.deepEqual([1, 5, 101, 102, 103, 104].map((mode) => describeHsMode(mode as HsMode)), ['HS1', 'HS5', 'Circular', 'Linear', 'Parallel', 'Shared']);
  assert.deepEqual([0, 6].map((mode) => describeHsMode(mode as HsMode)), ['mode 0', 'mode 6'], 'a mode no model file can hold is still shown');
  m.profiles[1].name = 'Trunk';
  assert.deepEqual([1, 2, 9].map((i) => profileName(m, i)), ['profile1', 'Trunk', 'profile 9']);
});
