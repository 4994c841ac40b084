import * as assert from 'node:assert/strict';
import { analyze, buildActors } from '../../src/core';
import { createHandler, handle } from '../../src/worker/handler';
import { createQueue, isSuperseded } from '../../src/worker/queue';
import type { WorkerRequest, WorkerResponse } from '../../src/worker/protocol';
import { inProcessPort, LanesAnalyzer, WorkerAnalyzer, isSuperseded as failedAsSuperseded } from '../../src/vscode/analyzer';

// Our own text.
const TEXT = 'Maria Lopez met Anton Reyes in Lisbon on 5 March 2024.\n\nThe Harbour Authority said the convoy left Odesa.';
const MARKUP = { maxLength: 1e6, rules: {}, lint: true };

describe('[worker] the queue skips requests a newer version has made useless', () => {
  it('markup, analyses and actors of a version edited since are superseded; summaries, exports and other documents are not', () => {
    const uri = 'mem:/queue.md';
    const edit: WorkerRequest = { id: 9, kind: 'edit', uri, version: 3, changes: [] };
    assert.ok(isSuperseded({ id: 1, kind: 'markup', uri, version: 2, options: MARKUP }, [edit]));
    assert.ok(isSuperseded({ id: 1, kind: 'analyze', uri, version: 2 }, [edit]));
    assert.ok(isSuperseded({ id: 1, kind: 'model', uri, version: 2, query: { what: 'actors', actors: {} } }, [edit]));
    assert.ok(isSuperseded({ id: 1, kind: 'analyze', uri, version: 2 }, [{ id: 2, kind: 'analyze', uri, version: 4 }]), 'a newer analysis of the same document');
    assert.ok(!isSuperseded({ id: 1, kind: 'analyze', uri, version: 3 }, [edit]), 'the edit that made this version is not newer');
    assert.ok(!isSuperseded({ id: 1, kind: 'analyze', uri, version: 2 }, [{ ...edit, uri: 'mem:/other.md' }]), 'another document');
    assert.ok(!isSuperseded({ id: 1, kind: 'analyze', uri, version: 2 }, [{ id: 2, kind: 'markup', uri, version: 5, options: MARKUP }]), 'markup of a newer version does not make an analysis useless');
    assert.ok(!isSuperseded({ id: 1, kind: 'model', uri, version: 2, query: { what: 'threat' } }, [edit]), 'someone waits for it whatever the version');
    assert.ok(!isSuperseded({ id: 1, kind: 'model', uri, version: 2, query: { what: 'summary', actors: {}, format: 'plain', summary: {} } }, [edit]));
  });

  it('handles one request per task, answers every request in order, and skips what the edits queued behind it superseded', () => {
    const uri = 'mem:/queue-run.md';
    const tasks: Array<() => void> = [];
    const answers: WorkerResponse[] = [];
    const handled: string[] = [];
    const enqueue = createQueue(
      (req) => {
        handled.push(`${req.kind}${'version' in req ? ` v${req.version}` : ''}`);
        return handle(req);
      },
      (res) => answers.push(res),
      (fn) => tasks.push(fn),
    );
    // A burst of keystrokes arriving while the worker was busy: all queued before the first task runs.
    enqueue({ id: 1, kind: 'analyze', uri, version: 1, text: TEXT });
    enqueue({ id: 2, kind: 'markup', uri, version: 1, options: MARKUP });
    enqueue({ id: 3, kind: 'edit', uri, version: 2, changes: [{ offset: 0, length: 0, text: 'Later ' }] });
    enqueue({ id: 4, kind: 'analyze', uri, version: 2 });
    while (tasks.length) tasks.shift()!();
    assert.deepEqual(answers.map((a) => a.id), [1, 2, 3, 4]);
    assert.deepEqual(handled, ['analyze v1', 'edit v2', 'analyze v2'], 'the markup of version 1 was skipped, not computed; the analysis that brought the text was not');
    const skipped = answers[1];
    assert.ok(!skipped.ok && skipped.superseded, 'answered as superseded');
    // The first analysis was not superseded: the markup behind it is of the same version.
    assert.ok(answers[0].ok);
    const last = answers[3];
    assert.ok(last.ok && last.analysis);
    assert.deepEqual(last.analysis, analyze(`Later ${TEXT}`));
  });
});

describe('[host] two workers: the highlights never wait behind markup or the document model', () => {
  it('analyses in the first worker; markup and actors in the second, built on the analysis the host holds', async () => {
    const seen: Record<string, WorkerRequest[]> = { first: [], second: [] };
    // Two handlers with their own documents: two workers in one process.
    const port = (name: string) => {
      const worker = createHandler();
      return inProcessPort((req) => (seen[name].push(req), worker.handle(req)));
    };
    const log = () => undefined;
    let started = 0;
    const lanes = new LanesAnalyzer(new WorkerAnalyzer(port('first'), log), () => (started++, new WorkerAnalyzer(port('second'), log)));
    const uri = 'mem:/lanes.md';
    const a1 = await lanes.analyze(uri, 1, TEXT);
    assert.equal(started, 0, 'the second worker starts only when first asked');
    assert.deepEqual(a1, analyze(TEXT));
    const markup = await lanes.markup(uri, 1, TEXT, MARKUP);
    assert.equal(started, 1);
    assert.ok(Array.isArray(markup.spans));
    lanes.edit(uri, 2, [{ offset: 0, length: 0, text: 'Later ' }]);
    const text2 = `Later ${TEXT}`;
    const a2 = await lanes.analyze(uri, 2, () => text2);
    const actors = await lanes.model(uri, 2, () => text2, undefined, undefined, { what: 'actors', actors: {} });
    assert.deepEqual(actors, buildActors(text2, a2, {}));
    assert.deepEqual(seen.first.map((r) => r.kind), ['analyze', 'edit', 'analyze']);
    assert.deepEqual(seen.second.map((r) => r.kind), ['markup', 'edit', 'model']);
    const model = seen.second[2];
    assert.ok(model.kind === 'model' && model.analysis, 'the second worker is given the analysis: it never tags');
    assert.equal(model.kind === 'model' && model.text, undefined, 'it followed the edit: no text sent');
    lanes.dispose();
  });

  it('a request the worker skipped fails as superseded (the host then asks for the current version)', async () => {
    const uri = 'mem:/superseded.md';
    const skip = inProcessPort((req) => ({ id: req.id, ok: false, superseded: true, error: 'edited since' }));
    const a = new WorkerAnalyzer(skip, () => undefined);
    await assert.rejects(a.markup(uri, 1, TEXT, MARKUP), (err: unknown) => failedAsSuperseded(err));
    await assert.rejects(a.analyze(uri, 1, TEXT), (err: unknown) => failedAsSuperseded(err));
    assert.ok(!failedAsSuperseded(new Error('the worker stopped')));
    a.dispose();
  });
});
