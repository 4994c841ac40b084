import { strict as assert } from 'node:assert';
import { parse, parseDates, parseLight, parseVerbs, withParseCache } from '../../src/core/summary/nlp';
import { mainClause } from '../../src/core/summary/clauses';
import nlp from 'compromise';
import { findTopics } from '../../src/core/summary/topics';
import { analyze, summarize } from '../../src/core';

type Json = { terms: { text: string; tags: string[] }[] }[];
const tagsOf = (doc: ReturnType<typeof parse>, word: string) =>
  (doc.json() as Json).flatMap((s) => s.terms).find((t) => t.text === word)?.tags ?? [];

describe('summary/nlp: one parse per sentence per summary, date tagging only where dates are read', () => {
  it('parses a text once inside withParseCache, and afresh outside it', () => {
    const s = 'The harbour authority closed the northern pier after the storm.';
    withParseCache(() => {
      assert.equal(parse(s), parse(s));
      assert.notEqual(parse(s), parse(`${s} `));
    });
    assert.notEqual(parse(s), parse(s));
  });

  it('keeps compromise-dates out of the plain parse and puts it in parseDates', () => {
    const s = 'The ferry left the island last Tuesday at noon.';
    assert.ok(!tagsOf(parse(s), 'last').includes('Date'), 'the plain parse runs no date tagger');
    assert.ok(tagsOf(parseDates(s), 'last').includes('Date'), 'parseDates tags the date phrase');
    const dates = (parseDates(s) as unknown as { dates: (o: object) => { json: () => { dates?: { start?: string } }[] } })
      .dates({ today: '2024-03-14', timezone: 'UTC' })
      .json();
    const day = dates[0]?.dates?.start?.slice(0, 10) ?? '';
    assert.equal(new Date(`${day}T00:00:00Z`).getUTCDay(), 2, `a Tuesday: ${day}`);
    assert.ok(day < '2024-03-14', `before the report date: ${day}`);
  });

  it("chunks phrases only for the verb reader: parseVerbs gives compromise's own tags and chunks, parse the same tags", () => {
    const s = 'The harbour authority closed the northern pier and evacuated the old warehouses.';
    type Terms = { terms: { text: string; tags: string[]; chunk?: string }[] }[];
    const terms = (d: ReturnType<typeof parse>) => (d.json() as Terms).flatMap((x) => x.terms).map((t) => `${t.text}:${t.tags.join(',')}:${t.chunk ?? ''}`);
    parse('x'); // nlp.ts's one-time set-up: compromise's default run without the date tagger
    const compromise = terms(nlp(s) as unknown as ReturnType<typeof parse>);
    withParseCache(() => {
      const plain = parse(s);
      const before = terms(plain);
      assert.deepEqual(before.map((t) => t.replace(/:[^:]*$/, '')), compromise.map((t) => t.replace(/:[^:]*$/, '')), 'the same tags');
      assert.notDeepEqual(before, compromise, 'the chunker has not run');
      const withChunks = parseVerbs(s);
      assert.equal(withChunks, plain, 'the same cached document');
      assert.deepEqual(terms(withChunks), compromise);
      const verbs = (withChunks as unknown as { verbs: () => { out: (f: string) => string[] } }).verbs().out('array');
      assert.deepEqual(verbs, ['closed', 'evacuated']);
    });
  });

  it("the clause reader's verb gives its tense and infinitive when read", () => {
    const c = mainClause('The harbour authority closed the northern pier on Monday.')!;
    assert.equal(c.verb.text, 'closed');
    assert.equal(c.verb.tense, 'PastTense');
    assert.equal(c.verb.infinitive, 'close');
  });

  it('parseLight still tells nouns and adjectives apart', () => {
    const doc = parseLight('The old wooden bridge needs urgent repairs.');
    assert.ok(tagsOf(doc, 'bridge').includes('Noun'));
    assert.ok(tagsOf(doc, 'wooden').includes('Adjective'));
  });

  it('topics of a long report come from its first page; places and organisations from all of it', () => {
    const lead = 'Engineers inspected the cracked dam spillway near Lisbon on Monday. The dam spillway had been repaired in 2019. ';
    const filler = 'Officials met again to review the budget figures for the coming season. '.repeat(120);
    const tail = 'Later the orchestra played a concert in Porto. The orchestra concert in Porto sold out. ';
    const text = lead + filler + tail;
    const topics = findTopics(text, analyze(text).entities, []).map((t) => t.text);
    assert.ok(topics.includes('dam spillway'), topics.join(', '));
    assert.ok(!topics.includes('orchestra concert'), 'noun phrases past the window are not read');
  });

  it('a summary is the same whether or not its sentences were parsed before', () => {
    const text = 'Rescue teams reached the flooded village of Kendal on Friday, officials said. The teams evacuated forty residents by boat.';
    const a = summarize(text, { reportDate: '2024-05-10' });
    const b = withParseCache(() => {
      parse('Rescue teams reached the flooded village of Kendal on Friday, officials said.');
      return summarize(text, { reportDate: '2024-05-10' });
    });
    assert.deepEqual(b, a);
    assert.ok(a.topics.length > 0);
  });
});
