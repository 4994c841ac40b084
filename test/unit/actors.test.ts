import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { analyze, buildActors, type Actor, type Analysis } from '../../src/core';
import { analysisOf, withExpectedNames } from '../fixtures/actors/entityLayers';

const SAMPLE = 'test/fixtures/sample/dubrovnik-visit';
const sampleText = readFileSync(`${SAMPLE}.txt`, 'utf8');
const expected = JSON.parse(readFileSync(`${SAMPLE}.expected.json`, 'utf8'));

const byName = (actors: Actor[], name: string) => {
  const a = actors.find((x) => x.name === name);
  assert.ok(a, `no actor "${name}" in ${actors.map((x) => x.name).join(', ')}`);
  return a;
};
const expectedPerson = (name: string) => expected.people.find((p: { name: string }) => p.name === name);

/** The checks every sample person must pass, from expected.json: role(s), rank, affiliation, every required mention. */
function checkSamplePerson(actors: Actor[], name: string): void {
  const exp = expectedPerson(name);
  const a = byName(actors, name);
  assert.equal(a.type, 'person');
  // "Prime Minister and Foreign Minister" is two roles.
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
    for (let i = sampleText.indexOf(form); i >= 0; i = sampleText.indexOf(form, i + 1)) {
      if (/[\p{L}]/u.test(sampleText[i - 1] ?? '') || /[\p{L}]/u.test(sampleText[i + form.length] ?? '')) continue;
      count++;
      assert.ok(
        a.mentions.some((m) => m.start <= i && i + form.length <= m.end),
        `${name}: mention "${form}" at ${i} not linked`,
      );
    }
    assert.ok(count > 0, `${form} occurs in the sample`);
  }
}

describe('[core/actors] sample report, real pipeline (analyze + buildActors)', () => {
  let actors: Actor[];
  let analysis: Analysis;
  before(() => {
    analysis = analyze(sampleText);
    actors = buildActors(sampleText, analysis);
  });

  it('merges Vasconcelos’s mentions: canonical name, aliases, both roles, Portugal', () => {
    const n = byName(actors, 'Duarte Vasconcelos');
    assert.equal(n.type, 'person');
    assert.equal(n.id, 'person:duarte-vasconcelos');
    assert.ok(n.aliases.includes('Vasconcelos'), n.aliases.join('|'));
    assert.ok(n.aliases.includes('Prime Minister Vasconcelos'), n.aliases.join('|'));
    assert.ok(n.aliases.includes('Vasconcelos’s'), n.aliases.join('|'));
    assert.ok(n.roles.includes('Prime Minister') && n.roles.includes('Foreign Minister'), n.roles.join('|'));
    assert.equal(n.affiliation, 'Portugal');
    assert.equal(n.firstMention, sampleText.indexOf('Duarte Vasconcelos'));
    assert.equal(n.mentionCount, n.mentions.length);
    assert.ok(n.mentionCount >= 3);
  });

  it('links the nominal references to Vasconcelos with lower confidence ("the Premier", "the Portuguese leader")', () => {
    const n = byName(actors, 'Duarte Vasconcelos');
    for (const form of ['the Premier', 'the Portuguese leader']) {
      const m = n.mentions.find((x) => x.text === form);
      assert.ok(m, `${form} not linked: ${n.mentions.map((x) => x.text).join('|')}`);
      assert.equal(m.kind, 'nominal');
      assert.ok(m.confidence < 1 && m.confidence >= 0.5);
    }
  });

  it('attributes the long quote to Vasconcelos through "According to the Portuguese leader:"', () => {
    const n = byName(actors, 'Duarte Vasconcelos');
    const exp = expected.quotes[0];
    const q = n.quotes.find((x) => x.text.startsWith(exp.starts));
    assert.ok(q, `quotes: ${JSON.stringify(n.quotes.map((x) => x.text.slice(0, 30)))}`);
    assert.ok(q.text.endsWith(exp.ends), q.text.slice(-60));
    assert.equal(q.speakerId, n.id);
    assert.equal(q.speakerText, 'the Portuguese leader');
    assert.ok(q.confidence > 0.5 && q.confidence < 1);
    assert.equal(sampleText.slice(q.start, q.end), q.text);
  });

  it('attributes the quote with its speaker after it (“…,” Kovacevic said.) to the President', () => {
    const k = byName(actors, 'Ivana Kovacevic');
    const exp = expected.quotes[1];
    const q = k.quotes.find((x) => x.text === exp.text);
    assert.ok(q, `quotes: ${JSON.stringify(k.quotes.map((x) => x.text.slice(0, 30)))}`);
    assert.equal(q.speakerText, 'Kovacevic');
    assert.equal(q.speakerId, k.id);
    assert.equal(sampleText.slice(q.start, q.end), q.text);
  });

  it('Kovacevic: President, Croatia, "President Kovacevic" as an alias, co-occurs with Vasconcelos', () => {
    const p = byName(actors, 'Ivana Kovacevic');
    assert.ok(p.roles.includes('President'));
    assert.equal(p.affiliation, 'Croatia');
    assert.ok(p.aliases.includes('Kovacevic'));
    assert.ok(p.aliases.includes('President Kovacevic'), p.aliases.join('|'));
    const rel = p.related.find((r) => r.name === 'Duarte Vasconcelos');
    assert.ok(rel && rel.count >= 2, JSON.stringify(p.related));
  });

  it('Meireles (National Security Adviser, Portugal) and Jurak (Defence Minister, Croatia) from expected.json', () => {
    checkSamplePerson(actors, 'Rui Meireles');
    checkSamplePerson(actors, 'Tomislav Jurak');
    checkSamplePerson(actors, 'Duarte Vasconcelos');
    checkSamplePerson(actors, 'Ivana Kovacevic');
  });

  it('Antunes: role and rank split from "Director of Naval Intelligence, Rear Admiral Sofia Antunes"', () => {
    const a = byName(actors, 'Sofia Antunes');
    assert.ok(a.roles.includes('Director of Naval Intelligence'), a.roles.join('|'));
    assert.equal(a.rank, 'Rear Admiral');
    assert.ok(a.roles.includes('Rear Admiral'));
  });

  it('Salgado: role and abbreviated rank split from "Chief of Staff Lt. Gen. Nuno Salgado"', () => {
    const s = byName(actors, 'Nuno Salgado');
    assert.deepEqual(s.roles, ['Chief of Staff', 'Lt. Gen.']);
    assert.equal(s.rank, 'Lt. Gen.');
    assert.ok(!actors.some((a) => a.name === 'Lt' || a.name === 'Gen' || a.name === 'Staff'), actors.map((a) => a.name).join('|'));
  });

  it('an acronym joins the organisation it abbreviates (MCSA -> Mediterranean Coastal Security Agency)', () => {
    const o = byName(actors, 'Mediterranean Coastal Security Agency');
    assert.equal(o.type, 'organization');
    assert.ok(o.aliases.includes('MCSA'), o.aliases.join('|'));
    assert.ok(!actors.some((a) => a.name === 'MCSA'));
  });

  it('finds actions, places and salience', () => {
    const n = byName(actors, 'Duarte Vasconcelos');
    assert.ok(n.actions.includes('flew') && n.actions.includes('met'), n.actions.join('|'));
    assert.ok(byName(actors, 'Rome').actions.includes('warned'));
    assert.ok(byName(actors, 'Tomislav Jurak').actions.includes('told'));
    assert.equal(actors[0].name, 'Duarte Vasconcelos', 'the most salient actor comes first');
    for (const a of actors) assert.ok(a.salience >= 0 && a.salience <= 1, `${a.name} ${a.salience}`);
    assert.ok(n.related.some((r) => r.name === 'Dubrovnik' && r.type === 'place'));
  });

  it('every mention is the text at its offsets, and no actor is a lower-case fragment ("office")', () => {
    for (const a of actors) {
      for (const m of a.mentions) assert.equal(sampleText.slice(m.start, m.end), m.text);
      assert.ok(/\p{Lu}/u.test(a.name), a.name);
      assert.notEqual(a.name, 'office');
    }
    assert.doesNotThrow(() => JSON.parse(JSON.stringify(actors)));
  });
});

describe('[core/actors] sample report over a complete name layer (the Entity contract)', () => {
  const analysis = withExpectedNames(sampleText, analyze(sampleText), expected);
  const actors = buildActors(sampleText, analysis);
  for (const p of expected.people as { name: string }[]) {
    it(`${p.name}: roles, rank, affiliation and mentions as expected`, () => checkSamplePerson(actors, p.name));
  }

  // "Rui Meireles, Director of Naval Intelligence, Rear Admiral Sofia Antunes and …": the title between two names is
  // Antunes's (no "Director" role for Meireles), and Portugal, from the head of the list, is everyone's affiliation.
  it('a title between two names of a list of officials is the second one\'s; the list head gives the affiliation', () => {
    assert.ok(!byName(actors, 'Rui Meireles').roles.some((r) => /Director/.test(r)), JSON.stringify(byName(actors, 'Rui Meireles').roles));
    for (const n of ['Rui Meireles', 'Sofia Antunes', 'Nuno Salgado']) assert.equal(byName(actors, n).affiliation, 'Portugal', n);
  });

  it('reads each official of the list with a title before the name ("Portugal’s … Meireles, Director of …, Rear Admiral Sofia Antunes")', () => {
    assert.equal(byName(actors, 'Rui Meireles').affiliation, 'Portugal');
    assert.deepEqual(byName(actors, 'Sofia Antunes').roles.slice(0, 2), ['Director of Naval Intelligence', 'Rear Admiral']);
    assert.equal(byName(actors, 'Sofia Antunes').rank, 'Rear Admiral');
  });

  it('the quote stays Vasconcelos’s when the nominal speaker "the Portuguese leader" holds a group', () => {
    const n = byName(actors, 'Duarte Vasconcelos');
    assert.ok(n.quotes.some((q) => q.text.startsWith(expected.quotes[0].starts)));
    assert.ok(byName(actors, 'Portuguese').mentions.some((m) => sampleText.slice(m.start - 4, m.end) === 'the Portuguese'));
  });

  it('organisations: MCSA agency, Navy, Air Force, Radio Lumen, Italian Foreign Ministry (Italy)', () => {
    for (const o of ['Mediterranean Coastal Security Agency', 'Navy', 'Air Force', 'Radio Lumen']) assert.equal(byName(actors, o).type, 'organization');
    assert.equal(byName(actors, 'Italian Foreign Ministry').affiliation, 'Italy');
  });
});

describe('[core/actors] lists of officials with titles before each name', () => {
  const person = (text: string, name: string) => byName(buildActors(text, analyze(text)), name);
  it('a title written between two names is the second name\'s; the list head\'s country is everyone\'s affiliation', () => {
    const text = 'The delegation included Chile’s Finance Minister Ana Rojas, Governor of the Central Bank, Dr. Pablo Soto and Trade Secretary Carla Vidal.';
    assert.deepEqual(person(text, 'Ana Rojas').roles, ['Finance Minister']);
    assert.deepEqual(person(text, 'Pablo Soto').roles, ['Governor of the Central Bank']);
    for (const n of ['Ana Rojas', 'Pablo Soto', 'Carla Vidal']) assert.equal(person(text, n).affiliation, 'Chile', n);
  });
  it('"President of France X": the title and the place it names are one role, the place the affiliation', () => {
    const text = 'President of France Emmanuel Macron arrived in Rabat on Monday.';
    assert.deepEqual(person(text, 'Emmanuel Macron').roles, ['President of France']);
    assert.equal(person(text, 'Emmanuel Macron').affiliation, 'France');
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

  it('merges a long report (100 copies of the sample) into the same actors (timings: npm run bench)', function () {
    this.timeout(60_000);
    const text = Array.from({ length: 100 }, () => sampleText).join('\n\n');
    const actors = buildActors(text, analyze(text));
    assert.ok(byName(actors, 'Duarte Vasconcelos').mentionCount >= 300);
  });
});
