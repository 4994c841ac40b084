// Threat reports in a real VS Code: a threat-intelligence profile is highlighted with threat actors, malware, tools
// and ATT&CK techniques, and a threat actor's hover card merges its aliases and says what it uses and targets.
// Under code-server the runner saves test-artifacts/cti-report.png (the highlighted report) and
// test-artifacts/cti-hover.png (the hover card on screen).
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, entitiesOf, screenshot, waitFor } from './helpers';

/** test/fixtures/cti/apt28-profile.md (out/test/integration/suite -> repository root). */
const PROFILE = vscode.Uri.file(join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'cti', 'apt28-profile.md'));


const hoverText = (hovers: vscode.Hover[]) =>
  hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');

describe('threat reports', () => {
  let editor: vscode.TextEditor;

  before(async function () {
    this.timeout(60_000);
    await closeAllEditors();
    for (const cmd of ['workbench.action.closePanel', 'workbench.action.closeAuxiliaryBar', 'notifications.clearAll']) {
      await vscode.commands.executeCommand(cmd).then(undefined, () => undefined);
    }
    const doc = await vscode.workspace.openTextDocument(PROFILE);
    editor = await vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.One });
  });

  it('highlights threat actors, malware, tools and ATT&CK techniques', async function () {
    this.timeout(90_000);
    const r = await entitiesOf(editor.document);
    const typeOf = (text: string) => r.entities.filter((e) => e.text === text).map((e) => e.type);
    for (const n of ['APT28', 'Fancy Bear', 'Sofacy']) assert.ok(typeOf(n).length > 0 && typeOf(n).every((t) => t === 'threatActor'), `${n}: ${typeOf(n)}`);
    assert.ok(typeOf('Zebrocy').every((t) => t === 'malware') && typeOf('Zebrocy').length > 0);
    assert.deepEqual(typeOf('Mimikatz'), ['tool']);
    assert.deepEqual(typeOf('T1059.001'), ['technique']);
    await waitFor('threat decorations', async () => {
      const d = (await entitiesOf(editor.document)).decorated;
      return d.threatActor > 0 && d.malware > 0 && d.tool > 0 && d.technique > 0;
    });
    await screenshot('cti-report');
  });

  it('the hover card of a threat actor merges its aliases and lists what it uses and targets', async function () {
    this.timeout(90_000);
    const doc = editor.document;
    const at = doc.getText().indexOf('Fancy Bear deployed');
    const pos = doc.positionAt(at + 2);
    const hovers = await waitFor('threat actor hover', async () => {
      const h = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos)) ?? [];
      return hoverText(h).includes('threat actor') ? h : undefined;
    });
    const text = hoverText(hovers);
    for (const s of ['**APT28**', 'ATT&CK G0007', 'Fancy Bear', 'Sofacy', 'X\\-Agent', 'Zebrocy', 'Mimikatz', 'T1003\\.001 LSASS Memory', 'government agencies', 'Germany', 'first mention line 1']) {
      assert.ok(text.includes(s), `${s} in hover:\n${text}`);
    }
    // the same card from another alias
    const other = hoverText((await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(doc.getText().indexOf('Sofacy also') + 1))) ?? []);
    assert.ok(other.includes('**APT28**') && other.includes('Fancy Bear'), other);
    // on screen: the cursor on the alias and the hover shown
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await vscode.commands.executeCommand('editor.action.showHover');
    await screenshot('cti-hover');
  });

  after(async () => {
    await closeAllEditors();
  });
});
