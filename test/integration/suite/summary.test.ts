// The summary view and the exports, in a real VS Code: the commands a person runs from the palette.
import * as assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { SAMPLE, screenshot, show, sleep, waitFor } from './helpers';

interface ShowSummaryResult {
  uri: string;
  version: number;
  summary: {
    title?: string;
    selection?: [number, number];
    bluf: { text: string };
    fiveW: Record<string, { answer: string; items: string[] }>;
    relations: { type: string; description: string }[];
    quotes: { speaker?: string }[];
    reportDate: { date?: string; source: string };
  };
}

const summaryTabs = () =>
  vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => ({ t, g }))).filter(({ t }) => t.input instanceof vscode.TabInputWebview && t.label.startsWith('Summary: '));

describe('summary view and exports', () => {
  it('Summarize Report opens one view beside the report, summarising it', async () => {
    const editor = await show(SAMPLE);
    const r = await vscode.commands.executeCommand<ShowSummaryResult>('analystLens.showSummary');
    assert.ok(r, 'showSummary returned nothing');
    assert.equal(r.uri, editor.document.uri.toString());
    const s = r.summary;
    assert.equal(s.title, 'Vasconcelos meets Kovacevic in Dubrovnik');
    assert.ok(s.fiveW.who.items.some((n) => n.includes('Vasconcelos')) && s.fiveW.who.items.some((n) => n.includes('Kovacevic')), s.fiveW.who.answer);
    assert.match(s.fiveW.where.answer, /Dubrovnik/);
    assert.match(s.bluf.text, /Vasconcelos.*Dubrovnik.*Kovacevic/);
    assert.ok(s.relations.some((x) => x.type === 'warning'));
    assert.ok(s.quotes.some((q) => /Vasconcelos/.test(q.speaker ?? '')));
    // No front matter date in the sample: the file's modification time is the fallback, and says so.
    assert.equal(s.reportDate.source, 'fallback');
    assert.match(s.reportDate.date ?? '', /^\d{4}-\d{2}-\d{2}$/);

    const tabs = await waitFor('the summary view tab', () => (summaryTabs().length ? summaryTabs() : undefined));
    assert.equal(tabs.length, 1);
    assert.equal(tabs[0].t.label, 'Summary: dubrovnik-visit');
    assert.notEqual(tabs[0].g.viewColumn, editor.viewColumn, 'the view opens beside the report');
    assert.equal(editor.document.isDirty, false, 'the report is never modified');
    await sleep(800);
    await screenshot('summary-view'); // docs/images/summary-view.png is copied from this screenshot

    // Running it again reuses the same panel.
    await show(SAMPLE);
    await vscode.commands.executeCommand('analystLens.showSummary');
    assert.equal(summaryTabs().length, 1);
  });

  it('summarises the selection only', async () => {
    const editor = await show(SAMPLE);
    const doc = editor.document;
    const start = doc.getText().indexOf('On the eve of');
    editor.selection = new vscode.Selection(doc.positionAt(start), doc.positionAt(doc.getText().length));
    try {
      const r = await vscode.commands.executeCommand<ShowSummaryResult>('analystLens.showSummary');
      assert.ok(r?.summary.selection, 'a selection summary');
      assert.equal(r.summary.selection[0], start);
      assert.deepEqual(
        r.summary.relations.map((x) => x.type),
        ['warning', 'statement'],
        r.summary.relations.map((x) => x.description).join(' | '),
      );
    } finally {
      editor.selection = new vscode.Selection(0, 0, 0, 0);
    }
  });

  it('Export Summary writes each format to the file it is given', async () => {
    const editor = await show(SAMPLE);
    const dir = mkdtempSync(join(tmpdir(), 'analyst-lens-export-'));
    const checks: Record<string, (t: string) => void> = {
      md: (t) => {
        assert.match(t, /^# Vasconcelos meets Kovacevic in Dubrovnik\n/);
        assert.match(t, /## Bottom line up front/);
        assert.match(t, /- \*\*Where:\*\* Dubrovnik/);
      },
      json: (t) => {
        const j = JSON.parse(t);
        assert.equal(j.schemaVersion, 1);
        assert.ok(j.relations.length > 0);
      },
      csv: (t) => {
        assert.match(t, /^type,text,canonical_actor,actor_id,line,column,start,end,actor_roles\r\n/);
        assert.match(t, /\r\nperson,Duarte Vasconcelos,Duarte Vasconcelos,person:duarte-vasconcelos,3,/);
      },
      stix: (t) => {
        const b = JSON.parse(t);
        assert.equal(b.type, 'bundle');
        const report = b.objects.find((o: { type: string }) => o.type === 'report');
        assert.ok(report.object_refs.length > 5);
        assert.ok(b.objects.some((o: { type: string; name?: string }) => o.type === 'identity' && o.name === 'Duarte Vasconcelos'));
      },
    };
    for (const [format, check] of Object.entries(checks)) {
      const uri = vscode.Uri.file(join(dir, `dubrovnik-visit.summary.${format === 'stix' ? 'stix.json' : format}`));
      const written = await vscode.commands.executeCommand<string>('analystLens.exportSummary', { format, uri });
      assert.equal(written, uri.toString(), `export ${format}`);
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      check(text);
    }
    assert.equal(editor.document.isDirty, false, 'exporting never touches the report');
  });

  it('Export Summary refuses an unknown format', async () => {
    await show(SAMPLE);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('analystLens.exportSummary', { format: 'pdf', uri: vscode.Uri.file(join(tmpdir(), 'x.pdf')) })), /unknown export format/);
  });

  it('the view follows the report as it changes', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'Finance Minister John Smith said the budget would rise.' });
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false });
    const first = await vscode.commands.executeCommand<ShowSummaryResult>('analystLens.showSummary');
    assert.equal(first?.summary.fiveW.where.answer, '');
    await editor.edit((e) => e.insert(doc.positionAt(doc.getText().length), ' Smith met Vladimir Putin in Moscow yesterday.'));
    // Nobody runs the command again: the view re-summarises after the analysis of the new version.
    const shown = await waitFor('the view to show the edited report', async () => {
      const r = await vscode.commands.executeCommand<ShowSummaryResult>('analystLens.getSummaryView');
      return r && r.version === doc.version && r.summary.relations.some((x) => x.type === 'meeting') ? r : undefined;
    });
    assert.match(shown.summary.fiveW.where.answer, /Moscow/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor').then(undefined, () => undefined);
  });
});
