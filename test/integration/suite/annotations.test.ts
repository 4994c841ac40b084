// Analyst annotations in a real VS Code: an entity the model missed, a tagged key judgement with a note (comment
// thread, decoration, hover, exports), moving with edits, orphaned when its text is deleted, and the screenshot of a
// report with its tag, note thread and the Annotations view (test-artifacts/annotations.png).
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { entitiesOf, fixture, screenshot, show, sleep, waitFor } from './helpers';

const REPORT = 'reports/harbour-brief.md';
const FILE = '.analyst/annotations/reports/harbour-brief.md.json';
const NAME = 'nadia obuya';
const JUDGEMENT = 'We judge that the broker is likely acting for a state buyer, because the same account paid for both shipments.';
const NOTE = 'Single-source: port records only. Confirm with the liaison report.';
const SIGNAL_DIR = process.env.ANALYST_LENS_IT_SIGNAL_DIR;

interface Snapshot {
  uri: string;
  file?: string;
  annotations: { id: string; kind: string; tag?: string; entityType?: string; note?: string; resolved?: boolean; replies?: { body: string }[]; quote: { exact: string }; position: { start: number; end: number }; orphaned?: string }[];
  threads: { id: string; label?: string; state?: string; range?: [number, number, number, number]; comments: { body: string; reply: boolean }[] }[];
  view: { uri?: string; groups: { label: string; items: { id: string; label: string; orphaned?: string }[] }[] };
  decorated: { tag: number; entity: number };
}

const snapshot = async (uri: vscode.Uri) => (await vscode.commands.executeCommand<Snapshot>('analystLens.getAnnotations', uri.toString()))!;

/** Polls the annotations of a report until `probe` returns something; the timeout message shows the last state. */
async function waitSnap<T>(what: string, uri: vscode.Uri, probe: (s: Snapshot) => T | undefined | false): Promise<T> {
  let last: Snapshot | undefined;
  try {
    return await waitFor(what, async () => {
      last = await snapshot(uri);
      return probe(last) || undefined;
    });
  } catch (err) {
    throw new Error(`${(err as Error).message}; last state: ${JSON.stringify({ annotations: last?.annotations, threads: last?.threads, view: last?.view, decorated: last?.decorated })}`);
  }
}

async function hoverText(doc: vscode.TextDocument, offset: number): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(offset))) ?? [];
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

function removeAnnotationFile(): void {
  const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
  rmSync(join(folder, '.analyst', 'annotations'), { recursive: true, force: true });
  try {
    // Remove .analyst too when the annotations were all it held (the fixture workspace has no registry).
    rmSync(join(folder, '.analyst'), { recursive: false });
  } catch {
    /* not empty or absent */
  }
}

describe('analyst annotations', function () {
  this.timeout(120_000);
  let doc: vscode.TextDocument;
  let judgementId = '';

  before(async () => {
    removeAnnotationFile();
    doc = (await show(REPORT)).document;
    await entitiesOf(doc);
  });

  after(async () => {
    await show(REPORT);
    if (doc.isDirty) await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    // The extension may still be writing: wait a moment, then leave the fixture workspace as it was.
    await sleep(300);
    removeAnnotationFile();
  });

  it('annotating a missed person highlights it as a person, in the hover and in the summary', async () => {
    const before = await entitiesOf(doc);
    assert.ok(!before.entities.some((e) => e.type === 'person' && e.text === NAME), `the model already finds "${NAME}": pick another missed name`);
    const start = doc.getText().indexOf(NAME);
    const id = await vscode.commands.executeCommand<string>('analystLens.annotateSelection', { uri: doc.uri.toString(), start, end: start + NAME.length, kind: 'entity', entityType: 'person' });
    assert.ok(id, 'annotateSelection returned no id');
    // Both mentions (the annotated one and the same words later) become people, and are highlighted.
    const r = await waitFor('the annotated name as a person', async () => {
      const x = await entitiesOf(doc);
      return x.entities.filter((e) => e.type === 'person' && e.text === NAME).length === 2 && x.decorated.person >= 2 ? x : undefined;
    });
    assert.ok(r.decorated.person >= 2);
    let lastHover = '';
    const hover = await waitFor('the actor card of the annotated person', async () => {
      lastHover = await hoverText(doc, start + 2);
      return lastHover.includes(NAME) && /person/.test(lastHover) ? lastHover : undefined;
    }).catch((err: Error) => {
      throw new Error(`${err.message}; last hover: ${lastHover}`);
    });
    assert.match(hover, /2 mentions/);
    assert.match(hover, /marked by the analyst/);
    const shown = await vscode.commands.executeCommand<{ summary: { actors: { name: string; type: string; mentionCount: number }[]; annotations?: { text: string; entityType?: string }[] } }>('analystLens.showSummary', doc.uri);
    const actor = shown!.summary.actors.find((a) => a.name === NAME);
    assert.ok(actor, `"${NAME}" is not among the summary's actors: ${JSON.stringify(shown!.summary.actors.map((a) => a.name))}`);
    assert.equal(actor.type, 'person');
    assert.equal(actor.mentionCount, 2);
    assert.deepEqual(shown!.summary.annotations?.map((a) => [a.text, a.entityType]), [[NAME, 'person']]);
    await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups');
    // The annotation is in the workspace file, not in the report.
    const file = fixture(FILE);
    const saved = JSON.parse(readFileSync(file.fsPath, 'utf8'));
    assert.equal(saved.annotations[0].id, id);
    assert.equal(saved.annotations[0].quote.exact, NAME);
    assert.equal(doc.isDirty, false);
    assert.ok(!doc.getText().includes(id));
  });

  it('tagging a key judgement with a note: comment thread, decoration, hover, Markdown and Web Annotation exports', async () => {
    const editor = await show(REPORT);
    const start = doc.getText().indexOf(JUDGEMENT);
    judgementId = (await vscode.commands.executeCommand<string>('analystLens.annotateSelection', { uri: doc.uri.toString(), start, end: start + JUDGEMENT.length, kind: 'tag', tag: 'key judgement', note: NOTE }))!;
    assert.ok(judgementId);
    const s = await waitSnap('the note thread', doc.uri, (x) => x.threads.some((t) => t.id === judgementId) && x.decorated.tag === 1 && x);
    const thread = s.threads.find((t) => t.id === judgementId)!;
    assert.equal(thread.label, 'key judgement');
    assert.deepEqual(thread.comments.map((c) => c.body), [NOTE]);
    assert.deepEqual(thread.range?.slice(0, 2), [editor.document.positionAt(start).line, editor.document.positionAt(start).character]);
    assert.equal(s.decorated.tag, 1);
    // A reply, then resolve: both through the commands the thread's buttons run.
    await vscode.commands.executeCommand('analystLens.replyToAnnotation', { uri: doc.uri.toString(), id: judgementId, text: 'Agreed; flag it in the brief.' });
    await vscode.commands.executeCommand('analystLens.resolveAnnotation', { uri: doc.uri.toString(), id: judgementId });
    const s2 = await waitSnap('the reply and the resolved state', doc.uri, (x) => {
      const t = x.threads.find((y) => y.id === judgementId);
      return t && t.comments.length === 2 && t.state === 'resolved' && t;
    });
    assert.deepEqual(s2.comments.map((c) => c.reply), [false, true]);
    await vscode.commands.executeCommand('analystLens.reopenAnnotation', { uri: doc.uri.toString(), id: judgementId });
    const hover = await hoverText(doc, start + 5);
    assert.match(hover, /key judgement/);
    assert.ok(hover.includes('Single-source: port records only.'), hover);
    // The view lists it under its tag.
    const view = (await snapshot(doc.uri)).view;
    assert.deepEqual(
      view.groups.map((g) => g.label),
      ['key judgement', 'entity: person'],
    );
    // Exports.
    const dir = mkdtempSync(join(tmpdir(), 'analyst-lens-annotations-'));
    try {
      const mdUri = vscode.Uri.file(join(dir, 'brief.md'));
      await vscode.commands.executeCommand('analystLens.exportSummary', { format: 'md', document: doc.uri, uri: mdUri });
      const md = readFileSync(mdUri.fsPath, 'utf8');
      assert.match(md, /## Analyst annotations/);
      assert.ok(md.includes(`— ${NOTE}`), md);
      assert.ok(md.includes('Agreed; flag it in the brief.'));
      const webUri = vscode.Uri.file(join(dir, 'brief.jsonld'));
      await vscode.commands.executeCommand('analystLens.exportSummary', { format: 'webannotation', document: doc.uri, uri: webUri });
      const web = JSON.parse(readFileSync(webUri.fsPath, 'utf8'));
      assert.equal(web['@context'], 'http://www.w3.org/ns/anno.jsonld');
      const item = web.first.items.find((i: { id: string }) => i.id === `urn:uuid:${judgementId}`);
      assert.equal(item['@context'], 'http://www.w3.org/ns/anno.jsonld');
      assert.equal(item.type, 'Annotation');
      assert.deepEqual(item.body.map((b: { purpose: string; value: string }) => [b.purpose, b.value]), [
        ['tagging', 'key judgement'],
        ['commenting', NOTE],
      ]);
      assert.equal(item.target.source, doc.uri.toString());
      const quote = item.target.selector.find((x: { type: string }) => x.type === 'TextQuoteSelector');
      const pos = item.target.selector.find((x: { type: string }) => x.type === 'TextPositionSelector');
      assert.equal(quote.exact, JUDGEMENT);
      assert.equal(doc.getText().slice(pos.start, pos.end), JUDGEMENT);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows the report with its tag, the note thread and the Annotations view (screenshot)', async function () {
    if (!SIGNAL_DIR) this.skip();
    const editor = await show(REPORT);
    // Revealing an annotation (a click in the Annotations view) opens its note thread.
    await vscode.commands.executeCommand('analystLens.revealAnnotation', { uri: doc.uri.toString(), id: judgementId });
    editor.selection = new vscode.Selection(doc.positionAt(0), doc.positionAt(0));
    await vscode.commands.executeCommand('workbench.view.explorer');
    await vscode.commands.executeCommand('analystLens.annotations.focus').then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.focusCommentsPanel').then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await sleep(500);
    assert.ok(await screenshot('annotations'), 'the runner did not take the screenshot');
    await vscode.commands.executeCommand('workbench.action.closePanel');
  });

  it('moves with text typed before it, and is orphaned and listed when its text is deleted', async () => {
    const editor = await show(REPORT);
    const before = (await snapshot(doc.uri)).annotations.find((a) => a.id === judgementId)!;
    const insert = 'Update (4 March): ';
    const at = doc.getText().indexOf(JUDGEMENT);
    assert.ok(await editor.edit((b) => b.insert(doc.positionAt(at), insert)));
    const moved = await waitSnap('the annotation moved', doc.uri, (x) => {
      const a = x.annotations.find((y) => y.id === judgementId)!;
      return a.position.start === before.position.start + insert.length && a;
    });
    assert.equal(moved.orphaned, undefined);
    assert.equal(doc.getText().slice(moved.position.start, moved.position.end), JUDGEMENT);
    const t = (await snapshot(doc.uri)).threads.find((x) => x.id === judgementId)!;
    assert.deepEqual(t.range?.slice(0, 2), [doc.positionAt(moved.position.start).line, doc.positionAt(moved.position.start).character]);
    // The person annotation after it moved too, and still counts as a person.
    await waitFor('people after the edit', async () => (await entitiesOf(doc)).entities.filter((e) => e.type === 'person' && e.text === NAME).length === 2);
    // Delete the sentence.
    const s = doc.getText().indexOf(JUDGEMENT);
    assert.ok(await editor.edit((b) => b.delete(new vscode.Range(doc.positionAt(s), doc.positionAt(s + JUDGEMENT.length)))));
    const snap = await waitSnap('the annotation orphaned', doc.uri, (x) => !!x.annotations.find((a) => a.id === judgementId)?.orphaned && x);
    assert.equal(snap.annotations.find((a) => a.id === judgementId)!.orphaned, 'missing');
    assert.equal(snap.view.groups[0].label, 'Orphaned', 'orphans are listed on top');
    assert.deepEqual(snap.view.groups[0].items.map((i) => i.id), [judgementId]);
    assert.ok(!snap.threads.some((x) => x.id === judgementId), 'an orphan has no thread in the text');
    assert.equal(snap.decorated.tag, 0);
    // Re-attach it to the text the analyst selects (the first sentence).
    const first = 'The convoy left Gdynia at dawn on 3 March.';
    const f = doc.getText().indexOf(first);
    editor.selection = new vscode.Selection(doc.positionAt(f), doc.positionAt(f + first.length));
    await vscode.commands.executeCommand('analystLens.reattachAnnotation', { uri: doc.uri.toString(), id: judgementId });
    const back = await waitSnap('the annotation re-attached', doc.uri, (x) => {
      const a = x.annotations.find((y) => y.id === judgementId)!;
      return !a.orphaned && a;
    });
    assert.equal(back.quote.exact, first);
    assert.equal(back.note, NOTE);
  });
});
