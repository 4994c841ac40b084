// Analyst markup in the editor: problems (lint), quick fixes, hovers, defang/refang/copy commands. The fixture report
// threat-brief.md is edited by some tests and always reverted: it must never be left modified on disk or in memory.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, fixture, show, sleep, waitFor } from './helpers';

const BRIEF = 'reports/threat-brief.md';

interface MarkupResult {
  uri: string;
  version: number;
  spans: { start: number; end: number; text: string; kind: string; subtype?: string; value?: string }[];
  diagnostics: { start: number; end: number; code: string; severity: string; range: number[] }[];
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Analyst Lens');
}

function codeOf(d: vscode.Diagnostic): string {
  return String(typeof d.code === 'object' ? d.code.value : d.code);
}

function codes(uri: vscode.Uri): string[] {
  return ours(uri).map(codeOf).sort();
}

// The brief's mixed rows: "very likely that the BRASS HARBOR operators …" then "Their return … is probable" (one
// subject). "a shift to other sectors is unlikely" is a separate judgement and is not reported.
const EXPECTED = ['confidence-with-likelihood', 'missing-portion-marking', 'mixed-likelihood-rows'];

/** The problems of the document, once they are exactly `expected` (sorted codes). */
async function diagnosticsBecome(uri: vscode.Uri, expected: string[]): Promise<vscode.Diagnostic[]> {
  return waitFor(`diagnostics ${expected.join(', ')} (have ${codes(uri).join(', ')})`, () =>
    JSON.stringify(codes(uri)) === JSON.stringify(expected) ? ours(uri) : undefined,
  );
}

async function hoverText(doc: vscode.TextDocument, offset: number): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(offset));
  return (hovers ?? [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n---\n');
}

function offsetOf(doc: vscode.TextDocument, needle: string, from = 0): number {
  const at = doc.getText().indexOf(needle, from);
  assert.ok(at >= 0, `"${needle}" is not in ${doc.uri.path}`);
  return at;
}

/** Reverts and closes every editor of the fixture, whatever a test left behind. */
async function revertBrief(): Promise<void> {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === fixture(BRIEF).toString());
  if (doc?.isDirty) {
    await vscode.window.showTextDocument(doc, { preview: false });
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await closeAllEditors();
}

describe('analyst markup', () => {
  let onDisk = '';
  before(async () => {
    onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(fixture(BRIEF)));
  });
  afterEach(revertBrief);
  after(async () => {
    const now = new TextDecoder().decode(await vscode.workspace.fs.readFile(fixture(BRIEF)));
    assert.equal(now, onDisk, 'threat-brief.md was modified on disk');
  });

  it('reports the lint problems with their codes, severities and documentation links', async () => {
    const editor = await show(BRIEF);
    const doc = editor.document;
    const diags = await diagnosticsBecome(doc.uri, EXPECTED);
    const byCode = (c: string) => diags.filter((d) => codeOf(d) === c);
    assert.deepEqual(byCode('mixed-likelihood-rows').map((d) => doc.getText(d.range)), ['probable']);
    assert.match(byCode('mixed-likelihood-rows')[0]!.message, /about the same subject \("brass harbor operators"\)/);
    assert.equal(doc.getText(byCode('confidence-with-likelihood')[0]!.range), 'high confidence');
    assert.ok(doc.getText(byCode('missing-portion-marking')[0]!.range).startsWith('The loader beaconed'));
    // defaults: mixed rows and portion marking are warnings, confidence+likelihood information
    assert.equal(byCode('mixed-likelihood-rows')[0]!.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(byCode('missing-portion-marking')[0]!.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(byCode('confidence-with-likelihood')[0]!.severity, vscode.DiagnosticSeverity.Information);
    for (const d of diags) {
      assert.ok(typeof d.code === 'object', 'the code carries a link');
      const target = (d.code as { target: vscode.Uri }).target;
      assert.ok(target.path.endsWith('/docs/markup.md'), target.toString());
      assert.equal(target.fragment, codeOf(d));
    }
    assert.equal(doc.isDirty, false);
  });

  it('the documentation link of each problem points at a section of docs/markup.md, which itself gets no problems', async () => {
    const doc = (await show(BRIEF)).document;
    const diags = await diagnosticsBecome(doc.uri, EXPECTED);
    const target = (diags[0]!.code as { target: vscode.Uri }).target.with({ fragment: '' });
    const docs = await vscode.workspace.openTextDocument(target);
    for (const code of new Set(EXPECTED)) assert.match(docs.getText(), new RegExp(`^#+ ${code}$`, 'm'), `no section for ${code}`);
    await vscode.window.showTextDocument(docs, { preview: false });
    const r = await vscode.commands.executeCommand<MarkupResult>('analystLens.getMarkup', docs.uri);
    assert.ok(r.diagnostics.length > 0, 'the examples in the documentation would be problems in a report');
    await sleep(1000);
    assert.deepEqual(codes(docs.uri), [], 'but the documentation is not linted');
  });

  it('analystLens.getMarkup lists the spans of the report (markings, DTG, likelihood, indicators)', async () => {
    const doc = (await show(BRIEF)).document;
    const r = await vscode.commands.executeCommand<MarkupResult>('analystLens.getMarkup', doc.uri);
    assert.equal(r.version, doc.version);
    const kinds = new Set(r.spans.map((s) => s.kind));
    for (const k of ['marking', 'dtg', 'estimative', 'confidence', 'indicator']) assert.ok(kinds.has(k), `no ${k} span`);
    for (const s of r.spans) assert.equal(doc.getText().slice(s.start, s.end), s.text);
    assert.deepEqual(r.diagnostics.map((d) => d.code).sort(), EXPECTED);
    assert.equal(r.spans.find((s) => s.kind === 'dtg')?.value, '2026-11-24T15:30:00Z');
  });

  it('hovers: likelihood band, refanged indicator with a copy link, DTG as ISO time, marking, confidence', async () => {
    const doc = (await show(BRIEF)).document;
    const veryLikely = await hoverText(doc, offsetOf(doc, 'very likely') + 3);
    assert.match(veryLikely, /very likely/);
    assert.match(veryLikely, /80\u201395%/);
    assert.match(veryLikely, /highly probable/, 'the ICD 203 table row');

    const domain = await hoverText(doc, offsetOf(doc, 'update-check[.]net') + 2);
    assert.match(domain, /Domain name/);
    assert.match(domain, /`update-check\.net`/);
    assert.match(domain, /command:analystLens\.copyRefanged\?/);
    const link = /command:analystLens\.copyRefanged\?([^ )]+)/.exec(domain)![1]!;
    assert.deepEqual(JSON.parse(decodeURIComponent(link)), ['update-check.net']);

    const url = await hoverText(doc, offsetOf(doc, 'hxxps://') + 1);
    assert.match(url, /`https:\/\/cdn\.update-check\.net\/stage2\.bin`/);

    const dtg = await hoverText(doc, offsetOf(doc, '241530Z NOV 26') + 4);
    assert.match(dtg, /2026-11-24T15:30:00Z/);

    const marking = await hoverText(doc, offsetOf(doc, 'UNCLASSIFIED//') + 2);
    assert.match(marking, /UNCLASSIFIED/);
    assert.match(marking, /FOUO/);
    assert.match(await hoverText(doc, offsetOf(doc, 'TLP:AMBER') + 1), /need-to-know/);
    assert.match(await hoverText(doc, offsetOf(doc, 'high confidence') + 1), /High confidence/);

    // plain prose: no markup hover
    const prose = await hoverText(doc, offsetOf(doc, 'logistics') + 2);
    assert.doesNotMatch(prose, /ICD 203|Refanged|Date-time group|marking/);
  });

  it('copyRefanged and copyIndicators put refanged values on the clipboard, one per line, without repeats', async () => {
    await show(BRIEF);
    assert.equal(await vscode.commands.executeCommand('analystLens.copyRefanged', 'evil.example'), 'evil.example');
    assert.equal(await vscode.env.clipboard.readText(), 'evil.example');
    const text = await vscode.commands.executeCommand<string>('analystLens.copyIndicators');
    assert.deepEqual(text.split('\n'), [
      'update-check.net',
      '203.0.113.45',
      'https://cdn.update-check.net/stage2.bin',
      'd7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592',
      'soc@example.org',
    ]);
    assert.equal(await vscode.env.clipboard.readText(), text);
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('refangIndicators rewrites every indicator as one edit that one undo reverts exactly', async () => {
    const editor = await show(BRIEF);
    const doc = editor.document;
    const original = doc.getText();
    const n = await vscode.commands.executeCommand<number>('analystLens.refangIndicators');
    assert.equal(n, 5, 'defanged indicators rewritten');
    const text = doc.getText();
    assert.ok(!/\[\.\]|\[@\]|hxxp/.test(text), text);
    assert.ok(text.includes('fetched https://cdn.update-check.net/stage2.bin'));
    assert.ok(text.includes('soc@example.org'));
    // nothing refanged twice
    assert.equal(await vscode.commands.executeCommand<number>('analystLens.refangIndicators'), 0);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), original, 'one undo restores the report');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.equal(doc.isDirty, false);
  });

  it('defangIndicators in a selection defangs only the indicators there (not hashes or ATT&CK ids)', async () => {
    const content = 'Seen: evil.example.com, 198.51.100.7, https://x.example.org/a and T1059.001.\n\nLeave admin@example.net alone.\n';
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    editor.selection = new vscode.Selection(0, 0, 0, doc.lineAt(0).text.length);
    const n = await vscode.commands.executeCommand<number>('analystLens.defangIndicators');
    assert.equal(n, 3);
    assert.equal(
      doc.getText(),
      'Seen: evil[.]example[.]com, 198[.]51[.]100[.]7, hxxps://x[.]example[.]org/a and T1059.001.\n\nLeave admin@example.net alone.\n',
    );
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), content);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('quick fixes: insert a portion marking, add a note, disable a rule', async () => {
    const editor = await show(BRIEF);
    const doc = editor.document;
    const diags = await diagnosticsBecome(doc.uri, EXPECTED);

    const missing = diags.find((d) => codeOf(d) === 'missing-portion-marking')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, missing.range);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Insert portion marking (U)'), titles.join(' | '));
    assert.ok(titles.some((t) => t.startsWith('Disable the rule "missing portion marking"')), titles.join(' | '));
    const insert = actions.find((a) => a.title === 'Insert portion marking (U)')!;
    assert.ok(insert.edit && (await vscode.workspace.applyEdit(insert.edit)));
    assert.ok(doc.getText().includes('\n(U) The loader beaconed'), 'marking inserted at the paragraph start');
    await diagnosticsBecome(doc.uri, EXPECTED.filter((c) => c !== 'missing-portion-marking'));

    const mixed = ours(doc.uri).find((d) => codeOf(d) === 'mixed-likelihood-rows')!;
    const mixedActions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, mixed.range);
    const note = mixedActions.find((a) => a.title === 'Add a note explaining the mixed likelihood terms');
    assert.ok(note?.edit, mixedActions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(note.edit));
    assert.match(doc.getText(), /other sectors is unlikely\. Note: why the likelihood terms differ\./);
    await diagnosticsBecome(doc.uri, ['confidence-with-likelihood']);

    const conf = ours(doc.uri)[0]!;
    const confActions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, conf.range);
    const disable = confActions.find((a) => a.command?.command === 'analystLens.disableMarkupRule');
    assert.ok(disable?.command, confActions.map((a) => a.title).join(' | '));
    const config = () => vscode.workspace.getConfiguration('analystLens', doc);
    try {
      const where = await vscode.commands.executeCommand(disable.command.command, ...(disable.command.arguments ?? []));
      assert.equal(where, 'global', 'written to the user settings, never to the fixture workspace');
      assert.equal(config().get('diagnostics.confidenceWithLikelihood'), 'off');
      await diagnosticsBecome(doc.uri, []);
      // a severity setting changes the severity
      await config().update('diagnostics.confidenceWithLikelihood', 'error', vscode.ConfigurationTarget.Global);
      const [d] = await diagnosticsBecome(doc.uri, ['confidence-with-likelihood']);
      assert.equal(d!.severity, vscode.DiagnosticSeverity.Error);
    } finally {
      await config().update('diagnostics.confidenceWithLikelihood', undefined, vscode.ConfigurationTarget.Global);
    }
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.equal(doc.getText(), onDisk);
    await diagnosticsBecome(doc.uri, EXPECTED);
  });

  it('problems follow edits and go away when the document closes', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '(U) First paragraph.\n\nSecond paragraph.\n' });
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    await diagnosticsBecome(doc.uri, ['missing-portion-marking']);
    await editor.edit((b) => b.insert(new vscode.Position(2, 0), '(U) '));
    await diagnosticsBecome(doc.uri, []);
    await editor.edit((b) => b.insert(doc.lineAt(2).range.end, ' It is likely, and almost certain.'));
    await diagnosticsBecome(doc.uri, ['mixed-likelihood-rows']);
    const uri = doc.uri;
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor('problems cleared on close', () => ours(uri).length === 0);
  });
});
