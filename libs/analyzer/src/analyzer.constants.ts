export const SEVERITY_ORDER = ['none', 'low', 'medium', 'high', 'critical'] as const;

/** Version of the analysis recorded on each change record; bump it when the analysis of the same texts changes. */
export const ANALYZER_VERSION = 'analyzer-9';

/** Whether a severity (any string, as stored) is at least the minimum one: unknown values rank below `none`. */
export function severityAtLeast(severity: string, minimum: string): boolean {
  return SEVERITY_ORDER.indexOf(severity as (typeof SEVERITY_ORDER)[number]) >= SEVERITY_ORDER.indexOf(minimum as (typeof SEVERITY_ORDER)[number]);
}

/** Lines that only stamp a date on the document; a change to them alone is cosmetic. */
const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const RELATIVE_DATE = '\\d+\\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\\s+ago';
// An ISO date may carry its time ("2024-05-01T16:32:05Z"); a template's blank date ("XXXX XX, 2026") is a date to come.
const ISO_DATE = '\\d{4}-\\d{2}-\\d{2}(?:[t ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:z|[+-]\\d{2}:?\\d{2})?)?';
const BLANK_DATE = '(?:x{2,}|_{2,})(?:\\s+(?:x{1,2}|_{2,}))?,?\\s+\\d{4}';
// Months in French, German, Spanish, Italian, Portuguese and Dutch, and dates as those languages write them ("1er mai
// 2024", "1. März 2024", "1 de mayo de 2024"), and in Chinese, Japanese and Korean ("2024年8月7日", "2024년 8월 7일").
const INTL_MONTH =
  '(?:janvier|janv|f[ée]vrier|f[ée]vr|mars|avril|avr|mai|juin|juillet|juil|ao[uû]t|septembre|octobre|novembre|d[ée]cembre|d[ée]c|januar|j[äa]nner|februar|m[äa]rz|juni|juli|oktober|dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|janeiro|fevereiro|mar[çc]o|maio|junho|julho|setembro|outubro|novembro|dezembro|januari|februari|maart|mei|augustus)\\.?';
const INTL_DATE = `\\d{1,2}(?:er|\\.|º|°)?\\s+(?:de\\s+)?${INTL_MONTH}\\s+(?:de\\s+)?\\d{4}|${INTL_MONTH}\\s+(?:de\\s+)?\\d{4}|\\d{4}\\s*[年년]\\s*\\d{1,2}\\s*[月월](?:\\s*\\d{1,2}\\s*[日일])?`;
export const DATE = `(?:${RELATIVE_DATE}|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?\\s+\\d{4}|${ISO_DATE}|${BLANK_DATE}|\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}|${MONTH}\\s+\\d{4}|${INTL_DATE})`;
/** A date alone on its line ("August 2024"): the page's date stamp without its label. */
export const BARE_DATE = new RegExp(`^${DATE}\\.?$`, 'i');
/**
 * A link label the page puts after its date ("Previous Version", "See prior versions", "(previous version)"): a few
 * words, capitalised (case-sensitive) or in parentheses.
 */
export const TRAILING_LABEL = /^(.*\d\.?)\s+(?:[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,5}|\([\w'’ -]{1,40}\))$/;
// Who stamped the date ("Updated 2024-05-01 by Anna"): a name of a few words, part of the stamp.
const STAMP_AUTHOR = "(?:\\s+by\\s+[\\w.'’-]+(?:\\s+[\\w.'’-]+){0,3})?";
// The labels of a date stamp in those languages ("Dernière mise à jour", "Stand", "Última actualización", "更新日期").
const INTL_STAMP_LABEL =
  "(?:derni[èe]re mise [àa] jour|mis(?:e)? [àa] jour|date d'entr[ée]e en vigueur|en vigueur|date de (?:la )?(?:derni[èe]re )?mise [àa] jour|version (?:du|en vigueur au)|stand|zuletzt (?:aktualisiert|ge[äa]ndert)|letzte (?:aktualisierung|[äa]nderung)|g[üu]ltig ab|inkrafttreten|version vom|[úu]ltima (?:actualizaci[óo]n|modificaci[óo]n|atualiza[çc][ãa]o)|actualizad[oa]|fecha de (?:entrada en vigor|actualizaci[óo]n|[úu]ltima actualizaci[óo]n)|vigente|en vigor|ultimo aggiornamento|aggiornat[oa]|in vigore|atualizad[oa]|em vigor|laatst bijgewerkt|bijgewerkt|ingangsdatum|更新日期|生效日期|最后更新|最近更新|更新时间|发布日期|最終更新日|改定日|制定日|施行日|최종 수정일|시행일)";
export const DATE_STAMP_PATTERN = new RegExp(
  `^(?:(?:this|the)\\s+(?:policy|terms|agreement|privacy policy|terms of (?:service|use))\\s+(?:was|were|is|are)\\s+)?(?:(?:last|most recently)\\s+(?:updated|modified|revised|changed|amended)(?:\\s+on)?|(?:version\\s+)?effective(?:\\s+(?:date|as of|from|on))?(?:\\s+date)?|(?:updated|revised|modified|amended)(?:\\s+(?:on|as\\s+of))?|dated|posted(?:\\s+on)?|published(?:\\s+on)?|last\\s+reviewed(?:\\s+on)?|date of last revision|last revision|version date|${INTL_STAMP_LABEL})\\s*[:\\-–—：]?\\s*(?:on\\s+|le\\s+|am\\s+|vom\\s+|el\\s+|du\\s+|au\\s+|ab\\s+|desde\\s+|dal\\s+|em\\s+|op\\s+)?${DATE}\\.?${STAMP_AUTHOR}$`,
  'i',
);

/** Similarity (0–1) above which two unmatched provisions in the same place count as one reworded clause. */
export const REWORDED_MIN_SIMILARITY = 0.5;
/** A smaller provision almost wholly contained in a larger one at the same place was expanded or cut. */
export const CONTAINED_MIN_SHARE = 0.9;
/** Across the document (the clause also moved) the texts must agree more. */
export const MOVED_MIN_SIMILARITY = 0.7;
/** Parts of a split/merge must cover this share of the whole's words. */
export const SPLIT_MIN_COVERAGE = 0.8;
/** Above this many candidate pairs in one gap, only nearby pairs are compared (keeps big rewrites linear). */
export const MAX_PAIRS_PER_GAP = 40_000;
export const NEARBY_WINDOW = 40;

/** A clause type counts towards severity when its confidence is at least this share of the best one. */
export const SEVERITY_TYPE_SHARE = 0.6;
/** Lowest confidence for a clause type to be reported. */
export const MIN_TYPE_CONFIDENCE = 0.3;
/** At most this many characters of a clause are quoted in a summary. */
export const QUOTE_MAX_CHARS = 160;
/** A sentence quoted whole in a summary is cut (at a clause boundary after its decisive words) only beyond this length. */
export const QUOTE_SENTENCE_MAX_CHARS = 400;

/** Stance lean of a clause's leading type, for clauses whose cues are weak (see clause.classifier.ts). */
export const TYPE_STANCE_LEAN: Readonly<Record<string, number>> = {
  liability: -1,
  indemnification: -1,
  'acceptable-use': -1,
  'dispute-resolution': -1,
  'international-transfer': -1,
  advertising: -0.7,
  tracking: -0.5,
  'data-sharing': -0.5,
  'user-rights': 0.5,
  deletion: 0.5,
  security: 0.5,
  'content-ownership': 0.5,
  communications: 0.5,
  'governing-law': -1,
  'third-party-services': -1,
  'policy-changes': -0.5,
};

/**
 * Cues that name a notice type's subject without describing the practice: a breach or unauthorized access named in a
 * clause ("claims about a data breach may go to court") says nothing about how data is protected. A clause whose only
 * cues of the type are these is not a disclosure of it, so removing it removes no notice (its stance still decides).
 */
export const PASSING_MENTION_RULES: Readonly<Record<string, readonly string[]>> = {
  security: ['breach', 'security'],
  // "GDPR" or a representative named: where the rights come from or are exercised, not a right stated.
  'user-rights': ['representative', 'data-subject'],
};

/**
 * Cues that are names (an ad network, a platform's pixel): a company the old version also named says nothing of whether
 * it already described the practice, so these never show a provision "restated".
 */
export const NAME_CUE_RULES: ReadonlySet<string> = new Set(['ad-platforms']);

/**
 * A notice that the terms were (or are being) updated — "we have updated our terms", "these updates take effect on
 * 1 January", "nous avons mis à jour nos conditions" — announces one change, it is not the policy on how changes are
 * made and told: adding or removing such a banner is neither a duty added nor a disclosure removed.
 */
export const UPDATE_ANNOUNCED = /\bwe(?:'ve| have| recently| have recently)? (?:updated|revised|changed|amended|modified)\b|\bwe(?:'re| are) (?:updating|revising|changing|amending|modifying)\b|\b(?:has|have) (?:recently )?been (?:updated|revised|changed|amended)\b|\b(?:updates?|changes?|revisions?|amendments?|new terms|updated terms|new version)\b[^.;]{0,30}\b(?:take|takes|took|will take|come|comes|came|will come) (?:into )?effect on\b|\b(?:avons|a|ont été|a été) (?:mis à jour|modifi\w+|actualis\w+)|\bm(?:ettons|ettent) à jour\b|\b(?:haben|wurden?)\b[^.;]{0,40}\b(?:aktualisiert|geändert)\b|\bhemos (?:actualizado|modificado|cambiado)\b|\bestamos actualizando\b/i;

/** Score factor per clause type: below 1 for generic topics that specific ones should outrank (see clause.classifier.ts). */
export const TYPE_SPECIFICITY: Readonly<Record<string, number>> = {
  'data-collection': 0.75,
  'data-sharing': 0.75,
  'data-use': 1,
};

/**
 * Heavy clause types (the rubric's critical and high topics) need the act and its object, not a word: a type is kept
 * only when one of its act rules matched and, where given, the clause names the object. "Mistral AI", an address at
 * x.ai, "GDPR" in a contact line or "sale of Company assets" are not the practice their words resemble.
 */
export const HEAVY_TYPE_ACTS: Readonly<Record<string, { rules: readonly string[]; object?: RegExp }>> = {
  'ai-training': { rules: ['train-models', 'data-for-models', 'data-used-for-models', 'develop-models', 'train-models-intl', 'develop-models-intl'], object: /\b(?:content|data|information|inputs?|prompts?|posts?|conversations?|chats?|messages|photos|images|videos|voice|recordings?|materials|submissions|interactions|texts?|donn[ée]es|contenus?|inhalte?|daten|datos|contenidos?)\b/i },
  'data-sale': { rules: ['sell-data', 'data-sold', 'sale-of-data', 'for-consideration', 'sell-data-intl'] },
  'dispute-resolution': { rules: ['arbitration', 'class-action', 'jury', 'time-limit', 'arbitration-intl', 'resolve-disputes'] },
  'sensitive-data': {
    rules: ['biometric', 'location', 'special-categories', 'sensitive-intl'],
    object: /\b(?:data|information|collect\w*|process\w*|scan\w*|recogni[sz]\w*|identif\w*|verif\w*|templates?|geometry|shar\w+|track\w*|permissions?|consent\w*|us(?:e|es|ed|ing)|stor\w+|retain\w*|donn[ée]es|daten|datos|collect\w*|traite\w*|verarbeit\w*|erheb\w*|recopil\w*|trat\w+)\b/i,
  },
  // How terms change needs a change of the terms (or notice of it), not "from time to time" alone.
  'policy-changes': { rules: ['change-terms', 'terms-change', 'last-updated', 'continued-use', 'notify-changes', 'archive', 'new-version', 'changes-notice', 'post-changes', 'effective-on-posting', 'reject-changes', 'check-for-changes', 'policy-changes-intl', 'contract-change-intl'] },
  // A licence over the user's content needs a licence (or its terms: perpetual, any media, moral rights), not a right
  // granted by a law ("residents were granted privacy rights") or a verb such as "modify".
  'content-license': { rules: ['license', 'broad-terms', 'moral-rights', 'purpose-limited-license', 'any-media', 'free-license', 'license-to-user', 'feedback-use', 'license-intl', 'right-to-reproduce'] },

  // Children's privacy is about their data, their age or their use of the service, not every mention of a child: a ban on
  // content that exploits minors is a rule of conduct.
  children: {
    rules: ['children', 'children-data', 'children-intl'],
    object: /\b(?:data|information|collect\w*|consent\w*|ages?|aged|years? old|under (?:the age|\d)|accounts?|us(?:e|es|ed|ing|ers?)|register\w*|sign(?:ing)? up|privacy|coppa|parent\w*|guardians?|intended|directed|designed|permission|verif\w*|market(?:s|ed|ing)? to|advertis\w* to|donn[ée]es|âge|consentement|compte|daten|alter\w*|einwilligung|konto|datos|edad|consentimiento|cuenta)\b/i,
  },
  // Deleting the user's data or account (a right to it, or erasure from the provider's systems), not content removed
  // by moderators ("we may remove any content that violates these terms" is content moderation).
  deletion: {
    rules: ['you-delete', 'right-to-erasure', 'erased-from-systems', 'delete-data', 'delete-data-intl', 'account-deletion'],
    object: /\b(?:personal (?:data|information)|(?:your|their|user|users'|customer) (?:personal |own )?(?:data|information|accounts?|profiles?|records)|(?:data|information) (?:we|you|that we|that you)\b|your (?:content|materials?|posts|photos|uploads|files)\b|accounts?|erasure|be forgotten|from (?:our|the|its|their) (?:servers?|systems?|databases?|records|archives)|backups?|donn[ée]es|compte|daten|kontos?|datos|cuenta)\b/i,
  },
  // The rights are the user's over their data: "the removal, deletion, or restriction of content" as a sanction names the
  // same words and no one's right.
  'user-rights': {
    rules: ['right-to', 'you-can-request', 'rights-list', 'copy-export', 'opt-out-third', 'representative', 'exercise-rights', 'rights-intl', 'exercise-rights-intl', 'you-can-object-intl'],
    object: /\b(?:you|your|personal|data|information|rights?|request\w*|individuals?|consumers?|residents?|data subjects?|vous|vos|votre|droits?|données|sie|ihre?|rechte?|daten|usted|sus?|derechos?|datos)\b/i,
  },
};
