import { buildActors } from '../actors';
import type { Actor, Analysis, BuildActorsOptions } from '../types';

/** The actors of a text, from the actor model (src/core/actors). */
export function getActors(text: string, analysis: Analysis, options?: BuildActorsOptions): Actor[] {
  return buildActors(text, analysis, options);
}
