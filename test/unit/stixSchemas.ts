// Shared by the STIX tests (export.test.ts, cti.test.ts): the official STIX 2.1 schemas in test/fixtures/stix2-schemas.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/** A lookup of the schemas by path ("sdos/report.json"), each registered under its own $id. */
export function stixValidator() {
  // The schemas' patterns use escapes (\-) that Unicode-mode regular expressions reject.
  const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false, logger: false });
  addFormats(ajv);
  const root = join(__dirname, '..', 'fixtures', 'stix2-schemas');
  const ids = new Map<string, string>();
  for (const dir of ['common', 'sdos', 'sros', 'observables']) {
    for (const f of readdirSync(join(root, dir))) {
      if (!f.endsWith('.json')) continue;
      const schema = JSON.parse(readFileSync(join(root, dir, f), 'utf8'));
      // Each schema's $id is its published URL; their "../common/core.json" refs resolve against it.
      ajv.addSchema(schema);
      ids.set(`${dir}/${f}`, schema.$id);
    }
  }
  return (path: string) => {
    const v = ajv.getSchema(ids.get(path)!);
    assert.ok(v, `schema ${path}`);
    return v;
  };
}
