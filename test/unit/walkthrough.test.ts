import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

describe('manifest: walkthrough, icon, legend and correction commands', () => {
  const declared = new Set((pkg.contributes.commands as { command: string }[]).map((c) => c.command));

  it('the walkthrough has the five steps of a first hour, each with existing media and declared commands', () => {
    const [walk] = pkg.contributes.walkthroughs;
    assert.deepEqual(
      walk.steps.map((s: { id: string }) => s.id),
      ['openSample', 'hover', 'summarise', 'export', 'correct'],
    );
    for (const step of walk.steps) {
      const media = step.media.image ?? step.media.markdown;
      assert.ok(existsSync(join(root, media)), `${step.id}: ${media} exists`);
      assert.match(media, /^media\//, `${step.id}: ${media} is under media/ (what .vscodeignore ships)`);
      if (step.media.image) assert.ok(step.media.altText, `${step.id} has alt text`);
      const links = [...step.description.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]);
      assert.ok(links.length, `${step.id} links a command`);
      for (const c of links) assert.ok(declared.has(c), `${c} is declared`);
      for (const ev of step.completionEvents) assert.ok(declared.has(ev.replace(/^onCommand:/, '')), `${ev} names a declared command`);
    }
    assert.ok(existsSync(join(root, 'media', 'walkthrough', 'sample-report.md')));
  });

  it('the icon is a 128×128 PNG', () => {
    const png = readFileSync(join(root, pkg.icon));
    assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
    assert.equal(png.readUInt32BE(16), 128);
    assert.equal(png.readUInt32BE(20), 128);
  });

  it('declares the legend, correction and Outline contributions', () => {
    for (const c of ['analystLens.showLegend', 'analystLens.correctEntity', 'analystLens.openSample']) assert.ok(declared.has(c), c);
    assert.equal(pkg.contributes.configuration.properties['analystLens.outline.showActors'].default, false);
  });
});
