/** Command ids, one place (package.json contributes the same ids under category "Analyst Lens"). */
export const COMMANDS = {
  toggleHighlights: 'analystLens.toggleHighlights',
  refresh: 'analystLens.refresh',
  listEntities: 'analystLens.listEntities',
  getEntities: 'analystLens.getEntities',
  getAnalysisState: 'analystLens.getAnalysisState',
  showLog: 'analystLens.showLog',
  reindexWorkspace: 'analystLens.reindexWorkspace',
  goToActorInWorkspace: 'analystLens.goToActorInWorkspace',
  findAllMentionsInWorkspace: 'analystLens.findAllMentionsInWorkspace',
  defangIndicators: 'analystLens.defangIndicators',
  refangIndicators: 'analystLens.refangIndicators',
  copyIndicators: 'analystLens.copyIndicators',
  copyRefanged: 'analystLens.copyRefanged',
  getMarkup: 'analystLens.getMarkup',
  disableMarkupRule: 'analystLens.disableMarkupRule',
} as const;
