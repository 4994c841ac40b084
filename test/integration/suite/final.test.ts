// Runs last: leaves the sample report open, highlighted, with nothing covering it, so that the runner can take a
// screenshot of what a person sees (test-artifacts/highlighted-report.png).
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, entitiesOf, SAMPLE, show, sleep, total } from './helpers';

/** Set by runCodeServer.mjs: the folder where it drops `screenshot-taken`. */
const SIGNAL_DIR = process.env.ANALYST_LENS_IT_SIGNAL_DIR;
const MARK = process.env.ANALYST_LENS_IT_MARK ?? '';

describe('what a person sees', () => {
  it('the sample report is open and highlighted', async () => {
    await closeAllEditors();
    for (const cmd of ['workbench.action.closePanel', 'workbench.action.closeAuxiliaryBar', 'notifications.clearAll']) {
      await vscode.commands.executeCommand(cmd).then(undefined, () => undefined);
    }
    const editor = await show(SAMPLE);
    const r = await entitiesOf(editor.document);
    assert.equal(r.enabled, true);
    assert.ok(total(r.decorated) > 0, JSON.stringify(r.decorated));
    assert.ok(vscode.window.visibleTextEditors.some((e) => e.document === editor.document));
    assert.equal(editor.document.isDirty, false);
  });

  after(async function () {
    if (!SIGNAL_DIR) return;
    this.timeout(120_000);
    // Tell the runner, then hold the extension host (and so the decorations) until it has taken the shot.
    console.log(`${MARK}ANALYST_LENS_SCREENSHOT_READY`);
    const done = join(SIGNAL_DIR, 'screenshot-taken');
    const deadline = Date.now() + 90_000;
    while (!existsSync(done) && Date.now() < deadline) await sleep(100);
  });
});
