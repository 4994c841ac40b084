import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, entitiesOf, extension, getEntities, SAMPLE, show, sleep, total, waitFor } from './helpers';

interface ManifestCommand {
  command: string;
  title?: string;
}

describe('commands', () => {
  let editor: vscode.TextEditor;
  beforeEach(async () => {
    editor = await show(SAMPLE);
  });

  it('toggleHighlights turns the highlights off and back on', async () => {
    const doc = editor.document;
    const before = await entitiesOf(doc);
    assert.ok(before.enabled && total(before.decorated) > 0, 'highlights should start on');

    const off = await vscode.commands.executeCommand<boolean>('analystLens.toggleHighlights');
    assert.equal(off, false);
    const r1 = await waitFor('decorations cleared', async () => {
      const r = await getEntities(doc.uri);
      return total(r.decorated) === 0 ? r : undefined;
    });
    assert.equal(r1.enabled, false);
    assert.ok(Object.values(r1.decorated).every((n) => n === 0), JSON.stringify(r1.decorated));

    const on = await vscode.commands.executeCommand<boolean>('analystLens.toggleHighlights');
    assert.equal(on, true);
    const r2 = await waitFor('decorations back', async () => {
      const r = await getEntities(doc.uri);
      return total(r.decorated) > 0 ? r : undefined;
    });
    assert.equal(r2.enabled, true);
    assert.deepEqual(r2.decorated, before.decorated);
  });

  it('refresh re-analyses the active report', async () => {
    await vscode.commands.executeCommand('analystLens.refresh');
    const r = await entitiesOf(editor.document);
    assert.ok(r.entities.length > 0);
    assert.ok(total(r.decorated) > 0);
  });

  it('the setting analystLens.highlight.person hides people only', async () => {
    const doc = editor.document;
    const before = await entitiesOf(doc);
    assert.ok(before.decorated.person > 0);
    const config = vscode.workspace.getConfiguration('analystLens');
    // Global = the test run's throwaway user settings; the fixture workspace's files stay untouched.
    await config.update('highlight.person', false, vscode.ConfigurationTarget.Global);
    try {
      const r = await waitFor('people undecorated', async () => {
        const x = await getEntities(doc.uri);
        return x.decorated.person === 0 ? x : undefined;
      });
      assert.ok(r.entities.some((e) => e.type === 'person'), 'people are still found, only not highlighted');
      for (const [t, n] of Object.entries(before.decorated)) if (t !== 'person') assert.equal(r.decorated[t], n, t);
    } finally {
      await config.update('highlight.person', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor('people decorated again', async () => (await getEntities(doc.uri)).decorated.person === before.decorated.person);
  });

  it('every analystLens.* command contributed in package.json runs without throwing', async function () {
    const manifest = extension().packageJSON as {
      contributes?: { commands?: ManifestCommand[]; menus?: { commandPalette?: { command: string; when?: string }[] } };
    };
    const contributed = (manifest.contributes?.commands ?? []).map((c) => c.command).filter((id) => id.startsWith('analystLens.'));
    assert.ok(contributed.length > 0, 'no analystLens.* commands contributed');
    // Commands hidden from the palette ("when": "false") need arguments: they are called by code, not by people.
    const needsArgs = new Set((manifest.contributes?.menus?.commandPalette ?? []).filter((m) => m.when === 'false').map((m) => m.command));
    const ran: string[] = [];
    for (const id of contributed) {
      if (needsArgs.has(id)) continue;
      await show(SAMPLE);
      await runDismissingUi(id);
      ran.push(id);
    }
    // A toggle run an odd number of times leaves the highlights off: put them back.
    const r = await getEntities((await show(SAMPLE)).document.uri);
    if (!r.enabled) await vscode.commands.executeCommand('analystLens.toggleHighlights');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    this.test!.title += ` (${ran.join(', ')})`;
  });

  it('getEntities without an editor returns nothing and does not throw', async () => {
    await closeAllEditors();
    await waitFor('no active editor', () => !vscode.window.activeTextEditor);
    const r = await vscode.commands.executeCommand('analystLens.getEntities');
    assert.equal(r, undefined);
  });
});

/**
 * Runs a command; if it opens a quick pick or input box and waits for a person, dismisses it (Escape) until the
 * command settles. Rejects if the command throws.
 */
async function runDismissingUi(id: string): Promise<void> {
  let settled = false;
  const p = Promise.resolve(vscode.commands.executeCommand(id)).finally(() => {
    settled = true;
  });
  for (let i = 0; i < 100 && !settled; i++) {
    await Promise.race([p.catch(() => undefined), sleep(250)]);
    if (!settled) await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  }
  try {
    await p;
  } catch (err) {
    throw new Error(`command ${id} threw: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
  }
  assert.ok(settled, `command ${id} never finished`);
}
