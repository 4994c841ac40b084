import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { assertRangesMatch, entitiesOf, fixture, show, total } from './helpers';

async function diskText(rel: string): Promise<string> {
  return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(fixture(rel)));
}

describe('unusual documents', () => {
  it('an empty .txt file: no entities, no error, not modified', async () => {
    const editor = await show('reports/empty.txt');
    const doc = editor.document;
    assert.equal(doc.languageId, 'plaintext');
    const r = await entitiesOf(doc);
    assert.deepEqual(r.entities, []);
    assert.equal(total(r.decorated), 0);
    assert.equal(doc.isDirty, false);
    assert.equal(doc.getText(), '');
  });

  it('CRLF, emoji and right-to-left text: ranges stay on the text, the document is not modified', async () => {
    const rel = 'reports/crlf-emoji-rtl.txt';
    const onDisk = await diskText(rel);
    assert.ok(onDisk.includes('\r\n'), 'the fixture lost its CRLF line endings (check .gitattributes)');
    const editor = await show(rel);
    const doc = editor.document;
    assert.equal(doc.eol, vscode.EndOfLine.CRLF);
    const r = await entitiesOf(doc);
    assertRangesMatch(doc, r);
    // The English sentence after emoji (surrogate pairs, a ZWJ sequence) still yields its name at the right place.
    const putin = r.entities.find((e) => e.type === 'person' && e.text.includes('Putin'));
    assert.ok(putin, `no person "…Putin" in ${JSON.stringify(r.entities.map((e) => `${e.type}:${e.text}`))}`);
    assert.equal(doc.getText().slice(putin.start, putin.end), putin.text);
    assert.equal(doc.isDirty, false);
    assert.equal(doc.getText(), onDisk);
  });

  it('opening every report of the workspace never modifies one', async () => {
    const files = await vscode.workspace.findFiles('reports/**');
    assert.ok(files.length >= 3);
    for (const uri of files) {
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc, { preview: false });
      await entitiesOf(doc);
      assert.equal(doc.isDirty, false, uri.path);
      assert.equal(doc.getText(), new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), uri.path);
    }
  });

  it('an untitled plain-text document is analysed in memory', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'Sergei Shoigu flew to Moscow.' });
    await vscode.window.showTextDocument(doc, { preview: false });
    const r = await entitiesOf(doc);
    assertRangesMatch(doc, r);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
