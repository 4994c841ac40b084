import type { Analysis, AnalyzeOptions, IndexEntry } from '../core';

/** Messages between the extension host and the analysis worker. Plain JSON: structured-clone safe. */
export type WorkerRequest =
  | { id: number; kind: 'analyze'; uri: string; version: number; text: string; options?: AnalyzeOptions }
  | { id: number; kind: 'index'; uri: string; text: string; options?: AnalyzeOptions }
  | { id: number; kind: 'forget'; uri: string };

export type WorkerResponse =
  | { id: number; ok: true; analysis?: Analysis; entry?: IndexEntry; ms: number }
  | { id: number; ok: false; error: string };
