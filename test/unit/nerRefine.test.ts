import { strict as assert } from 'node:assert';
import { tokenize } from '../../src/core/ner';
import { refineSpans, type TokSpan } from '../../src/core/ner/refine';

// The person repairs on given tagger output: the spans below are what the statistical tagger sometimes returns
// (a later member of a list typed by its shape), so the repair is tested whatever the shipped model does today.
const KIND = { person: 0, organization: 1, place: 2, group: 3 } as const;
type Kind = keyof typeof KIND;

/** Tokens of `text`, spans given as [surface, kind] in order of appearance, and the repaired spans as [surface, kind]. */
function repair(text: string, given: Array<[string, Kind]>): Array<[string, Kind]> {
  const { tokens, sentences } = tokenize(text);
  const spans: TokSpan[] = [];
  let from = 0;
  for (const [surface, kind] of given) {
    const start = text.indexOf(surface, from);
    assert.ok(start >= 0, surface);
    const a = tokens.findIndex((t) => t.start === start);
    const b = tokens.findIndex((t) => t.end === start + surface.length);
    assert.ok(a >= 0 && b >= a, `token edges of ${surface}`);
    spans.push({ a, b, kind: KIND[kind] });
    from = start + surface.length;
  }
  const names = Object.keys(KIND) as Kind[];
  return refineSpans(tokens, spans, sentences, () => 0).map((s) => [text.slice(tokens[s.a].start, tokens[s.b].end), names[s.kind]]);
}

describe('[ner/refine] people listed after a plural title', () => {
  it('types every member of the list a person', () => {
    assert.deepEqual(
      repair('Co-Premiers Prince Sokha Vannak and Dara Lim agreed to the request on Tuesday.', [['Sokha Vannak', 'person'], ['Dara Lim', 'place']]),
      [['Sokha Vannak', 'person'], ['Dara Lim', 'person']]);
    assert.deepEqual(
      repair('Senators Ruth Abernathy, Colm Ferris and Idris Boateng voted against the bill.', [['Ruth Abernathy', 'person'], ['Colm Ferris', 'organization'], ['Idris Boateng', 'place']]),
      [['Ruth Abernathy', 'person'], ['Colm Ferris', 'person'], ['Idris Boateng', 'person']]);
  });
  it('leaves what follows the list, and lists without a plural title, alone', () => {
    assert.deepEqual(
      repair('Ministers Jane Okafor and Tomas Berg signed, Harbour Daily reported.', [['Jane Okafor', 'person'], ['Tomas Berg', 'person'], ['Harbour Daily', 'organization']]),
      [['Jane Okafor', 'person'], ['Tomas Berg', 'person'], ['Harbour Daily', 'organization']]);
    assert.deepEqual(
      repair('Tamar Ogden and Lisbon Harbour Authority staff met on the quay.', [['Tamar Ogden', 'person'], ['Lisbon Harbour Authority', 'organization']]),
      [['Tamar Ogden', 'person'], ['Lisbon Harbour Authority', 'organization']]);
    assert.deepEqual(
      repair('Presidents Ana Ruiz and Marco Vidal and the Senate met.', [['Ana Ruiz', 'person'], ['Marco Vidal', 'person'], ['Senate', 'organization']]),
      [['Ana Ruiz', 'person'], ['Marco Vidal', 'person'], ['Senate', 'organization']]);
  });
});
