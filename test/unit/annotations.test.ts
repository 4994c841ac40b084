import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import {
  analyze,
  anchorAt,
  applyChanges,
  applyEntityOverrides,
  applyOverridesToAnalysis,
  buildActors,
  exportSummary,
  isAnchored,
  parseAnnotationFile,
  reanchor,
  serializeAnnotationFile,
  summarize,
  toMarkdown,
  toStix,
  toWebAnnotationCollection,
  withAnnotations,
  WEB_ANNOTATION_CONTEXT,
  type Annotation,
} from '../../src/core';

const FIXTURES = join(__dirname, '..', 'fixtures');
const ROOT = join(__dirname, '..', '..');
const sample = readFileSync(join(FIXTURES, 'workspace', 'reports', 'dubrovnik-visit.md'), 'utf8');

let n = 0;
/** An annotation of the first occurrence of `exact` (after `from`) in `text`. */
function annotate(text: string, exact: string, fields: Partial<Annotation> = {}, from = 0): Annotation {
  const start = text.indexOf(exact, from);
  assert.ok(start >= 0, `"${exact}" is not in the text`);
  n++;
  const f: Partial<Annotation> = { id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, kind: 'tag', tag: 'key judgement', created: '2026-11-30T12:00:00.000Z', ...fields };
  for (const k of Object.keys(f) as (keyof Annotation)[]) if (f[k] === undefined) delete f[k];
  return anchorAt(f as Annotation, text, start, start + exact.length);
}

describe('annotations: anchoring', () => {
  it('anchors with a text-quote selector (32 characters of context) and a position selector', () => {
    const a = annotate(sample, 'Ivana Kovacevic');
    assert.equal(a.quote.exact, 'Ivana Kovacevic');
    assert.equal(a.quote.prefix.length, 32);
    assert.ok(sample.slice(0, a.position.start).endsWith(a.quote.prefix));
    assert.ok(sample.slice(a.position.end).startsWith(a.quote.suffix));
    assert.equal(sample.slice(a.position.start, a.position.end), 'Ivana Kovacevic');
    assert.throws(() => anchorAt({ id: 'x', kind: 'tag', tag: 't', created: '' }, sample, 5, 5), RangeError);
  });

  it('moves with text inserted before it, outside VS Code (whole-text re-anchoring)', () => {
    const a = annotate(sample, 'Rear Admiral Sofia Antunes');
    const edited = `Analyst comment: read this first.\n\n${sample}`;
    const b = reanchor(a, edited);
    assert.equal(b.orphaned, undefined);
    assert.equal(b.position.start, a.position.start + 35);
    assert.ok(isAnchored(b, edited));
  });

  it('picks the occurrence whose context agrees, not the nearest one', () => {
    // "Kovacevic" occurs several times; the annotated one is "President Kovacevic" after "talks with".
    const a = annotate(sample, 'Kovacevic', {}, sample.indexOf('talks with President'));
    const moved = sample.replace('Rome warned Lisbon', 'Rome, which Kovacevic visits often, warned Lisbon');
    const b = reanchor({ ...a, position: { start: 0, end: 9 } }, moved);
    assert.equal(b.orphaned, undefined);
    assert.equal(moved.slice(b.position.start - 'talks with President '.length, b.position.end), 'talks with President Kovacevic');
  });

  it('is orphaned, not moved, when its text is gone', () => {
    const a = annotate(sample, 'Director of Naval Intelligence');
    const b = reanchor(a, sample.replace('Director of Naval Intelligence', 'head of naval intelligence'));
    assert.equal(b.orphaned, 'missing');
    assert.deepEqual(b.quote, a.quote, 'the orphan keeps its quote for re-attaching');
  });

  it('is orphaned when its text occurs twice with the same context (ambiguous)', () => {
    const para = 'The ministry said talks would continue. ';
    const text = `Intro line.\n${para}Middle.\n${para}End.`;
    const a = annotate(text, 'talks would continue');
    // The annotated paragraph is replaced by a copy of itself elsewhere: both copies agree with the whole context.
    const twice = `Intro line.\nMiddle.\n${para}${para}End.`;
    const b = reanchor(a, twice);
    assert.equal(b.orphaned, 'ambiguous');
  });

  it('a short quote whose whole context changed is orphaned rather than guessed', () => {
    const text = 'Alpha met Beta in Gamma on Monday before the summit.';
    const a = annotate(text, 'Beta');
    const b = reanchor(a, 'Completely different words around Beta now here.');
    assert.equal(b.orphaned, 'changed');
  });

  it('VS Code edits: before moves it, after leaves it, inside edits the quote, across orphans it', () => {
    const text = 'The minister met Sergei Shoigu in Moscow.';
    const a = annotate(text, 'Sergei Shoigu');
    const ins = 'Russian ';
    const t1 = text.slice(0, 4) + ins + text.slice(4);
    const b = applyChanges(a, [{ rangeOffset: 4, rangeLength: 0, text: ins }], t1);
    assert.deepEqual(b.position, { start: a.position.start + ins.length, end: a.position.end + ins.length });
    assert.ok(isAnchored(b, t1));
    const t2 = t1.replace('Moscow', 'Sochi');
    const c = applyChanges(b, [{ rangeOffset: t1.indexOf('Moscow'), rangeLength: 6, text: 'Sochi' }], t2);
    assert.deepEqual(c.position, b.position);
    // Typing inside the annotated name edits the quote with it.
    const at = t2.indexOf('Shoigu');
    const t3 = `${t2.slice(0, at)}K. ${t2.slice(at)}`;
    const d = applyChanges(c, [{ rangeOffset: at, rangeLength: 0, text: 'K. ' }], t3);
    assert.equal(d.quote.exact, 'Sergei K. Shoigu');
    assert.ok(isAnchored(d, t3));
    // Deleting across its end orphans it.
    const cut = t3.indexOf('Shoigu in');
    const t4 = t3.slice(0, cut) + t3.slice(cut + 'Shoigu in'.length);
    const e = applyChanges(d, [{ rangeOffset: cut, rangeLength: 'Shoigu in'.length, text: '' }], t4);
    assert.equal(e.orphaned, 'changed');
    // Deleting all of it: missing.
    const f = applyChanges(c, [{ rangeOffset: c.position.start, rangeLength: 13, text: '' }], t2.slice(0, c.position.start) + t2.slice(c.position.end));
    assert.equal(f.orphaned, 'missing');
  });

  it('an orphan comes back when its text and whole context return (undo)', () => {
    const a = annotate(sample, 'Nuno Salgado');
    const gone = sample.replace('Nuno Salgado', '');
    const b = applyChanges(a, [{ rangeOffset: a.position.start, rangeLength: 12, text: '' }], gone);
    assert.equal(b.orphaned, 'missing');
    const c = applyChanges(b, [{ rangeOffset: a.position.start, rangeLength: 0, text: 'Nuno Salgado' }], sample);
    assert.equal(c.orphaned, undefined);
    assert.deepEqual(c.position, a.position);
  });
});

describe('annotations: entity overrides', () => {
  const text = 'Talks were hosted by Arkady Zubrin in Omsk. Later Arkady Zubrin flew home; Zubrin declined to comment.';
  it('the annotated span and the same surface form become entities of the annotated type', () => {
    const base = analyze(text);
    const a = annotate(text, 'Arkady Zubrin', { kind: 'entity', entityType: 'person', tag: undefined });
    const out = applyEntityOverrides(base.entities, [a], text);
    const persons = out.filter((e) => e.type === 'person' && e.text === 'Arkady Zubrin');
    assert.equal(persons.length, 2, JSON.stringify(out));
    assert.ok(persons.every((e) => e.source === 'annotation'));
    for (const e of out) assert.equal(text.slice(e.start, e.end), e.text);
    // No two entities of one type overlap.
    for (const x of out) for (const y of out) if (x !== y && x.type === y.type) assert.ok(x.end <= y.start || y.end <= x.start, `${x.text}/${y.text}`);
  });

  it('overrides a wrong type from the model and feeds the actors', () => {
    const t = 'The delegation met Omsk Volkov in Tyumen on Monday. Omsk Volkov said the talks were useful.';
    const a = annotate(t, 'Omsk Volkov', { kind: 'entity', entityType: 'organization', tag: undefined });
    const analysis = applyOverridesToAnalysis(analyze(t), [a], t);
    assert.ok(analysis.entities.filter((e) => e.text === 'Omsk Volkov').every((e) => e.type === 'organization'));
    assert.equal(analysis.counts.organization, analysis.entities.filter((e) => e.type === 'organization').length);
    const actors = buildActors(t, analysis);
    const org = actors.find((x) => x.name === 'Omsk Volkov');
    assert.equal(org?.type, 'organization');
    assert.equal(org?.mentionCount, 2);
  });

  it('orphaned annotations and tags change nothing', () => {
    const base = analyze(text);
    const tag = annotate(text, 'Omsk');
    const orphan = { ...annotate(text, 'Zubrin', { kind: 'entity', entityType: 'place', tag: undefined }), orphaned: 'missing' as const };
    assert.deepEqual(applyEntityOverrides(base.entities, [tag, orphan], text), base.entities);
  });
});

describe('annotations: file', () => {
  it('round-trips with stable key order, one annotation per block, in text order', () => {
    const b = annotate(sample, 'Dubrovnik', { note: 'Check the date of the visit.' });
    const a = annotate(sample, 'Duarte Vasconcelos', { kind: 'entity', entityType: 'person', tag: undefined, replies: [{ id: 'r1', body: 'Agreed.', created: '2026-11-30T13:00:00.000Z' }] });
    const text = serializeAnnotationFile({ version: 1, report: 'reports/dubrovnik-visit.md', annotations: [b, a] });
    const parsed = parseAnnotationFile(text, 'reports/dubrovnik-visit.md');
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.file.annotations, [b, a], 'in text order: "Dubrovnik" of the title first');
    assert.equal(serializeAnnotationFile(parsed.file), text, 'serialising again changes nothing');
    const keys = Object.keys(JSON.parse(text).annotations[0]);
    assert.deepEqual(keys, ['id', 'kind', 'tag', 'note', 'quote', 'position', 'created']);
  });

  it('malformed files: a clear message, and nothing is lost', () => {
    const broken = parseAnnotationFile('{ "annotations": [ { "id": "a" ', 'r.md');
    assert.equal(broken.unreadable, true);
    assert.match(broken.problems[0].message, /not valid JSON/);
    const good = annotate(sample, 'Tomislav Jurak');
    const mixed = JSON.stringify({ version: 1, report: 'r.md', annotations: [good, { id: 'bad', kind: 'colour' }, good] });
    const p = parseAnnotationFile(mixed, 'r.md');
    assert.equal(p.unreadable, false);
    assert.equal(p.file.annotations.length, 1);
    assert.equal(p.invalid.length, 2);
    assert.match(p.problems.map((x) => x.message).join('\n'), /annotation 2: "kind" must be "entity" or "tag"[\s\S]*annotation 3: duplicate id/);
    const back = JSON.parse(serializeAnnotationFile(p.file, p.invalid));
    assert.equal(back.annotations.length, 3, 'invalid entries are written back');
    assert.equal(parseAnnotationFile('[1,2]', 'r.md').unreadable, true);
    assert.equal(parseAnnotationFile('', 'r.md').unreadable, false);
    assert.match(parseAnnotationFile('{"version": 7}', 'r.md').problems[0].message, /not supported/);
  });

  it('files validate against schemas/annotations.schema.json', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'annotations.schema.json'), 'utf8'));
    const ajv = new Ajv2020({ allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const a = annotate(sample, 'Dubrovnik', { note: 'n', resolved: true, replies: [{ id: 'r', body: 'b', author: 'me', created: '2026-11-30T13:00:00.000Z' }], author: 'me', modified: '2026-11-30T14:00:00.000Z' });
    const e = { ...annotate(sample, 'Kovacevic', { kind: 'entity', entityType: 'person', tag: undefined }), orphaned: 'missing' as const };
    const file: { annotations: Record<string, unknown>[] } = JSON.parse(serializeAnnotationFile({ version: 1, report: 'reports/dubrovnik-visit.md', annotations: [a, e] }));
    assert.ok(validate(file), JSON.stringify(validate.errors));
    assert.equal(validate({ ...file, annotations: [{ ...file.annotations[0], kind: 'colour' }] }), false);
    // The package contributes the schema for the files.
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.ok(pkg.contributes.jsonValidation.some((j: { fileMatch: string; url: string }) => j.url === './schemas/annotations.schema.json' && j.fileMatch.includes('.analyst/annotations/')));
  });
});

describe('annotations: exports', () => {
  const kj = annotate(sample, 'the two leaders reviewed “maritime security”', { note: 'Single-source: the PMO statement only.', author: 'A. Analyst' });
  const person = annotate(sample, 'Rui Meireles', { kind: 'entity', entityType: 'person', tag: undefined });
  const reply = { ...kj, replies: [{ id: '11111111-1111-4111-8111-111111111111', body: 'Agree, flag it in the brief.', author: 'Reviewer', created: '2026-11-30T15:00:00.000Z' }] };

  it('Web Annotation JSON-LD: @context, type Annotation, bodies with purposes, target with both selectors', () => {
    const c = toWebAnnotationCollection([reply, person], 'file:///reports/dubrovnik-visit.md');
    assert.equal(c['@context'], WEB_ANNOTATION_CONTEXT);
    assert.equal(c['@context'], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(c.type, 'AnnotationCollection');
    const items = c.first.items;
    assert.equal(c.total, items.length);
    const main = items.filter((i) => i.motivation !== 'replying');
    assert.equal(main.length, 2);
    for (const w of main) {
      assert.equal(w['@context'], WEB_ANNOTATION_CONTEXT);
      assert.equal(w.type, 'Annotation');
      assert.match(w.id, /^urn:uuid:[0-9a-f-]{36}$/);
      assert.ok(Array.isArray(w.body) && w.body.every((b) => b.type === 'TextualBody' && typeof b.value === 'string'));
      const target = w.target as Exclude<typeof w.target, string>;
      assert.equal(target.source, 'file:///reports/dubrovnik-visit.md');
      const quote = target.selector.find((s) => s.type === 'TextQuoteSelector') as { exact: string; prefix: string; suffix: string };
      const pos = target.selector.find((s) => s.type === 'TextPositionSelector') as { start: number; end: number };
      assert.ok(quote && pos);
      assert.equal(sample.slice(pos.start, pos.end), quote.exact);
      assert.ok(sample.slice(0, pos.start).endsWith(quote.prefix) && sample.slice(pos.end).startsWith(quote.suffix));
    }
    const kjW = main.find((w) => (w.body as { purpose: string }[]).some((b) => b.purpose === 'tagging'))!;
    assert.deepEqual(
      (kjW.body as { purpose: string; value: string }[]).map((b) => [b.purpose, b.value]),
      [
        ['tagging', 'key judgement'],
        ['commenting', 'Single-source: the PMO statement only.'],
      ],
    );
    assert.deepEqual(kjW.creator, { type: 'Person', name: 'A. Analyst' });
    const personW = main.find((w) => w !== kjW)!;
    assert.deepEqual(personW.body, [{ type: 'TextualBody', purpose: 'classifying', value: 'person' }]);
    const r = items.find((i) => i.motivation === 'replying')!;
    assert.equal(r.target, kjW.id);
  });

  it('summary: a section for tags and notes (Markdown, JSON), STIX notes referring to the report', () => {
    const summary = withAnnotations(summarize(sample, { reportDate: '2025-03-14', title: 'dubrovnik-visit' }), [reply, person, { ...annotate(sample, 'Radio Lumen'), orphaned: 'missing' as const }]);
    const mdText = toMarkdown(summary);
    assert.match(mdText, /## Analyst annotations\n\n### Key judgement\n\n- “the two leaders reviewed “maritime security”” — Single-source: the PMO statement only\. _\(A\. Analyst\)_\n {2}- \*\*Reviewer:\*\* Agree, flag it in the brief\./);
    assert.match(mdText, /### Entities marked by the analyst\n\n- \*\*Rui Meireles\*\*: person/);
    assert.match(mdText, /### Orphaned[^\n]*\n\n- key judgement: “Radio Lumen”/);
    const json = JSON.parse(exportSummary(summary, 'json'));
    assert.equal(json.annotations.length, 3);
    assert.equal(json.annotations[0].note, 'Single-source: the PMO statement only.');
    const web = JSON.parse(exportSummary(summary, 'webannotation', { source: 'file:///w/reports/dubrovnik-visit.md' }));
    assert.equal(web.first.items.filter((i: { motivation: string }) => i.motivation !== 'replying').length, 3);
    const bundle = toStix(summary);
    const report = bundle.objects.find((o) => o.type === 'report')!;
    const notes = bundle.objects.filter((o) => o.type === 'note' && (o.content as string).startsWith('Single-source'));
    assert.equal(notes.length, 1);
    assert.deepEqual(notes[0].object_refs, [report.id]);
    assert.match(notes[0].content as string, /Reviewer: Agree/);
    assert.ok((report.object_refs as string[]).includes(notes[0].id));
    // Valid against the official STIX 2.1 note schema.
    const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false, logger: false });
    addFormats(ajv);
    const root = join(FIXTURES, 'stix2-schemas');
    for (const dir of ['common', 'sdos', 'sros', 'observables']) {
      for (const f of readdirSync(join(root, dir))) if (f.endsWith('.json')) ajv.addSchema(JSON.parse(readFileSync(join(root, dir, f), 'utf8')));
    }
    const noteSchema = JSON.parse(readFileSync(join(root, 'sdos', 'note.json'), 'utf8'));
    const validate = ajv.getSchema(noteSchema.$id)!;
    assert.ok(validate(notes[0]), JSON.stringify(validate.errors));
    // The summary schema knows the section.
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'summary.schema.json'), 'utf8'));
    const v = new Ajv2020({ strict: false, allErrors: true });
    addFormats(v);
    const ok = v.compile(schema);
    assert.ok(ok(json), JSON.stringify(ok.errors?.slice(0, 3)));
  });

  it('a selection summary lists only the annotations inside it', () => {
    const start = sample.indexOf('A senior Portuguese diplomat');
    const s = withAnnotations(summarize(sample, { selection: [start, sample.length] }), [reply, person]);
    assert.deepEqual(s.annotations?.map((a) => a.text), ['Rui Meireles']);
  });
});

describe('annotations: summary view', () => {
  it('lists tags and notes, escaped, linked to their place in the report', async () => {
    const { renderSummaryBody } = await import('../../src/vscode/features/summaryHtml');
    const text = 'The <b>convoy</b> left at dawn. We judge the broker acts for a state buyer.';
    const a = annotate(text, 'We judge the broker acts for a state buyer.', { note: '<img src=x onerror=alert(1)> single source' });
    const html = renderSummaryBody(withAnnotations(summarize(text), [a]), 'r.md');
    assert.match(html, /Analyst annotations/);
    assert.ok(html.includes(`data-start="${a.position.start}" data-end="${a.position.end}"`));
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt; single source'));
    assert.ok(!html.includes('<img'));
  });
});
