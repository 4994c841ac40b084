import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extension, EXTENSION_ID, SAMPLE, show, waitFor } from './helpers';

describe('activation', () => {
  it(`the extension ${EXTENSION_ID} is installed in the extension host`, () => {
    const ext = extension();
    assert.equal(ext.packageJSON.name, 'analyst-lens');
    assert.equal(ext.packageJSON.publisher, 'analyst-lens');
  });

  it('activates when a Markdown report is opened', async () => {
    const editor = await show(SAMPLE);
    assert.equal(editor.document.languageId, 'markdown');
    const ext = extension();
    await waitFor('activation', () => ext.isActive);
  });

  it('registers its commands', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const id of ['analystLens.getEntities', 'analystLens.toggleHighlights', 'analystLens.refresh']) {
      assert.ok(all.includes(id), `${id} is not registered`);
    }
  });
});
