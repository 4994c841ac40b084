/** The CTI model blob: magic "CTI1", a gazetteer flag, the joint pass-1/pass-2 weights, a pass-2 flag. */
import { ByteReader, ByteWriter, decodeJoint, type JointModel } from '../ner/model';

/**
 * Entity kinds of the CTI tagger, in tag order (BIO tag B = 1 + 2k, I = 2 + 2k): APTNER's names. OTHER is learnt from
 * APTNER's file names, attack actions, operating systems, protocols, identities and security teams, so that the
 * tagger does not have to learn "Word" or "email" as nothing where APTNER types them as one of those; it is not output.
 */
export const CTI_KINDS = ['APT', 'MAL', 'TOOL', 'OTHER'] as const;

const MAGIC = [0x43, 0x54, 0x49, 0x31];

export interface CtiModel {
  joint: JointModel;
  /** Whether the ATT&CK names were in the training gazetteer (then inference must use them too). */
  attackGazetteer: boolean;
  /** Whether pass 2 (document-level labels) was trained; otherwise only pass 1 runs. */
  pass2: boolean;
}

export function writeCtiMagic(w: ByteWriter): void {
  for (const b of MAGIC) w.byte(b);
}

export function decodeCtiModel(bytes: Uint8Array): CtiModel {
  const r = new ByteReader(bytes);
  for (const b of MAGIC) if (r.byte() !== b) throw new Error('CTI model: bad magic');
  const attackGazetteer = r.byte() === 1;
  const joint = decodeJoint(r);
  const pass2 = r.byte() === 1;
  return { joint, attackGazetteer, pass2 };
}
