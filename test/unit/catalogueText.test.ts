// What the catalogue gives a user to read: every element has a one-line summary (completion) and a longer text
// (hover), every value a label (completion, inlay hints) and, where it says more, a detail (hover). None is blank,
// none is cut short, and none repeats another element's.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allElements, ancestry, getElement } from '../../server/src/handset/catalogue';

const elements = allElements();

test('every element has a summary and a hover text, each a sentence of its own', () => {
  for (const e of elements) {
    assert.match(e.summary, /^[A-Z(<].{8,}[.)]$/s, `summary of <${e.name}>`);
    assert.match(e.doc, /^[A-Z<`*].{20,}[.)`]$/s, `hover text of <${e.name}>`);
    assert.notEqual(e.doc, e.summary, `<${e.name}>: the hover says more than the summary`);
  }
  const summaries = elements.map((e) => e.summary);
  assert.equal(new Set(summaries).size, summaries.length, 'no two elements share a summary');
});

test('every value has a label and, where it has one, a detail that is a sentence', () => {
  for (const e of elements) {
    const v = e.value;
    if (v?.kind !== 'choice') continue;
    const values = v.choices.map((c) => c.value);
    assert.equal(new Set(values).size, values.length, `<${e.name}> lists a value twice`);
    for (const c of v.choices) {
      assert.match(c.label, /\S{2,}/, `label of <${e.name}> ${c.value}`);
      if (c.detail !== undefined) assert.match(c.detail, /\S{2,}/, `detail of <${e.name}> ${c.value}`);
    }
    if (v.numeric) assert.deepEqual(values, values.map((_, i) => String(Number(values[0]) + i)), `<${e.name}>: a whole-number range in order`);
  }
});

test('the switches say what each setting does when on and when off; ringtones name their file', () => {
  const autoAnswer = getElement('auto_answer')?.value;
  assert.ok(autoAnswer?.kind === 'choice');
  assert.deepEqual(autoAnswer.choices.map((c) => c.label), ['No', 'Yes']);
  assert.ok(autoAnswer.choices.every((c) => c.detail && c.detail.length > 10 && c.detail !== c.label));
  assert.notEqual(autoAnswer.choices[0].detail, autoAnswer.choices[1].detail);
  const ringtone = getElement('custom_ringtone')?.value;
  assert.ok(ringtone?.kind === 'choice');
  assert.deepEqual(ringtone.choices.slice(1).map((c) => c.label), Array.from({ length: 10 }, (_, i) => `ring${i + 1}.bin`));
  assert.ok(ringtone.choices.slice(1).every((c, i) => c.detail?.includes(`ring${i + 1}.bin`)));
  assert.equal(ringtone.choices[0].label, 'Off');
});

test('a key mapping names its key and when it applies; its values carry the menu they live in', () => {
  const idle = getElement('key_up_idle_function');
  const call = getElement('key_up_call_function');
  assert.ok(idle && call);
  assert.match(idle.summary, /while the handset is idle/);
  assert.match(call.summary, /during a call/);
  assert.match(idle.doc, /while the handset is idle/);
  const v = idle.value;
  assert.ok(v?.kind === 'choice');
  assert.equal(v.choices[4].detail, 'Call History › Outgoing Calls');
  assert.equal(v.choices[0].detail, 'None');
});

test('where each element stands: its chain of parents from the root', () => {
  assert.deepEqual(ancestry(getElement('auto_answer')!), ['hs_config', 'hs_settings', 'user']);
  assert.deepEqual(ancestry(getElement('hs_config')!), []);
  assert.equal(getElement('no_such_element'), undefined);
});
