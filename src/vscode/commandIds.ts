/** Command ids, one place (package.json contributes the same ids under category "Analyst Lens"). */
export const COMMANDS = {
  toggleHighlights: 'analystLens.toggleHighlights',
  refresh: 'analystLens.refresh',
  listEntities: 'analystLens.listEntities',
  getEntities: 'analystLens.getEntities',
  getAnalysisState: 'analystLens.getAnalysisState',
  showLog: 'analystLens.showLog',
  // Actors (features/actor*.ts)
  findAllMentions: 'analystLens.findAllMentions',
  addToRegistry: 'analystLens.addToRegistry',
  ignoreName: 'analystLens.ignoreName',
  openRegistry: 'analystLens.openRegistry',
  revealActor: 'analystLens.revealActor',
  getActors: 'analystLens.getActors',
  /** Implemented by the summary feature; the actor hover links to it. */
  showSummary: 'analystLens.showSummary',
  reindexWorkspace: 'analystLens.reindexWorkspace',
  goToActorInWorkspace: 'analystLens.goToActorInWorkspace',
  findAllMentionsInWorkspace: 'analystLens.findAllMentionsInWorkspace',
} as const;
