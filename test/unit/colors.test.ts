import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENTITY_TYPES } from '../../src/core';
import { blend, contrast, deltaE, parseHex } from '../../src/core/lens/colors';

/**
 * The default highlight colours of package.json against VS Code's default themes (docs/colours.md):
 * - the underline (analystLens.<type>Border) has at least 3:1 contrast with the editor background (WCAG 2.1 SC 1.4.11);
 * - the default text on the highlight (background blended over the editor) keeps at least 4.5:1 (SC 1.4.3);
 * - the highlight is visible as a tint: ΔE ≥ 10 from the editor background;
 * - no two types look alike: underlines ΔE ≥ 20 apart, tints ΔE ≥ 5 apart (CIE76; 2.3 is just noticeable).
 */
const THEMES = {
  // Dark Modern / Dark+, Light Modern / Light+, and the two high-contrast themes: editor.background, editor.foreground.
  dark: { bg: ['#1f1f1f', '#1e1e1e'], fg: ['#cccccc', '#d4d4d4'] },
  light: { bg: ['#ffffff'], fg: ['#3b3b3b', '#000000'] },
  highContrast: { bg: ['#000000'], fg: ['#ffffff'] },
  highContrastLight: { bg: ['#ffffff'], fg: ['#292929'] },
} as const;
type Kind = keyof typeof THEMES;

const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
const colors = new Map<string, Record<Kind, string>>(pkg.contributes.colors.map((c: { id: string; defaults: Record<Kind, string> }) => [c.id, c.defaults]));
const get = (id: string, kind: Kind) => {
  const d = colors.get(id);
  assert.ok(d, `package.json contributes the colour ${id}`);
  return parseHex(d[kind]);
};

describe('default highlight colours (package.json)', () => {
  for (const kind of Object.keys(THEMES) as Kind[]) {
    const { bg, fg } = THEMES[kind];
    describe(kind, () => {
      it('every underline has at least 3:1 contrast with the editor background', () => {
        for (const t of ENTITY_TYPES) {
          for (const b of bg) {
            const c = contrast(get(`analystLens.${t}Border`, kind), parseHex(b));
            assert.ok(c >= 3, `${t} underline on ${b}: ${c.toFixed(2)}:1`);
          }
        }
      });
      it('text on every highlight keeps at least 4.5:1, and the tint is visible (ΔE ≥ 10 from the background)', () => {
        for (const t of ENTITY_TYPES) {
          for (const b of bg) {
            const fill = blend(get(`analystLens.${t}Background`, kind), parseHex(b));
            for (const f of fg) assert.ok(contrast(parseHex(f), fill) >= 4.5, `${f} text on ${t} over ${b}: ${contrast(parseHex(f), fill).toFixed(2)}:1`);
            assert.ok(deltaE(fill, parseHex(b)) >= 10, `${t} tint on ${b}: ΔE ${deltaE(fill, parseHex(b)).toFixed(1)}`);
          }
        }
      });
      it('no two types look alike (underlines ΔE ≥ 20, tints ΔE ≥ 5)', () => {
        const b = parseHex(bg[0]);
        for (let i = 0; i < ENTITY_TYPES.length; i++) {
          for (let j = i + 1; j < ENTITY_TYPES.length; j++) {
            const [x, y] = [ENTITY_TYPES[i], ENTITY_TYPES[j]];
            const dl = deltaE(get(`analystLens.${x}Border`, kind), get(`analystLens.${y}Border`, kind));
            assert.ok(dl >= 20, `${x}/${y} underlines: ΔE ${dl.toFixed(1)}`);
            const df = deltaE(blend(get(`analystLens.${x}Background`, kind), b), blend(get(`analystLens.${y}Background`, kind), b));
            assert.ok(df >= 5, `${x}/${y} tints: ΔE ${df.toFixed(1)}`);
          }
        }
      });
    });
  }

  it('the arithmetic matches WCAG reference values', () => {
    assert.equal(contrast(parseHex('#000000'), parseHex('#ffffff')).toFixed(1), '21.0');
    assert.equal(contrast(parseHex('#777777'), parseHex('#ffffff')).toFixed(2), '4.48');
    assert.deepEqual(blend(parseHex('#ff000080'), parseHex('#ffffff')), { r: 255, g: 127, b: 127, a: 1 });
    assert.ok(deltaE(parseHex('#ff0000'), parseHex('#ff0000')) === 0);
  });
});
