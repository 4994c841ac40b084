// Actors in a real VS Code: hover cards, references, Outline, highlights, definition and the workspace registry.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { entitiesOf, fixture, SAMPLE, screenshot, show, sleep, waitFor } from './helpers';

const REGISTRY = '.analyst/actors.json';

/** Text of a hover's contents, whatever the mix of MarkdownString and MarkedString. */
const hoverText = (hovers: vscode.Hover[]) =>
  hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');

/** Position of the n-th whole-word occurrence of `word` (0-based), one character in. */
function positionOf(doc: vscode.TextDocument, word: string, nth = 0): vscode.Position {
  const text = doc.getText();
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    do i = text.indexOf(word, i + 1);
    while (i >= 0 && (/[\p{L}]/u.test(text[i - 1] ?? '') || /[\p{L}]/u.test(text[i + word.length] ?? '')));
    assert.ok(i >= 0, `"${word}" #${nth} not in ${doc.uri.path}`);
  }
  return doc.positionAt(i + 1);
}

async function hoverAt(doc: vscode.TextDocument, pos: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos)) ?? [];
  return hoverText(hovers);
}

async function removeRegistry(): Promise<void> {
  await vscode.workspace.fs.delete(fixture('.analyst'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
}

describe('actors: hover cards and navigation', function () {
  let doc: vscode.TextDocument;

  before(async () => {
    await removeRegistry();
    const editor = await show(SAMPLE);
    doc = editor.document;
    await entitiesOf(doc);
  });

  it('hover on "Kovacevic" shows a card naming Ivana Kovacevic, President, Croatia, with our command links', async () => {
    // The body mention, not the heading: "After the talks with President Kovacevic"
    const text = await waitFor('a Kovacevic hover', async () => {
      const t = await hoverAt(doc, positionOf(doc, 'Kovacevic', 2));
      return t.includes('Ivana Kovacevic') ? t : undefined;
    });
    assert.match(text, /\*\*Ivana Kovacevic\*\*/);
    assert.match(text, /President/);
    assert.match(text, /Croatia/);
    assert.match(text, /command:analystLens\.findAllMentions\?/);
    assert.match(text, /command:analystLens\.showSummary/);
    assert.match(text, /command:analystLens\.addToRegistry\?/);
    assert.match(text, /command:analystLens\.ignoreName\?/);
    // The card on screen, for the README (docs/images/hover-card.png is copied from this screenshot).
    const editor = vscode.window.activeTextEditor!;
    const at = positionOf(doc, 'Kovacevic', 2);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('editor.action.showHover');
    await sleep(800);
    await screenshot('hover-card');
    await vscode.commands.executeCommand('editor.action.hideHover').then(undefined, () => undefined);
  });

  it('hover on "the Premier" explains the nominal link to Duarte Vasconcelos, with the first quote', async () => {
    const text = await hoverAt(doc, positionOf(doc, 'Premier'));
    assert.match(text, /\*\*Duarte Vasconcelos\*\*/);
    assert.match(text, /linked by role/);
    assert.match(text, /We came to Dubrovnik because the sea does not stop/);
    assert.match(text, /Prime Minister, Foreign Minister/);
    // "…, where he met Croatian President Ivana Kovacevic" and "accompanied the Premier on his working visit": the
    // pronouns counted apart from the names (actors/pronouns.ts)
    assert.match(text, /\d+ mentions \(\+2 by pronoun\)/);
  });

  it('references on "Vasconcelos" return every mention of the actor', async () => {
    const locs = (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, positionOf(doc, 'Vasconcelos', 1))) ?? [];
    const texts = locs.filter((l) => l.uri.toString() === doc.uri.toString()).map((l) => doc.getText(l.range));
    const text = doc.getText();
    const expectedNames = (text.match(/(?<![\p{L}])Vasconcelos(?![\p{L}])/gu) ?? []).length;
    // Every "Vasconcelos" (heading, full name, surnames) plus the nominal references.
    assert.equal(texts.filter((t) => /Vasconcelos/.test(t)).length, expectedNames, texts.join(' | '));
    assert.ok(texts.includes('Duarte Vasconcelos'));
    assert.ok(texts.includes('the Premier') && texts.includes('the Portuguese leader'), texts.join(' | '));
  });

  it('with analystLens.outline.showActors, the Outline lists the actors grouped by type', async () => {
    const cfg = vscode.workspace.getConfiguration('analystLens');
    await cfg.update('outline.showActors', true, vscode.ConfigurationTarget.Global);
    const symbols = await waitFor('actor symbols', async () => {
      const s = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri)) ?? [];
      return s.some((x) => x.name === 'People') ? s : undefined;
    }).finally(() => cfg.update('outline.showActors', undefined, vscode.ConfigurationTarget.Global));
    const people = symbols.find((s) => s.name === 'People');
    assert.ok(people, symbols.map((s) => s.name).join(', '));
    const names = people.children.map((c) => c.name);
    for (const n of ['Duarte Vasconcelos', 'Ivana Kovacevic', 'Rui Meireles', 'Sofia Antunes', 'Nuno Salgado', 'Tomislav Jurak']) assert.ok(names.includes(n), `${n} in ${names.join(', ')}`);
    assert.ok(symbols.some((s) => s.name === 'Places' && s.children.some((c) => c.name === 'Dubrovnik')));
    assert.ok(symbols.some((s) => s.name === 'Organisations'));
  });

  it('document highlights and definition follow the actor under the cursor', async () => {
    const pos = positionOf(doc, 'Meireles');
    const highlights = (await vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', doc.uri, pos)) ?? [];
    assert.deepEqual(highlights.map((h) => doc.getText(h.range)), ['Rui Meireles']);
    const defs = (await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, positionOf(doc, 'Vasconcelos', 2))) ?? [];
    const first = defs.map((d) => ('targetRange' in d ? d.targetRange : d.range))[0];
    assert.ok(first);
    assert.equal(doc.getText(first), 'Vasconcelos', 'the heading holds the first mention');
  });

  it('analystLens.findAllMentions returns the mentions (hover link arguments: uri, offset)', async () => {
    const offset = doc.offsetAt(positionOf(doc, 'Meireles'));
    const r = await vscode.commands.executeCommand<{ start: number; end: number }[]>('analystLens.findAllMentions', doc.uri.toString(), offset);
    assert.deepEqual(r?.map((m) => doc.getText().slice(m.start, m.end)), ['Rui Meireles']);
    await vscode.commands.executeCommand('closeReferenceSearch').then(undefined, () => undefined);
    assert.equal(doc.isDirty, false, 'never modifies the report');
  });
});

describe('actors: the workspace registry', function () {
  let doc: vscode.TextDocument;

  before(async () => {
    await removeRegistry();
    doc = (await show(SAMPLE)).document;
    await entitiesOf(doc);
  });

  after(removeRegistry);

  it('"Open Actor Registry" without a registry offers to create it and writes nothing by itself', async () => {
    await vscode.commands.executeCommand('analystLens.openRegistry', doc.uri.toString());
    await sleep(300);
    const exists = await vscode.workspace.fs.stat(fixture(REGISTRY)).then(
      () => true,
      () => false,
    );
    assert.equal(exists, false);
    await vscode.commands.executeCommand('notifications.clearAll').then(undefined, () => undefined);
  });

  it('a registry entry changes the hover: its role, affiliation and notes, and the watchlist mark', async () => {
    const entry = { name: 'Ivana Kovacevic', aliases: ['Kovacevic'], type: 'person', role: 'President of the Republic of Croatia', affiliation: 'Office of the President', notes: 'Registry note for the test.', watchlist: true };
    await vscode.workspace.fs.writeFile(fixture(REGISTRY), new TextEncoder().encode(JSON.stringify({ actors: [entry] }, null, 2)));
    let last = '';
    const text = await waitFor('the hover to show the registry', async () => {
      const t = await hoverAt(doc, positionOf(doc, 'Kovacevic', 2));
      last = t;
      return t.includes('Registry note for the test') ? t : undefined;
    }).catch(async (err) => {
      const actors = await vscode.commands.executeCommand<unknown[]>('analystLens.getActors', doc.uri);
      throw new Error(`${err}\nlast hover: ${last}\nactors: ${JSON.stringify(actors?.slice(0, 3)).slice(0, 1500)}`);
    });
    assert.match(text, /President of the Republic of Croatia/);
    assert.match(text, /Office of the President/);
    assert.match(text, /watchlist/);
    assert.match(text, /command:analystLens\.openRegistry/, 'registered actors link to the registry instead of "Add"');
    // Go to Definition now opens the registry entry.
    const defs = (await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, positionOf(doc, 'Kovacevic', 2))) ?? [];
    const target = defs[0] && ('targetUri' in defs[0] ? defs[0].targetUri : defs[0].uri);
    assert.ok(target?.path.endsWith(REGISTRY), String(target));
  });

  it('a malformed registry becomes a diagnostic on the file and the hovers keep working', async () => {
    await vscode.workspace.fs.writeFile(fixture(REGISTRY), new TextEncoder().encode('{ "actors": [ { "name": "Ivana Kovacevic", "watchlist": "yes" }, '));
    // No sleeping on the file watcher: every hover checks the registry on disk first, so the probe itself makes the
    // change arrive (the watcher and the save handler are faster paths, not the only ones).
    const diags = await waitFor('a diagnostic on the registry', async () => {
      await hoverAt(doc, positionOf(doc, 'Kovacevic', 2));
      const d = vscode.languages.getDiagnostics(fixture(REGISTRY)).filter((x) => x.source === 'Analyst Lens');
      return d.length ? d : undefined;
    });
    assert.match(diags[0].message, /Invalid JSON/);
    const text = await waitFor('the hover without the registry', async () => {
      const t = await hoverAt(doc, positionOf(doc, 'Kovacevic', 2));
      return t.includes('Ivana Kovacevic') && !t.includes('Registry note') ? t : undefined;
    });
    assert.match(text, /President/);
  });

  it('"Add to actor registry" creates the file with the actor; "Ignore this name" removes the actor', async () => {
    await removeRegistry();
    // getActors checks the registry on disk before it answers: the removal is seen without a watcher event.
    const actors = await vscode.commands.executeCommand<{ id: string; name: string }[]>('analystLens.getActors', doc.uri);
    const jurak = actors?.find((a) => a.name === 'Tomislav Jurak');
    assert.ok(jurak);
    await vscode.commands.executeCommand('analystLens.addToRegistry', doc.uri.toString(), jurak.id);
    const written = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(fixture(REGISTRY))));
    assert.equal(written.actors[0].name, 'Tomislav Jurak');
    assert.equal(written.actors[0].role, 'Defence Minister');
    assert.equal(written.actors[0].affiliation, 'Croatia');

    await vscode.commands.executeCommand('analystLens.ignoreName', 'Adriatic Sea', doc.uri.toString());
    await vscode.commands.executeCommand('analystLens.ignoreName', 'Dubrovnik', doc.uri.toString());
    const after = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(fixture(REGISTRY))));
    assert.deepEqual(after.ignore, ['Adriatic Sea', 'Dubrovnik']);
    await waitFor('Dubrovnik to be ignored', async () => {
      const list = await vscode.commands.executeCommand<{ name: string }[]>('analystLens.getActors', doc.uri);
      return list && !list.some((a) => a.name === 'Dubrovnik' || a.name === 'Adriatic Sea');
    });
    assert.equal(doc.isDirty, false, 'never modifies the report');
  });
});
