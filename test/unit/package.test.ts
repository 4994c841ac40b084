// `npm run package` as on a fresh clone: the working tree's files (tracked and new, not ignored; no dist/, no out/)
// copied to a temporary folder with the project's node_modules linked in, then vsce builds the .vsix (its prepublish
// step runs the production build). Checks what ships: only what the extension loads, the model in one analysis
// worker, README images that render in the marketplace, and the size. Prints the size and the file list.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

const ROOT = join(__dirname, '..', '..');
const LIMIT = 2.5 * 1024 * 1024;

/** The entries of a zip file (the .vsix), decompressed. Reads the central directory; stored and deflated entries. */
function readZip(buf: Buffer): Map<string, Buffer> {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  assert.ok(eocd >= 0, 'not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50, 'central directory entry');
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(dataAt, dataAt + compressed);
    out.set(name, method === 0 ? raw : inflateRawSync(raw));
    assert.equal(out.get(name)!.length, size, `size of ${name}`);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

describe('[package] npm run package on a fresh copy of the repository', function () {
  this.timeout(600_000);
  let dir: string;
  let vsix: string;
  let files: Map<string, Buffer>;

  before(function () {
    const git = spawnSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(git.status, 0, `git ls-files failed (the package test needs a git checkout): ${git.stderr}`);
    dir = mkdtempSync(join(tmpdir(), 'analyst-lens-package-'));
    for (const f of git.stdout.split('\0').filter(Boolean)) {
      const from = join(ROOT, f);
      if (!existsSync(from) || !statSync(from).isFile()) continue; // deleted in the work tree, or the node_modules link
      mkdirSync(dirname(join(dir, f)), { recursive: true });
      cpSync(from, join(dir, f));
    }
    assert.ok(!existsSync(join(dir, 'dist')), 'a fresh copy has no build');
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const r = spawnSync(npm, ['run', 'package'], { cwd: dir, encoding: 'utf8', timeout: 540_000 });
    assert.equal(r.status, 0, `npm run package failed:\n${r.stdout}\n${r.stderr}`);
    const made = readdirSync(dir).filter((f) => f.endsWith('.vsix'));
    assert.equal(made.length, 1, made.join(', '));
    vsix = join(dir, made[0]);
    files = readZip(readFileSync(vsix));
    const shipped = [...files.keys()].filter((f) => f.startsWith('extension/'));
    console.log(`      ${made[0]}: ${(statSync(vsix).size / 2 ** 20).toFixed(2)} MiB, ${shipped.length} files`);
    for (const f of shipped) console.log(`        ${f.slice('extension/'.length).padEnd(52)} ${(files.get(f)!.length / 1024).toFixed(0).padStart(6)} KiB`);
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('is at most 2.5 MiB', () => {
    assert.ok(statSync(vsix).size <= LIMIT, `${statSync(vsix).size} bytes`);
  });

  it('ships no sources, tests, docs, source maps, node_modules, library or CLI builds', () => {
    const bad = [...files.keys()].filter((f) => /^extension\/(?:src|test|docs|node_modules|out|scripts|bench|\.ci|\.vscode)\/|\.map$|\.ts$|^extension\/dist\/(?:core|cli)\.js$/.test(f));
    assert.deepEqual(bad, []);
  });

  it('ships every file the manifest points at', () => {
    const manifest = JSON.parse(files.get('extension/package.json')!.toString('utf8'));
    const wanted = [manifest.main, manifest.browser, ...manifest.contributes.grammars.map((g: { path: string }) => g.path), ...manifest.contributes.jsonValidation.map((j: { url: string }) => j.url), 'dist/worker.js'];
    if (manifest.icon) wanted.push(manifest.icon);
    for (const w of wanted) assert.ok(files.has(`extension/${w.replace(/^\.\//, '')}`), `${w} is not in the .vsix`);
    for (const f of ['repository', 'homepage', 'bugs']) assert.ok(manifest[f], `package.json has no ${f}`);
  });

  it('ships the model in one analysis worker for desktop and browser, no second worker', () => {
    const data = readFileSync(join(ROOT, 'src', 'core', 'ner', 'model', 'data.ts'), 'utf8');
    const fingerprint = /'([A-Za-z0-9+/]{64})/.exec(data)?.[1];
    assert.ok(fingerprint, 'no base64 model in src/core/ner/model/data.ts');
    const withModel = [...files].filter(([, b]) => b.includes(fingerprint)).map(([f]) => f);
    console.log(`        the model is in: ${withModel.join(', ')}`);
    assert.ok(withModel.includes('extension/dist/worker.js'), 'the worker carries the model');
    assert.deepEqual(withModel, ['extension/dist/worker.js']);
    assert.ok(![...files.keys()].some((f) => /worker/.test(f) && f !== 'extension/dist/worker.js'), 'one worker file');
  });

  it('the extension-host bundles carry no analysis core: no model, no compromise, at most 300 KiB each (issue 11)', () => {
    for (const f of ['extension/dist/extension.js', 'extension/dist/web/extension.js']) {
      const b = files.get(f);
      assert.ok(b, `${f} is not in the .vsix`);
      assert.ok(b.length <= 300 * 1024, `${f}: ${b.length} bytes`);
      // The worker builds the summary with compromise; the host asks it.
      assert.ok(!b.toString('utf8').includes('compromise'), `${f} carries compromise`);
    }
    assert.ok(files.get('extension/dist/worker.js')!.toString('utf8').includes('compromise'), 'the worker carries compromise');
  });

  it('the packaged README has no relative image links (they would not render in the marketplace)', () => {
    const readme = [...files].find(([f]) => /^extension\/readme\.md$/i.test(f))?.[1].toString('utf8');
    assert.ok(readme, 'no README in the .vsix');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g), ...readme.matchAll(/<img[^>]+src="([^"]+)"/g)].map((m) => m[1]);
    assert.ok(images.length > 0, 'the README shows images');
    for (const src of images) assert.match(src, /^https:\/\//, `image ${src}`);
  });

  it('vsce ls lists the same files (what .vscodeignore lets through)', () => {
    const ls = execFileSync(process.execPath, [join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], { cwd: dir, encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .sort();
    const shipped = [...files.keys()].filter((f) => f.startsWith('extension/')).map((f) => f.slice('extension/'.length));
    // vsce renames README/CHANGELOG/LICENSE in the package (lower case, LICENSE -> license.txt).
    const norm = (xs: string[]) => xs.map((f) => f.toLowerCase().replace(/^license\.txt$/, 'license')).sort();
    assert.deepEqual(norm(shipped), norm(ls));
  });
});
