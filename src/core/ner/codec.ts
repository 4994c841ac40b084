/** The shipped model blob: gazetteer + joint pass-1/pass-2 model. */
import type { Gazetteer } from './features';
import { ByteReader, ByteWriter, decodeJoint, type JointModel } from './model';

export const MODEL_MAGIC = 0x4e455233; // "NER3"

export interface NerModel {
  gaz: Gazetteer;
  joint: JointModel;
}

export function encodeGazetteer(w: ByteWriter, gaz: Gazetteer): void {
  const keys = [...gaz.keys()].sort((a, b) => a - b);
  w.varint(keys.length);
  let prev = 0;
  for (const k of keys) { w.varint(k - prev); prev = k; }
  for (const k of keys) w.byte(gaz.get(k) ?? 0);
}

export function decodeGazetteer(r: ByteReader): Gazetteer {
  const n = r.varint();
  const keys = new Array<number>(n);
  let prev = 0;
  for (let i = 0; i < n; i++) { prev += r.varint(); keys[i] = prev; }
  const gaz: Gazetteer = new Map();
  for (let i = 0; i < n; i++) gaz.set(keys[i], r.byte());
  return gaz;
}

export function decodeNerModel(bytes: Uint8Array): NerModel {
  const r = new ByteReader(bytes);
  const magic = ((r.byte() << 24) | (r.byte() << 16) | (r.byte() << 8) | r.byte()) >>> 0;
  if (magic !== MODEL_MAGIC) throw new Error('NER model: bad magic');
  const gaz = decodeGazetteer(r);
  const joint = decodeJoint(r);
  return { gaz, joint };
}

export function writeMagic(w: ByteWriter): void {
  w.byte((MODEL_MAGIC >>> 24) & 255);
  w.byte((MODEL_MAGIC >>> 16) & 255);
  w.byte((MODEL_MAGIC >>> 8) & 255);
  w.byte(MODEL_MAGIC & 255);
}
