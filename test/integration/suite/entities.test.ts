import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { assertRangesMatch, ENTITY_TYPES, entitiesOf, getEntities, SAMPLE, show, total } from './helpers';

describe('entities of the sample report (reports/dubrovnik-visit.md)', () => {
  let editor: vscode.TextEditor;
  before(async () => {
    editor = await show(SAMPLE);
  });

  it('getEntities describes the active document at its current version', async () => {
    const r = await getEntities();
    assert.equal(r.uri, editor.document.uri.toString());
    assert.equal(r.version, editor.document.version);
    assert.equal(r.enabled, true);
    assert.ok(Array.isArray(r.entities) && r.entities.length > 0, 'no entities found');
  });

  it('finds the person "Ivana Kovacevic" and the place "Dubrovnik" at the right ranges', async () => {
    const doc = editor.document;
    const r = await entitiesOf(doc);
    const kovacevic = r.entities.find((e) => e.type === 'person' && e.text === 'Ivana Kovacevic');
    assert.ok(kovacevic, `no person "Ivana Kovacevic" in ${JSON.stringify(r.entities.filter((e) => e.type === 'person').map((e) => e.text))}`);
    const dubrovnik = r.entities.find((e) => e.type === 'place' && e.text === 'Dubrovnik');
    assert.ok(dubrovnik, `no place "Dubrovnik" in ${JSON.stringify(r.entities.filter((e) => e.type === 'place').map((e) => e.text))}`);
    for (const e of [kovacevic, dubrovnik]) {
      const range = new vscode.Range(e.range[0], e.range[1], e.range[2], e.range[3]);
      assert.equal(doc.getText(range), e.text);
      assert.equal(doc.getText().slice(e.start, e.end), e.text);
    }
    // The first "Ivana Kovacevic" of the text is the one in the body (the heading says only "Kovacevic").
    assert.equal(kovacevic.start, doc.getText().indexOf('Ivana Kovacevic'));
  });

  it('every entity range shows exactly its text', async () => {
    const doc = editor.document;
    const r = await entitiesOf(doc);
    assertRangesMatch(doc, r);
    for (const e of r.entities) assert.ok((ENTITY_TYPES as readonly string[]).includes(e.type), `unknown type ${e.type}`);
  });

  it('decorates what it finds in the visible editor', async () => {
    const r = await entitiesOf(editor.document);
    assert.ok(total(r.decorated) > 0, `nothing decorated: ${JSON.stringify(r.decorated)}`);
    for (const t of ENTITY_TYPES) {
      const found = r.entities.filter((e) => e.type === t).length;
      assert.equal(r.decorated[t] ?? 0, found, `decorated ${t} ranges vs ${t} entities`);
    }
  });

  it('accepts the document as a Uri or a string and returns the same', async () => {
    const a = await getEntities(editor.document.uri);
    const b = await getEntities(editor.document.uri.toString());
    const c = await getEntities();
    assert.deepEqual(a.entities, c.entities);
    assert.deepEqual(b.entities, c.entities);
  });
});
