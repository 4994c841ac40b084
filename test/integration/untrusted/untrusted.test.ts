// The extension in an UNTRUSTED workspace (restricted mode), in a real VS Code. The manifest declares
// capabilities.untrustedWorkspaces "limited": reports are analysed and highlighted, the actor registry is never
// written. Run by runCodeServer.mjs in a second code-server with workspace trust enabled; trust is never granted.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { entitiesOf, extension, fixture, SAMPLE, show, sleep, total } from '../suite/helpers';

const SIGNAL_DIR = process.env.ANALYST_LENS_IT_SIGNAL_DIR;
const MARK = process.env.ANALYST_LENS_IT_MARK ?? '';

const REGISTRY = '.analyst/actors.json';

async function exists(uri: vscode.Uri): Promise<boolean> {
  return Promise.resolve(vscode.workspace.fs.stat(uri)).then(
    () => true,
    () => false,
  );
}

describe('untrusted workspace (restricted mode)', () => {
  it('the workspace is not trusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
    assert.ok(vscode.workspace.workspaceFolders?.length, 'the fixture folder is open');
  });

  it('the manifest declares limited support for untrusted workspaces', () => {
    const caps = (extension().packageJSON as { capabilities?: { untrustedWorkspaces?: { supported?: unknown } } }).capabilities;
    assert.equal(caps?.untrustedWorkspaces?.supported, 'limited');
  });

  it('opening a report activates the extension and highlights it', async () => {
    const editor = await show(SAMPLE);
    const r = await entitiesOf(editor.document);
    assert.equal(extension().isActive, true);
    assert.equal(r.enabled, true);
    const kovacevic = r.entities.filter((e) => e.type === 'person' && /Kovacevic/.test(e.text));
    assert.ok(kovacevic.some((e) => e.text === 'Ivana Kovacevic'), JSON.stringify(r.entities.filter((e) => e.type === 'person').map((e) => e.text)));
    assert.ok(total(r.decorated) > 0, `nothing decorated: ${JSON.stringify(r.decorated)}`);
    assert.ok(r.decorated.person > 0, JSON.stringify(r.decorated));
  });

  it('Add to Registry writes nothing in an untrusted workspace', async () => {
    const registry = fixture(REGISTRY);
    assert.equal(await exists(registry), false, `${REGISTRY} exists before the test`);
    const editor = await show(SAMPLE);
    const doc = editor.document;
    const actors = await vscode.commands.executeCommand<{ id: string; name: string }[] | { actors: { id: string; name: string }[] }>('analystLens.getActors', doc.uri.toString());
    const list = Array.isArray(actors) ? actors : actors?.actors ?? [];
    const kovacevic = list.find((a) => a.name === 'Ivana Kovacevic');
    assert.ok(kovacevic, `no actor Ivana Kovacevic: ${JSON.stringify(list.map((a) => a.name))}`);
    const result = await vscode.commands.executeCommand('analystLens.addToRegistry', doc.uri.toString(), kovacevic.id);
    assert.equal(result, undefined, 'addToRegistry reported a write');
    assert.equal(await exists(registry), false, `${REGISTRY} was written in an untrusted workspace`);
    assert.equal(await exists(fixture('.analyst')), false, '.analyst/ was created in an untrusted workspace');
    assert.equal(doc.isDirty, false);
  });

  after(async function () {
    // Leave the highlighted report on screen for the runner's screenshot (test-artifacts/untrusted-workspace.png).
    if (!SIGNAL_DIR) return;
    this.timeout(120_000);
    await vscode.commands.executeCommand('notifications.clearAll').then(undefined, () => undefined);
    await show(SAMPLE);
    console.log(`${MARK}ANALYST_LENS_SCREENSHOT_READY`);
    const done = join(SIGNAL_DIR, 'screenshot-taken');
    const deadline = Date.now() + 90_000;
    while (!existsSync(done) && Date.now() < deadline) await sleep(100);
  });
});
