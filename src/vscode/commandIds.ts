/** Command ids, one place (package.json contributes the same ids under category "Analyst Lens"). */
export const COMMANDS = {
  toggleHighlights: 'analystLens.toggleHighlights',
  refresh: 'analystLens.refresh',
  listEntities: 'analystLens.listEntities',
  getEntities: 'analystLens.getEntities',
  getAnalysisState: 'analystLens.getAnalysisState',
  showLog: 'analystLens.showLog',
  showSummary: 'analystLens.showSummary',
  exportSummary: 'analystLens.exportSummary',
  /** Not in the palette: what the summary view shows now ({ uri, version, summary }), for tests and scripts. */
  getSummaryView: 'analystLens.getSummaryView',
  /** Not in the palette: the summary view's HTML and webview options ({ html, options }), for the security tests. */
  getSummaryViewHtml: 'analystLens.getSummaryViewHtml',
  // Actors (features/actor*.ts)
  findAllMentions: 'analystLens.findAllMentions',
  addToRegistry: 'analystLens.addToRegistry',
  ignoreName: 'analystLens.ignoreName',
  openRegistry: 'analystLens.openRegistry',
  revealActor: 'analystLens.revealActor',
  getActors: 'analystLens.getActors',
  reindexWorkspace: 'analystLens.reindexWorkspace',
  toggleActorsScope: 'analystLens.toggleActorsScope',
  getActorsView: 'analystLens.getActorsView',
  goToActorInWorkspace: 'analystLens.goToActorInWorkspace',
  findAllMentionsInWorkspace: 'analystLens.findAllMentionsInWorkspace',
  defangIndicators: 'analystLens.defangIndicators',
  refangIndicators: 'analystLens.refangIndicators',
  copyIndicators: 'analystLens.copyIndicators',
  copyRefanged: 'analystLens.copyRefanged',
  getMarkup: 'analystLens.getMarkup',
  /** Not in the palette: the highlight ranges a document shows now ({ uri, version, analysedVersion, ranges }). */
  getDecorations: 'analystLens.getDecorations',
  disableMarkupRule: 'analystLens.disableMarkupRule',
} as const;
