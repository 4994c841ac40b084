/** Command ids, one place (package.json contributes the same ids under category "Analyst Lens"). */
export const COMMANDS = {
  toggleHighlights: 'analystLens.toggleHighlights',
  refresh: 'analystLens.refresh',
  listEntities: 'analystLens.listEntities',
  getEntities: 'analystLens.getEntities',
  showLog: 'analystLens.showLog',
  showSummary: 'analystLens.showSummary',
  exportSummary: 'analystLens.exportSummary',
} as const;
