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

  it('analyses in a worker and reports its activation time (measured inside the extension host)', async () => {
    await show(SAMPLE);
    const ext = extension();
    await waitFor('activation', () => ext.isActive);
    const api = ext.exports as { activationMs: number; analyzerKind: string };
    assert.equal(api.analyzerKind, 'worker', 'analysis must run off the extension host thread');
    assert.ok(Number.isFinite(api.activationMs) && api.activationMs >= 0);
    console.log(`${process.env.ANALYST_LENS_IT_MARK ?? ''}    activation took ${api.activationMs} ms in the extension host; analysis runs in a ${api.analyzerKind}`);
  });
});
