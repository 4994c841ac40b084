import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { run } from '../../src/cli/main';
import { anchorAt, serializeAnnotationFile } from '../../src/core';

const REPORT = readFileSync(join(__dirname, '..', 'fixtures', 'workspace', 'reports', 'harbour-brief.md'), 'utf8');

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

describe('[cli] analyst-lens annotations', () => {
  let dir: string;
  let report: string;
  before(() => {
    // A workspace: reports/harbour-brief.md and .analyst/annotations/reports/harbour-brief.md.json at its root.
    dir = mkdtempSync(join(tmpdir(), 'analyst-lens-annotations-'));
    mkdirSync(join(dir, 'reports'));
    mkdirSync(join(dir, '.analyst', 'annotations', 'reports'), { recursive: true });
    report = join(dir, 'reports', 'harbour-brief.md');
    // Edited since it was annotated: a line was added at the top.
    writeFileSync(report, `Draft 2.\n${REPORT}`);
    const at = (s: string) => REPORT.indexOf(s);
    const kj = 'We judge that the broker is likely acting for a state buyer';
    const annotations = [
      anchorAt({ id: '6f1c2a6e-1b7a-4c55-9a7e-0d4e8b1f2a01', kind: 'tag', tag: 'key judgement', note: 'Single-source.', created: '2026-11-30T12:00:00.000Z' }, REPORT, at(kj), at(kj) + kj.length),
      anchorAt({ id: '6f1c2a6e-1b7a-4c55-9a7e-0d4e8b1f2a02', kind: 'entity', entityType: 'person', created: '2026-11-30T12:00:00.000Z' }, REPORT, at('nadia obuya'), at('nadia obuya') + 11),
    ];
    writeFileSync(join(dir, '.analyst', 'annotations', 'reports', 'harbour-brief.md.json'), serializeAnnotationFile({ version: 1, report: 'reports/harbour-brief.md', annotations }));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the Web Annotation JSON-LD of a report, re-anchored against its current text', async () => {
    const r = await cli('annotations', report);
    assert.equal(r.code, 0, r.stderr);
    const c = JSON.parse(r.stdout);
    assert.equal(c['@context'], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(c.type, 'AnnotationCollection');
    assert.equal(c.total, 2);
    const text = readFileSync(report, 'utf8');
    for (const a of c.first.items) {
      assert.equal(a.type, 'Annotation');
      assert.equal(a.target.source, pathToFileURL(report).href);
      const pos = a.target.selector.find((s: { type: string }) => s.type === 'TextPositionSelector');
      const quote = a.target.selector.find((s: { type: string }) => s.type === 'TextQuoteSelector');
      assert.equal(text.slice(pos.start, pos.end), quote.exact, 'positions are those of the report as it is now');
    }
  });

  it('summarize merges the annotations: the annotated person is an actor, the note is in the brief', async () => {
    const r = await cli('summarize', report, '--format', 'json', '--date', '2026-03-04');
    assert.equal(r.code, 0, r.stderr);
    const s = JSON.parse(r.stdout);
    assert.ok(s.actors.some((a: { name: string; type: string }) => a.name === 'nadia obuya' && a.type === 'person'), JSON.stringify(s.actors));
    assert.equal(s.annotations.length, 2);
    const md = (await cli('summarize', report, '--date', '2026-03-04')).stdout;
    assert.match(md, /## Analyst annotations[\s\S]*“We judge that the broker is likely acting for a state buyer” — Single-source\./);
    const web = JSON.parse((await cli('summarize', report, '--format', 'webannotation')).stdout);
    assert.equal(web.total, 2);
  });

  it('a report without annotations: an empty collection and a note on stderr; a malformed file: a clear message', async () => {
    const other = join(dir, 'reports', 'other.md');
    writeFileSync(other, 'Nothing annotated here.\n');
    const r = await cli('annotations', other);
    assert.equal(r.code, 0);
    assert.equal(JSON.parse(r.stdout).total, 0);
    assert.match(r.stderr, /no annotations file for/);
    writeFileSync(join(dir, '.analyst', 'annotations', 'reports', 'other.md.json'), '{ "annotations": [ oops');
    const bad = await cli('annotations', other);
    assert.equal(bad.code, 0);
    assert.match(bad.stderr, /other\.md\.json: not valid JSON/);
  });
});
