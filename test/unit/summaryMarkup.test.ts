import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { summarize } from '../../src/core';
import { toCsv, toMarkdown, toStix } from '../../src/core/summary/export';

// The analyst-markup sections of the summary: indicators (with STIX patterns) and assessments (ICD 203 bands).
const text = readFileSync(join(__dirname, '..', 'fixtures', 'markup', 'threat-report.md'), 'utf8');
const summary = summarize(text, { reportDate: '2026-11-24' });

describe('[summary/markup] indicators and assessments', () => {
  it('lists each indicator once, refanged, with every mention and its sentence', () => {
    assert.ok(summary.indicators.length >= 5, JSON.stringify(summary.indicators.map((i) => i.value)));
    for (const i of summary.indicators) {
      assert.ok(!/\[\.\]|hxxp/i.test(i.value), `refanged: ${i.value}`);
      for (const m of i.mentions) assert.equal(text.slice(m.start, m.end), m.text);
      assert.ok(i.sentence.text.length > 0 && text.slice(i.sentence.start, i.sentence.end) === i.sentence.text);
    }
    const values = summary.indicators.map((i) => `${i.type}:${i.value.toLowerCase()}`);
    assert.equal(new Set(values).size, values.length, 'one entry per value');
    assert.ok(summary.indicators.some((i) => i.defanged), 'defanged indicators are marked');
  });

  it('lists the estimative statements with their ICD 203 band and the confidence stated in the sentence', () => {
    const veryLikely = summary.assessments.find((a) => a.term.text === 'very likely');
    assert.ok(veryLikely, JSON.stringify(summary.assessments.map((a) => a.term.text)));
    assert.deepEqual(veryLikely.band, [80, 95]);
    const withConf = summary.assessments.find((a) => /high confidence/.test(a.sentence.text));
    assert.equal(withConf?.confidence, 'high');
    assert.equal(summary.counts.assessments, summary.assessments.length);
  });

  it('exports them: Markdown sections (defanged), CSV rows, STIX indicators with patterns', () => {
    const md = toMarkdown(summary);
    assert.match(md, /^## Assessments$/m);
    assert.match(md, /^## Indicators$/m);
    const indicatorSection = md.split(/^## Indicators$/m)[1].split(/^## /m)[0];
    assert.ok(!/https?:\/\//.test(indicatorSection), 'no live link in the brief');
    const csv = toCsv(summary);
    assert.ok(csv.split('\r\n').some((l) => l.startsWith('indicator:')));
    const stix = toStix(summary);
    const indicators = stix.objects.filter((o) => o.type === 'indicator');
    assert.ok(indicators.length >= 3);
    for (const o of indicators) assert.match(String(o.pattern), /^\[[a-z0-9-]+:[\w.'-]+ = '.*'\]$/);
    const report = stix.objects.find((o) => o.type === 'report')!;
    for (const o of indicators) assert.ok((report.object_refs as string[]).includes(o.id));
  });
});
