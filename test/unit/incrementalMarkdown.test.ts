import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyze, applyAnalysisPatch, createIncrementalAnalyzer, looksTechnical, type Analysis, type AnalyzeOptions } from '../../src/core';
import { handle } from '../../src/worker/handler';
import { cueMarks, technicalFromMarks } from '../../src/core/cti';
import { editWindow } from '../../src/core/incremental';

// Our own text (issue #11): front matter, headings, hard-wrapped paragraphs (one name wrapped across two lines), a
// fenced block and inline code, a link, a quote, an HTML comment, and a threat-report paragraph.
const DOC = [
  '---',
  'title: Harbour and network report',
  'date: 2024-03-05',
  '---',
  '',
  '# Harbour report',
  '',
  'Maria Lopez of the Harbour Authority met Anton Reyes in Lisbon on',
  '5 March 2024. The convoy of the Northern Fleet left Odesa at dawn,',
  'said Mira Holt, and the ministry confirmed that Jonas Berg would',
  'travel to Riga next week with a small delegation of port officials.',
  '',
  '```',
  'Kenji Sato met Elena Petrova in Oslo.',
  '```',
  '',
  'The `Coast Guard` log names Omar Haddad. Officials in Tunis told reporters that Lucia Moretti had asked for time.',
  '',
  'According to [Amina Diallo](https://example.org/amina "profile"), the convoy reached Manila.',
  '',
  '> Tomas Novak said the port of Quito was closed.',
  '',
  '<!-- note: check the figures with Anton Reyes -->',
  '',
  '## Network intrusion',
  '',
  'The threat actor APT28 used the X-Agent malware and a PowerShell loader (T1059.001) for persistence;',
  'its C2 servers in Hanoi relayed the payloads. Cobalt Strike beacons followed the phishing wave.',
  '',
  'Maria Lopez closed the meeting in Lisbon.',
].join('\n');

const TYPED = 'Later Omar Haddad met the Mayor `x` [y](z) <b> ';

describe('incremental analysis of Markdown, keystroke by keystroke (issue #11: masking, joining, pieces and the CTI pass redone per paragraph)', function () {
  this.timeout(600_000);

  it('equals analyze() after every keystroke typed and deleted at every kind of paragraph, in Markdown and plain text', () => {
    let windowed = 0;
    for (const options of [{ format: 'markdown' as const }, {}]) {
      const inc = createIncrementalAnalyzer();
      let text = DOC;
      assert.deepStrictEqual(inc.analyze(text, options), analyze(text, options));
      const anchors = ['title:', 'Maria Lopez of', '5 March', 'Kenji', 'The `Coast', 'According', '> Tomas', '<!--', 'The threat', 'its C2', 'Maria Lopez closed'];
      for (const anchor of anchors) {
        let at = text.indexOf(anchor);
        assert.ok(at >= 0, anchor);
        for (const ch of TYPED) {
          text = text.slice(0, at) + ch + text.slice(at);
          at++;
          assert.deepStrictEqual(inc.analyze(text, options), analyze(text, options), `typing before "${anchor}": ${JSON.stringify(text.slice(at - 25, at + 25))}`);
        }
        for (let k = 0; k < TYPED.length + 6; k++) {
          text = text.slice(0, at - 1) + text.slice(at);
          at--;
          assert.deepStrictEqual(inc.analyze(text, options), analyze(text, options), `deleting before "${anchor}": ${JSON.stringify(text.slice(at - 25, at + 25))}`);
        }
      }
      windowed += inc.prepareStats().windowed;
    }
    // most keystrokes were redone in their own paragraphs only (not a test of speed: of the path taken)
    assert.ok(windowed > 300, `windowed ${windowed}`);
  });

  it('equals analyze() while fences, code, links, tags, front matter and blank lines are typed one character at a time', () => {
    const inc = createIncrementalAnalyzer();
    const options: AnalyzeOptions = { format: 'markdown' };
    let text = DOC;
    inc.analyze(text, options);
    const typings: Array<[string, string]> = [
      ['Officials in Tunis', '\n\n```\nAnton Reyes in Lisbon\n'], // an unclosed fence swallows the rest, then text after it
      ['Maria Lopez closed', '~~~\n'],
      ['the convoy reached', '`Maria Lopez` and <i>Odesa</i> '],
      ['Tomas Novak', '[Mira Holt](https://x.org/ "t'],
      ['The threat actor', '<!-- '],
      ['title:', '---\n\n'],
      ['# Harbour', '\uFEFF---\nx: y\n---\n'],
      ['travel to Riga', '\n\n    indented Jonas Berg\n\n'],
      ['persistence;', '\r\n\r\nKenji Sato\r\n'],
    ];
    for (const [anchor, typed] of typings) {
      let at = text.indexOf(anchor);
      assert.ok(at >= 0, anchor);
      for (const ch of typed) {
        text = text.slice(0, at) + ch + text.slice(at);
        at++;
        assert.deepStrictEqual(inc.analyze(text, options), analyze(text, options), `typing ${JSON.stringify(typed)} before "${anchor}"`);
      }
      for (let k = 0; k < typed.length; k++) {
        text = text.slice(0, at - 1) + text.slice(at);
        at--;
        assert.deepStrictEqual(inc.analyze(text, options), analyze(text, options), `deleting ${JSON.stringify(typed)} before "${anchor}"`);
      }
      assert.equal(text, DOC);
    }
  });

  it('follows a report that becomes a threat report and stops being one as cue words are typed and deleted', () => {
    // three cues in a short report make it technical: its one-word unknown people and places are dropped, CTI names kept
    const base = ['# Brief', '', 'Reyes met Holt in Quito. The backdoor was found.', '', 'Later Odesa and Vantor replied.', ''].join('\n');
    for (const options of [{ format: 'markdown' as const }, {}]) {
      const inc = createIncrementalAnalyzer();
      let text = base;
      inc.analyze(text, options);
      let flips = 0;
      let was = looksTechnical(text);
      for (const word of [' malware', ' C2', ' APT28 loader', ' phishing']) {
        let at = text.indexOf('replied') + 'replied'.length;
        for (const ch of word) {
          text = text.slice(0, at) + ch + text.slice(at);
          at++;
          assert.deepStrictEqual(inc.analyze(text, options), analyze(text, options), JSON.stringify(text));
          if (looksTechnical(text) !== was) { flips++; was = !was; }
        }
      }
      for (let k = 0; k < 20; k++) {
        const at = text.indexOf('replied') + 'replied'.length + 1;
        text = text.slice(0, at) + text.slice(at + 2);
        assert.deepStrictEqual(inc.analyze(text, options), analyze(text, options), JSON.stringify(text));
        if (looksTechnical(text) !== was) { flips++; was = !was; }
      }
      assert.ok(flips >= 2, `flips ${flips}`);
    }
  });

  it('equals analyze() after generated edits of the Markdown report, characters from every masked region (600 edits)', () => {
    const CH = ['a', 'P', ' ', '\n', '\n\n', '`', '```\n', '[', ']', '(', ')', '<', '>', '-', '---\n', '#', '# ', '"', '~', 'APT28 ', 'malware ', '\t', '\r\n'];
    let windowed = 0;
    fc.assert(
      fc.property(
        fc.constantFrom<AnalyzeOptions>({ format: 'markdown' }, {}),
        fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), pick: fc.nat(1000), del: fc.nat(3) }), { minLength: 10, maxLength: 10 }),
        (options, edits) => {
          const inc = createIncrementalAnalyzer();
          let text = DOC;
          inc.analyze(text, options);
          for (const e of edits) {
            const at = Math.floor(e.at * (text.length + 1));
            text = e.del ? text.slice(0, at) + CH[e.pick % CH.length] + text.slice(at) : text.slice(0, at) + text.slice(at + 1 + (e.pick % 4));
            assert.deepStrictEqual(inc.analyze(text, options), analyze(text, options), JSON.stringify(text.slice(Math.max(0, at - 30), at + 30)));
          }
          windowed += inc.prepareStats().windowed;
        },
      ),
      { numRuns: 60, seed: 20261201 },
    );
    assert.ok(windowed > 100, `windowed ${windowed}`);
  });

  it('the threat-report test from per-paragraph marks equals looksTechnical; the edit window spans whole paragraphs', () => {
    const texts = [DOC, DOC.replace(/#/g, ''), '#\t' + DOC, DOC.replace('## Network', '#\n## Network'), 'C2 C2 C2', '# a\n\n# b\n\n# c\n\nC2 C2 C2 malware'];
    for (const t of texts) {
      const { cues } = cueMarks(t);
      assert.equal(technicalFromMarks(t.length, cues, cueMarks(t, true).heads), looksTechnical(t), JSON.stringify(t.slice(0, 40)));
    }
    const at = DOC.indexOf('Odesa');
    const w = editWindow(DOC, DOC.slice(0, at) + 'x' + DOC.slice(at));
    assert.ok(w);
    // from the paragraph's first line to the blank line after it, inclusive
    assert.equal(DOC.slice(w.ws, w.we - w.delta), DOC.slice(DOC.indexOf('Maria Lopez of'), DOC.indexOf('```')));
  });

  it('the worker answers each keystroke with a patch built from the units the edit left alone; applied, it equals analyze()', () => {
    // a longer report: the document, then ten more paragraphs, so most entities come after the edit
    // (without the threat paragraph: ATT&CK names found anywhere make the worker compare the lists instead)
    let text = DOC.slice(0, DOC.indexOf('## Network')) + Array.from({ length: 10 }, (_, i) => `Anton Reyes met Mira Holt in Oslo on ${i + 1} May 2024.`).join('\n\n') +
      '\n\nThey met on 5 `x` March 2024 in Oslo with Anton `q` Reyes.\n\nMira Holt left.';
    const uri = 'untitled:patches';
    const options: AnalyzeOptions = { format: 'markdown' };
    let version = 1;
    const first = handle(structuredClone({ id: 1, kind: 'analyze', uri, version, text, options }));
    assert.ok(first.ok && first.analysis);
    let held: Analysis = structuredClone(first.analysis);
    let small = 0;
    let at = text.indexOf('Officials in Tunis');
    for (const ch of 'Later Omar Haddad met the Mayor `x` [y](z) ') {
      version++;
      const change = { offset: at, length: 0, text: ch };
      assert.ok(handle({ id: version * 2, kind: 'edit', uri, version, changes: [change] }).ok);
      text = text.slice(0, at) + ch + text.slice(at);
      at++;
      const r = handle(structuredClone({ id: version * 2 + 1, kind: 'analyze', uri, version, options, base: version - 1 }));
      assert.ok(r.ok && r.patch, 'a patch');
      const patch = structuredClone(r.patch);
      held = applyAnalysisPatch(held, patch);
      assert.deepStrictEqual(held, analyze(text, options), `after typing ${JSON.stringify(ch)}`);
      if (patch.middle.length < 20 && patch.tail > 40) small++;
    }
    // a character replaced inside code that a date and a name span: the analysed text is the same, their texts are not
    for (const [anchor, ch] of [['x` March', 'y'], ['q` Reyes', 'w'], ['y` March', 'z']]) {
      version++;
      const offset = text.indexOf(anchor);
      assert.ok(handle({ id: version * 2, kind: 'edit', uri, version, changes: [{ offset, length: 1, text: ch }] }).ok);
      text = text.slice(0, offset) + ch + text.slice(offset + 1);
      const r = handle(structuredClone({ id: version * 2 + 1, kind: 'analyze', uri, version, options, base: version - 1 }));
      assert.ok(r.ok && r.patch);
      held = applyAnalysisPatch(held, structuredClone(r.patch));
      assert.deepStrictEqual(held, analyze(text, options), `after replacing ${anchor}`);
    }
    // the analyzer's own patches: from its units, and applied they give the full analysis
    const inc = createIncrementalAnalyzer();
    let before = inc.analyze(text, options);
    let own = 0;
    for (let k = 0; k < 10; k++) {
      const offset = text.indexOf(k % 2 ? 'y` March' : 'z` March');
      assert.ok(offset > 0);
      text = text.slice(0, offset) + (k % 2 ? 'z' : 'y') + text.slice(offset + 1);
      const after = inc.analyze(text, options);
      const p = inc.patchFrom(before, after);
      if (p) {
        own++;
        assert.deepStrictEqual(applyAnalysisPatch(before, { base: 0, ...p, rest: { counts: after.counts, length: after.length } }), analyze(text, options));
      }
      before = after;
    }
    assert.equal(own, 10);
    // the worker's own analysis (built when first read) is the full one too, and so is its structured clone
    const full = handle({ id: 999, kind: 'analyze', uri, version, options });
    assert.ok(full.ok && full.analysis);
    assert.deepStrictEqual(structuredClone(full.analysis), analyze(text, options));
    handle({ id: 1000, kind: 'forget', uri });
    assert.ok(small > 30, `small patches ${small}`);
  });
});
