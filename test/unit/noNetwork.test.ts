import { strict as assert } from 'node:assert';
// The CommonJS module objects (mutable), not ES namespace objects (read-only): the traps must replace their functions.
/* eslint-disable @typescript-eslint/no-require-imports */
const dns = require('node:dns') as typeof import('node:dns');
const http = require('node:http') as typeof import('node:http');
const https = require('node:https') as typeof import('node:https');
const net = require('node:net') as typeof import('node:net');
const tls = require('node:tls') as typeof import('node:tls');
/* eslint-enable @typescript-eslint/no-require-imports */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '../../src/core';

/**
 * Guard: the analysis core never touches the network. Every way Node opens a connection or resolves a name is
 * replaced by a recorder while the core runs over real reports; the test fails if any of them was called.
 */
describe('[core/privacy] no network, ever', () => {
  const calls: string[] = [];
  const restore: (() => void)[] = [];
  function trap<T extends object>(obj: T, key: keyof T & string, label: string): void {
    const original = obj[key];
    (obj as Record<string, unknown>)[key] = (..._args: unknown[]) => {
      calls.push(label);
      throw new Error(`network call during analysis: ${label}`);
    };
    restore.push(() => ((obj as Record<string, unknown>)[key] = original));
  }

  before(() => {
    trap(net.Socket.prototype, 'connect', 'net.Socket.connect');
    trap(net, 'connect', 'net.connect');
    trap(net, 'createConnection', 'net.createConnection');
    trap(tls, 'connect', 'tls.connect');
    trap(http, 'request', 'http.request');
    trap(http, 'get', 'http.get');
    trap(https, 'request', 'https.request');
    trap(https, 'get', 'https.get');
    trap(dns, 'lookup', 'dns.lookup');
    trap(dns, 'resolve', 'dns.resolve');
    trap(globalThis as unknown as Record<string, unknown>, 'fetch', 'fetch');
    if ('WebSocket' in globalThis) trap(globalThis as unknown as Record<string, unknown>, 'WebSocket', 'WebSocket');
  });
  after(() => restore.reverse().forEach((r) => r()));

  it('analyses real reports (the sample report, Markdown, indicators) without a single network call', () => {
    const dir = join(__dirname, '..', 'fixtures');
    const texts = [
      readFileSync(join(dir, 'sample', 'dubrovnik-visit.txt'), 'utf8'),
      readFileSync(join(dir, 'bad-input', 'markdown-mixed.md'), 'utf8'),
      readFileSync(join(dir, 'bad-input', 'html-script.md'), 'utf8'),
      'C2 at hxxps://evil[.]example[.]com/gate.php and 203.0.113[.]7; see https://example.com/report.',
    ];
    for (const t of texts) {
      const exports = core as unknown as Record<string, unknown>;
      core.analyze(t);
      core.analyze(t, { format: 'markdown' });
      for (const name of ['summarize', 'findMarkup', 'lintMarkup', 'buildActors']) {
        const fn = exports[name];
        if (typeof fn === 'function') {
          try {
            name === 'buildActors' ? (fn as (a: string, b: unknown) => unknown)(t, core.analyze(t)) : (fn as (a: string) => unknown)(t);
          } catch (err) {
            if (String(err).includes('network call')) throw err;
          }
        }
      }
    }
    assert.deepEqual(calls, []);
  });

  it('the guard itself catches a connection attempt', () => {
    assert.throws(() => net.connect(9, '127.0.0.1'), /network call/);
    calls.length = 0;
  });
});
