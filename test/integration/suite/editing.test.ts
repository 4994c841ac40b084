import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { assertRangesMatch, entitiesOf, SAMPLE, show, total } from './helpers';

describe('editing a report', () => {
  let editor: vscode.TextEditor;
  let original: string;

  before(async () => {
    editor = await show(SAMPLE);
    original = editor.document.getText();
  });

  after(async () => {
    // Put the fixture back as it is on disk, without saving.
    await show(SAMPLE);
    if (editor.document.isDirty) await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.equal(editor.document.isDirty, false);
    assert.equal(editor.document.getText(), original);
  });

  it('inserting text at the start moves every entity by its length', async () => {
    const doc = editor.document;
    const before = await entitiesOf(doc);
    const prefix = 'Draft, not for release.\n\n';
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(0, 0), prefix);
    assert.ok(await vscode.workspace.applyEdit(edit), 'applyEdit refused');
    assert.equal(doc.getText(), prefix + original);

    const after = await entitiesOf(doc); // polls until the analysis is of the edited version
    assert.equal(after.version, doc.version);
    assertRangesMatch(doc, after);
    const key = (e: { type: string; text: string; start: number }, shift: number) => `${e.type}|${e.text}|${e.start + shift}`;
    const moved = new Set(after.entities.map((e) => key(e, 0)));
    for (const e of before.entities) assert.ok(moved.has(key(e, prefix.length)), `${e.type} "${e.text}"@${e.start} did not move to ${e.start + prefix.length}`);
    const kovacevicBefore = before.entities.find((e) => e.text === 'Ivana Kovacevic')!;
    const kovacevicAfter = after.entities.find((e) => e.text === 'Ivana Kovacevic')!;
    assert.equal(kovacevicAfter.start, kovacevicBefore.start + prefix.length);
    assert.equal(kovacevicAfter.range[0], kovacevicBefore.range[0] + 2, 'two lines were inserted above');
    assert.ok(total(after.decorated) > 0);
  });

  it('typing a new name is picked up after the debounce', async () => {
    const doc = editor.document;
    const line = doc.lineCount - 1;
    const end = doc.lineAt(line).range.end;
    // Several small edits in a row, as typing does.
    for (const chunk of ['\nLater, ', 'Sergei Lavrov ', 'arrived in Moscow.']) {
      const edit = new vscode.WorkspaceEdit();
      const pos = doc.lineAt(doc.lineCount - 1).range.end;
      edit.insert(doc.uri, pos, chunk);
      assert.ok(await vscode.workspace.applyEdit(edit));
    }
    assert.ok(doc.lineCount > line + 1 || end.character < doc.lineAt(line).range.end.character);
    const r = await entitiesOf(doc);
    assertRangesMatch(doc, r);
    const at = doc.getText().lastIndexOf('Sergei Lavrov');
    const lavrov = r.entities.find((e) => e.start === at);
    assert.ok(lavrov, `nothing found at the typed name: ${JSON.stringify(r.entities.slice(-5))}`);
    assert.equal(lavrov.type, 'person');
  });
});
