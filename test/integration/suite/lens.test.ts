// A new user's first hour in a real VS Code: the legend, a hover on every highlighted type, one-click corrections
// (applied to highlights, hovers, actors and the summary), the Outline, the export notification, the walkthrough,
// and the sample in light and dark themes. Screenshots go to test-artifacts/ (runCodeServer.mjs takes them).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ENTITY_TYPES, entitiesOf, extension, fixture, screenshot, sleep, waitFor, type EntitiesResult } from './helpers';


const shot = (name: string) => screenshot(name, 30_000);

const hoverText = (hovers: vscode.Hover[]) =>
  hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n')
    // Markdown escapes ("2024\-03\-11") off, to compare with what a person reads.
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1');

async function hoverAt(doc: vscode.TextDocument, offset: number): Promise<string> {
  return hoverText((await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(offset))) ?? []);
}

const offsetOf = (doc: vscode.TextDocument, text: string, nth = 0) => {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = doc.getText().indexOf(text, i + 1);
  assert.ok(i >= 0, `"${text}" #${nth} is in the sample`);
  return i;
};

async function removeRegistry(): Promise<void> {
  await vscode.workspace.fs.delete(fixture('.analyst'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
}

async function readRegistry(): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(fixture('.analyst/actors.json')));
}

async function closeTab(label: string | RegExp): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => (typeof label === 'string' ? t.label === label : label.test(t.label)));
  if (tabs.length) await vscode.window.tabGroups.close(tabs);
}

interface SummaryResult {
  summary: { actors: { name: string }[]; organizations: { name: string }[]; places: { name: string }[]; counts: { entities: Record<string, number> } };
}

describe('a new user: legend, hovers, corrections, Outline, export, walkthrough', function () {
  let doc: vscode.TextDocument;
  let editor: vscode.TextEditor;

  before(async () => {
    await removeRegistry();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const uri = await vscode.commands.executeCommand<string>('analystLens.openSample');
    assert.ok(uri, 'the sample opens');
    editor = await waitFor('the sample in the active editor', () => (vscode.window.activeTextEditor?.document.uri.toString() === uri ? vscode.window.activeTextEditor : undefined));
    doc = editor.document;
    await entitiesOf(doc);
  });

  after(async () => {
    await removeRegistry();
    await vscode.commands.executeCommand('notifications.clearAll').then(undefined, () => undefined);
    if (!doc.isClosed) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('the legend lists every type with its theme colours and opens beside the report', async () => {
    const rows = await vscode.commands.executeCommand<{ type: string; background: string; border: string; count?: number; highlighted: boolean }[]>('analystLens.getLegend');
    // Every type with a highlight setting is in the legend (news types and threat-intelligence types alike).
    const settings = Object.keys(extension().packageJSON.contributes.configuration.properties as Record<string, unknown>)
      .filter((k) => k.startsWith('analystLens.highlight.'))
      .map((k) => k.slice('analystLens.highlight.'.length));
    assert.deepEqual([...rows.map((r) => r.type)].sort(), [...settings].sort());
    const colours = new Set((extension().packageJSON.contributes.colors as { id: string }[]).map((c) => c.id));
    for (const r of rows) assert.ok(colours.has(r.background) && colours.has(r.border), `${r.type}: ${r.background}, ${r.border} contributed`);
    // The sample is a news report: it has every news type, and the legend counts them.
    for (const t of ENTITY_TYPES) assert.ok((rows.find((r) => r.type === t)?.count ?? 0) > 0, `the sample has a ${t}`);
    await vscode.commands.executeCommand('analystLens.showLegend');
    await waitFor('the legend tab', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label === 'Analyst Lens: Legend'));
    await sleep(500);
    await shot('legend');
    await closeTab('Analyst Lens: Legend');
    // The legend node at the top of the Actors view (its children's swatches are the types' underline colours).
    await vscode.commands.executeCommand('analystLens.actors.focus');
    await sleep(800);
    await shot('actors-view-legend');
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
  });

  it('every highlighted type has a hover that says what it is and offers the corrections', async () => {
    const r = await entitiesOf(doc);
    for (const type of ENTITY_TYPES) {
      const e = r.entities.find((x) => x.type === type);
      assert.ok(e, `a ${type} in the sample`);
      const text = await hoverAt(doc, e.start + 1);
      assert.match(text, /command:analystLens\.correctEntity\?/, `${type} "${e.text}": ${text}`);
      assert.match(text, /command:analystLens\.showLegend/, `${type} hover links the legend`);
    }
    const date = await hoverAt(doc, offsetOf(doc, 'yesterday') + 2);
    assert.match(date, /2024-03-11/, date);
    assert.match(date, /relative: resolved against the report date 2024-03-12 \(from the front matter\)/, date);
    const time = await hoverAt(doc, offsetOf(doc, '09:30') + 1);
    assert.match(time, /09:30/);
    assert.match(time, /2024-03-12|Tuesday|not resolved/, time);
    const title = await hoverAt(doc, offsetOf(doc, 'Minister Elena') + 2);
    assert.match(title, /Held by \[Elena Vasquez\]\(command:analystLens\.revealActor/, title);
    const quantity = await hoverAt(doc, offsetOf(doc, '$45 million') + 2);
    assert.match(quantity, /45,000,000/, quantity);
    const group = await hoverAt(doc, offsetOf(doc, 'Peruvian') + 2);
    assert.match(group, /group/, group);
    // The date hover on screen, for the screenshot.
    const at = doc.positionAt(offsetOf(doc, 'yesterday') + 3);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('editor.action.showHover');
    await sleep(800);
    await shot('date-hover');
    await vscode.commands.executeCommand('editor.action.hideHover').then(undefined, () => undefined);
  });

  it('quick fixes on a wrong highlight: "Not an entity" removes it at once from highlights and summary, via the registry', async () => {
    // "Sea Lion" is a plan: whatever span the tagger colours in it is wrong (which one depends on the model).
    const start = offsetOf(doc, 'Sea Lion');
    const before = await entitiesOf(doc);
    const wrong = before.entities.find((e) => e.start < start + 'Sea Lion'.length && start < e.end);
    assert.ok(wrong, 'the tagger highlights something in "Sea Lion" (a plan, not an entity)');
    const w = wrong.text;
    const sameText = before.entities.filter((e) => e.text === w && e.type === wrong.type).length;
    const at = Math.max(wrong.start, start) + 1;
    const range = new vscode.Range(doc.positionAt(at), doc.positionAt(at));
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, range)) ?? [];
    const titles = actions.map((a) => a.title);
    for (const t of [`“${w}” is not an entity`, `Change the type of “${w}”…`]) assert.ok(titles.includes(t), `${t} in ${titles.join(' | ')}`);
    editor.selection = new vscode.Selection(range.start, range.start);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('editor.action.quickFix');
    await sleep(1000);
    await shot('quick-fix-menu');
    await vscode.commands.executeCommand('hideCodeActionWidget').then(undefined, () => undefined);
    const fix = actions.find((a) => a.title === `“${w}” is not an entity`)!;
    const done = await vscode.commands.executeCommand<{ action: string; registry: string }>(fix.command!.command, ...(fix.command!.arguments ?? []));
    assert.equal(done?.action, 'notEntity');
    const registry = JSON.parse(await readRegistry()) as { corrections?: { text: string; type: string | null }[] };
    assert.ok(registry.corrections?.some((c) => c.text === w && c.type === null), `a "not an entity" correction of "${w}" in the registry`);
    const after = await waitFor('the highlight to go', async () => {
      const r: EntitiesResult = await entitiesOf(doc);
      return r.entities.some((e) => e.text === w) ? undefined : r;
    });
    assert.equal(after.decorated[wrong.type], before.decorated[wrong.type] - sameText, `the ${wrong.type} highlights of "${w}" are gone from the screen`);
    const s = await vscode.commands.executeCommand<SummaryResult>('analystLens.showSummary', doc.uri);
    assert.ok(![...s.summary.actors, ...s.summary.organizations, ...s.summary.places].some((a) => a.name === w), 'not in the summary any more');
    await closeTab(/^Summary: /);
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups').then(undefined, () => undefined);
    editor = vscode.window.activeTextEditor!;
    editor.selection = new vscode.Selection(range.start, range.start);
    await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups').then(undefined, () => undefined);
    await sleep(300);
    await shot('quick-fix-result');
    assert.equal(doc.getText().includes('Sea Lion'), true, 'the report itself is never edited');
  });

  it('"Change type to organisation" reaches highlights, hover, actors and the summary; "Split" and "Same actor as" reach the actors', async () => {
    const fm = offsetOf(doc, 'Freight Monitor');
    const r0 = await entitiesOf(doc);
    const wrong = r0.entities.find((e) => e.start <= fm && fm < e.end);
    assert.ok(wrong && wrong.type !== 'organization', 'the tagger does not read "Freight Monitor" as an organisation');
    await vscode.commands.executeCommand('analystLens.correctEntity', { uri: doc.uri.toString(), offset: fm + 1, action: 'changeType', type: 'organization' });
    await waitFor('Freight Monitor as an organisation', async () => (await entitiesOf(doc)).entities.find((e) => e.text === wrong!.text && e.type === 'organization'));
    const retyped = await hoverAt(doc, fm + 1);
    assert.match(retyped, /organisation/);
    assert.match(retyped, /corrected in the workspace registry \(\[open it\]\(command:analystLens\.openRegistry/, retyped);
    const actors = await waitFor('actors with the retyped one', async () => {
      const a = await vscode.commands.executeCommand<{ name: string; type: string; mentions: { text: string }[] }[]>('analystLens.getActors', doc.uri.toString());
      return a?.some((x) => x.name === wrong!.text && x.type === 'organization') ? a : undefined;
    });
    assert.ok(!actors.some((x) => x.name === wrong!.text && x.type === 'person'));
    const s = await vscode.commands.executeCommand<SummaryResult>('analystLens.showSummary', doc.uri);
    assert.ok(s.summary.organizations.some((o) => o.name === wrong!.text), 'an organisation in the summary');
    await closeTab(/^Summary: /);
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups').then(undefined, () => undefined);

    // "Reyes" (twice) is merged into Tomas Reyes; split it off.
    await vscode.commands.executeCommand('analystLens.correctEntity', { uri: doc.uri.toString(), offset: offsetOf(doc, 'Reyes said') + 1, action: 'split' });
    const split = await waitFor('Reyes as an actor of its own', async () => {
      const a = await vscode.commands.executeCommand<{ name: string; mentions: { text: string }[] }[]>('analystLens.getActors', doc.uri.toString());
      return a?.find((x) => x.name === 'Reyes') ? a : undefined;
    });
    assert.ok(!split.find((x) => x.name === 'Tomas Reyes')!.mentions.some((m) => m.text === 'Reyes'));
    // The organisation retyped above is the same actor as "Harbor Logistics" (to test the merge, not the business).
    await vscode.commands.executeCommand('analystLens.correctEntity', { uri: doc.uri.toString(), offset: fm + 1, action: 'sameActor', target: 'Harbor Logistics' });
    const merged = await waitFor('the merge', async () => {
      const a = await vscode.commands.executeCommand<{ name: string; mentions: { text: string }[] }[]>('analystLens.getActors', doc.uri.toString());
      return a?.find((x) => x.name === 'Harbor Logistics' && x.mentions.some((m) => m.text === wrong!.text));
    });
    assert.ok(merged);
    const reg = JSON.parse(await readRegistry());
    assert.deepEqual(reg.splits, [{ text: 'Reyes', from: 'Tomas Reyes' }]);
    assert.deepEqual(reg.actors, [{ name: 'Harbor Logistics', aliases: [wrong!.text], type: 'organization' }]);
  });

  it('the Outline shows the Markdown headings, not the actors (unless analystLens.outline.showActors)', async () => {
    const names = async () => ((await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri)) ?? []).flatMap(function flat(s: vscode.DocumentSymbol): string[] {
      return [s.name, ...(s.children ?? []).flatMap(flat)];
    });
    const headings = await waitFor('heading symbols', async () => {
      const n = await names();
      return n.some((x) => /Port visit brief/.test(x)) ? n : undefined;
    });
    assert.ok(headings.some((x) => /Meeting/.test(x)) && headings.some((x) => /Outlook/.test(x)), headings.join(' | '));
    assert.ok(!headings.includes('People') && !headings.includes('Elena Vasquez'), `no actors: ${headings.join(' | ')}`);
    await vscode.commands.executeCommand('outline.focus').then(undefined, () => undefined);
    await sleep(1000);
    await shot('outline-headings');
    const cfg = vscode.workspace.getConfiguration('analystLens');
    await cfg.update('outline.showActors', true, vscode.ConfigurationTarget.Global);
    try {
      const withActors = await waitFor('actor symbols', async () => {
        const n = await names();
        return n.includes('People') ? n : undefined;
      });
      assert.ok(withActors.includes('Elena Vasquez'));
    } finally {
      await cfg.update('outline.showActors', undefined, vscode.ConfigurationTarget.Global);
    }
    await vscode.commands.executeCommand('workbench.view.explorer').then(undefined, () => undefined);
  });

  it('Export Summary… says where it wrote, with Open and Reveal', async () => {
    const report = fixture('reports/moscow-briefing.md');
    const target = fixture('reports/moscow-briefing.summary.md');
    await vscode.commands.executeCommand('notifications.clearAll').then(undefined, () => undefined);
    const written = await vscode.commands.executeCommand<string>('analystLens.exportSummary', { document: report, format: 'md', uri: target, notify: true });
    try {
      assert.equal(written, target.toString());
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      assert.match(text, /^# /m);
      await sleep(500);
      // Toasts of a test run can be hidden behind the editor's focus: open the notification centre to show it.
      await vscode.commands.executeCommand('notifications.showList');
      await sleep(800);
      await shot('export-notification');
      await vscode.commands.executeCommand('notifications.hideList').then(undefined, () => undefined);
    } finally {
      await vscode.workspace.fs.delete(target, { useTrash: false }).then(undefined, () => undefined);
      await vscode.commands.executeCommand('notifications.clearAll').then(undefined, () => undefined);
    }
  });

  it('the walkthrough opens, and every command it links exists', async () => {
    const walk = extension().packageJSON.contributes.walkthroughs[0];
    const commands = new Set(await vscode.commands.getCommands(true));
    for (const step of walk.steps as { description: string }[]) {
      for (const m of step.description.matchAll(/\(command:([\w.]+)\)/g)) assert.ok(commands.has(m[1]), `${m[1]} is registered`);
    }
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${extension().id}#${walk.id}`, false);
    await sleep(1500);
    await shot('walkthrough');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('the sample in the light and dark default themes', async () => {
    const cfg = vscode.workspace.getConfiguration('workbench');
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups').then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeSidebar').then(undefined, () => undefined);
    try {
      for (const [theme, name] of [
        ['Default Light Modern', 'sample-light'],
        ['Default Dark Modern', 'sample-dark'],
      ]) {
        await cfg.update('colorTheme', theme, vscode.ConfigurationTarget.Global);
        await sleep(1200);
        await shot(name);
      }
    } finally {
      await cfg.update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.view.explorer').then(undefined, () => undefined);
    }
  });
});
