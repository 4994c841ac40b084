// Shared helpers of the integration tests. Black-box: they talk to the extension only through VS Code's API and
// the extension's commands, as another extension or a user would.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'analyst-lens.analyst-lens';
export const ENTITY_TYPES = ['person', 'organization', 'place', 'date', 'time', 'group', 'title', 'quantity'] as const;

/** What `analystLens.getEntities` returns (the extension contract). */
export interface EntityDto {
  start: number;
  end: number;
  type: string;
  text: string;
  /** Left out when asked for offsets only ({ positions: false }: then do not read it). */
  range: [number, number, number, number];
}
export interface EntitiesResult {
  uri: string;
  version: number;
  enabled: boolean;
  entities: EntityDto[];
  decorated: Record<string, number>;
}

export function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded in this extension host`);
  return ext;
}

/** A file of the fixture workspace (test/fixtures/workspace). */
export function fixture(rel: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder: the runner must open test/fixtures/workspace');
  return vscode.Uri.joinPath(folder.uri, ...rel.split('/'));
}

export const SAMPLE = 'reports/dubrovnik-visit.md';

/** Opens a fixture file in a real, non-preview editor and makes it the active one. */
export async function show(rel: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fixture(rel));
  return vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.One });
}

export async function getEntities(arg?: vscode.Uri | string, opts?: { positions?: boolean; from?: number; to?: number }): Promise<EntitiesResult> {
  const r = await vscode.commands.executeCommand<EntitiesResult | undefined>('analystLens.getEntities', arg, ...(opts ? [opts] : []));
  assert.ok(r, 'analystLens.getEntities returned nothing');
  return r;
}

/** Polls until `probe` returns a truthy value; fails with `what` after `timeoutMs`. Never asserts on time itself. */
export async function waitFor<T>(what: string, probe: () => T | Promise<T>, timeoutMs = 20_000, intervalMs = 50): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v as NonNullable<T>;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    await sleep(intervalMs);
  }
}

/** getEntities, polled until it describes the document's current version (after any debounce). */
export async function entitiesOf(doc: vscode.TextDocument): Promise<EntitiesResult> {
  return waitFor(`analysis of ${doc.uri.path}@${doc.version}`, async () => {
    const r = await getEntities(doc.uri);
    return r.version === doc.version ? r : undefined;
  });
}

export const total = (counts: Record<string, number>): number => Object.values(counts).reduce((a, b) => a + b, 0);

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Every entity's range and offsets point at its text in the document. */
export function assertRangesMatch(doc: vscode.TextDocument, r: EntitiesResult): void {
  for (const e of r.entities) {
    const [sl, sc, el, ec] = e.range;
    const range = new vscode.Range(sl, sc, el, ec);
    assert.equal(doc.getText(range), e.text, `range of ${e.type} "${e.text}" (${e.range.join(',')}) shows other text`);
    assert.equal(doc.offsetAt(range.start), e.start, `start offset of "${e.text}"`);
    assert.equal(doc.offsetAt(range.end), e.end, `end offset of "${e.text}"`);
  }
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * Asks the code-server runner for test-artifacts/<name>.png and waits until it is taken. Returns whether it was
 * taken; outside the code-server runner (no signal folder) it does nothing and returns false.
 */
export async function screenshot(name: string, timeoutMs = 60_000): Promise<boolean> {
  const signalDir = process.env.ANALYST_LENS_IT_SIGNAL_DIR;
  if (!signalDir) return false;
  console.log(`${process.env.ANALYST_LENS_IT_MARK ?? ''}ANALYST_LENS_SHOT ${name}`);
  const done = join(signalDir, `shot-${name}`);
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(done) && Date.now() < deadline) await sleep(100);
  return existsSync(done);
}
