import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { analyze, buildActors, type Actor, type Analysis } from '../../src/core';
import { analysisOf, withExpectedNames } from '../fixtures/actors/entityLayers';

const SEED = 'test/fixtures/seed/000_931ddf8dbef545ad';
const seedText = readFileSync(`${SEED}.txt`, 'utf8');
const expected = JSON.parse(readFileSync(`${SEED}.expected.json`, 'utf8'));

const byName = (actors: Actor[], name: string) => {
  const a = actors.find((x) => x.name === name);
  assert.ok(a, `no actor "${name}" in ${actors.map((x) => x.name).join(', ')}`);
  return a;
};
const expectedPerson = (name: string) => expected.people.find((p: { name: string }) => p.name === name);

/** The checks every seed person must pass, from expected.json: role(s), rank, affiliation, every required mention. */
function checkSeedPerson(actors: Actor[], name: string): void {
  const exp = expectedPerson(name);
  const a = byName(actors, name);
  assert.equal(a.type, 'person');
  // "Prime Minister and Defense Minister" is two roles.
  for (const role of String(exp.role).split(' and ')) {
    assert.ok(a.roles.includes(role), `${name}: role "${role}" missing from ${JSON.stringify(a.roles)}`);
  }
  if (exp.rank) {
    assert.equal(a.rank, exp.rank, `${name}: rank`);
    assert.ok(a.roles.includes(exp.rank), `${name}: the rank is among the roles`);
  }
  assert.equal(a.affiliation, exp.affiliation, `${name}: affiliation`);
  for (const form of exp.mentions as string[]) {
    let count = 0;
    for (let i = seedText.indexOf(form); i >= 0; i = seedText.indexOf(form, i + 1)) {
      if (/[\p{L}]/u.test(seedText[i - 1] ?? '') || /[\p{L}]/u.test(seedText[i + form.length] ?? '')) continue;
      count++;
      assert.ok(
        a.mentions.some((m) => m.start <= i && i + form.length <= m.end),
        `${name}: mention "${form}" at ${i} not linked`,
      );
    }
    assert.ok(count > 0, `${form} occurs in the seed`);
  }
}

describe('[core/actors] seed report, real pipeline (analyze + buildActors)', () => {
  let actors: Actor[];
  let analysis: Analysis;
  before(() => {
    analysis = analyze(seedText);
    actors = buildActors(seedText, analysis);
  });

  it('merges Netanyahu’s mentions: canonical name, aliases, both roles, Israel', () => {
    const n = byName(actors, 'Benjamin Netanyahu');
    assert.equal(n.type, 'person');
    assert.equal(n.id, 'person:benjamin-netanyahu');
    assert.ok(n.aliases.includes('Netanyahu'), n.aliases.join('|'));
    assert.ok(n.aliases.includes('Prime Minister Netanyahu') || n.aliases.includes('Netanyahu’s'), n.aliases.join('|'));
    assert.ok(n.aliases.includes('Netanyahu’s'), n.aliases.join('|'));
    assert.ok(n.roles.includes('Prime Minister') && n.roles.includes('Defense Minister'), n.roles.join('|'));
    assert.equal(n.affiliation, 'Israel');
    assert.equal(n.firstMention, seedText.indexOf('Benjamin Netanyahu'));
    assert.equal(n.mentionCount, n.mentions.length);
    assert.ok(n.mentionCount >= 3);
  });

  it('links the nominal references to Netanyahu with lower confidence ("the Premier", "the Israel leader")', () => {
    const n = byName(actors, 'Benjamin Netanyahu');
    for (const form of ['the Premier', 'the Israel leader']) {
      const m = n.mentions.find((x) => x.text === form);
      assert.ok(m, `${form} not linked: ${n.mentions.map((x) => x.text).join('|')}`);
      assert.equal(m.kind, 'nominal');
      assert.ok(m.confidence < 1 && m.confidence >= 0.5);
    }
  });

  it('attributes the long quote to Netanyahu through "According to the Israel leader:"', () => {
    const n = byName(actors, 'Benjamin Netanyahu');
    const q = n.quotes.find((x) => x.text.startsWith('This is a very important journey.'));
    assert.ok(q, `quotes: ${JSON.stringify(n.quotes.map((x) => x.text.slice(0, 30)))}`);
    assert.ok(q.text.endsWith('And that’s the purpose for which I’m going (to Russia).'), q.text.slice(-60));
    assert.equal(q.speakerId, n.id);
    assert.equal(q.speakerText, 'the Israel leader');
    assert.ok(q.confidence > 0.5 && q.confidence < 1);
    assert.equal(seedText.slice(q.start, q.end), q.text);
  });

  it('Putin: President, Russia, "President Putin" as an alias, co-occurs with Netanyahu', () => {
    const p = byName(actors, 'Vladimir Putin');
    assert.ok(p.roles.includes('President'));
    assert.equal(p.affiliation, 'Russia');
    assert.ok(p.aliases.includes('Putin'));
    assert.ok(p.aliases.includes('President Putin'), p.aliases.join('|'));
    const rel = p.related.find((r) => r.name === 'Benjamin Netanyahu');
    assert.ok(rel && rel.count >= 2, JSON.stringify(p.related));
  });

  it('Ben-Shabbat (National Security Advisor, Israel) and Shoigu (Defense Minister, Russia) from expected.json', () => {
    checkSeedPerson(actors, 'Meir Ben-Shabbat');
    checkSeedPerson(actors, 'Sergei Shoigu');
    checkSeedPerson(actors, 'Benjamin Netanyahu');
    checkSeedPerson(actors, 'Vladimir Putin');
  });

  it('Heiman and Haliva with role, rank and Israel (needs a tagger that finds their names)', function () {
    const found = analysis.entities.some((e) => e.type === 'person' && e.text === 'Tamir Heiman') && analysis.entities.some((e) => e.type === 'person' && e.text === 'Aharon Haliva');
    if (!found) this.skip();
    checkSeedPerson(actors, 'Tamir Heiman');
    checkSeedPerson(actors, 'Aharon Haliva');
  });

  it('finds actions, places and salience', () => {
    const n = byName(actors, 'Benjamin Netanyahu');
    assert.ok(n.actions.includes('travelled') && n.actions.includes('held'), n.actions.join('|'));
    assert.ok(byName(actors, 'Moscow').actions.includes('warned'));
    assert.equal(actors[0].name, 'Benjamin Netanyahu', 'the most salient actor comes first');
    for (const a of actors) assert.ok(a.salience >= 0 && a.salience <= 1, `${a.name} ${a.salience}`);
    assert.ok(n.related.some((r) => r.name === 'Sochi' && r.type === 'place'));
  });

  it('every mention is the text at its offsets, and no actor is a lower-case fragment ("office")', () => {
    for (const a of actors) {
      for (const m of a.mentions) assert.equal(seedText.slice(m.start, m.end), m.text);
      assert.ok(/\p{Lu}/u.test(a.name), a.name);
      assert.notEqual(a.name, 'office');
    }
    assert.doesNotThrow(() => JSON.parse(JSON.stringify(actors)));
  });
});

describe('[core/actors] seed report over a complete name layer (the Entity contract)', () => {
  const analysis = withExpectedNames(seedText, analyze(seedText), expected);
  const actors = buildActors(seedText, analysis);

  for (const p of expected.people as { name: string }[]) {
    it(`${p.name}: roles, rank, affiliation and mentions as expected`, () => checkSeedPerson(actors, p.name));
  }

  it('inherits the affiliation along the list of officials ("Israel’s … Ben-Shabbat …, Heiman and … Haliva")', () => {
    assert.equal(byName(actors, 'Tamir Heiman').affiliation, 'Israel');
    assert.equal(byName(actors, 'Aharon Haliva').affiliation, 'Israel');
    assert.deepEqual(byName(actors, 'Tamir Heiman').roles, ['Director of Military Intelligence', 'Major-General']);
    assert.deepEqual(byName(actors, 'Aharon Haliva').roles, ['Operations Directorate Commander', 'Major General']);
    assert.deepEqual(byName(actors, 'Meir Ben-Shabbat').roles, ['National Security Advisor'], 'no role of the next person');
  });

  it('the quote stays Netanyahu’s when "Israel" inside "the Israel leader" is a place', () => {
    const n = byName(actors, 'Benjamin Netanyahu');
    assert.ok(n.quotes.some((q) => q.text.startsWith('This is a very important journey.')));
    assert.ok(byName(actors, 'Israel').mentions.some((m) => seedText.slice(m.start - 4, m.end) === 'the Israel'));
  });

  it('organisations: IDF, Air Force, Hezbollah, TV7, Russian Foreign Ministry (Russia)', () => {
    for (const o of ['IDF', 'Air Force', 'Hezbollah', 'TV7']) assert.equal(byName(actors, o).type, 'organization');
    assert.equal(byName(actors, 'Russian Foreign Ministry').affiliation, 'Russia');
  });
});

describe('[core/actors] a second report: surnames, acronyms, nominals, co-occurrence, actions', () => {
  const text = readFileSync('test/fixtures/actors/grain-talks.md', 'utf8');
  const analysis = analysisOf(text, {
    person: ['Recep Tayyip Erdogan', 'Erdogan', 'Antonio Guterres', 'Guterres', 'Dmytro Kuleba', 'Kuleba', 'Igor Konashenkov', 'Vladimir Putin', 'Putin'],
    organization: ['UN', 'United Nations', 'Russian Defence Ministry', 'Defence Ministry'],
    place: ['Istanbul', 'Russia', 'Black Sea'],
    group: ['Turkish', 'Ukrainian', 'Russian'],
    title: ['President', 'Secretary-General', 'Foreign Minister'],
  });
  const actors = buildActors(text, analysis);

  it('joins surnames to the full name and an acronym to the organisation it abbreviates', () => {
    assert.equal(byName(actors, 'Recep Tayyip Erdogan').mentions.filter((m) => m.text === 'Erdogan').length, 2);
    assert.ok(byName(actors, 'Dmytro Kuleba').aliases.includes('Kuleba'));
    assert.ok(byName(actors, 'United Nations').aliases.includes('UN'));
    assert.ok(byName(actors, 'Russian Defence Ministry').aliases.includes('Defence Ministry'));
    assert.ok(!actors.some((a) => a.name === 'Erdogan' || a.name === 'UN' || a.name === 'Defence Ministry'));
  });

  it('reads roles and affiliations: group + title, organisation + title', () => {
    const e = byName(actors, 'Recep Tayyip Erdogan');
    assert.deepEqual([e.roles, e.affiliation], [['President'], 'Turkey']);
    assert.deepEqual([byName(actors, 'Dmytro Kuleba').roles, byName(actors, 'Dmytro Kuleba').affiliation], [['Foreign Minister'], 'Ukraine']);
    assert.equal(byName(actors, 'Antonio Guterres').affiliation, 'UN');
    assert.equal(byName(actors, 'Vladimir Putin').affiliation, 'Russia');
  });

  it('attributes quotes in straight quotes: `“…,” X said`, `X told reporters: “…”`, `According to X, “…”`', () => {
    const quotesOf = (n: string) => byName(actors, n).quotes.filter((q) => !q.indirect).map((q) => q.text);
    assert.deepEqual(quotesOf('Recep Tayyip Erdogan'), ['We will not let the corridor close', 'there is still a chance']);
    assert.deepEqual(quotesOf('Antonio Guterres'), ['The world needs this grain.']);
    assert.ok(quotesOf('Dmytro Kuleba').includes('every ship that sails saves lives.'));
    assert.deepEqual(quotesOf('Igor Konashenkov'), ['We see no reason to return to it']);
  });

  it('links "The Turkish leader" to Erdogan (a President of Turkey), not to Putin', () => {
    const m = byName(actors, 'Recep Tayyip Erdogan').mentions.find((x) => x.kind === 'nominal');
    assert.equal(m?.text, 'The Turkish leader');
    assert.ok(!byName(actors, 'Vladimir Putin').mentions.some((x) => x.kind === 'nominal'));
  });

  it('counts co-occurrence per sentence', () => {
    const e = byName(actors, 'Recep Tayyip Erdogan');
    assert.equal(e.related.find((r) => r.name === 'Vladimir Putin')?.count, 2);
    assert.equal(e.related.find((r) => r.name === 'Istanbul')?.count, 1);
    assert.equal(e.related[0].name, 'Vladimir Putin', 'most frequent first');
    assert.ok(!e.related.some((r) => r.type === 'group'), 'nationalities are not related actors');
    const p = byName(actors, 'Vladimir Putin');
    assert.equal(p.related.find((r) => r.name === 'Recep Tayyip Erdogan')?.count, 2, 'symmetric');
  });

  it('finds the verbs actors are the subject of', () => {
    assert.deepEqual(byName(actors, 'Antonio Guterres').actions, ['told']);
    assert.ok(byName(actors, 'Recep Tayyip Erdogan').actions.includes('hosted'));
    assert.ok(byName(actors, 'United Nations').actions.includes('brokered'));
    assert.deepEqual(buildActors(text, analysis, { actions: false })[0].actions, []);
  });
});

describe('[core/actors] robustness', () => {
  it('returns no actors for empty text or an analysis without names', () => {
    assert.deepEqual(buildActors('', analyze('')), []);
    assert.deepEqual(buildActors('the quick brown fox', analyze('the quick brown fox')), []);
  });

  it('keeps two people who share a surname apart: the surname alone joins neither of them', () => {
    const text = 'Hillary Clinton met Bill Clinton in Chicago. Later Clinton spoke to reporters.';
    const actors = buildActors(text, analysisOf(text, { person: ['Hillary Clinton', 'Bill Clinton', 'Clinton'], place: ['Chicago'] }));
    const hillary = byName(actors, 'Hillary Clinton');
    const bill = byName(actors, 'Bill Clinton');
    const alone = text.lastIndexOf('Clinton');
    for (const a of [hillary, bill]) assert.ok(!a.mentions.some((m) => m.start === alone), `${a.name} does not take the ambiguous surname`);
    assert.ok(actors.some((a) => a.type === 'person' && a.mentions.some((m) => m.start === alone)), 'the surname is still an actor of its own');
  });

  it('merges a long report (100 copies of the seed) into the same actors (timings: npm run bench)', function () {
    this.timeout(60_000);
    const text = Array.from({ length: 100 }, () => seedText).join('\n\n');
    const actors = buildActors(text, analyze(text));
    assert.ok(byName(actors, 'Benjamin Netanyahu').mentionCount >= 300);
  });
});
