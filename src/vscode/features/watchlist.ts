import * as vscode from 'vscode';
import type { ActorService, DocumentActors } from './actorService';

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

  constructor(actors: ActorService) {
    const wanted = () => actors.registry.entries().some((e) => e.watchlist);
    this.subscriptions.push(
      this.type,
      actors.onDidChange((r) => this.apply(r)),
      actors.analysis.onDidAnalyze((r) => {
        if (!wanted()) return;
        const ed = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === r.uri);
        if (ed) void actors.get(ed.document);
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
    for (const d of this.subscriptions) d.dispose();
  }
}
