import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { addIgnoredName, analyze, appendRegistryEntry, buildActors, parseRegistry, type Actor } from '../../src/core';
import { analysisOf } from '../fixtures/actors/entityLayers';

const sampleText = readFileSync('test/fixtures/sample/dubrovnik-visit.txt', 'utf8');
const byName = (actors: Actor[], name: string) => actors.find((x) => x.name === name);

describe('[core/actors/registry] parsing .analyst/actors.json', () => {
  it('reads actors and the ignore list, with entry offsets', () => {
    const text = JSON.stringify(
      {
        actors: [
          { name: 'Benjamin Netanyahu', aliases: ['Bibi'], type: 'person', role: 'Prime Minister', affiliation: 'Israel', notes: 'Likud.', tags: ['leader'], watchlist: true },
          { name: 'Israel Defense Forces', aliases: ['IDF'], type: 'organisation' },
        ],
        ignore: ['Syrian arena'],
      },
      null,
      2,
    );
    const r = parseRegistry(text, 'file:///w/.analyst/actors.json');
    assert.deepEqual(r.problems, []);
    assert.equal(r.actors.length, 2);
    assert.deepEqual(r.ignore, ['Syrian arena']);
    const [bibi, idf] = r.actors;
    assert.equal(bibi.watchlist, true);
    assert.deepEqual(bibi.tags, ['leader']);
    assert.equal(idf.type, 'organization', '"organisation" is accepted');
    assert.equal(text.slice(bibi.start, bibi.start! + 1), '{');
    assert.equal(text[bibi.end! - 1], '}');
    assert.equal(bibi.source, 'file:///w/.analyst/actors.json');
  });

  it('never throws on malformed JSON: one error at the place of the fault, no entries', () => {
    for (const bad of ['{ "actors": [ { "name": "A" ', '{ "actors": [ { "name": "A" } ] } x', '{ actors: [] }', '[1, 2', '{"a": "\n"}', '\u0000\u0001', '{"ignore": ["x",]']) {
      const r = parseRegistry(bad);
      assert.equal(r.actors.length, 0, bad);
      const errors = r.problems.filter((p) => p.severity === 'error');
      assert.equal(errors.length, 1, `${JSON.stringify(bad)}: ${JSON.stringify(r.problems)}`);
      assert.ok(errors[0].start >= 0 && errors[0].start <= bad.length && errors[0].end >= errors[0].start);
      assert.match(errors[0].message, /^Invalid JSON: /);
    }
    const r = parseRegistry('{ "actors": [ { "name": "A" }, ] , }');
    assert.equal(r.actors.length, 1, 'trailing commas are tolerated');
    assert.ok(r.problems.length === 2 && r.problems.every((p) => p.severity === 'warning'));
  });

  it('points at the missing comma', () => {
    const text = '{\n  "actors": [\n    { "name": "A" }\n    { "name": "B" }\n  ]\n}';
    const [p] = parseRegistry(text).problems;
    assert.equal(text.slice(p.start, p.start + 1), '{');
    assert.equal(text.slice(0, p.start).split('\n').length, 4, 'line 4');
  });

  it('skips wrong values with an error at the value and keeps the rest', () => {
    const text = `{
  "actors": [
    { "name": "Good One", "watchlist": "yes", "tags": ["a", 3] },
    { "aliases": ["No Name"] },
    "just a string",
    { "name": "Typed", "type": "planet" },
    { "name": "Second Good", "colour": "red" }
  ],
  "ignore": "Premier League"
}`;
    const r = parseRegistry(text);
    assert.deepEqual(
      r.actors.map((a) => a.name),
      ['Good One', 'Typed', 'Second Good'],
    );
    assert.equal(r.actors[0].watchlist, undefined);
    assert.deepEqual(r.actors[0].tags, ['a']);
    assert.equal(r.actors[1].type, undefined);
    const at = (msg: RegExp) => {
      const p = r.problems.find((x) => msg.test(x.message));
      assert.ok(p, `${msg}: ${JSON.stringify(r.problems)}`);
      return text.slice(p.start, p.end);
    };
    assert.equal(at(/"watchlist" must be/), '"yes"');
    assert.equal(at(/"tags" must be a non-empty string/), '3');
    assert.equal(at(/no "name"/), '{ "aliases": ["No Name"] }');
    assert.equal(at(/must be an object/), '"just a string"');
    assert.equal(at(/"type" must be one of/), '"planet"');
    assert.equal(at(/"ignore" must be an array/), '"Premier League"');
    const unknown = r.problems.find((p) => /Unknown property "colour"/.test(p.message));
    assert.equal(unknown?.severity, 'warning');
  });

  it('tolerates comments and trailing commas with warnings', () => {
    const r = parseRegistry('// analysts of team A\n{ "actors": [ { "name": "A", }, ], /* none yet */ "ignore": [] }');
    assert.deepEqual(r.actors.map((a) => a.name), ['A']);
    assert.ok(r.problems.length >= 3);
    assert.ok(r.problems.every((p) => p.severity === 'warning'));
  });

  it('an empty file or a non-object is harmless', () => {
    assert.deepEqual(parseRegistry(''), { actors: [], ignore: [], problems: [] });
    assert.equal(parseRegistry('[]').problems[0].severity, 'error');
    assert.equal(parseRegistry('null').actors.length, 0);
  });
});

describe('[core/actors/registry] editing the registry file', () => {
  it('creates a registry file and appends to it, keeping what was written', () => {
    const first = appendRegistryEntry('', { name: 'Tamir Heiman', type: 'person', role: 'Director of Military Intelligence', aliases: [] });
    const r1 = parseRegistry(first);
    assert.deepEqual(r1.problems, []);
    assert.deepEqual(r1.actors.map((a) => a.name), ['Tamir Heiman']);
    assert.ok(!('aliases' in JSON.parse(first).actors[0]), 'empty lists are not written');
    const withComment = first.replace('{', '{\n  // mine');
    const second = appendRegistryEntry(withComment, { name: 'IDF', type: 'organization' });
    assert.ok(second.includes('// mine'));
    assert.deepEqual(parseRegistry(second).actors.map((a) => a.name), ['Tamir Heiman', 'IDF']);
  });

  it('adds an "actors" list to a file that has none, and ignored names once', () => {
    const t = appendRegistryEntry('{ "ignore": ["X"] }', { name: 'A' });
    assert.deepEqual(parseRegistry(t).actors.map((a) => a.name), ['A']);
    const i1 = addIgnoredName(t, 'Syrian arena');
    assert.deepEqual(parseRegistry(i1).ignore, ['X', 'Syrian arena']);
    assert.equal(addIgnoredName(i1, 'syrian arena'), i1);
    assert.deepEqual(parseRegistry(addIgnoredName('{}', 'Y')).ignore, ['Y']);
  });

  it('refuses to edit a file that is not valid JSON (the user fixes it first)', () => {
    assert.throws(() => appendRegistryEntry('{ "actors": [', { name: 'A' }), /not valid JSON/);
  });
});

describe('[core/actors/registry] registry entries in buildActors', () => {
  const analysis = analyze(sampleText);

  it('overrides role and affiliation, carries notes, tags and the watchlist flag', () => {
    const { actors: registry } = parseRegistry(
      JSON.stringify({ actors: [{ name: 'Ivana Kovacevic', role: 'President of the Republic of Croatia', affiliation: 'Office of the President', notes: 'Met Vasconcelos 4 times.', tags: ['head of state'], watchlist: true }] }),
      'reg.json',
    );
    const p = byName(buildActors(sampleText, analysis, { registry }), 'Ivana Kovacevic')!;
    assert.equal(p.roles[0], 'President of the Republic of Croatia');
    assert.ok(p.roles.includes('President'), 'the text’s roles stay after the registry’s');
    assert.equal(p.affiliation, 'Office of the President');
    assert.deepEqual(p.registry, { source: 'reg.json', notes: 'Met Vasconcelos 4 times.', tags: ['head of state'], watchlist: true, offset: registry[0].start });
  });

  it('a registry name replaces the text’s canonical name and its aliases merge mentions', () => {
    const registry = [{ name: 'Duarte M. Vasconcelos', aliases: ['Duarte Vasconcelos', 'Vasconcelos'], type: 'person' as const }];
    const actors = buildActors(sampleText, analysis, { registry });
    const b = byName(actors, 'Duarte M. Vasconcelos')!;
    assert.ok(b, actors.map((a) => a.name).join('|'));
    assert.ok(b.mentions.filter((m) => m.text === 'Vasconcelos').length === 2);
    assert.ok(b.aliases.includes('Duarte Vasconcelos'));
    assert.ok(b.roles.includes('Prime Minister'));
    assert.ok(!byName(actors, 'Duarte Vasconcelos'));
  });

  it('finds registry names the tagger missed as mentions of kind "registry"', () => {
    const text = 'Officials said the IDF struck targets near Quneitra. IDF’s spokesman declined to comment.';
    const registry = [{ name: 'Israel Defense Forces', aliases: ['IDF'], type: 'organization' as const }];
    const idf = byName(buildActors(text, analysisOf(text, {}), { registry }), 'Israel Defense Forces')!;
    assert.ok(idf, 'the actor exists');
    assert.deepEqual(idf.mentions.map((m) => [m.text, m.kind, text.slice(m.start, m.end)]), [
      ['IDF', 'registry', 'IDF'],
      ['IDF', 'registry', 'IDF'],
    ]);
    assert.deepEqual(idf.actions, ['struck']);
  });

  it('a registry alias merges what the tagger found under it (sample: Navy -> Portuguese Navy)', () => {
    const registry = [{ name: 'Portuguese Navy', aliases: ['Navy'], type: 'organization' as const }];
    const actors = buildActors(sampleText, analysis, { registry });
    const navy = byName(actors, 'Portuguese Navy')!;
    assert.ok(navy, actors.map((a) => a.name).join('|'));
    assert.deepEqual(navy.mentions.map((m) => m.text), ['Navy']);
    assert.ok(!byName(actors, 'Navy'));
  });

  it('ignored names (options and registry) are never actors; a surname goes with its ignored full name', () => {
    assert.ok(byName(buildActors(sampleText, analysis), 'Adriatic Sea'), 'an actor before it is ignored');
    const actors = buildActors(sampleText, analysis, { ignore: ['Adriatic Sea', 'ivana kovacevic'] });
    assert.ok(!byName(actors, 'Adriatic Sea'));
    assert.ok(!byName(actors, 'Ivana Kovacevic'));
    assert.ok(!actors.some((a) => a.mentions.some((m) => m.text === 'Kovacevic')), 'the surname went with the full name');
    const n = byName(buildActors(sampleText, analysis, { ignore: ['Vasconcelos'] }), 'Duarte Vasconcelos')!;
    assert.ok(n && !n.mentions.some((m) => m.text === 'Vasconcelos'), 'an ignored surname drops only those mentions');
    const ignoredByCanonical = buildActors(sampleText, analysis, { ignore: ['Duarte Vasconcelos’s'] });
    assert.ok(!byName(ignoredByCanonical, 'Duarte Vasconcelos'), 'possessive and case do not matter');
  });
});
