// The pure helpers of the editor's markup features (src/vscode/features/markupText.ts).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { findMarkup } from '../../src/core/markup';
import { caveatsOf, fangEdits, findMarkupSliced, spanAt, uniqueValues } from '../../src/vscode/features/markupText';

const REPORT = readFileSync(new URL('../fixtures/markup/threat-report.md', import.meta.url), 'utf8');

function apply(text: string, edits: { start: number; end: number; text: string }[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

describe('markup editor helpers', () => {
  it('findMarkupSliced finds what findMarkup finds, in slices cut at blank lines (LF and CRLF)', async () => {
    for (const text of [Array(8).fill(REPORT).join('\n\n'), Array(8).fill(REPORT).join('\n\n').replace(/\n/g, '\r\n')]) {
      const sliced = await findMarkupSliced(text, () => true, 700);
      assert.deepEqual(sliced, findMarkup(text));
    }
  });

  it('findMarkupSliced stops when the result is no longer wanted', async () => {
    const text = Array(8).fill(REPORT).join('\n\n');
    let calls = 0;
    assert.equal(await findMarkupSliced(text, () => ++calls < 2, 700), undefined);
  });

  it('spanAt finds the span under an offset, end exclusive', () => {
    const text = '(U) It is very likely that evil[.]com is C2.';
    const spans = findMarkup(text);
    const at = text.indexOf('very likely');
    assert.equal(spanAt(spans, at)?.subtype, 'very-likely');
    assert.equal(spanAt(spans, at + 10)?.text, 'very likely');
    assert.equal(spanAt(spans, at + 11), undefined);
    assert.equal(spanAt(spans, text.indexOf('evil') + 3)?.value, 'evil.com');
    assert.equal(spanAt(spans, text.indexOf('that')), undefined);
    assert.equal(spanAt([], 0), undefined);
  });

  it('defang then refang restores the text; hashes, CVE and ATT&CK ids are never defanged', () => {
    const text = 'Hosts: EVIL.example.com, https://Cdn.Example.net/a.php?x=1, 198.51.100.7, ops@mail.example.org; T1059.001, CVE-2021-44228, 9e107d9d372bb6826bd81d3542a419d6.';
    const defanged = apply(text, fangEdits(findMarkup(text), 'defang'));
    assert.equal(
      defanged,
      'Hosts: EVIL[.]example[.]com, hxxps://Cdn[.]Example[.]net/a[.]php?x=1, 198[.]51[.]100[.]7, ops[@]mail[.]example[.]org; T1059.001, CVE-2021-44228, 9e107d9d372bb6826bd81d3542a419d6.',
    );
    assert.deepEqual(fangEdits(findMarkup(defanged), 'defang'), [], 'defanging twice changes nothing');
    assert.equal(apply(defanged, fangEdits(findMarkup(defanged), 'refang')), text);
    assert.deepEqual(fangEdits(findMarkup(text), 'refang'), [], 'nothing to refang in plain text');
  });

  it('refangs the whole fixture report: no defanged indicator is left', () => {
    const refanged = apply(REPORT, fangEdits(findMarkup(REPORT), 'refang'));
    assert.ok(findMarkup(refanged).every((s) => s.kind !== 'indicator' || !s.defanged));
    assert.doesNotMatch(refanged, /\[\.\]|\[@\]|hxxp/);
  });

  it('uniqueValues: refanged, first-seen order, without repeats', () => {
    const text = 'evil[.]com, then EVIL.com and 1.2.3[.]4, evil[.]com again';
    assert.deepEqual(uniqueValues(findMarkup(text)), ['evil.com', '1.2.3.4']);
  });

  it('caveatsOf explains the controls of a marking', () => {
    assert.deepEqual(caveatsOf('(S//NF)'), ['NOFORN: not releasable to foreign nationals']);
    assert.deepEqual(caveatsOf('(S//REL TO USA, GBR)'), ['REL TO: releasable to USA, GBR']);
    assert.deepEqual(caveatsOf('TOP SECRET//SI/TK//NOFORN'), [
      'SI: Special Intelligence (a SIGINT control system)',
      'TK: TALENT KEYHOLE (an overhead reconnaissance control system)',
      'NOFORN: not releasable to foreign nationals',
    ]);
    assert.deepEqual(caveatsOf('(U)'), []);
    assert.deepEqual(caveatsOf('UNCLASSIFIED//FOR OFFICIAL USE ONLY'), ['FOUO: For Official Use Only']);
  });
});
