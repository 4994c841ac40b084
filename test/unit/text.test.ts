import * as assert from 'node:assert/strict';
import * as segment from '../../src/core/text/segment';
import * as lexicon from '../../src/core/text/lexicon';
import * as actorSentences from '../../src/core/actors/sentences';
import * as summarySentences from '../../src/core/summary/sentences';
import * as demonyms from '../../src/core/actors/demonyms';
import * as gazetteer from '../../src/core/summary/gazetteer';
import { MONTHS as extractMonths } from '../../src/core/extract/lexicon';
import { maskMarkdown } from '../../src/core/text/markdown';

describe('[core/text] one segmentation, one lexicon', () => {
  it('actors and the summary split a report with the same function, so they see the same sentences', () => {
    assert.equal(actorSentences.splitSentences, segment.splitSentences);
    assert.equal(summarySentences.splitSentences, segment.splitSentences);
    assert.equal(summarySentences.sentenceAt, segment.sentenceIndexAt);
    assert.equal(summarySentences.frontMatter, segment.frontMatter);
    const text = '---\ntitle: Port report\ndate: 2024-03-01\n---\n# Port of Odesa\n\nGen. Haliva met Mr. Smith in the U.S. capital on Jan. 5. The talks ended.\n\n```\nCode. Not prose.\n```\n- First item. Second sentence.\nNo. 5 was raised; the answer was no. Then it closed.';
    const s = segment.splitSentences(text);
    assert.deepEqual(s.map((x) => [x.kind, x.text]), [
      ['heading', 'Port of Odesa'],
      ['sentence', 'Gen. Haliva met Mr. Smith in the U.S. capital on Jan. 5.'],
      ['sentence', 'The talks ended.'],
      ['item', 'First item.'],
      ['item', 'Second sentence.'],
      ['sentence', 'No. 5 was raised; the answer was no.'],
      ['sentence', 'Then it closed.'],
    ]);
    for (const x of s) assert.equal(text.slice(x.start, x.end), x.text);
    assert.equal(segment.frontMatter(text)?.fields.title.value, 'Port report');
    // The Markdown mask blanks the same front matter the splitter skips.
    const fm = segment.frontMatter(text)!;
    assert.match(maskMarkdown(text).slice(0, fm.end), /^[\s]*$/);
    assert.equal(segment.sentenceIndexAt(s, text.indexOf('Haliva')), 1);
    assert.equal(segment.sentenceIndexAt(s, text.indexOf('Code.')), -1);
    const at = segment.lineIndex(text);
    assert.deepEqual(at(text.indexOf('Gen.')), { line: 7, column: 1 });
  });

  it('one country table: actors and the summary agree on names, demonyms, aliases and ISO codes', () => {
    assert.equal(demonyms.countryOf, lexicon.countryOf);
    assert.equal(gazetteer.isoOf, lexicon.isoOf);
    // The two old tables disagreed here.
    assert.equal(lexicon.countryOf('Bosnian'), 'Bosnia and Herzegovina');
    assert.equal(lexicon.countryOf('Bosnia'), 'Bosnia and Herzegovina');
    assert.deepEqual(lexicon.lookupPlace('Bosnia'), { kind: 'country', country: 'Bosnia and Herzegovina' });
    assert.equal(lexicon.isoOf('Bosnia').code, 'BA');
    assert.equal(lexicon.countryOf('U.S.'), 'United States');
    assert.equal(lexicon.countryOfName('US'), 'United States');
    assert.equal(lexicon.toCountry('Russian'), 'Russia');
    assert.equal(lexicon.toCountry('Israel’s'), 'Israel');
    assert.equal(lexicon.toCountry('us'), undefined, 'a pronoun is not a country');
    assert.equal(lexicon.toCountry('European'), undefined, 'a bloc is not a country');
    assert.equal(lexicon.countryOf('European'), 'European Union', 'but it is an affiliation');
    assert.deepEqual(lexicon.lookupPlace('Sochi'), { kind: 'city', country: 'Russia' });
    assert.deepEqual(lexicon.isoOf('Britain'), { code: 'GB', region: 'northern-europe' });
    assert.deepEqual(lexicon.isoOf('Gaza'), { region: 'western-asia' });
    // Every country has an ISO code (the STIX export needs one), except names of two countries ("Korea", "Congo").
    const missing = [...lexicon.COUNTRIES].filter((c) => c !== 'Korea' && c !== 'Congo' && !lexicon.isoOf(c).code);
    assert.deepEqual(missing, []);
  });

  it('one month table and one abbreviation list', () => {
    assert.equal(extractMonths, lexicon.MONTHS);
    assert.equal(lexicon.MONTHS.sept, 9);
    assert.equal(new RegExp(`^${lexicon.MONTH_PATTERN}$`, 'i').exec('Sept.')?.[1], 'Sept');
    for (const w of lexicon.ABBREVIATIONS) assert.ok(lexicon.TOKEN_ABBREVIATIONS.has(w), w);
    assert.ok(!lexicon.ABBREVIATIONS.has('sun') && lexicon.TOKEN_ABBREVIATIONS.has('sun'), 'a day name may end a sentence');
  });
});

describe('[core/text] plain-text lines that stand alone without a full stop', () => {
  const texts = (t: string) => segment.splitSentences(t).map((s) => s.text);

  it('a title line, a date line and a dateline are not glued to the lead sentence', () => {
    assert.deepEqual(
      texts('Harbour authority halts night shipments after crane collapse\nApril 14, 2025\nThe port authority in Gdansk stopped all night shipments on Monday after a crane fell onto a ferry.\nNobody was hurt.'),
      [
        'Harbour authority halts night shipments after crane collapse',
        'April 14, 2025',
        'The port authority in Gdansk stopped all night shipments on Monday after a crane fell onto a ferry.',
        'Nobody was hurt.',
      ],
    );
    assert.deepEqual(texts('FERRY - CRANE FALLS IN GDANSK.\nGDANSK 2025-04-14\nA crane fell onto a ferry on Monday.'), [
      'FERRY - CRANE FALLS IN GDANSK.',
      'GDANSK 2025-04-14',
      'A crane fell onto a ferry on Monday.',
    ]);
    assert.deepEqual(texts('By Marta Nowak\nA crane fell onto a ferry on Monday.'), ['By Marta Nowak', 'A crane fell onto a ferry on Monday.']);
  });

  it('hard-wrapped prose still reads as one sentence across its line breaks', () => {
    const wrapped =
      'The harbour master of Gdansk told reporters on Monday that the crane that fell onto\nthe ferry had been inspected in March and that the Polish Maritime Office would\nInvestigate the operator.';
    assert.equal(texts(wrapped).length, 1);
    // A short first line is a title only before a clearly longer line, not before the next line of a wrapped lead.
    assert.equal(texts('Port officials in Gdansk said on Monday that the\nPolish Maritime Office would investigate.').length, 1);
  });
});
