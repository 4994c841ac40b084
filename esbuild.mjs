// One build script, several targets (see README "Build"):
//   dist/extension.js      the desktop/Node extension (main)
//   dist/web/extension.js  the web extension (browser, webworker platform)
//   dist/worker.js         the analysis worker of both (Node worker_threads and Web Worker)
//   dist/core.js           the analysis core alone, CommonJS, for Node scripts: require('./dist/core.js').analyze(text)
//   out/test/integration/  the integration suites (suite/, untrusted/), loaded by a real VS Code extension host
// Flags: --production (minify, no source maps), --watch (rebuild on change).
// Type-checking is separate: `npm run typecheck` (tsc --noEmit).
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** The browser bundle gets the Web Worker analyzer instead of the worker_threads one. */
const webPlatform = {
  name: 'web-platform',
  setup(build) {
    build.onResolve({ filter: /\/analyzer\.platform$/ }, (args) => ({
      path: new URL('./src/vscode/analyzer.web.ts', import.meta.url).pathname,
    }));
  },
};

/**
 * compromise builds its lexicon when it is imported (about 0.45 s of CPU), and only the summary uses it. In the
 * library build (dist/core.js, which the CLI loads) it is imported lazily instead: on the first call, so `analyze`
 * alone (the CLI's `entities`, scripts) never pays for it. Plugins registered before that (compromise-dates) are
 * applied then.
 */
const lazyCompromise = {
  name: 'lazy-compromise',
  setup(build) {
    const root = new URL('.', import.meta.url).pathname;
    build.onResolve({ filter: /^compromise(-dates)?$/ }, (args) =>
      args.namespace === 'lazy-compromise' ? undefined : { path: args.path, namespace: 'lazy-compromise' },
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-compromise' }, (args) => ({
      resolveDir: root,
      loader: 'js',
      contents:
        args.path === 'compromise-dates'
          ? `export default { __lazyPlugin: () => { const m = require('compromise-dates'); return m.default ?? m; } };`
          : `let real;
const plugins = [];
const unwrap = (p) => (p && p.__lazyPlugin ? p.__lazyPlugin() : p);
function load() {
  if (!real) {
    const m = require('compromise');
    real = m.default ?? m;
    for (const p of plugins) real.plugin(unwrap(p));
  }
  return real;
}
function nlp(...args) { return load()(...args); }
nlp.plugin = (p) => { if (real) real.plugin(unwrap(p)); else plugins.push(p); return nlp; };
export default new Proxy(nlp, { get: (t, k) => (k in t ? t[k] : load()[k]) });
`,
    }));
  },
};

/**
 * The extension host never tags text: the analysis worker owns the models (issue #11). The host bundles get an empty
 * stand-in for every model data module, so the .vsix ships each model once (in dist/worker.js). A host-side call that
 * would need a model fails with a clear message (src/core/ner/index.ts) instead of tagging.
 */
const hostWithoutModels = {
  name: 'host-without-models',
  setup(build) {
    build.onResolve({ filter: /\/model\/data$/ }, (args) => ({ path: args.path, namespace: 'no-model' }));
    build.onLoad({ filter: /.*/, namespace: 'no-model' }, () => ({
      loader: 'js',
      contents: 'export const NER_MODEL_BASE64 = ""; export const CTI_MODEL_BASE64 = "";',
    }));
  },
};

/**
 * The extension-host bundles take from the core only what the shell renders with (descriptors, markup, registry
 * and annotation files, hover text helpers); the worker builds every layer (issue #11). Core modules are side-effect
 * free, so a module the host does not use is left out entirely, with what it imports (compromise, the taggers, the
 * summary): marking them so lets esbuild drop them even where they run code at load (compromise plugins).
 */
const hostTakesWhatItUses = {
  name: 'host-takes-what-it-uses',
  setup(build) {
    build.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData?.resolving || args.kind === 'entry-point') return undefined;
      const r = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { resolving: true } });
      if (r.errors.length || r.external || r.namespace !== 'file' || !/[\\/]src[\\/]core[\\/]/.test(r.path)) return undefined;
      return { path: r.path, sideEffects: false };
    });
  },
};

/** The CLI loads the core at run time from dist/core.js (one copy of the model for the CLI and the library). */
const cliCoreExternal = {
  name: 'cli-core-external',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/core$/ }, () => ({ path: './core.js', external: true }));
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: 'none',
};

/** @type {import('esbuild').BuildOptions[]} */
const targets = [
  {
    ...common,
    entryPoints: ['src/vscode/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode'],
    plugins: [hostWithoutModels, hostTakesWhatItUses],
  },
  {
    ...common,
    entryPoints: ['src/vscode/extension.ts'],
    outfile: 'dist/web/extension.js',
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    plugins: [webPlatform, hostWithoutModels, hostTakesWhatItUses],
  },
  {
    // One worker for desktop (worker_threads) and browser (Web Worker): the model ships once. See src/worker/universal.ts.
    ...common,
    entryPoints: ['src/worker/universal.ts'],
    outfile: 'dist/worker.js',
    // The worker builds the summary (compromise) as well as the tags: compromise loads on the first summary, so the
    // worker's start (and the first highlights) never wait for its lexicon.
    plugins: [lazyCompromise],
    platform: 'neutral',
    mainFields: ['browser', 'module', 'main'],
    format: 'iife',
    target: 'es2020',
    external: ['node:worker_threads'],
  },
  {
    ...common,
    entryPoints: ['src/core/index.ts'],
    outfile: 'dist/core.js',
    plugins: [lazyCompromise],
    platform: 'neutral',
    mainFields: ['module', 'main'],
    format: 'cjs',
    target: 'es2020',
  },
  {
    // The command-line tool: `analyst-lens summarize <files...> --format md|json|csv|stix|jsonl` (package.json "bin").
    // Small: it requires ./core.js (above) when it first analyses a report.
    ...common,
    plugins: [cliCoreExternal],
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    banner: { js: '#!/usr/bin/env node' },
    define: { ANALYST_LENS_VERSION: JSON.stringify(JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')).version) },
  },
  {
    ...common,
    entryPoints: ['test/integration/suite/index.ts'],
    outfile: 'out/test/integration/suite/index.js',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode', 'mocha'],
    sourcemap: true,
  },
  {
    // The untrusted-workspace suite (a second code-server run with workspace trust enabled).
    ...common,
    entryPoints: ['test/integration/untrusted/index.ts'],
    outfile: 'out/test/integration/untrusted/index.js',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode', 'mocha'],
    sourcemap: true,
  },
];

if (watch) {
  const contexts = await Promise.all(targets.map((t) => esbuild.context(t)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[esbuild] watching for changes…');
} else {
  const started = Date.now();
  await Promise.all(targets.map((t) => esbuild.build(t)));
  console.log(`[esbuild] built ${targets.length} bundles in ${Date.now() - started} ms${production ? ' (production)' : ''}`);
}
