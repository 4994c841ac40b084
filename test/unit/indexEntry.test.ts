import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, contentHash, indexEntry } from '../../src/core';

const sample = readFileSync(join(__dirname, '..', 'fixtures', 'sample', 'dubrovnik-visit.txt'), 'utf8');

describe('[core/workspace] index entries', () => {
  const entry = indexEntry(sample, analyze(sample), contentHash(sample));

  it('files lone surnames under the full name used in the same report', () => {
    const jurak = entry.actors.find((a) => a.key === 'person:tomislav jurak');
    assert.ok(jurak, entry.actors.map((a) => a.key).join(', '));
    assert.deepEqual(
      jurak.mentions.map(([s, e]) => sample.slice(s, e)),
      ['Tomislav Jurak', 'Jurak'],
    );
    assert.ok(!entry.actors.some((a) => a.key === 'person:jurak'));
  });

  it('stores line and character of every mention consistently with the offsets', () => {
    const lines = sample.split('\n');
    for (const a of entry.actors) {
      for (const [s, e, line, ch] of a.mentions) assert.equal(lines[line].slice(ch, ch + (e - s)), sample.slice(s, e));
    }
  });

  it('content hashes differ on a one-character change and repeat on the same text', () => {
    assert.equal(contentHash(sample), contentHash(sample.slice()));
    assert.notEqual(contentHash(sample), contentHash(sample.replace('Dubrovnik', 'Dubrovnjk')));
    assert.match(contentHash(''), /^[0-9a-f]{16}$/);
  });
});
