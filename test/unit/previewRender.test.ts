// The preview's HTML: everything from the file is escaped, the page has a strict CSP, and it shows the outcome.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { esc, pageHtml, renderFleet, renderPreview } from '../../client/src/preview/render';
import { simulateFleet } from '../../server/src/baseStation/fleet';
import { factoryWithProvisioning } from '../../server/src/baseStation/requester';
import { simulate } from '../../server/src/baseStation/simulate';
import { handset } from './helpers';

const XSS = '<img src=x onerror=alert(1)>';
const escapedXml = XSS.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function hostileFile(): string {
  return handset({
    name: `  <hs_name>${escapedXml}</hs_name>\n`,
    sip: `  <sip>\n    <line>\n      <profile_name>profile1</profile_name>\n      <user_id>${escapedXml}</user_id>\n      <display_name>"quoted" &amp; 'single'</display_name>\n    </line>\n  </sip>\n`,
  });
}

test('values from the file are shown as text, never as markup', () => {
  const result = simulate(factoryWithProvisioning(), '02c332b510', hostileFile());
  const html = renderPreview({ source: `<b>${XSS}</b>`, result });
  assert.doesNotMatch(html, /<img/i);
  assert.doesNotMatch(html, /<b>/);
  assert.match(html, /&#60;img src=x onerror=alert\(1\)&#62;/, 'the hostile value appears, escaped');
  const page = pageHtml({ nonce: 'abc123', title: XSS, body: html });
  assert.equal((page.match(/<script/g) ?? []).length, 1, 'only our own script');
  assert.doesNotMatch(page, /<img|onerror=alert\(1\)>/);
});

test('the page has a strict Content-Security-Policy with a nonce and loads nothing remote', () => {
  const page = pageHtml({ nonce: 'N0nce', title: 't', body: '<p>x</p>' });
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)?.[1] ?? '';
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'nonce-N0nce'/);
  assert.match(csp, /style-src 'nonce-N0nce'/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:/);
  assert.match(page, /<script nonce="N0nce">/);
  assert.match(page, /<style nonce="N0nce">/);
  assert.doesNotMatch(page, /\b(src|href)="https?:/);
});

test('the preview shows the URL, each step, the account table with changed cells and the line slots', () => {
  const result = simulate(factoryWithProvisioning(), '02c332b510', handset());
  const html = renderPreview({ source: 'factory', result });
  assert.match(html, /GET http:\/\/fm\.grandstream\.com\/gs\/ipei_02c332b510\.xml/);
  assert.equal((html.match(/<li data-status=/g) ?? []).length, result.steps.length);
  assert.match(html, /class="badge applied">Applied</);
  assert.match(html, /<td class="changed"><del>—<\/del> → <ins>5328<\/ins><\/td>/, 'the new user ID is marked as changed');
  assert.match(html, /HS1 line slots/);
  assert.match(html, /<ol class="slots">(<li class="[a-z]*"><span class="slot">Line \d+<\/span>.*?<\/li>){10}<\/ol>/, 'ten slots that wrap to the width of the view');
  assert.doesNotMatch(html, /<table class="slots">/);
  assert.match(html, /data-start="\d+" data-end="\d+"/, 'entries can reveal their part of the file');
});

test('a stop is shown as such, with its reason', () => {
  const result = simulate(factoryWithProvisioning(), '02c332b511', handset());
  const html = renderPreview({ source: 'factory', result });
  assert.match(html, /class="badge stopped">Stopped</);
  assert.match(html, /data-status="fail"/);
});

test('without an IPEI there is a plain explanation', () => {
  assert.match(renderPreview({ source: 'factory', problem: 'No IPEI <here>' }), /No IPEI &#60;here&#62;/);
});

test('the folder simulation lists files in order, problems and the handsets afterwards', () => {
  const one = handset({ sip: '  <sip>\n    <line>\n      <profile_name>profile1</profile_name>\n      <user_id>100</user_id>\n      <ring_type>DID</ring_type>\n    </line>\n  </sip>\n' });
  const two = one.replace('02c332b510', '02c332b511');
  const result = simulateFleet(factoryWithProvisioning(), [
    { name: `a/${XSS}.xml`, text: one },
    { name: 'b.xml', text: two },
  ]);
  const html = renderFleet({ source: 'factory', result });
  assert.doesNotMatch(html, /<img/);
  assert.match(html, /HS1/);
  assert.match(html, /HS2/);
  assert.match(html, /DID/);
  assert.ok(result.conflicts.length > 0 && html.includes('class="problems"'), 'the DID conflict is listed');
});

test('assumptions have a section of their own, apart from the steps and the outcome, and steps name the ones they rest on', () => {
  const model = factoryWithProvisioning();
  model.handsets[0].ipei = '0000000001';
  const result = simulate(model, '02c332b510', handset());
  assert.ok(result.assumptions.length > 0);
  const html = renderPreview({ source: 'factory', result });
  const section = /<section><h2>Assumptions <small>where the guide is silent<\/small><\/h2><ul class="assumptions">(.*?)<\/ul><\/section>/.exec(html)?.[1] ?? '';
  assert.equal((section.match(/<li id="assumption-/g) ?? []).length, result.assumptions.length);
  for (const a of result.assumptions) {
    assert.ok(section.includes(`data-assumption="${a.id}"`), a.id);
    assert.ok(section.includes(esc(a.assumed)), `${a.id}: what was assumed is shown`);
    assert.ok(section.includes(esc(a.silentOn)), `${a.id}: what the guide leaves open is shown`);
  }
  const steps = /<ol class="steps">(.*?)<\/ol>/.exec(html)?.[1] ?? '';
  assert.doesNotMatch(steps, /It does not say:/, 'the explanations are not mixed into the steps');
  assert.match(steps, /<span class="assumed" data-assumption="line-slot"/, 'a step marks the assumption it rests on');
  assert.ok(html.indexOf('<h2>Steps</h2>') < html.indexOf('<h2>Assumptions'));
  assert.match(steps, /data-status="warn"[^>]*><span class="n">\d+\.<\/span> <span class="icon warn" aria-label="warn">⚠<\/span> Account 1 rings only HS1, not HS2/, 'the trap is a warning');
});

test('a result without assumptions has no assumptions section', () => {
  const result = simulate(factoryWithProvisioning(), '02c332b511', handset());
  assert.equal(result.outcome, 'stopped');
  const html = renderPreview({ source: 'factory', result: { ...result, assumptions: [] } });
  assert.doesNotMatch(html, /<h2>Assumptions/);
});

test('the folder simulation shows warnings among the problems and its assumptions, the order of files first', () => {
  const one = handset({ ipei: '0000000001', sip: '  <sip>\n    <line>\n      <profile_name>profile1</profile_name>\n      <user_id>100</user_id>\n    </line>\n  </sip>\n' });
  const two = handset({ ipei: '0000000002', sip: '  <sip>\n    <line>\n      <profile_name>profile1</profile_name>\n      <user_id>200</user_id>\n    </line>\n  </sip>\n' });
  const model = factoryWithProvisioning();
  model.handsets[0].lines.fill(0);
  model.handsets[1].lines.fill(0);
  model.handsets[0].ipei = '0000000009';
  const result = simulateFleet(model, [
    { name: 'a.xml', text: one },
    { name: 'b.xml', text: two },
  ]);
  const html = renderFleet({ source: 'factory', result });
  assert.match(html, /<span class="icon warn">⚠<\/span> <a href="#" class="open" data-file="a\.xml">a\.xml<\/a>: Account 1 rings only HS1, not HS2/);
  assert.match(html, /data-assumption="fleet-order"/);
});

test('the page keeps the file it shows as webview state, escaped, so a reloaded window restores the preview', () => {
  const page = pageHtml({ nonce: 'n', title: 't', body: '', state: { uri: 'file:///w/ipei_"x".xml' } });
  assert.ok(page.includes(`<body data-state="{&#34;uri&#34;:&#34;file:///w/ipei_\\&#34;x\\&#34;.xml&#34;}">`), page);
  assert.match(page, /vscode\.setState\(JSON\.parse\(document\.body\.dataset\.state\)\)/);
  assert.doesNotMatch(pageHtml({ nonce: 'n', title: 't', body: '' }), /data-state/);
});

test('every step has its number written out, from 1 past 10 (a list marker lost the first digit of 10 and up)', () => {
  const lines = Array.from({ length: 10 }, (_, i) => `    <line>\n      <profile_name>profile1</profile_name>\n      <user_id>53${i}0</user_id>\n    </line>\n`).join('');
  const result = simulate(factoryWithProvisioning(), '02c332b510', handset({ sip: `  <sip>\n${lines}  </sip>\n` }));
  assert.ok(result.steps.length >= 12, `${result.steps.length} steps`);
  const numbers = [...renderPreview({ source: 'factory', result }).matchAll(/<li data-status="[^"]*"[^>]*><span class="n">(\d+)\.<\/span>/g)].map((m) => Number(m[1]));
  assert.deepEqual(numbers, result.steps.map((_, i) => i + 1));
});

test('the folder simulation lists registered handsets only; numbers no handset holds are named as free (issue 27)', () => {
  // The factory state gives every handset number's line 1 account 1: numbers with no handset held it in the table.
  const result = simulateFleet(factoryWithProvisioning(), [{ name: 'a.xml', text: handset() }]);
  const html = renderFleet({ source: 'factory', result });
  assert.match(html, /<th scope="row">HS1<\/th>/);
  for (const n of [2, 3, 4, 5]) assert.doesNotMatch(html, new RegExp(`<th scope="row">HS${n}</th>`), `HS${n} holds no handset`);
  assert.match(html, /<p class="note">HS2, HS3, HS4 and HS5: no handset registered\.<\/p>/);
});

test('a folder of several sites shows each site\'s run, with the base station it ran on', () => {
  const one = simulateFleet(factoryWithProvisioning(), [{ name: 'north/a.xml', text: handset() }]);
  const two = simulateFleet(factoryWithProvisioning(), [{ name: 'south/b.xml', text: handset().replace('02c332b510', '02c332b511') }]);
  const html = renderFleet({ source: 'north/dp750.txt', result: one, sites: [{ source: 'north/dp750.txt', result: one }, { source: 'south/dp752.txt', result: two }] });
  assert.equal(html.match(/<h1>Folder simulation/g)?.length, 2);
  assert.ok(html.indexOf('north/dp750.txt') < html.indexOf('south/dp752.txt'), 'both sources, in turn');
  assert.match(html, /data-file="south\/b\.xml"/);
});
