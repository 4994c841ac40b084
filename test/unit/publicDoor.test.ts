import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

/** Imports of `text` (a file at `file`) that reach into src/core/<module> instead of src/core/index.ts. */
function offendersIn(file: string, text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)) {
    const spec = m[1];
    if (!spec.startsWith('.')) continue;
    const target = relative(root, join(file, '..', spec)).replace(/\\/g, '/');
    if (target.startsWith('src/core/')) out.push(`${relative(root, file)}: ${spec}`);
  }
  return out;
}

describe('one public door: the shell, the worker and the CLI import the core only through src/core/index.ts', () => {
  it('no import or require reaches into src/core/<module>', () => {
    const offenders: string[] = [];
    for (const dir of ['src/vscode', 'src/cli', 'src/worker']) {
      for (const f of files(join(root, dir))) {
        offenders.push(...offendersIn(f, readFileSync(f, 'utf8')));
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('the check flags imports past the door and lets the door through', () => {
    const f = join(root, 'src/vscode/features/x.ts');
    assert.deepEqual(offendersIn(f, "import { lintMarkup } from '../../core/markup';\nconst m = require('../../core/summary/dates');"), [
      'src/vscode/features/x.ts: ../../core/markup',
      'src/vscode/features/x.ts: ../../core/summary/dates',
    ]);
    assert.deepEqual(offendersIn(f, "import { analyze } from '../../core';\nimport * as vscode from 'vscode';"), []);
    assert.deepEqual(offendersIn(join(root, 'src/cli/main.ts'), "import type * as Core from '../core';"), []);
  });
});
