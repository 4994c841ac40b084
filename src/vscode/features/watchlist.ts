import * as vscode from 'vscode';
import type { ActorService, DocumentActors } from './actorService';

/** Reports up to this many characters get their watchlist marks on every analysis; longer ones once typing pauses. */
const AT_ONCE_UP_TO = 30_000;
const SETTLE_MS = 400;

/**
 * A distinct border on every mention of a watchlisted actor (registry `"watchlist": true`), in the themable colour
 * `analystLens.watchlistBorder`. Actors are computed for visible reports only when the registry watchlists someone.
 */
export class WatchlistDecorations implements vscode.Disposable {
  private readonly type = vscode.window.createTextEditorDecorationType({
    border: '1px solid',
    borderColor: new vscode.ThemeColor('analystLens.watchlistBorder'),
    borderRadius: '2px',
    overviewRulerColor: new vscode.ThemeColor('analystLens.watchlistBorder'),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly subscriptions: vscode.Disposable[] = [];
  private settle: ReturnType<typeof setTimeout> | undefined;

  constructor(actors: ActorService) {
    const wanted = () => actors.registry.entries().some((e) => e.watchlist);
    this.subscriptions.push(
      this.type,
      actors.onDidChange((r) => this.apply(r)),
      actors.analysis.onDidAnalyze((r) => {
        if (!wanted()) return;
        const ed = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === r.uri);
        if (!ed) return;
        // A long report's actors take the analysis worker a while: built once typing pauses, not ahead of the next
        // keystroke's highlights (short reports at once).
        clearTimeout(this.settle);
        if (r.analysis.length <= AT_ONCE_UP_TO) void actors.get(ed.document);
        else {
          const doc = ed.document;
          this.settle = setTimeout(() => {
            if (!doc.isClosed && doc.version === r.version) void actors.get(doc);
          }, SETTLE_MS);
        }
      }),
      vscode.window.onDidChangeVisibleTextEditors((eds) => {
        for (const ed of eds) {
          const known = actors.peek(ed.document);
          if (known && known.version === ed.document.version) this.apply(known);
          else if (wanted()) void actors.get(ed.document);
        }
      }),
    );
  }

  private apply(r: DocumentActors): void {
    for (const ed of vscode.window.visibleTextEditors) {
      if (ed.document.uri.toString() !== r.uri) continue;
      const ranges = r.actors
        .filter((a) => a.registry?.watchlist)
        .flatMap((a) => a.mentions.map((m) => new vscode.Range(ed.document.positionAt(m.start), ed.document.positionAt(m.end))));
      ed.setDecorations(this.type, ranges);
    }
  }

  dispose(): void {
    clearTimeout(this.settle);
    for (const d of this.subscriptions) d.dispose();
  }
}
