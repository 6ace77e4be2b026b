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

// The kinds of rights over personal data, each as its words in a removed clause and as a right in the other version; in
// English, French, German and Spanish (a French "Droit d'effacement" restated as "Vous pouvez demander la suppression").
const ASKS = '(?:right|request|ask|you (?:can|may)|droits?|demander|demande|pouvez|recht\\w*|verlangen|können sie|derechos?|solicitar|solicitud|puede)';
// After the right's words, only a right or a request names it so ("access rights", "droit d'accès" is before).
const NAMED_AFTER = '(?:right|request|droits?|demande|recht\\w*|antrag|derechos?|solicitud)';
const RIGHT_KINDS: ReadonlyArray<readonly [named: RegExp, stated: RegExp]> = [
  [/\b(?:access|copy|know|acc[eè]s|copie|auskunft|kopie|acceso|copia)(?![\p{L}])/iu, rightStated('(?:access|copy|know|acc[eè]s|copie|auskunft|kopie|acceso|copia)(?![\\p{L}])')],
  [/\b(?:correct\w*|rectif\w*|berichtig\w*)/i, rightStated('correct\\w*|rectif\\w*|updat\\w*|berichtig\\w*')],
  [/\b(?:delet\w*|eras\w*|effac\w*|suppression|supprim\w*|l[öo]sch\w*|supresi[óo]n|suprim\w*|eliminaci[óo]n)/i, rightStated('delet\\w*|eras\\w*|effac\\w*|suppression|supprim\\w*|l[öo]sch\\w*|supresi[óo]n|suprim\\w*|eliminaci[óo]n|eliminar')],
  [/\bportab\w*|daten[üu]bertragbarkeit/i, /\bportab\w*|daten[üu]bertragbarkeit/],
  [/\b(?:object(?:ion)?|opposition|opposer|widerspruch|widersprechen|oposici[óo]n|oponerse)(?![\p{L}])/iu, rightStated('(?:object|objection|opposition|opposer|widerspruch\\w*|widersprechen|oposici[óo]n|oponerse)(?![\\p{L}])')],
  [/\b(?:restrict\w*|limitation|einschr[äa]nkung|limitaci[óo]n)/i, rightStated('restrict\\w*|limitation|einschr[äa]nkung|limitaci[óo]n')],
  [/\b(?:withdraw\w*|retir\w*|widerruf\w*)\b[^.]{0,30}\b(?:consent\w*|einwilligung)/i, /\b(?:withdraw\w*|retir\w*|widerruf\w*)\b[^.]{0,30}\b(?:consent\w*|einwilligung)/],
  [/\bopt[- ]?out\b/i, /\bopt[- ]?out\b/],
];

/** A right of these words stated: asked for or named as a right, in one sentence. */
function rightStated(words: string): RegExp {
  return new RegExp(`\\b${ASKS}\\b[^.]{0,80}\\b(?:${words})|\\b(?:${words})[^.]{0,40}\\b${NAMED_AFTER}(?![\\p{L}])`, 'u');
}

// A right whose object is the clause's own practice ("You may opt out of this feature", "you can object to it"): another
// opt-out or objection elsewhere in the other version is about something else.
const OWN_OBJECT = /\b(?:opt[- ]?out|object|withdraw\w*|turn(?:ing)? off|disabl\w*)\b (?:(?:of|from|to) )?(?:this|that|these|those|such|it|them)\b/i;

/** Whether every kind of right a removed clause named is stated as a right in the other version (its search key). */
export function rightsStillStated(removed: string, otherVersion: string | undefined): boolean {
  if (!otherVersion || OWN_OBJECT.test(removed)) return false;
  const kinds = RIGHT_KINDS.filter(([named]) => named.test(removed));
  return kinds.length > 0 && kinds.every(([, stated]) => stated.test(otherVersion));
}
