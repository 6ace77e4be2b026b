import { Classification } from './analyzer.types';
import { evidenceStance } from './clause.classifier';

// Whether a right the old version stated is still stated: reworded within its clause, or by a rewrite elsewhere.

// The words of a right's cue that say who may and how, not what: dropped before looking for the right in the new clause.
const CUE_FRAME_WORDS = new Set('you your can may might could will shall are is be able to the a an and or at any time we our also always still'.split(' '));

/** Whether every word of the type's favourable cues in the old clause (who and how aside) is still in the new clause. */
export function rightRestated(before: Classification | null, id: string, after: string): boolean {
  const m = before?.clauseTypes.find((x) => x.id === id);
  const cues = m?.evidence.filter((e) => evidenceStance(id, e) > 0) ?? [];
  if (!cues.length) return false;
  const kept = new Set(after.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  return cues.every((e) => {
    const words = (e.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !CUE_FRAME_WORDS.has(w));
    return words.length > 0 && words.every((w) => kept.has(w));
  });
}

// The kinds of rights over personal data, each as its words in a removed clause and as a right in the other version.
const RIGHT_KINDS: ReadonlyArray<readonly [named: RegExp, stated: RegExp]> = [
  [/\b(?:access|copy|know)\b/i, /\b(?:right|request|ask|you (?:can|may))\b[^.]{0,80}\b(?:access|copy|know)\b|\b(?:access|copy)\b[^.]{0,40}\b(?:right|request)\b/],
  [/\b(?:correct\w*|rectif\w*)\b/i, /\b(?:right|request|ask|you (?:can|may))\b[^.]{0,80}\b(?:correct\w*|rectif\w*|updat\w*)|\b(?:correct\w*|rectif\w*)\b[^.]{0,40}\b(?:right|request)\b/],
  [/\b(?:delet\w*|eras\w*)\b/i, /\b(?:right|request|ask|you (?:can|may))\b[^.]{0,80}\b(?:delet\w*|eras\w*)|\b(?:delet\w*|eras\w*)\b[^.]{0,40}\b(?:right|request)\b/],
  [/\bportab\w*/i, /\bportab\w*/],
  [/\bobject(?:ion)?\b/i, /\b(?:right|you (?:can|may))\b[^.]{0,80}\bobject\b|\bobjection\b/],
  [/\brestrict\w*/i, /\b(?:right|request|ask|you (?:can|may))\b[^.]{0,80}\brestrict\w*/],
  [/\bwithdraw\w*\b[^.]{0,30}\bconsent\b/i, /\bwithdraw\w*\b[^.]{0,30}\bconsent\b/],
  [/\bopt[- ]?out\b/i, /\bopt[- ]?out\b/],
];

/** Whether every kind of right a removed clause named is stated as a right in the other version (its search key). */
export function rightsStillStated(removed: string, otherVersion: string | undefined): boolean {
  if (!otherVersion) return false;
  const kinds = RIGHT_KINDS.filter(([named]) => named.test(removed));
  return kinds.length > 0 && kinds.every(([, stated]) => stated.test(otherVersion));
}
