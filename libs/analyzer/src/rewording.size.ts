// The size of a rewording the rules could not read, in words that say something new.

// Forms of address and possessives, which a register change ("Sie" → "du", "vous" → "tu") swaps throughout a text.
const ADDRESS_WORDS = new Set(
  'sie ihnen ihr ihre ihrem ihren ihrer ihres du dich dir dein deine deinem deinen deiner deines euch euer eure seid vous votre vos tu te toi ton ta tes usted ustedes su sus tú tus ti vosotros vuestro vuestra vuestros vuestras lei suo sua suoi sue tuo tua tuoi tue voi vostro vostra u uw je jij jou jouw jullie'.split(' '),
);
// The auxiliary and modal verbs whose forms a register change swaps with the subject ("Sie haben" → "du hast", "vous
// pouvez" → "tu peux"), and the reflexive that goes with "Sie" ("Sie sich" → "du dich"): they say nothing new.
const REGISTER_VERB_FORMS = new Set(
  'sich haben hast habt sind bist seid werden wirst werdet können kannst könnt müssen musst müsst dürfen darfst dürft möchten möchtest möchtet wollen willst wollt sollen sollst sollt avez as êtes es pouvez peux devez dois voulez veux allez vas faites fais savez sais puede puedes debe debes tiene tienes es eres está estás quiere quieres'.split(' ').map((w) => w.normalize('NFD').replace(/\p{M}/gu, '')),
);
// Two words are forms of one when they differ only in their last letters: all but two of the shorter one's letters (at
// least three) begin both ("möchten" / "möchtest", "sagen" / "sagst", "Seien" / "Sei"); "verwenden" / "verkaufen" are two.
const MIN_STEM = 3;
const ENDING_LETTERS = 2;
function sameWord(a: string, b: string): boolean {
  const need = Math.max(MIN_STEM, Math.min(a.length, b.length) - ENDING_LETTERS);
  if (a.length < need || b.length < need) return a === b;
  return a.slice(0, need) === b.slice(0, need);
}

/**
 * The size of a rewording the rules could not read (another language, or French, German or Spanish where no type was
 * found): its changed words less forms of address and the words that only changed their ending (a word of the other
 * side is a form of it). A text turned from "Sie" to "du" changes every sentence without saying anything new.
 */
export function rewordedWords(inserted: string, deleted: string): number {
  // Accents folded: German verbs change their vowel with their ending ("halten" / "hältst").
  const words = (text: string): string[] =>
    (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
      .filter((w) => !ADDRESS_WORDS.has(w))
      .map((w) => w.normalize('NFD').replace(/\p{M}/gu, ''))
      .filter((w) => !REGISTER_VERB_FORMS.has(w));
  const ins = words(inserted);
  const del = words(deleted);
  return ins.filter((w) => !del.some((d) => sameWord(w, d))).length + del.filter((w) => !ins.some((i) => sameWord(w, i))).length;
}
