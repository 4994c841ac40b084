import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findMarkup, lintMarkup, LINT_CODES } from '../../src/core/markup/index';
import type { LintOptions, MarkupDiagnostic } from '../../src/core/markup/index';

const report = fs.readFileSync(path.resolve(__dirname, '../fixtures/markup/threat-report.md'), 'utf8');

/** [code, flagged text] of each diagnostic. */
function lint(text: string, options?: LintOptions): [string, string][] {
  return lintMarkup(text, options).map((d) => [d.code, text.slice(d.start, d.end)]);
}

describe('markup lint: the fixture report', () => {
  it('flags the mixed-row paragraph and the confidence+likelihood sentence, nothing else', () => {
    const diags = lintMarkup(report);
    const mixedAt = report.indexOf('likely', report.indexOf('within the next six months'));
    const confAt = report.indexOf('high confidence');
    assert.deepEqual(
      diags.map((d) => [d.code, d.start, d.end, d.severity]),
      [
        ['mixed-likelihood-rows', mixedAt, mixedAt + 'likely'.length, 'warning'],
        ['confidence-with-likelihood', confAt, confAt + 'high confidence'.length, 'warning'],
      ],
    );
    assert.match(diags[0]?.message ?? '', /'likely' \(likely, 55–80%\).*'very likely' \(very likely, 80–95%\)/);
    assert.match(diags[1]?.message ?? '', /'high confidence'.*'likely'.*same sentence/);
  });

  it('produces the same diagnostics from precomputed spans', () => {
    assert.deepEqual(lintMarkup(report, { spans: findMarkup(report) }), lintMarkup(report));
  });
});

describe('markup lint: mixed-likelihood-rows', () => {
  it('flags every term from a row other than the first in a paragraph', () => {
    assert.deepEqual(lint('It is likely. It is almost certain. It is probable. It is unlikely.'), [
      ['mixed-likelihood-rows', 'almost certain'],
      ['mixed-likelihood-rows', 'unlikely'],
    ]);
  });

  it('treats "very likely" and "likely" as different rows', () => {
    assert.deepEqual(lint('Very likely A. Likely B.'), [['mixed-likelihood-rows', 'Likely']]);
  });

  it('allows synonyms from one row, and different rows in different paragraphs', () => {
    assert.deepEqual(lint('It is likely, indeed probable.\n\nIt is almost certain.\n   \nIt is remote.'), []);
  });

  it('treats a line of only whitespace as a paragraph break, but not a single newline', () => {
    assert.deepEqual(lint('It is likely.\nIt is unlikely.'), [['mixed-likelihood-rows', 'unlikely']]);
    assert.deepEqual(lint('It is likely.\n \t\nIt is unlikely.'), []);
  });

  it('is silenced by a note in the paragraph', () => {
    assert.deepEqual(lint('It is likely. Note: the unlikely case is covered in annex B.'), []);
    assert.deepEqual(lint('It is likely. Analyst note : the unlikely case is covered.'), []);
    assert.deepEqual(lint('It is likely. NB: unlikely elsewhere.'), []);
    assert.deepEqual(lint('It is likely. Noted that it is unlikely.'), [['mixed-likelihood-rows', 'unlikely']]);
  });
});

describe('markup lint: mixed-likelihood-rows fires only when the terms qualify the same judgement', () => {
  // Paragraphs written for these tests: several separate judgements (no problem) and one judgement in two rows.
  const negatives = [
    'The ministry will likely announce the budget on Monday. Protests in the capital are unlikely to grow.',
    'Rain is very likely tomorrow. The match will probably go ahead.',
    'It is likely that the convoy reached the port. A second shipment is unlikely before spring.',
    'We assess that the new cabinet will probably survive the vote. Fuel prices are almost certain to rise in March.',
    'The union will likely strike; the airport is very unlikely to close.',
    'Their return to the same victims is probable, and a shift to other sectors is unlikely.',
  ];
  for (const text of negatives) {
    it(`separate judgements, no problem: ${text.slice(0, 60)}…`, () => {
      assert.deepEqual(lint(text), []);
    });
  }

  it('two rows in one sentence about one subject ("it" after ", and")', () => {
    assert.deepEqual(lint('The convoy will likely reach the port, and it is almost certain to unload there.'), [['mixed-likelihood-rows', 'almost certain']]);
  });

  it('two rows in one clause', () => {
    assert.deepEqual(lint('The talks will probably, very likely, fail.'), [['mixed-likelihood-rows', 'very likely']]);
  });

  it('a pronoun that refers back to the subject of the sentence before ("She", "Their")', () => {
    assert.deepEqual(lint('The minister will probably resign. She is very likely to announce it on Friday.'), [['mixed-likelihood-rows', 'very likely']]);
    assert.deepEqual(lint('We assess that the operators are very likely based abroad. Their return is likely.'), [['mixed-likelihood-rows', 'likely']]);
  });

  it('the same subject named again', () => {
    const text = 'The ceasefire will probably hold through the weekend. Officials say the ceasefire is unlikely to survive the talks.';
    assert.deepEqual(lint(text), [['mixed-likelihood-rows', 'unlikely']]);
    assert.match(lintMarkup(text)[0]?.message ?? '', /about the same subject \("ceasefire"\)/);
  });

  it('a later term is compared with the first term of its own judgement', () => {
    // "probable" agrees with "likely" (same row) about the vote; "unlikely" is about something else.
    assert.deepEqual(lint('The vote is likely to pass. The vote is probable by Friday. A recount is unlikely.'), []);
  });
});

describe('markup lint: confidence-with-likelihood', () => {
  it('flags a confidence level and a likelihood term in one sentence', () => {
    assert.deepEqual(lint('Analysts assess with moderate confidence that the crew will probably return.'), [
      ['confidence-with-likelihood', 'moderate confidence'],
    ]);
  });

  it('allows them in separate sentences of one paragraph', () => {
    assert.deepEqual(lint('The group will probably return. We have moderate confidence in this judgment!'), []);
    assert.deepEqual(lint('Is a return likely? We have low confidence.'), []);
  });

  it('does not end a sentence at abbreviations, indicators or lower-case continuations', () => {
    assert.deepEqual(lint('With high confidence, e.g. from evil[.]com and 1.2.3.4, it is likely.'), [
      ['confidence-with-likelihood', 'high confidence'],
    ]);
    assert.deepEqual(lint('High confidence: the U.S. embassy is likely a target.'), [
      ['confidence-with-likelihood', 'High confidence'],
    ]);
    assert.deepEqual(lint('We have high confidence that Mr. Smith of the U.S. Army is likely involved.'), [
      ['confidence-with-likelihood', 'high confidence'],
    ]);
    assert.deepEqual(lint('The domain example.com. It is likely hostile. We have high confidence in that.'), []);
  });

  it('treats list items as separate sentences', () => {
    assert.deepEqual(lint('- It is likely to recur\n- We have high confidence in the sourcing'), []);
    assert.deepEqual(lint('1. It is likely to recur with high confidence\n2. Other'), [
      ['confidence-with-likelihood', 'high confidence'],
    ]);
  });
});

describe('markup lint: missing-portion-marking', () => {
  const doc = [
    'SECRET//NOFORN', // banner line: ignored
    '',
    'TLP:AMBER', // TLP line: ignored
    '',
    '# Summary', // heading: ignored
    '',
    '(U) A marked paragraph.',
    '',
    'An unmarked paragraph,',
    'on two lines.',
    '',
    '## Details',
    'Text under a heading without a blank line.',
    '',
    '---',
    '',
    '```',
    'code is never linted',
    '```',
    '',
    '| a | b |',
    '|---|---|',
    '',
    'Classified By: J. Smith',
    'Derived From: Multiple Sources',
    'Declassify On: 20501231',
    '',
    '<!-- a comment -->',
    '',
    '[1]: https://example.com/source "Source"',
    '<br>',
    '',
    '(S//NF) Marked.',
    '',
    'SECRET//NOFORN',
  ].join('\n');

  it('flags each unmarked paragraph at its first content line, ignoring headings, banners, rules, code, authority lines', () => {
    const diags = lintMarkup(doc);
    assert.deepEqual(
      diags.map((d) => [d.code, doc.slice(d.start, d.end)]),
      [
        ['missing-portion-marking', 'An unmarked paragraph,'],
        ['missing-portion-marking', 'Text under a heading without a blank line.'],
        ['missing-portion-marking', '| a | b |'],
      ],
    );
    assert.equal(diags[0]?.start, doc.indexOf('An unmarked'));
  });

  it('is silent in a document that uses no portion markings', () => {
    assert.deepEqual(lint('SECRET//NOFORN\n\nNo markings here.\n\nNor here.'), []);
  });

  it('does not count a portion marking inside fenced code as the document using them', () => {
    assert.deepEqual(lint('```\n(U) example\n```\n\nPlain paragraph.'), []);
  });

  it('ignores YAML front matter', () => {
    assert.deepEqual(lint('---\ntitle: Report\nauthor: A. Analyst\n---\n\n(U) Body.\n\nUnmarked.'), [
      ['missing-portion-marking', 'Unmarked.'],
    ]);
  });

  it('accepts a paragraph whose marking is on a later line (e.g. after a heading)', () => {
    assert.deepEqual(lint('(U) First.\n\n# Title\n(U) Body.'), []);
  });
});

describe('markup lint: scale', () => {
  it('lints a 1 MB report (timings: npm run bench)', () => {
    const big = (report + '\n\n').repeat(Math.ceil(1_000_000 / report.length));
    const spans = findMarkup(big);
    const diags = lintMarkup(big, { spans });
    assert.equal(diags.length, 2 * Math.ceil(1_000_000 / report.length));
  });
});

describe('markup lint: options', () => {
  const text = '(U) Likely. Almost certain with high confidence.\n\nUnmarked.';

  it('runs all three rules by default', () => {
    assert.deepEqual(
      lintMarkup(text).map((d) => d.code),
      ['mixed-likelihood-rows', 'confidence-with-likelihood', 'missing-portion-marking'],
    );
    assert.deepEqual([...LINT_CODES].sort(), ['confidence-with-likelihood', 'missing-portion-marking', 'mixed-likelihood-rows']);
  });

  for (const code of LINT_CODES) {
    it(`disables ${code}`, () => {
      const codes = lintMarkup(text, { rules: { [code]: false } }).map((d) => d.code);
      assert.equal(codes.includes(code), false);
      assert.equal(codes.length, 2);
    });
  }

  it('overrides severities', () => {
    const diags: MarkupDiagnostic[] = lintMarkup(text, {
      rules: { 'mixed-likelihood-rows': 'hint', 'missing-portion-marking': 'error', 'confidence-with-likelihood': true },
    });
    assert.deepEqual(
      diags.map((d) => [d.code, d.severity]),
      [
        ['mixed-likelihood-rows', 'hint'],
        ['confidence-with-likelihood', 'warning'],
        ['missing-portion-marking', 'error'],
      ],
    );
  });
});
