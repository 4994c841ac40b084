import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { summarize } from '../../src/core';
import { esc, makeNonce, renderSummaryBody, renderSummaryPage } from '../../src/vscode/features/summaryHtml';

const sampleText = readFileSync(join(__dirname, '..', 'fixtures', 'sample', 'dubrovnik-visit.txt'), 'utf8');

describe('[summary/view] webview HTML', () => {
  it('escapes every string from the report', () => {
    const evil = 'Minister <img src=x onerror=alert(1)> "Bob" Smith met Putin in <script>alert(2)</script> Moscow & left. “<b>We</b> will return to Moscow soon, and that is final,” Smith said.';
    const body = renderSummaryBody(summarize(evil, { title: '<i>t</i>' }), '<file>.md');
    assert.ok(!/<(?:img|script|b|i)[\s>]/i.test(body), body.slice(0, 400));
    assert.match(body, /&lt;script&gt;|&lt;b&gt;|&lt;img/);
    assert.equal(esc(`<a href="x" title='y'>&`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;');
  });

  it('links actors, places, dates, quotes and events back to their offsets in the report', () => {
    const s = summarize(sampleText, { reportDate: '2025-03-14' });
    const body = renderSummaryBody(s, 'dubrovnik-visit.txt');
    const links = [...body.matchAll(/data-start="(\d+)" data-end="(\d+)"[^>]*>([^<]*)</g)].map((m) => ({ start: +m[1], end: +m[2], label: m[3] }));
    assert.ok(links.length > 30);
    const vasconcelos = links.find((l) => l.label === 'Duarte Vasconcelos');
    assert.equal(sampleText.slice(vasconcelos!.start, vasconcelos!.end), 'Duarte Vasconcelos');
    // The place links to its mention; the 5W "where" answer links to its supporting sentence.
    const dubrovnik = links.filter((l) => l.label === 'Dubrovnik').map((l) => sampleText.slice(l.start, l.end));
    assert.ok(dubrovnik.includes('Dubrovnik'));
    assert.ok(dubrovnik.some((t) => t.startsWith('Portuguese Prime and Foreign Minister') && t.includes('Dubrovnik')));
    for (const id of ['bluf', 'fivew', 'actors', 'places', 'timeline', 'relations', 'quotes', 'topics']) assert.match(body, new RegExp(`<section id="${id}">`));
    for (const f of ['md', 'json', 'csv', 'stix']) assert.match(body, new RegExp(`data-export="${f}"`));
    assert.match(body, /<th scope="row">Why<\/th><td><a /);
  });

  it('the page has a nonce-based CSP with no remote or inline code', () => {
    const nonce = makeNonce();
    assert.match(nonce, /^[A-Za-z0-9]{32}$/);
    assert.notEqual(makeNonce(), nonce);
    const page = renderSummaryPage({ body: '<p>x</p>', nonce, cspSource: 'vscode-resource:', styleUri: 'vscode-resource:/media/summary.css', scriptUri: 'vscode-resource:/media/summary.js', title: 'Summary' });
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)![1];
    assert.match(csp, /^default-src 'none';/);
    assert.match(csp, new RegExp(`style-src vscode-resource: 'nonce-${nonce}'`));
    assert.match(csp, new RegExp(`script-src 'nonce-${nonce}';`));
    assert.ok(!/unsafe-inline|unsafe-eval|https?:/.test(csp));
    assert.equal([...page.matchAll(/<script /g)].length, 1);
    assert.match(page, new RegExp(`<script nonce="${nonce}" src="vscode-resource:/media/summary.js"></script>`));
    assert.ok(!/ style="/.test(page) && !/ on\w+="/.test(page), 'no inline styles or handlers');
  });

  it('an empty report renders a calm empty view', () => {
    const body = renderSummaryBody(summarize(''), 'empty.txt');
    assert.match(body, /Nothing to summarise/);
    assert.match(body, /Not stated/);
  });
});
