import * as vscode from 'vscode';
import { ENTITY_TYPE_DESCRIPTORS, ENTITY_TYPES, LINT_CODES, type EntityType, type LintCode } from '../core';
import type { IndexSettings } from './features/workspaceIndex';

export const SECTION = 'analystLens';

/** Typed view of the extension's settings. Malformed values fall back to defaults; they never throw. */
export interface LensConfig {
  enabled: boolean;
  highlight: Record<EntityType, boolean>;
  debounceMs: number;
  maxDocumentLength: number;
  languages: string[];
  /** Analyse Markdown code, front matter, link targets and HTML too (off: only prose). */
  analyzeMarkdownCode: boolean;
  index: IndexSettings;
}

export const DEFAULTS: LensConfig = {
  enabled: true,
  highlight: Object.fromEntries(ENTITY_TYPES.map((t) => [t, true])) as Record<EntityType, boolean>,
  debounceMs: 300,
  maxDocumentLength: 2_000_000,
  languages: ['markdown', 'plaintext'],
  analyzeMarkdownCode: false,
  index: {
    enabled: true,
    include: '**/*.{md,txt}',
    exclude: '**/{node_modules,.git,dist,out,build,.vscode-test}/**',
    workers: 2,
    maxFileSize: 5_000_000,
  },
};

function num(v: unknown, fallback: number, min: number, max: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, Math.round(v))) : fallback;
}

function str(v: unknown, fallback: string): string {
  return typeof v === 'string' && v.trim() ? v : fallback;
}

export function readConfig(scope?: vscode.ConfigurationScope): LensConfig {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const highlight = { ...DEFAULTS.highlight };
  for (const t of ENTITY_TYPES) {
    const v = c.get<unknown>(ENTITY_TYPE_DESCRIPTORS[t].setting.slice(`${SECTION}.`.length));
    if (typeof v === 'boolean') highlight[t] = v;
  }
  const langs = c.get<unknown>('languages');
  return {
    enabled: c.get<unknown>('enabled') !== false,
    highlight,
    debounceMs: num(c.get('debounceMs'), DEFAULTS.debounceMs, 0, 10_000),
    maxDocumentLength: num(c.get('maxDocumentLength'), DEFAULTS.maxDocumentLength, 1_000, 100_000_000),
    analyzeMarkdownCode: c.get<unknown>('markdown.analyzeCode') === true,
    index: {
      enabled: c.get<unknown>('index.enabled') !== false,
      include: str(c.get('index.include'), DEFAULTS.index.include),
      exclude: str(c.get('index.exclude'), DEFAULTS.index.exclude),
      workers: num(c.get('index.workers'), DEFAULTS.index.workers, 1, 8),
      maxFileSize: num(c.get('index.maxFileSize'), DEFAULTS.index.maxFileSize, 1_000, 100_000_000),
    },
    languages: Array.isArray(langs) && langs.every((l) => typeof l === 'string') ? (langs as string[]) : DEFAULTS.languages,
  };
}

/** Setting of one markup lint rule: off, or the severity of its diagnostics. */
export type MarkupRuleSetting = 'off' | 'hint' | 'information' | 'warning' | 'error';
const RULE_SETTINGS: readonly MarkupRuleSetting[] = ['off', 'hint', 'information', 'warning', 'error'];

/** Setting key (under `analystLens.`) of each markup lint rule. */
export const MARKUP_RULE_KEYS: Record<LintCode, string> = {
  'mixed-likelihood-rows': 'diagnostics.mixedLikelihoodRows',
  'confidence-with-likelihood': 'diagnostics.confidenceWithLikelihood',
  'missing-portion-marking': 'diagnostics.missingPortionMarking',
};

export const MARKUP_RULE_DEFAULTS: Record<LintCode, MarkupRuleSetting> = {
  'mixed-likelihood-rows': 'warning',
  'confidence-with-likelihood': 'information',
  'missing-portion-marking': 'warning',
};

/**
 * The markup lint rules' settings for a document (the settings are language-overridable, so pass the document as
 * scope). Unknown values fall back to the defaults.
 */
export function readMarkupRules(scope?: vscode.ConfigurationScope): Record<LintCode, MarkupRuleSetting> {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const out = { ...MARKUP_RULE_DEFAULTS };
  for (const code of LINT_CODES) {
    const v = c.get<unknown>(MARKUP_RULE_KEYS[code]);
    if (typeof v === 'string' && (RULE_SETTINGS as readonly string[]).includes(v)) out[code] = v as MarkupRuleSetting;
  }
  return out;
}

/** Schemes of documents that are copies of another (diffs, history), output or chat: never reports. */
const NOT_REPORT_SCHEMES = new Set(['git', 'gitfs', 'output', 'vscode-scm', 'comment', 'vscode-chat-code-block', 'review']);

/** The one eligibility rule: a report is a document in one of analystLens.languages, not a copy or an output. */
export function isReport(doc: { languageId: string; uri: { scheme: string } }, config: Pick<LensConfig, 'languages'>): boolean {
  return config.languages.includes(doc.languageId) && !NOT_REPORT_SCHEMES.has(doc.uri.scheme);
}
