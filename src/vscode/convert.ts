import * as vscode from 'vscode';
import { ENTITY_TYPE_DESCRIPTORS, type Entity } from '../core';

/** Core offsets are UTF-16 indices, as VS Code's: positionAt maps them directly. */
export function toRange(doc: vscode.TextDocument, e: { start: number; end: number }): vscode.Range {
  return new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end));
}

export interface EntityDto {
  start: number;
  end: number;
  type: string;
  text: string;
  /** Line and character of start and end (left out when asked for offsets only). */
  range?: [number, number, number, number];
}

export function toDto(doc: vscode.TextDocument, e: Entity): EntityDto {
  const r = toRange(doc, e);
  return { start: e.start, end: e.end, type: e.type, text: e.text, range: [r.start.line, r.start.character, r.end.line, r.end.character] };
}

/** Plural labels for the status bar and lists. */
export const TYPE_LABELS: Record<string, [string, string]> = Object.fromEntries(
  Object.values(ENTITY_TYPE_DESCRIPTORS).map((d) => [d.type, [d.label, d.plural]]),
);
