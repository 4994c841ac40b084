import * as vscode from 'vscode';
import type { Annotation } from '../../../core';
import type { AnnotationStore } from './store';

export const ANNOTATIONS_VIEW = 'analystLens.annotations';
export const REVEAL_COMMAND = 'analystLens.revealAnnotation';

type Node = { kind: 'group'; label: string; key: string; items: Annotation[]; orphaned: boolean } | { kind: 'item'; uri: string; annotation: Annotation };

const ORPHAN_LABEL: Record<string, string> = { missing: 'text deleted', changed: 'text edited across its edge', ambiguous: 'text occurs more than once' };

export const shortQuote = (s: string, max = 60) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
};

/**
 * The "Annotations" view (Explorer): the active report's annotations grouped by tag and entity type, orphaned ones
 * on top for the analyst to re-attach (select the text, then Re-attach to Selection).
 */
export class AnnotationsView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  readonly view: vscode.TreeView<Node>;
  private doc: vscode.TextDocument | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly store: AnnotationStore,
    private readonly isEligible: (doc: vscode.TextDocument) => boolean,
  ) {
    this.view = vscode.window.createTreeView(ANNOTATIONS_VIEW, { treeDataProvider: this, showCollapseAll: true });
    this.subscriptions.push(
      this.view,
      this.emitter,
      vscode.window.onDidChangeActiveTextEditor(() => this.follow()),
      store.onDidChange((e) => {
        if (e.uri === this.doc?.uri.toString() && !e.moved) this.refresh();
      }),
    );
    this.follow();
  }

  private follow(): void {
    const ed = vscode.window.activeTextEditor;
    if (ed && this.isEligible(ed.document) && ed.document !== this.doc) {
      this.doc = ed.document;
      void this.store.get(ed.document).then(() => this.refresh());
    }
  }

  refresh(): void {
    const r = this.doc && this.store.peek(this.doc);
    const n = r?.annotations.length ?? 0;
    const orphans = r?.annotations.filter((a) => a.orphaned).length ?? 0;
    this.view.description = n ? `${n}${orphans ? ` · ${orphans} orphaned` : ''}` : undefined;
    this.emitter.fire(undefined);
  }

  groups(): Node[] {
    const r = this.doc && this.store.peek(this.doc);
    if (!r) return [];
    const orphaned = r.annotations.filter((a) => a.orphaned);
    const live = r.annotations.filter((a) => !a.orphaned).sort((x, y) => x.position.start - y.position.start);
    const out: Node[] = [];
    if (orphaned.length) out.push({ kind: 'group', label: 'Orphaned', key: 'orphaned', items: orphaned, orphaned: true });
    const byKey = new Map<string, Annotation[]>();
    for (const a of live) {
      const key = a.kind === 'tag' ? a.tag! : `entity: ${a.entityType}`;
      byKey.set(key, [...(byKey.get(key) ?? []), a]);
    }
    const keys = [...byKey.keys()].sort((x, y) => Number(x.startsWith('entity: ')) - Number(y.startsWith('entity: ')) || x.localeCompare(y));
    for (const k of keys) out.push({ kind: 'group', label: k, key: k, items: byKey.get(k)!, orphaned: false });
    return out;
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.groups();
    if (node.kind === 'group' && this.doc) return node.items.map((annotation) => ({ kind: 'item', uri: this.doc!.uri.toString(), annotation }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `group:${node.key}`;
      item.description = String(node.items.length);
      item.iconPath = new vscode.ThemeIcon(node.orphaned ? 'warning' : node.key.startsWith('entity: ') ? 'symbol-class' : 'tag');
      item.contextValue = node.orphaned ? 'analystLens.annotationGroup.orphaned' : 'analystLens.annotationGroup';
      return item;
    }
    const a = node.annotation;
    const item = new vscode.TreeItem(`“${shortQuote(a.quote.exact)}”`, vscode.TreeItemCollapsibleState.None);
    item.id = `annotation:${a.id}`;
    const what = a.kind === 'tag' ? a.tag : a.entityType;
    item.description = a.orphaned ? `${what} · ${ORPHAN_LABEL[a.orphaned] ?? a.orphaned}` : a.note ? shortQuote(a.note, 80) : a.orphaned === undefined && node.annotation.kind === 'entity' ? String(what) : '';
    const md = new vscode.MarkdownString();
    md.appendText(`${what}: “${shortQuote(a.quote.exact, 300)}”`);
    if (a.note) md.appendMarkdown('\n\n').appendText(a.note);
    if (a.orphaned) md.appendMarkdown('\n\n').appendText(`Orphaned (${ORPHAN_LABEL[a.orphaned]}). Select its text in the report and choose Re-attach to Selection.`);
    item.tooltip = md;
    item.iconPath = new vscode.ThemeIcon(a.orphaned ? 'debug-disconnect' : a.note ? 'comment' : a.kind === 'entity' ? 'symbol-field' : 'tag');
    item.contextValue = a.orphaned ? 'analystLens.annotationItem.orphaned' : 'analystLens.annotationItem';
    item.command = { command: REVEAL_COMMAND, title: 'Reveal', arguments: [{ uri: node.uri, id: a.id }] };
    return item;
  }

  /** What the view shows, for tests: groups in order with their items. */
  snapshot(): { uri?: string; groups: { label: string; items: { id: string; label: string; description: string; orphaned?: string }[] }[] } {
    return {
      uri: this.doc?.uri.toString(),
      groups: this.groups().map((g) => ({
        label: (g as { label: string }).label,
        items: this.getChildren(g).map((n) => {
          const item = this.getTreeItem(n);
          const a = (n as { annotation: Annotation }).annotation;
          return { id: a.id, label: String(item.label), description: String(item.description ?? ''), ...(a.orphaned ? { orphaned: a.orphaned } : {}) };
        }),
      })),
    };
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
