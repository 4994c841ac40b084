import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, contentHash, indexEntry } from '../../src/core';

const seed = readFileSync(join(__dirname, '..', 'fixtures', 'seed', '000_931ddf8dbef545ad.txt'), 'utf8');

describe('[core/workspace] index entries', () => {
  const entry = indexEntry(seed, analyze(seed), contentHash(seed));

  it('files lone surnames under the full name used in the same report', () => {
    const putin = entry.actors.find((a) => a.key === 'person:vladimir putin');
    assert.ok(putin, entry.actors.map((a) => a.key).join(', '));
    assert.deepEqual(
      putin.mentions.map(([s, e]) => seed.slice(s, e)),
      ['Vladimir Putin', 'Putin'],
    );
    assert.ok(!entry.actors.some((a) => a.key === 'person:putin'));
  });

  it('stores line and character of every mention consistently with the offsets', () => {
    const lines = seed.split('\n');
    for (const a of entry.actors) {
      for (const [s, e, line, ch] of a.mentions) assert.equal(lines[line].slice(ch, ch + (e - s)), seed.slice(s, e));
    }
  });

  it('content hashes differ on a one-character change and repeat on the same text', () => {
    assert.equal(contentHash(seed), contentHash(seed.slice()));
    assert.notEqual(contentHash(seed), contentHash(seed.replace('Sochi', 'Sochj')));
    assert.match(contentHash(''), /^[0-9a-f]{16}$/);
  });
});
