import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core';

const dir = join(__dirname, '..', 'fixtures', 'bad-input');
const read = (f: string) => readFileSync(join(dir, f), 'utf8');
const types = (text: string, opts = {}) => analyze(text, opts).entities.map((e) => `${e.type}:${e.text}`);

describe('[core/bad-input] the corpus in test/fixtures/bad-input', () => {
  for (const f of readdirSync(dir).filter((x) => x !== 'README.md')) {
    it(`analyses ${f} without throwing, with offsets into the text`, () => {
      const text = read(f);
      for (const fmt of ['plain', 'markdown'] as const) {
        const r = analyze(text, { format: fmt });
        for (const e of r.entities) assert.equal(text.slice(e.start, e.end), e.text);
      }
    });
  }

  it('in Markdown, ignores front matter, code fences, inline code, link targets and HTML, but reads the prose', () => {
    const t = types(read('markdown-mixed.md'), { format: 'markdown' });
    assert.ok(t.includes('person:Ivana Kovacevic') && t.includes('place:Dubrovnik'), t.join(' | '));
    assert.ok(!t.includes('person:Vladimir Putin'), 'the author in the front matter is not prose');
    const text = read('markdown-mixed.md');
    const inCode = analyze(text, { format: 'markdown' }).entities.filter((e) => {
      const fmEnd = text.indexOf('---', 4) + 3;
      const fenceStart = text.indexOf('```python');
      const fenceEnd = text.indexOf('```', fenceStart + 3) + 3;
      return e.start < fmEnd || (e.start >= fenceStart && e.end <= fenceEnd);
    });
    assert.deepEqual(inCode.map((e) => e.text), [], 'nothing from front matter or the code fence');
    for (const hidden of ['Shoigu', 'Jerusalem', 'Tehran', 'Damascus']) assert.ok(!t.some((x) => x.endsWith(hidden)), `${hidden} is not prose`);
    assert.ok(t.includes('place:Moscow'), 'link text stays prose');
    assert.ok(t.includes('organization:Hezbollah'), 'tables are prose');
  });

  it('the same Markdown as plain text analyses everything', () => {
    assert.ok(types(read('markdown-mixed.md')).includes('person:Sergei Shoigu'));
  });

  it('handles CRLF, emoji and right-to-left text', () => {
    const text = read('crlf-emoji-rtl.txt');
    const r = analyze(text);
    assert.ok(r.entities.some((e) => e.type === 'person' && e.text === 'Vladimir Putin'));
    assert.ok(r.entities.some((e) => e.type === 'place' && e.text === 'Moscow'));
    for (const e of r.entities) assert.ok(!/[\r\n]/.test(e.text), 'no span crosses a line break');
  });

  it('finds names in all-caps headlines without inventing lower-case spans', () => {
    const r = analyze(read('all-caps.txt'));
    for (const e of r.entities) assert.ok(!/\p{Ll}/u.test(e.text));
  });

  it('survives non-English reports (German, Russian, Hebrew, Arabic, Chinese)', () => {
    const r = analyze(read('non-english.txt'));
    for (const e of r.entities) assert.ok(e.end <= read('non-english.txt').length);
  });

  it('survives a 1 MB single line', () => {
    const line = 'Putin met Netanyahu in Sochi and ' + 'abc123 '.repeat(150_000);
    const r = analyze(line);
    assert.ok(r.entities.some((e) => e.text === 'Sochi'));
  });

  it('limits a 10 MB document to maxLength and says so', () => {
    const big = 'Vladimir Putin met Benjamin Netanyahu in Sochi this morning.\n'.repeat(170_000);
    assert.ok(big.length > 10_000_000);
    const r = analyze(big, { maxLength: 200_000 });
    assert.equal(r.limited?.analyzedLength, 200_000);
    assert.ok(r.entities.length > 0 && r.entities.every((e) => e.end <= 200_000));
  });
});
