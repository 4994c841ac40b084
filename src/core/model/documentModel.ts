/**
 * The document model: every layer of one version of one report, built once and shared by every consumer (hover,
 * Actors view, diagnostics, decorations, the summary and every export, the CLI, the workspace index). Layers are
 * computed on first use and kept: `model.actors` twice costs one `buildActors`.
 *
 * The actors are built with the actor registry and ignore list the model was created with, so the summary and
 * every export see the same actors as the hover and the Actors view.
 */
import { analyze } from '../analyze';
import { buildActors } from '../actors';
import { findMarkup } from '../markup';
import type { MarkupSpan } from '../markup';
import { summarize } from '../summary';
import { frontMatter, lineIndex, splitSentences, type FrontMatter, type Sentence } from '../text/segment';
import type { Actor, ActorSplit, Analysis, AnalyzeOptions, RegistryEntry, Summary, SummaryOptions } from '../types';

export interface DocumentModelOptions {
  /** 'markdown' leaves code, front matter, link targets and HTML out of the analysis. Default 'plain'. */
  format?: 'plain' | 'markdown';
  /** Passed to analyze(). */
  maxLength?: number;
  /** The workspace actor registry: aliases merge, roles, affiliations and types come from it. */
  registry?: readonly RegistryEntry[];
  /** Names that are never actors. */
  ignore?: readonly string[];
  /** Mentions split from the actor they would merge into (registry "splits"). */
  splits?: readonly ActorSplit[];
  /** The analysis of this text when the caller has it already (e.g. from an incremental analyzer). */
  analysis?: Analysis;
  /** How to analyse when no analysis is given (an incremental analyzer's `analyze`). Default: analyze(). */
  analyzer?: (text: string, options: AnalyzeOptions) => Analysis;
}

/** Summary options the model does not already fix (text, analysis, format and actors come from the model). */
export type ModelSummaryOptions = Omit<SummaryOptions, 'actors' | 'format'>;

export class DocumentModel {
  private analysisValue: Analysis | undefined;
  private sentencesValue: Sentence[] | undefined;
  private frontMatterValue: FrontMatter | null | undefined;
  private lineIndexValue: ((offset: number) => { line: number; column: number }) | undefined;
  private markupValue: MarkupSpan[] | undefined;
  private actorsValue: Actor[] | undefined;
  private summaryActorsValue: Actor[] | undefined;
  private readonly summaries = new Map<string, Summary>();

  constructor(
    readonly text: string,
    readonly version = 0,
    private readonly options: DocumentModelOptions = {},
  ) {
    const given = options.analysis;
    if (given && given.length === text.length) this.analysisValue = given;
  }

  get format(): 'plain' | 'markdown' {
    return this.options.format ?? 'plain';
  }

  get registry(): readonly RegistryEntry[] {
    return this.options.registry ?? [];
  }

  get ignore(): readonly string[] {
    return this.options.ignore ?? [];
  }

  /** Entities (names, dates, titles, quantities...). */
  get analysis(): Analysis {
    if (!this.analysisValue) {
      const opts: AnalyzeOptions = { format: this.format };
      if (this.options.maxLength !== undefined) opts.maxLength = this.options.maxLength;
      this.analysisValue = (this.options.analyzer ?? analyze)(this.text, opts);
    }
    return this.analysisValue;
  }

  /** Sentences, headings and list items with their paragraphs (front matter and fenced code left out). */
  get sentences(): Sentence[] {
    return (this.sentencesValue ??= splitSentences(this.text));
  }

  get frontMatter(): FrontMatter | undefined {
    if (this.frontMatterValue === undefined) this.frontMatterValue = frontMatter(this.text) ?? null;
    return this.frontMatterValue ?? undefined;
  }

  /** 1-based line and column of an offset. */
  position(offset: number): { line: number; column: number } {
    return (this.lineIndexValue ??= lineIndex(this.text))(offset);
  }

  /** Analyst markup: classification markings, DTGs, indicators, estimative language. */
  get markup(): MarkupSpan[] {
    return (this.markupValue ??= findMarkup(this.text));
  }

  /** Actors with the registry and ignore list applied, with their actions (what the hover and the view show). */
  get actors(): Actor[] {
    return (this.actorsValue ??= buildActors(this.text, this.analysis, { registry: this.registry, ignore: this.ignore, splits: this.options.splits }));
  }

  /** The actors the summary needs: the full actors when built already, else built without actions (cheaper). */
  private get summaryActors(): Actor[] {
    if (this.actorsValue) return this.actorsValue;
    return (this.summaryActorsValue ??= buildActors(this.text, this.analysis, { registry: this.registry, ignore: this.ignore, splits: this.options.splits, actions: false }));
  }

  /**
   * The summary of the report (or of a selection), built from this model's analysis, sentences and actors, so it
   * honours the registry like everything else. Kept per options.
   */
  summary(options: ModelSummaryOptions = {}): Summary {
    const key = JSON.stringify([options.reportDate, options.reportDateSource, options.selection, options.title, options.includeCitations]);
    let s = this.summaries.get(key);
    if (!s) {
      const whole = !options.selection || (options.selection[0] <= 0 && options.selection[1] >= this.text.length);
      s = summarize(this.text, {
        ...options,
        format: this.format,
        analysis: this.analysis,
        actors: { registry: this.registry, ignore: this.ignore, splits: this.options.splits },
        prepared: whole ? { sentences: this.sentences, actors: this.summaryActors } : undefined,
      });
      this.summaries.set(key, s);
    }
    return s;
  }
}

/** The model of one version of a text. */
export function createDocumentModel(text: string, options: DocumentModelOptions & { version?: number } = {}): DocumentModel {
  return new DocumentModel(typeof text === 'string' ? text : String(text ?? ''), options.version ?? 0, options);
}
