// Every path of the password questions, with a scripted user: what is asked, in which order, and what is remembered.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PasswordFlow, type Attempt, type PasswordUi, type SecretSlot } from '../../client/src/encryption/passwordFlow';

interface Script {
  typed?: (string | undefined)[];
  choices?: (string | undefined)[];
  remember?: boolean[];
}

function setup(script: Script, stored?: string) {
  const asked: string[] = [];
  const secret = { value: stored };
  const ui: PasswordUi = {
    enter: async (q) => {
      const answer = script.typed?.shift();
      asked.push(`enter: ${q.title} | ${q.prompt}`);
      if (answer !== undefined) {
        const problem = q.validate(answer);
        assert.equal(problem, undefined, `the input box would not accept ${answer}: ${problem}`);
      }
      return answer;
    },
    choose: async (title, options) => {
      asked.push(`choose: ${title} | ${options.map((o) => o.label).join(' / ')}`);
      return script.choices?.shift() as never;
    },
    offerToRemember: async (message) => {
      asked.push(`remember? ${message}`);
      return script.remember?.shift() ?? false;
    },
  };
  const slot: SecretSlot = {
    get: async () => secret.value,
    store: async (v) => void (secret.value = v),
    delete: async () => void (secret.value = undefined),
  };
  return { flow: new PasswordFlow(ui, slot), asked, secret };
}

/** A file that only `right` decrypts. */
const fileFor = (right: string) => (password: string): Attempt<string> => (password === right ? { ok: 'plaintext' } : { wrongPassword: 'The password is wrong.' });

test('decrypt, nothing known: asks once; offers to remember only after the password worked', async () => {
  const { flow, asked, secret } = setup({ typed: ['wrong', 'right'], remember: [true] });
  assert.equal(await flow.decrypt('ipei_1.xml', fileFor('right')), 'plaintext');
  await flow.settled();
  assert.equal(asked.length, 3);
  assert.match(asked[0], /^enter: Password to decrypt ipei_1\.xml/);
  assert.match(asked[1], /^enter: .*The password is wrong\./, 'the second question says why');
  assert.match(asked[2], /^remember\? Remember this password for this workspace\?/, 'no offer after the wrong one');
  assert.equal(secret.value, 'right');
});

test('decrypt, cancelled: nothing offered, nothing kept', async () => {
  const { flow, asked, secret } = setup({ typed: [undefined] });
  assert.equal(await flow.decrypt('ipei_1.xml', fileFor('right')), undefined);
  await flow.settled();
  assert.equal(asked.length, 1);
  assert.equal(secret.value, undefined);
  assert.equal(flow.describeKnown(), undefined);
});

test('decrypt, three wrong passwords: an error that says so; none is offered or kept', async () => {
  const { flow, asked, secret } = setup({ typed: ['a', 'b', 'c'] });
  await assert.rejects(flow.decrypt('ipei_1.xml', fileFor('right')), /ipei_1\.xml: The password is wrong\. \(3 tries\)/);
  await flow.settled();
  assert.ok(asked.every((a) => a.startsWith('enter:')));
  assert.equal(secret.value, undefined);
});

test('decrypt with the remembered password: no question at all', async () => {
  const { flow, asked } = setup({}, 'right');
  assert.equal(await flow.decrypt('ipei_1.xml', fileFor('right')), 'plaintext');
  await flow.settled();
  assert.deepEqual(asked, []);
});

test('decrypt a file the remembered password does not fit: says so, asks, keeps the old one unless told', async () => {
  const { flow, asked, secret } = setup({ typed: ['other'], remember: [false] }, 'right');
  assert.equal(await flow.decrypt('ipei_2.xml', fileFor('other')), 'plaintext');
  await flow.settled();
  assert.match(asked[0], /The password remembered for this workspace \(VS Code's secret storage\) does not decrypt ipei_2\.xml\./);
  assert.match(asked[1], /instead of the one remembered now/);
  assert.equal(secret.value, 'right', 'the remembered password is not thrown away');
  assert.equal(flow.describeKnown(), 'the password typed earlier in this window');
});

test('encrypt, nothing known: a new password typed twice, then offered to be remembered', async () => {
  const { flow, asked, secret } = setup({ typed: ['N3w-pass', 'N3w-pass'], remember: [true] });
  assert.equal(await flow.forEncrypt('ipei_1.xml'), 'N3w-pass');
  await flow.settled();
  assert.match(asked[0], /^enter: New password to encrypt ipei_1\.xml/);
  assert.match(asked[1], /type it again/);
  assert.match(asked[2], /^remember\?/);
  assert.equal(secret.value, 'N3w-pass');
});

test('encrypt: the second box refuses a different password; cancelling it encrypts nothing', async () => {
  const { flow, asked } = setup({ typed: ['N3w-pass', undefined] });
  await assert.rejects(
    (async () => {
      const probe = setup({ typed: ['N3w-pass', 'N3w-pasz'] });
      await probe.flow.forEncrypt('x');
    })(),
    /would not accept N3w-pasz: The two passwords differ\./,
  );
  assert.equal(await flow.forEncrypt('ipei_1.xml'), undefined);
  await flow.settled();
  assert.equal(asked.length, 2, 'no offer to remember an unconfirmed password');
});

test('encrypt: a new password is checked against what the base station accepts', async () => {
  const { flow } = setup({ typed: ['has space'] });
  await assert.rejects(flow.forEncrypt('x'), /does not allow spaces/);
});

test('encrypt with a remembered password: says which one is reused and offers another', async () => {
  const { flow, asked } = setup({ choices: ['reuse'] }, 'right');
  assert.equal(await flow.forEncrypt('3 handset files'), 'right');
  assert.deepEqual(asked, [
    "choose: Password to encrypt 3 handset files | Use the password remembered for this workspace (VS Code's secret storage) / Enter a different password…",
  ]);
});

test('encrypt, changing the remembered password: typed twice, offered to replace the remembered one', async () => {
  const { flow, asked, secret } = setup({ choices: ['new'], typed: ['Chang3d', 'Chang3d'], remember: [true] }, 'right');
  assert.equal(await flow.forEncrypt('ipei_1.xml'), 'Chang3d');
  await flow.settled();
  assert.match(asked[3], /instead of the one remembered now/);
  assert.equal(secret.value, 'Chang3d');
});

test('decrypt after a typed wrong password is not possible to reuse: encrypt never gets an unchecked password', async () => {
  const { flow, asked } = setup({ typed: ['wrong', undefined, 'Fresh-1', 'Fresh-1'] });
  assert.equal(await flow.decrypt('ipei_1.xml', fileFor('right')), undefined);
  assert.equal(await flow.forEncrypt('ipei_1.xml'), 'Fresh-1');
  assert.ok(!asked.some((a) => a.startsWith('choose:')), 'no known password was offered for reuse');
});

test('a password set through the API is used without questions and kept only if asked', async () => {
  const { flow, asked, secret } = setup({});
  await flow.set('Api-pass', false);
  assert.equal(await flow.forEncrypt('x'), 'Api-pass');
  assert.deepEqual(asked, []);
  assert.equal(secret.value, undefined);
  await assert.rejects(flow.set('has space', true), /spaces/);
});
