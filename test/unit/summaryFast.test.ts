import { strict as assert } from 'node:assert';
import { summarize } from '../../src/core';
import { findTimexes } from '../../src/core/summary/timex';
import { plainJson } from '../../src/core/summary/summarize';

// The cheaper passes of the summary (word starts checked by hand, quote state carried, a direct JSON copy) must
// find exactly what the slower forms found. Every text below is written for these tests.

describe('[summary/fast paths] same results as the slower forms they replace', () => {
  it('findTimexes matches only at a word start, whatever stands before (ASCII, accented, astral letters, digits)', () => {
    const texts = (x: string) => findTimexes(x).map((t) => t.text);
    assert.deepEqual(texts('The crew left on Monday and came back on May 5.'), ['Monday', 'May 5']);
    // A letter or digit glued to the front: no expression there ("preMonday", "éMonday", "𝐀Monday", "2Monday").
    assert.deepEqual(texts('preMonday éMonday 𝐀Monday 2Monday'), []);
    // Not letters: punctuation, an emoji (a surrogate pair that is not a letter), a hyphen.
    assert.deepEqual(texts('(Monday) 😀Monday x-Monday'), ['Monday', 'Monday', 'Monday']);
    // The next match after a refused one is still found ("aMonday Tuesday").
    assert.deepEqual(texts('aMonday Tuesday'), ['Tuesday']);
  });

  it('findTimexes: an underscore is not a letter, so a year or a day after one is found (texts with and without "_")', () => {
    const texts = (x: string) => findTimexes(x).map((t) => t.text);
    assert.deepEqual(texts('Release build_2019 shipped on Friday.'), ['2019', 'Friday']);
    assert.deepEqual(texts('Release build-2019 shipped on Friday.'), ['2019', 'Friday']);
    assert.deepEqual(texts('Release build2019 shipped on_Friday.'), ['Friday']);
  });

  it('relations: a verb inside a quotation opened in an earlier sentence of the paragraph is the speaker’s, not an event', () => {
    const text = [
      'Minister Lena Orvik said: “We will not wait. Karl Brand met the envoys yesterday.” Lena Orvik met Karl Brand in Tallmere on Monday.',
      'Karl Brand visited Tallmere on Tuesday.',
    ].join('\n');
    const s = summarize(text, { reportDate: '2031-05-16' });
    const verbs = s.relations.map((r) => `${r.type}:${r.participants.map((p) => p.name).join('+')}`);
    assert.ok(verbs.includes('meeting:Lena Orvik+Karl Brand'), verbs.join(' | '));
    assert.ok(!s.relations.some((r) => r.type === 'meeting' && r.participants.some((p) => p.role === 'agent' && p.name === 'Karl Brand')), verbs.join(' | '));
    assert.ok(s.relations.some((r) => r.type === 'visit' && r.where?.name === 'Tallmere'), verbs.join(' | '));
    // Glued to a letter or hyphen, a verb is part of another word ("co-met" is not "met").
    const glued = summarize('Lena Orvik co-met Karl Brand in Tallmere.', { reportDate: '2031-05-16' });
    assert.ok(!glued.relations.some((r) => r.type === 'meeting'), glued.relations.map((r) => r.verb).join(' | '));
  });

  it('plainJson is JSON.parse(JSON.stringify(x)) without the string', () => {
    const shared = { start: 1, end: 2 };
    const value = {
      a: undefined,
      b: [1, undefined, () => 1, Symbol('s'), NaN, -0, Infinity, 'x'],
      c: { d: shared, e: shared, f: null, g: new Date(Date.UTC(2031, 4, 16)) },
      h: () => 2,
      '2': 'integer key first',
      i: true,
    };
    const copy = plainJson(value) as typeof value;
    assert.equal(JSON.stringify(copy), JSON.stringify(value));
    assert.deepEqual(copy, JSON.parse(JSON.stringify(value)));
    assert.notEqual(copy.c.d, copy.c.e);
    assert.deepEqual(Object.keys(copy), ['2', 'b', 'c', 'i']);
    assert.ok(Object.is((copy.b as unknown[])[5], 0));
  });
});
