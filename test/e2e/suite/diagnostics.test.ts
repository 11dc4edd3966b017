import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticCode, LANGUAGE_ID, openInLanguage, replaceText, waitForDiagnostics } from './editor';

describe('diagnostics', () => {
  let doc: vscode.TextDocument;

  before(async () => {
    doc = await openInLanguage('broken.xml', LANGUAGE_ID);
  });

  it('reports an invalid value with its code, severity and range', async () => {
    const [d, ...rest] = await waitForDiagnostics(doc.uri, 'a diagnostic', (ds) => ds.length > 0);
    assert.deepEqual(rest.map(diagnosticCode), [], 'only one problem expected');
    assert.equal(diagnosticCode(d), 'invalid-value');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual([d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character], [13, 19, 13, 20]);
    assert.equal(doc.getText(d.range), '7');
  });

  it('clears the diagnostic when the value is fixed', async () => {
    await replaceText(doc, '<auto_answer>7<', '<auto_answer>1<');
    await waitForDiagnostics(doc.uri, 'the diagnostics to clear', (ds) => ds.length === 0);
  });

  it('reports a file that is not well-formed, and clears when it is mended', async () => {
    await replaceText(doc, '</hs_name>', '</hs_nam>');
    const [d] = await waitForDiagnostics(doc.uri, 'an xml-not-well-formed error', (ds) => ds.length > 0);
    assert.equal(diagnosticCode(d), 'xml-not-well-formed');
    assert.equal(d.range.start.line, 3, `the error is reported at line ${d.range.start.line + 1}, not at the broken tag`);
    await replaceText(doc, '</hs_nam>', '</hs_name>');
    await waitForDiagnostics(doc.uri, 'the diagnostics to clear', (ds) => ds.length === 0);
  });
});
