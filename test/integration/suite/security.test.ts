// The summary view against a hostile report (reports/hostile.md: script tags, an onerror handler, a javascript:
// link, quotes that try to break out of attributes), in a real VS Code.
//  - Extension-host side: the webview's HTML has a strict CSP, a nonce on every script, no remote resource, and the
//    webview may load local files from media/ only.
//  - Browser side (runCodeServer.mjs, behind the ANALYST_LENS_XSS_CHECK signal): no frame ran the report's code, the
//    hostile strings are shown as text, the DOM has no foreign script or event handler, and no request left the
//    code-server origin. The runner writes its verdict to xss-verdict.json in the signal folder.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { show, sleep, waitFor } from './helpers';

const SIGNAL_DIR = process.env.ANALYST_LENS_IT_SIGNAL_DIR;
const MARK = process.env.ANALYST_LENS_IT_MARK ?? '';
const HOSTILE = 'reports/hostile.md';

interface ViewHtml {
  html: string;
  body: string;
  options: { enableScripts?: boolean; enableCommandUris?: boolean | readonly string[]; localResourceRoots: string[] };
  extensionUri: string;
}
interface ShowSummaryResult {
  uri: string;
  version: number;
  summary: { actors: { name: string }[]; quotes: { text: string }[] };
}

describe('summary view security (hostile report)', () => {
  let shown: ShowSummaryResult | undefined;

  before(async () => {
    const editor = await show(HOSTILE);
    shown = await vscode.commands.executeCommand<ShowSummaryResult>('analystLens.showSummary');
    assert.ok(shown, 'showSummary returned nothing');
    assert.equal(shown.uri, editor.document.uri.toString());
  });

  it('the hostile report has actors and quotes to render', () => {
    assert.ok(shown?.summary.actors.some((a) => /Putin/.test(a.name)), JSON.stringify(shown?.summary.actors.map((a) => a.name)));
    assert.ok(shown?.summary.quotes.some((q) => q.text.includes('<script>')), JSON.stringify(shown?.summary.quotes));
  });

  it('the webview HTML has a strict CSP, nonced scripts, no remote URL, media/ as the only resource root', async () => {
    const v = await waitFor('the summary view HTML', () => Promise.resolve(vscode.commands.executeCommand<ViewHtml>('analystLens.getSummaryViewHtml')));
    const csp = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(v.html);
    assert.ok(csp, 'no CSP meta');
    const directives = new Map(csp[1].split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0], d.split(/\s+/).slice(1)] as const));
    assert.deepEqual(directives.get('default-src'), ["'none'"], csp[1]);
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(directives.get('script-src')?.join(' ') ?? '')?.[1];
    assert.ok(nonce && nonce.length >= 16, `script-src has no nonce: ${csp[1]}`);
    for (const src of directives.get('script-src') ?? []) assert.doesNotMatch(src, /unsafe-inline|unsafe-eval|^\*$|^https?:$/, csp[1]);
    const scripts = v.html.match(/<script\b[^>]*>/gi) ?? [];
    assert.ok(scripts.length >= 1, 'no script at all?');
    for (const s of scripts) assert.ok(s.includes(`nonce="${nonce}"`), `script without the nonce: ${s}`);
    // Resource URLs are webview resource URLs (asWebviewUri: https://*.vscode-resource.vscode-cdn.net/… in VS Code
    // 1.5x+, answered by the webview's service worker, never the network) of files in media/, nothing else.
    const urls = [...v.html.matchAll(/\b(?:src|href)\s*=\s*["']?([^"'\s>]+)/gi)].map((m) => m[1]);
    assert.ok(urls.length >= 2, `resource URLs: ${urls.join(' ')}`);
    for (const u of urls) {
      const url = new URL(u);
      assert.ok(/\.vscode-resource\.vscode-cdn\.net$/.test(url.hostname) || url.protocol === 'vscode-resource:', `not a webview resource URL: ${u}`);
      assert.match(url.pathname, /\/media\/summary\.(css|js)$/, `a resource outside media/: ${u}`);
    }
    // The only host sources are the webview's own (webview.cspSource).
    for (const src of [...directives.values()].flat().filter((x) => /^https?:/.test(x))) assert.match(src, /^https:\/\/\*\.vscode-cdn\.net$/, `CSP allows a remote source: ${csp[1]}`);
    assert.doesNotMatch(v.html, /\son[a-z]+\s*=/i, 'an inline event handler in the page');
    assert.equal(v.options.enableScripts, true);
    assert.ok(!v.options.enableCommandUris, 'command URIs are enabled');
    assert.deepEqual(v.options.localResourceRoots, [vscode.Uri.joinPath(vscode.Uri.parse(v.extensionUri), 'media').toString()]);
    // The content the view is given (posted to its script) carries the report's markup as escaped text only.
    await waitFor('the summary body', async () => (await vscode.commands.executeCommand<ViewHtml>('analystLens.getSummaryViewHtml'))?.body.includes('Putin'));
    const body = (await vscode.commands.executeCommand<ViewHtml>('analystLens.getSummaryViewHtml'))!.body;
    assert.doesNotMatch(body, /<(script|img|iframe|b)\b/i, 'report markup reached the body unescaped');
    assert.doesNotMatch(body, /href="javascript:/i);
    assert.match(body, /&lt;script&gt;/);
  });

  it('in the browser: nothing ran, hostile strings shown as text, no foreign script/handler, no request off-origin', async function () {
    if (!SIGNAL_DIR) return this.skip(); // only the code-server runner inspects the page
    this.timeout(120_000);
    const verdictFile = join(SIGNAL_DIR, 'xss-verdict.json');
    console.log(`${MARK}ANALYST_LENS_XSS_CHECK`);
    const deadline = Date.now() + 100_000;
    while (!existsSync(verdictFile) && Date.now() < deadline) await sleep(100);
    assert.ok(existsSync(verdictFile), 'the runner wrote no verdict');
    await sleep(50); // written in one go, but let the write finish
    const verdict = JSON.parse(readFileSync(verdictFile, 'utf8')) as { ok: boolean; failures: string[]; checked: Record<string, unknown> };
    assert.deepEqual(verdict.failures, [], JSON.stringify(verdict.checked));
    assert.equal(verdict.ok, true);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
