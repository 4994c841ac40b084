import { fmix } from '../ner/hash';

/**
 * 64-bit content hash (two independent 32-bit FNV-1a lanes with murmur finalisers) as 16 hex digits: the key of
 * cached analyses. Not cryptographic; collisions across a workspace's reports are vanishingly unlikely.
 */
export function contentHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return fmix(a).toString(16).padStart(8, '0') + fmix(b ^ text.length).toString(16).padStart(8, '0');
}
