import { Alignment, ChangeKind, Provision } from './analyzer.types';
import { DATE } from './analyzer.constants';
import { cosmeticKey, isDateStamp, unnumberedKey } from './text.normalizer';

export type ClauseKind = Exclude<ChangeKind, 'none'>;

const RANK: Record<ChangeKind, number> = { none: 0, cosmetic: 1, structure: 2, substantive: 3 };

export function maxKind(a: ChangeKind, b: ChangeKind): ChangeKind {
  return RANK[a] >= RANK[b] ? a : b;
}

/** Keys of every heading of both versions: a list entry repeating one is a table of contents line. */
export function headingKeys(before: Provision[], after: Provision[]): Set<string> {
  return new Set([...before, ...after].filter((p) => p.kind === 'heading').map((p) => unnumberedKey(p.text)));
}

function isStructural(p: Provision, headings: Set<string>): boolean {
  return p.kind === 'heading' || (p.text.length < 120 && headings.has(unnumberedKey(p.text))) || isTitleLine(p);
}

// A heading the page set in bold or in a paragraph of its own ("Location Information", "Your Rights and Choices"): a
// few capitalised words, small joining words aside, and no sentence.
const TITLE_MAX_WORDS = 5;
const JOINING_WORDS = new Set(['a', 'an', 'and', 'or', 'of', 'to', 'the', 'for', 'with', 'in', 'on', 'by', 'your', 'our', '&']);

function isTitleLine(p: Provision): boolean {
  if (p.kind !== 'paragraph' || /[.;:!?,()"“”]/.test(p.text)) return false;
  const words = p.text.split(/\s+/).filter(Boolean);
  return words.length > 0 && words.length <= TITLE_MAX_WORDS && /^\p{Lu}/u.test(words[0]) && words.every((w) => /^\p{Lu}/u.test(w) || JOINING_WORDS.has(w.toLowerCase()));
}

const CROSS_REFERENCE = /\b(sections?|paragraphs?|clauses?|articles?|parts?|items?|schedules?|annex(?:es)?|appendi(?:x|ces)|§)\s*\d+(?:\.\d+)*[a-z]?(?:\s*(?:and|or|to|-|–)\s*\d+(?:\.\d+)*[a-z]?)?/gi;

const URL_TEXT = /\b(?:https?:\/\/|www\.)[^\s)\]]+/gi;

function unlinked(text: string): string {
  return text.replace(URL_TEXT, ' ');
}

function unreferenced(text: string): string {
  return text.replace(CROSS_REFERENCE, '$1 #');
}

// A page's button or link label captured as a line of its own ("Download the app now", "Join today", "Contact us"):
// a few words that invite a click, with no sentence in them. Page chrome, like navigation.
// Cookie banners' buttons and prompts too ("Close cookies consent", "Accept all", "Let us know you agree to cookies"), and
// the same buttons in French, German and Spanish ("Télécharger", "Anmelden", "Descargar").
const CALL_TO_ACTION = /^(?:download|get(?: it)? on|available on|join|sign (?:up|in)|log ?in|register|get (?:started|the app)|learn more|read more|see more|find out more|contact us|back to top|skip to|share|print|subscribe|follow us|install|shop|explore|discover|close|accept|reject|decline|allow all|manage (?:cookies|preferences|settings)|(?:let us know )?(?:that )?you agree to (?:our |the )?(?:use of )?cookies|got it|t[ée]l[ée]charger|s'inscrire|inscrivez-vous|se connecter|connexion|herunterladen|anmelden|registrieren|descargar|reg[íi]strate|iniciar sesi[óo]n)(?![\p{L}])/iu;
const CALL_TO_ACTION_MAX_WORDS = 7;

/** A paragraph of at most this many words: the shape every line of page chrome below has. */
function shortParagraph(p: Provision, maxWords: number): boolean {
  return p.kind === 'paragraph' && p.text.split(/\s+/).length <= maxWords;
}

function isCallToAction(p: Provision): boolean {
  if (p.kind !== 'paragraph' || !CALL_TO_ACTION.test(p.text) || /[.;:!?,]/.test(p.text)) return false;
  if (shortParagraph(p, CALL_TO_ACTION_MAX_WORDS)) return true;
  // Buttons the capture glued together ("Download on the App StoreGet it on Google Play"): each is one, up to the next
  // capital glued to a lower-case letter that starts another call to action ("YouTube" is one word of a button).
  const buttons: string[] = [];
  for (const part of p.text.split(/(?<=\p{Ll})(?=\p{Lu})/u)) {
    if (buttons.length && !CALL_TO_ACTION.test(part)) buttons[buttons.length - 1] += part;
    else buttons.push(part);
  }
  return buttons.length > 1 && buttons.every((b) => b.trim().split(/\s+/).length <= CALL_TO_ACTION_MAX_WORDS);
}

// A page footer captured as a paragraph: a copyright line with its year ("Site design & logo © 2024 Pastebin"), with at
// most a short banner sentence beside it, and no term in it (nothing the user may, must or will not do).
const COPYRIGHT_YEAR = /(?:©|\(c\)|\bcopyright\b)\s*(?:©\s*)?(?:\d{4}\s*[-–]\s*)?\d{4}\b/i;
const TERM_WORDS = /\b(?:may|must|shall|will|not|cannot|can't|won't|prohibited|licen[cs]e\w*|reproduc\w*|copy|copied)\b/i;
const FOOTER_MAX_WORDS = 25;

function isFooter(p: Provision): boolean {
  return COPYRIGHT_YEAR.test(p.text) && !TERM_WORDS.test(p.text) && shortParagraph(p, FOOTER_MAX_WORDS);
}

// A company's name alone on a line ("Quora Inc.", "Example GmbH"): a footer's or a logo's line, no clause. Its address,
// or a sentence naming it, is not alone.
const ENTITY_NAME = /^[\p{L}\p{N}&'’ .,-]{1,60}?\s(?:inc|llc|llp|ltd|limited|gmbh|ag|sa|sas|sarl|bv|nv|plc|corp|corporation|pty ltd|s\.a\.|s\.l\.|oy|ab)\.?$/iu;

function isEntityName(p: Provision): boolean {
  return shortParagraph(p, ENTITY_NAME_MAX_WORDS) && ENTITY_NAME.test(p.text.trim());
}
const ENTITY_NAME_MAX_WORDS = 5;

// A line of the page's header or menu: a few words, no sentence, with a logo, the home page or an account button in
// them ("Mullvad logo, to the homepage", "Account Get started"). Page chrome, like the glued menu.
const NAV_WORDS = /\b(?:logo|homepage|home page|menu|sign in|sign up|log ?in|log out|get started|my account|toggle|skip to)\b/i;
const NAV_LINE_MAX_WORDS = 8;

function isNavLine(p: Provision): boolean {
  return NAV_WORDS.test(p.text) && !/[.;!?]/.test(p.text) && shortParagraph(p, NAV_LINE_MAX_WORDS);
}

// A help centre's article widgets: the byline with its date and clock time ("Privacy policy Jason March 27, 2017 15:28
// Follow") and the helpfulness counter ("Was this article helpful? 1260 out of 1266 found this helpful").
const BYLINE_STAMP = new RegExp(`${DATE},?\\s+\\d{1,2}:\\d{2}\\b`, 'i');
const BYLINE_MAX_WORDS = 12;
const CLOCK_TIME = /\d:\d\d/;
const HELPFUL_WIDGET = /^(?:was this (?:article|page|answer|information) helpful\??|\d+ (?:out )?of \d+ (?:people )?found this helpful|thanks?(?: you)?!?[^.!?]{0,20}[.!]?[^.!?]{0,60}\byour feedback\b[^.!?]{0,80}[.!]?$)/i;
// A breadcrumb trail before a page's title ("Device Support › Device Terms, Warranties, and Notices › FreeTime Terms"):
// the site's navigation, which a capture gains or loses.
const BREADCRUMB = /^(?:[^›»\n.;!?]{1,80}\s*[›»]\s*)+/;

function isHelpWidget(p: Provision): boolean {
  if (p.kind !== 'paragraph' && p.kind !== 'heading') return false;
  return HELPFUL_WIDGET.test(p.text) || (CLOCK_TIME.test(p.text) && !/[.;!?]\s*$/.test(p.text) && p.text.split(/\s+/).length <= BYLINE_MAX_WORDS && BYLINE_STAMP.test(p.text));
}

// Spaces lost or found in one clause: a few (the keys' lengths differ by the spaces alone).
const SPACES_MOVED_MAX = 8;

// The placeholder, its brackets escaped by the Markdown export or not ("\\[email protected\\]").
const EMAIL_PLACEHOLDER = /\\?\[email(?:&#160;|\s)protected\\?\]/i;
const EMAIL_OR_PLACEHOLDER = /\\?\[email(?:&#160;|\s)protected\\?\]|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/gi;

/** The text with every e-mail address, and the placeholder that hides one, as one word (link targets dropped). */
function unmailed(text: string): string {
  return text.replace(/\]\([^)\s]*\)/g, ']').replace(/mailto:/gi, ' ').replace(EMAIL_OR_PLACEHOLDER, ' emailaddress ');
}

// A page's menu or footer captured without spaces between its links ("SecurityTermsPrivacyCookie PolicyYour Privacy
// Choices"): words glued lower-case to capital several times over, and no sentence. Brand names glue once ("YouTube").
const GLUED = /\p{Ll}\p{Lu}/gu;
const GLUED_MENU_MIN = 3;

function isGluedMenu(text: string): boolean {
  return !/[.;:!?]/.test(text) && (text.match(GLUED)?.length ?? 0) >= GLUED_MENU_MIN;
}

// What a provision added or removed on its own can be without being a clause: a date stamp, nothing but punctuation,
// or a line of page chrome.
const NOT_A_CLAUSE: ReadonlyArray<(p: Provision) => boolean> = [(p) => isDateStamp(p.text), (p) => cosmeticKey(p.text) === '', isCallToAction, (p) => isGluedMenu(p.text), isFooter, isNavLine, isEntityName, isHelpWidget];
// A provision reworded into another of the same of these kinds changed nothing a reader relies on.
const SAME_CHROME: ReadonlyArray<(p: Provision) => boolean> = [(p) => isDateStamp(p.text), (p) => isGluedMenu(p.text), isFooter, isNavLine, isCallToAction, isHelpWidget];

// A sentence that only points the reader to another part or page ("For more information about how your data is handled,
// see our full Privacy Policy, below.", "Please read our Cookie Policy."): a cross-reference, which states no term. One
// that says what the other text does, or that the user agrees to it, is a clause.
const POINTER = /^(?:for (?:more|further|additional|full) (?:information|details)\b[^.;:]{0,80}?,\s*)?(?:please )?(?:see|read|visit|refer to|review|consult|check|go to|learn more (?:in|about))\b (?:our|the|this|these)\b[^.;:]{0,60}?\.?$/i;
const POINTER_TERMS = /\b(?:agree\w*|accept\w*|bound|binding|governs?|appl(?:y|ies)|incorporated|part of|may|must|shall|will)\b/i;
const POINTER_MAX_WORDS = 30;

function isPointer(p: Provision): boolean {
  return p.kind === 'paragraph' && p.text.split(/\s+/).length <= POINTER_MAX_WORDS && POINTER.test(p.text) && !POINTER_TERMS.test(p.text);
}

/** What an alignment did to the text, as DESIGN.md defines change kinds. */
export function kindOf(a: Alignment, before: Provision[], after: Provision[], headings: Set<string>): ClauseKind {
  const b = a.before.map((i) => before[i]);
  const f = a.after.map((i) => after[i]);
  const joinedBefore = b.map((p) => p.text).join(' ');
  const joinedAfter = f.map((p) => p.text).join(' ');
  switch (a.op) {
    case 'added':
    case 'removed': {
      const p = (b[0] ?? f[0]) as Provision;
      if (NOT_A_CLAUSE.some((is) => is(p))) return 'cosmetic';
      return isStructural(p, headings) || isPointer(p) ? 'structure' : 'substantive';
    }
    default: {
      if (SAME_CHROME.some((is) => b.every(is) && f.every(is))) return 'cosmetic';
      // A page that hides e-mail addresses ("[email protected]", Cloudflare's placeholder) shows the same address.
      const masked = (joinedBefore.includes('protected') || joinedAfter.includes('protected')) && EMAIL_PLACEHOLDER.test(joinedBefore) !== EMAIL_PLACEHOLDER.test(joinedAfter);
      const textBefore = masked ? unmailed(joinedBefore) : joinedBefore;
      const textAfter = masked ? unmailed(joinedAfter) : joinedAfter;
      const keyBefore = cosmeticKey(textBefore);
      const keyAfter = cosmeticKey(textAfter);
      if (keyBefore === keyAfter) return a.op === 'reworded' && a.before.length === 1 ? 'cosmetic' : 'structure';
      // A space the extraction lost or found between two words ("handlesPersonal Information") joins no other words.
      if (a.op === 'reworded' && Math.abs(keyBefore.length - keyAfter.length) <= SPACES_MOVED_MAX && keyBefore.replace(/ /g, '') === keyAfter.replace(/ /g, '')) return 'cosmetic';
      if (unnumberedKey(textBefore) === unnumberedKey(textAfter)) return 'structure';
      if (a.op === 'reworded' && (BREADCRUMB.test(textBefore) || BREADCRUMB.test(textAfter)) && cosmeticKey(textBefore.replace(BREADCRUMB, '')) === cosmeticKey(textAfter.replace(BREADCRUMB, ''))) return 'cosmetic';
      // The keys below reuse the ones above when the rewrite left a text as it was (cosmeticKey is pure).
      const keyOf = (rewritten: string, original: string, key: string): string => (rewritten === original ? key : cosmeticKey(rewritten));
      // A link target written out as text (https://example.com/en-us → www.example.com/en-gb) is a link, not a clause.
      if (a.op === 'reworded' && keyOf(unlinked(textBefore), textBefore, keyBefore) === keyOf(unlinked(textAfter), textAfter, keyAfter)) return 'cosmetic';
      // A renumbered cross-reference ("see Section 14" → "see Section 15") changes numbering only.
      if (keyOf(unreferenced(textBefore), textBefore, keyBefore) === keyOf(unreferenced(textAfter), textAfter, keyAfter)) return 'structure';
      if (b.every((p) => isStructural(p, headings)) && f.every((p) => isStructural(p, headings))) return 'structure';
      // A table row re-flowed: its cells with their column's label before them ("Purpose: Login | Legal basis: Contract")
      // in one capture, without it in the other ("| Login | Contract |").
      if ((textBefore.includes('|') || textAfter.includes('|')) && unlabelledCells(textBefore) === unlabelledCells(textAfter)) return 'structure';
      return 'substantive';
    }
  }
}

// A cell's column label: a few words and a colon at the start of a table cell ("Legal basis: ", "Why do we collect it?: ").
const CELL_LABEL = /^[^:|]{1,60}?[:：]\s+/;
const CELL_LABEL_MAX_WORDS = 6;

/** A table row's words without the column labels its cells may start with, and without empty edge cells. */
function unlabelledCells(text: string): string {
  return cosmeticKey(unlabelledRow(text));
}

/** A table row as its cells read without the column labels they may start with ("Purpose: Login | Basis: Contract"). */
export function unlabelledRow(text: string): string {
  return text
    .split('|')
    .map((c) => c.trim())
    .filter(Boolean)
    .map((c) => {
      const label = CELL_LABEL.exec(c);
      return label && label[0].trim().split(/\s+/).length <= CELL_LABEL_MAX_WORDS && label[0].length < c.length ? c.slice(label[0].length) : c;
    })
    .join(' | ');
}
