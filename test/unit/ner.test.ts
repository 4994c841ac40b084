import { analyze } from '../../src/core';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { recognizeNames, tokenize, type NameSpan } from '../../src/core/ner/index';

const FIXTURES = path.resolve(__dirname, '../fixtures/sample');

function names(text: string): Array<[string, NameSpan['type']]> {
  return recognizeNames(text).map((s) => [text.slice(s.start, s.end), s.type]);
}

function typeOf(text: string, surface: string): NameSpan['type'] | undefined {
  return names(text).find(([s]) => s === surface)?.[1];
}

function assertWellFormed(text: string, spans: NameSpan[]): void {
  let prevEnd = -1;
  for (const s of spans) {
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), 'integer offsets');
    assert.ok(s.start >= 0 && s.end <= text.length && s.start < s.end, `span in range: ${JSON.stringify(s)}`);
    assert.ok(s.start >= prevEnd, 'sorted, non-overlapping');
    prevEnd = s.end;
    const surface = text.slice(s.start, s.end);
    assert.doesNotMatch(surface, /^\s|\s$/, `no surrounding whitespace: ${JSON.stringify(surface)}`);
    assert.doesNotMatch(surface, /[.,;:!?"”“’')\]]$/, `no trailing punctuation: ${JSON.stringify(surface)}`);
    assert.doesNotMatch(surface, /['’]s$/, `no trailing possessive: ${JSON.stringify(surface)}`);
    assert.ok(['person', 'organization', 'place', 'group'].includes(s.type));
  }
}

describe('ner: tokenize', () => {
  it('splits punctuation and keeps offsets exact', () => {
    const text = 'Mr. Smith paid $1,200.50 to the U.S. Treasury, didn\u2019t he?';
    const { tokens, sentences } = tokenize(text);
    for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.text);
    assert.deepEqual(tokens.map((t) => t.text), ['Mr.', 'Smith', 'paid', '$', '1,200.50', 'to', 'the', 'U.S.', 'Treasury', ',', 'did', 'n\u2019t', 'he', '?']);
    assert.deepEqual(sentences, [{ start: 0, end: tokens.length }]);
  });

  it('splits possessives and curly quotes, keeps hyphenated names whole', () => {
    const text = 'Israel\u2019s adviser Meir Ben-Shabbat met Major-General Tamir Heiman: \u201cregional issues,\u201d he said.';
    const toks = tokenize(text).tokens.map((t) => t.text);
    assert.deepEqual(toks, ['Israel', '\u2019s', 'adviser', 'Meir', 'Ben-Shabbat', 'met', 'Major-General', 'Tamir', 'Heiman', ':',
      '\u201c', 'regional', 'issues', ',', '\u201d', 'he', 'said', '.']);
  });

  it('finds sentence boundaries in prose and at newlines', () => {
    const text = 'The talks ended. Mr. Putin left Sochi on Friday.\nPrices fell\r\n\r\nagain';
    const { tokens, sentences } = tokenize(text);
    const sents = sentences.map((s) => tokens.slice(s.start, s.end).map((t) => t.text).join(' '));
    assert.deepEqual(sents, ['The talks ended .', 'Mr. Putin left Sochi on Friday .', 'Prices fell', 'again']);
  });

  it('splits markdown emphasis and links off words', () => {
    const text = '**Vladimir Putin** met _Benjamin Netanyahu_ in [Sochi](https://example.com/a).';
    const toks = tokenize(text).tokens.map((t) => t.text);
    for (const w of ['Vladimir', 'Putin', 'Benjamin', 'Netanyahu', 'Sochi']) assert.ok(toks.includes(w), `${w} in ${toks.join('|')}`);
  });

  it('joins a soft-wrapped line but not a headline', () => {
    const wrapped = tokenize('Talks between the\nRussian and Israeli sides, and\nlater in Moscow.');
    assert.equal(wrapped.sentences.length, 1);
    const headline = tokenize('SOCCER - JAPAN WIN\nTokyo 1996-08-22\n\nJapan won.');
    assert.equal(headline.sentences.length, 3);
  });

  it('gives a sentence-final abbreviation its period back only at the end of a paragraph', () => {
    const toks = (t: string) => tokenize(t).tokens.map((x) => x.text);
    assert.deepEqual(toks('He works for Smith Barney & Co.\nShares rose.').slice(3, 8), ['Smith', 'Barney', '&', 'Co', '.']);
    assert.deepEqual(toks('Officials in the U.S. said so.').slice(0, 4), ['Officials', 'in', 'the', 'U.S.']);
  });

  it('handles dashes, ellipses and brackets', () => {
    const text = 'the goal\u2014which (so far) failed...';
    assert.deepEqual(tokenize(text).tokens.map((t) => t.text), ['the', 'goal', '\u2014', 'which', '(', 'so', 'far', ')', 'failed', '...']);
  });
});

describe('ner: recognizeNames', () => {
  it('types people, organisations, places and nationalities in news prose', () => {
    const text = 'German Chancellor Angela Merkel met French President Emmanuel Macron in Berlin on Tuesday, ' +
      'a spokesman for the European Commission said.';
    const got = names(text);
    assert.ok(got.some(([s, t]) => s === 'Angela Merkel' && t === 'person'), JSON.stringify(got));
    assert.ok(got.some(([s, t]) => s === 'Emmanuel Macron' && t === 'person'), JSON.stringify(got));
    assert.equal(typeOf(text, 'Berlin'), 'place');
    assert.equal(typeOf(text, 'European Commission'), 'organization');
    assert.equal(typeOf(text, 'German'), 'group');
    assert.equal(typeOf(text, 'French'), 'group');
    assertWellFormed(text, recognizeNames(text));
  });

  it('keeps titles out of person names', () => {
    const text = 'President Bill Clinton spoke to reporters in Washington.';
    const got = names(text);
    assert.ok(got.some(([s, t]) => s === 'Bill Clinton' && t === 'person'), JSON.stringify(got));
    assert.ok(!got.some(([s]) => s.startsWith('President')), JSON.stringify(got));
  });

  it('leaves possessives and punctuation outside spans', () => {
    const text = 'Netanyahu\u2019s office said Iran\u2019s proxies attacked. Microsoft\'s shares rose in New York.';
    const spans = recognizeNames(text);
    assertWellFormed(text, spans);
    const got = names(text);
    assert.ok(got.some(([s]) => s === 'Netanyahu'), JSON.stringify(got));
    assert.ok(got.some(([s]) => s === 'Iran'), JSON.stringify(got));
    assert.ok(got.some(([s]) => s === 'New York'), JSON.stringify(got));
  });

  it('reads an all-caps headline using the rest of the document', () => {
    const text = 'SOCCER - ARSENAL BEAT CHELSEA IN LONDON\nArsenal beat Chelsea 2-1 at Highbury in London on Saturday.';
    const got = names(text);
    // The club's type follows the body's reading of it (the model trained on Wikipedia text as well as CoNLL may
    // read a football club as an organisation or as a group, as WikiNEuRal labels them).
    const body = got.find(([s]) => s === 'Arsenal')?.[1];
    assert.ok(body === 'organization' || body === 'group', JSON.stringify(got));
    assert.ok(got.some(([s, t]) => s === 'ARSENAL' && t === body), JSON.stringify(got));
    assert.ok(got.some(([s, t]) => s === 'LONDON' && t === 'place'), JSON.stringify(got));
  });

  it('finds names in markdown', () => {
    const text = '# Weekly report\n\n- **Sergei Shoigu** met officials of *Hezbollah* in [Damascus](https://example.com/x).\n';
    const got = names(text);
    assert.ok(got.some(([s, t]) => s === 'Sergei Shoigu' && t === 'person'), JSON.stringify(got));
    assert.ok(got.some(([s, t]) => s === 'Damascus' && t === 'place'), JSON.stringify(got));
    assertWellFormed(text, recognizeNames(text));
  });

  it('uses other mentions in the document (second pass)', () => {
    const text = 'Shares of Pirelli Tyre rose 3 percent on Monday in Milan. Analysts said Pirelli would report results ' +
      'in March, and Pirelli executives declined to comment.';
    // one name, one type per document: the tagger's second pass and the document-level step of analyze()
    const got = analyze(text).entities.filter((e) => e.text === 'Pirelli').map((e) => [e.text, e.type]);
    assert.equal(got.length, 2);
    assert.equal(new Set(got.map(([, t]) => t)).size, 1, `consistent type: ${JSON.stringify(got)}`);
  });

  it('never crashes on odd input', () => {
    const odd = [
      '',
      ' ',
      '\u0000\u0001\u0002',
      'Hello \u{1F600} World \u{1F1FA}\u{1F1F8} from Paris',
      '\u05E9\u05DC\u05D5\u05DD \u05E2\u05D5\u05DC\u05DD Jerusalem \u0645\u0631\u062D\u0628\u0627',
      '\u4E2D\u534E\u4EBA\u6C11\u5171\u548C\u56FD Beijing \u6771\u4EAC',
      'line one\r\nline two\r\n\r\nJohn Smith\r\n',
      '\uD800 lone surrogate \uDFFF',
      '...,,,;;;---\u2014\u2014""\u201c\u201d',
      "'s 's n't ' '' ``",
      'A'.repeat(10000),
    ];
    for (const t of odd) {
      const spans = recognizeNames(t);
      assert.ok(Array.isArray(spans));
      for (const s of spans) assert.ok(s.start >= 0 && s.end <= t.length && s.start < s.end);
    }
  });

  it('handles a 1 MB line', () => {
    const sentence = 'Officials in Moscow said Vladimir Putin would visit Ankara next week ';
    const text = sentence.repeat(Math.ceil(1_000_000 / sentence.length));
    const spans = recognizeNames(text);
    assert.ok(spans.length > 10000);
    assertWellFormed(text, spans);
  });
});

describe('ner: sample report', () => {
  const text = fs.readFileSync(path.join(FIXTURES, 'dubrovnik-visit.txt'), 'utf8');
  const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'dubrovnik-visit.expected.json'), 'utf8')) as {
    not_entities: string[];
  };
  const spans = recognizeNames(text);
  const found = new Set(spans.map((s) => `${s.type}:${text.slice(s.start, s.end)}`));

  it('produces well-formed spans', () => {
    assertWellFormed(text, spans);
  });

  it('finds the main people, places and groups', () => {
    // Not here: Sofia Antunes and Nuno Salgado. The tagger alone runs "Rear Admiral Sofia Antunes and Chief of Staff
    // Lt. Gen. Nuno Salgado" into one organisation; analyze()'s title layer recovers both (sample.test.ts).
    for (const p of ['Duarte Vasconcelos', 'Ivana Kovacevic', 'Vasconcelos', 'Kovacevic', 'Rui Meireles', 'Tomislav Jurak', 'Jurak']) {
      assert.ok(found.has(`person:${p}`), `person ${p}`);
    }
    for (const p of ['Dubrovnik', 'Adriatic Sea', 'Portugal', 'Croatia', 'Libya', 'Lisbon', 'Rome', 'Brussels']) {
      assert.ok(found.has(`place:${p}`), `place ${p}`);
    }
    for (const g of ['Portuguese', 'Croatian', 'Libyan', 'Italian']) assert.ok(found.has(`group:${g}`), `group ${g}`);
    for (const o of ['Mediterranean Coastal Security Agency', 'MCSA', 'Navy', 'Air Force', 'Radio Lumen', 'European Union']) assert.ok(found.has(`organization:${o}`), `organization ${o}`);
  });

  it('produces none of the not_entities', () => {
    const surfaces = new Set(spans.map((s) => text.slice(s.start, s.end)));
    for (const n of expected.not_entities) assert.ok(!surfaces.has(n), `not an entity: ${n}`);
  });
});
