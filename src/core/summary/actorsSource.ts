import type { Actor, Analysis } from '../types';
import { interimActors } from './interimActors';

/** The actors of a text, from the actor model. */
export function getActors(text: string, analysis: Analysis): Actor[] {
  return interimActors(text, analysis);
}
