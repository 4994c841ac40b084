import * as assert from 'node:assert/strict';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { assertRangesMatch, closeAllEditors, entitiesOf, extension, fixture, show, SAMPLE, sleep, waitFor } from './helpers';

const MARK = process.env.ANALYST_LENS_IT_MARK ?? '';

interface IndexStats {
  files: number;
  analysed: number;
  reused: number;
  words: number;
}

describe('the workspace', () => {
  it('indexes every report of the workspace and finds an actor of another report', async () => {
    const stats = await vscode.commands.executeCommand<IndexStats>('analystLens.reindexWorkspace');
    assert.ok(stats && stats.files >= 4, `indexed ${JSON.stringify(stats)}`);
    const res = await vscode.commands.executeCommand<{ key: string; uri: string; range: number[] } | undefined>(
      'analystLens.goToActorInWorkspace',
      { key: 'person:sergei lavrov' },
    );
    assert.ok(res, 'Sergei Lavrov not found in the workspace index');
    assert.equal(res.uri, fixture('reports/moscow-briefing.md').toString());
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), res.uri, 'the report of the actor is shown');
    assert.equal(editor?.document.getText(editor.selection), 'Sergei Lavrov', 'the first mention is selected');
  });

  it('finds all mentions of the actor under the cursor across reports (Kovacevic in two reports)', async () => {
    const editor = await show(SAMPLE);
    const at = editor.document.getText().indexOf('Ivana Kovacevic');
    editor.selection = new vscode.Selection(editor.document.positionAt(at + 2), editor.document.positionAt(at + 2));
    const locs = await vscode.commands.executeCommand<{ uri: string; range: number[] }[]>('analystLens.findAllMentionsInWorkspace');
    const files = new Set(locs.map((l) => l.uri.split('/').pop()));
    assert.ok(files.has('dubrovnik-visit.md') && files.has('moscow-briefing.md'), JSON.stringify([...files]));
    for (const l of locs) {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(l.uri));
      const text = doc.getText(new vscode.Range(l.range[0], l.range[1], l.range[2], l.range[3]));
      assert.ok(/Kovacevic/.test(text), `mention shows "${text}"`);
    }
    await vscode.commands.executeCommand('closeReferenceSearch').then(undefined, () => undefined);
  });

  it('the Actors view switches between this report and the whole workspace', async () => {
    await show(SAMPLE);
    const scopeOf = async () => (await vscode.commands.executeCommand<{ scope: string; names: string[] }>('analystLens.getActorsView')).scope;
    if ((await scopeOf()) !== 'workspace') await vscode.commands.executeCommand('analystLens.toggleActorsScope');
    const ws = await vscode.commands.executeCommand<{ scope: string; names: string[] }>('analystLens.getActorsView');
    assert.equal(ws.scope, 'workspace');
    assert.ok(ws.names.includes('Sergei Lavrov') && ws.names.includes('Vladimir Putin'), ws.names.join(', '));
    assert.equal(await vscode.commands.executeCommand('analystLens.toggleActorsScope'), 'report');
    assert.equal(await scopeOf(), 'report');
  });

  it('a second indexing run reuses the cache and reads nothing unchanged', async () => {
    const stats = await vscode.commands.executeCommand<IndexStats>('analystLens.reindexWorkspace');
    assert.equal(stats.analysed, 0, JSON.stringify(stats));
    assert.ok(stats.reused >= 4, JSON.stringify(stats));
  });

  it('edits in a 20,000-word report keep decorations correct, without stalling the extension host', async function () {
    this.timeout(180_000);
    const sample = (await vscode.workspace.openTextDocument(fixture(SAMPLE))).getText();
    let text = '';
    while ((text.match(/\S+/g) ?? []).length < 20_000) text += sample + '\n\n';
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    await entitiesOf(doc);
    const h = monitorEventLoopDelay({ resolution: 10 });
    h.enable();
    for (let i = 0; i < 15; i++) {
      // at the start of a sentence, so the inserted words stand on their own
      const cur = doc.getText();
      const pos = doc.positionAt(cur.indexOf('. ', Math.floor((cur.length * (i + 1)) / 17)) + 2);
      await editor.edit((b) => b.insert(pos, i % 2 ? 'In Moscow, nothing changed. ' : 'Ivana Kovacevic met them. '));
      await sleep(40);
    }
    await waitFor('the analysis of the last edit', async () => {
      const st = await vscode.commands.executeCommand<{ version: number } | undefined>('analystLens.getAnalysisState', doc.uri);
      return st?.version === doc.version;
    });
    h.disable();
    const r = await entitiesOf(doc);
    assertRangesMatch(doc, r);
    // Every "Ivana Kovacevic" of the edited text, including the inserted ones, is a highlighted person.
    const full = doc.getText();
    const occurrences = full.split('Ivana Kovacevic').length - 1;
    const people = r.entities.filter((e) => e.type === 'person' && e.text === 'Ivana Kovacevic').length;
    assert.ok(occurrences > 60, `the report has ${occurrences} mentions`);
    assert.equal(people, occurrences, 'every mention of Ivana Kovacevic is a person span');
    console.log(`${MARK}    longest event-loop stall of the extension host while editing a 20,000-word report: ${(h.max / 1e6).toFixed(1)} ms (p99 ${(h.percentile(99) / 1e6).toFixed(1)} ms)`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await closeAllEditors();
    assert.ok(extension().isActive);
  });
});
