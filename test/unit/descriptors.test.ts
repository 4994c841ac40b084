import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENTITY_TYPE_DESCRIPTORS, ENTITY_TYPES, EXPORT_EXTENSIONS, EXPORT_FORMATS, EXPORTER_DESCRIPTORS, exporterNamed, exportFileName } from '../../src/core';

const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));

describe('[core/descriptors] entity types and exporters, one row each', () => {
  it('package.json contributes a setting and a colour for every entity type', () => {
    const settings = pkg.contributes.configuration.properties ?? pkg.contributes.configuration[0]?.properties;
    const colors = new Set((pkg.contributes.colors as { id: string }[]).map((c) => c.id));
    for (const t of ENTITY_TYPES) {
      const d = ENTITY_TYPE_DESCRIPTORS[t];
      assert.equal(d.type, t);
      assert.ok(settings[d.setting], `no setting ${d.setting} in package.json`);
      assert.equal(settings[d.setting].type, 'boolean', d.setting);
      assert.ok(colors.has(d.colorId), `no colour ${d.colorId} in package.json`);
      assert.ok(String(settings[d.setting].markdownDescription ?? '').includes(d.colorId), `${d.setting} names its colour`);
    }
    assert.equal(Object.keys(ENTITY_TYPE_DESCRIPTORS).length, ENTITY_TYPES.length, 'a row for every type, no other');
  });

  it('priorities are distinct (overlaps resolve one way)', () => {
    const ps = ENTITY_TYPES.map((t) => ENTITY_TYPE_DESCRIPTORS[t].priority);
    assert.equal(new Set(ps).size, ps.length);
  });

  it('exporters: formats, extensions and aliases come from the table', () => {
    assert.deepEqual([...EXPORT_FORMATS], EXPORTER_DESCRIPTORS.map((d) => d.name));
    for (const d of EXPORTER_DESCRIPTORS) {
      assert.equal(EXPORT_EXTENSIONS[d.name], d.extension);
      assert.equal(exportFileName('reports/x.md', d.name), `x${d.extension}`);
      for (const a of [d.name, ...d.aliases]) assert.equal(exporterNamed(a.toUpperCase())?.name, d.name, a);
    }
    assert.equal(exporterNamed('docx'), undefined);
    const names = EXPORTER_DESCRIPTORS.flatMap((d) => [d.name, ...d.aliases]);
    assert.equal(new Set(names).size, names.length, 'no alias names two exporters');
  });
});
