import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { maskMarkdown } from '../../src/core/text/markdown';
import { FENCE_OPEN, FRONT_MATTER } from '../../src/core/text/segment';

/**
 * The masking as it was written before issue #11 made it fast (a per-character array, fences line by line): the
 * reference the interval-based `maskMarkdown` must equal on every text.
 */
function maskMarkdownReference(text: string): string {
  if (!/[`~<\]\-\[]|^ {4}/m.test(text)) return text;
  const blank = (chars: string[], start: number, end: number) => {
    for (let i = start; i < end; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
  };
  const chars = text.split('');
  const fm = FRONT_MATTER.exec(text);
  if (fm) blank(chars, 0, fm[0].length);
  let offset = 0;
  let fence: string | null = null;
  for (const line of text.split('\n')) {
    const end = offset + line.length;
    const m = FENCE_OPEN.exec(line);
    if (fence) {
      blank(chars, offset, end);
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && line.trim() === m[1]) fence = null;
    } else if (m) {
      fence = m[1];
      blank(chars, offset, end);
    }
    offset = end + 1;
  }
  const masked0 = chars.join('');
  const res = [
    /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi,
    /(`+)(?!`)(?:[^\n]|\n(?![ \t]*\n))*?(?<!`)\1(?!`)/g,
    /\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g,
    /^ {0,3}\[[^\]]+\]:\s*\S+.*$/gm,
    /<(?:https?|ftp|mailto):[^>\s]*>/gi,
    /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|<!--[\s\S]*?-->/g,
  ];
  for (const re of res) {
    for (let m = re.exec(masked0); m; m = re.exec(masked0)) {
      const start = re === res[2] ? m.index + 1 : m.index;
      blank(chars, start, m.index + m[0].length);
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  return chars.join('');
}

/** Pieces of Markdown (our own text) that open, close and cross every masked region. */
const PIECES = [
  'Maria Lopez met Anton Reyes.', 'the port', ' ', '\n', '\n\n', '\r\n', '  \n', '    ', '\t',
  '---', '---\n', '...\n', 'title: Harbour\n', '\uFEFF---\n',
  '```', '```\n', '````\n', '~~~\n', '~~~~', '   ```js\n', '    ```\n', ' ``` \n',
  '`', '``', '`code`', '`a\nb`', '``x ` y``',
  '[', ']', '(', ')', '[Lopez](https://example.org/a)', '](x "title', '"', "'", '](y)', '[ref]: https://x.org "t"\n',
  '<', '>', '<b>', '</b>', '<a href="x"\n\n>', '<!--', '-->', '<script>', '</script>', '<style a>', '</style >',
  '<https://example.org>', '<mailto:x@y.z>', '#', '# Heading\n', '- item\n', '\u2028', '\r', 'É',
];

describe('Markdown masking', () => {
  it('equals the per-character reference on 3,000 generated Markdown texts (front matter, fences, code, links, tags, CRLF)', () => {
    let checked = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 0, maxLength: 60 }), (parts) => {
        const text = parts.join('');
        assert.equal(maskMarkdown(text), maskMarkdownReference(text), JSON.stringify(text));
        checked++;
      }),
      { numRuns: 3000, seed: 20261201 },
    );
    assert.equal(checked, 3000);
  });

  it('blanks each region and keeps line breaks and offsets', () => {
    const text = '---\ntitle: x\n---\nSee `Lopez`\r\nand [Reyes](https://x.org/r).\n\n```\nHolt\n```\n<b>Oslo</b>';
    const masked = maskMarkdown(text);
    assert.equal(masked.length, text.length);
    assert.equal(masked, '   \n        \n   \nSee        \r\nand [Reyes]                 .\n\n   \n    \n   \n   Oslo    ');
  });
});
