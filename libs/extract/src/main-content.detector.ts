import { AUTO_NOISE_NAME, AUTO_NOISE_ROLES, AUTO_NOISE_TAGS, DENSE_BLOCK_SHARE, MAIN_CANDIDATE_SHARE } from './extract.constants';

// Header and footer are page chrome only at the top level (HTML-AAM: banner/contentinfo), not
// inside an article or a section, where they hold the title or the "last updated" line.
const SECTIONING = new Set(['ARTICLE', 'ASIDE', 'MAIN', 'NAV', 'SECTION']);
const NEVER_NOISE = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE']);

interface Measure {
  /** Non-whitespace characters of text under each element. */
  text: Map<Element, number>;
  /** Elements holding a main/[role=main]/article (chrome must not take the content with it). */
  holdsMain: Set<Element>;
  candidates: Element[];
}

function isMainLike(element: Element): boolean {
  return element.tagName === 'MAIN' || element.tagName === 'ARTICLE' || element.getAttribute('role') === 'main';
}

/** One post-order walk: text sizes, main-like elements and their ancestors. */
function measure(root: Element): Measure {
  const result: Measure = { text: new Map(), holdsMain: new Set(), candidates: [] };
  const visit = (element: Element): [number, boolean] => {
    let size = 0;
    let main = false;
    for (let child = element.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const data = (child as Text).data;
        for (let i = 0; i < data.length; i++) if (data.charCodeAt(i) > 32) size++;
      } else if (child.nodeType === 1) {
        const [childSize, childMain] = visit(child as Element);
        size += childSize;
        main ||= childMain;
      }
    }
    result.text.set(element, size);
    if (main) result.holdsMain.add(element);
    if (isMainLike(element)) {
      result.candidates.push(element);
      main = true;
    }
    return [size, main];
  };
  visit(root);
  return result;
}

function isNoise(element: Element, topLevel: boolean): boolean {
  const tag = element.tagName;
  if (AUTO_NOISE_TAGS.has(tag)) return true;
  if (topLevel && (tag === 'HEADER' || tag === 'FOOTER')) return true;
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true' || element.getAttribute('aria-modal') === 'true') return true;
  const role = element.getAttribute('role');
  if (role !== null && AUTO_NOISE_ROLES.has(role)) return true;
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
  return names.length > 1 && AUTO_NOISE_NAME.test(names);
}

/** Finds the chrome to strip: navigation, site header and footer, asides, dialogs, banners, ads. */
function findChrome(body: Element, sizes: Measure): Element[] {
  const pageText = sizes.text.get(body) ?? 0;
  const found: Element[] = [];
  const visit = (element: Element, topLevel: boolean): void => {
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) {
      const protectedElement = NEVER_NOISE.has(child.tagName) || child.getAttribute('role') === 'main' || sizes.holdsMain.has(child);
      // A <form> or a "banner" class around the whole page is layout, not chrome.
      if (!protectedElement && (sizes.text.get(child) ?? 0) <= pageText / 2 && isNoise(child, topLevel)) {
        found.push(child);
        continue;
      }
      visit(child, topLevel && !SECTIONING.has(child.tagName) && child.getAttribute('role') !== 'main');
    }
  };
  visit(body, true);
  return found;
}

/** Walks down from the body while a single child still holds most of the text. */
function densestBlock(body: Element, sizes: Measure): Element {
  let current = body;
  for (;;) {
    const total = sizes.text.get(current) ?? 0;
    let best: Element | null = null;
    for (let child = current.firstElementChild; child; child = child.nextElementSibling) {
      if (!best || (sizes.text.get(child) ?? 0) > (sizes.text.get(best) ?? 0)) best = child;
    }
    if (!best || total === 0 || (sizes.text.get(best) ?? 0) < total * DENSE_BLOCK_SHARE) return current;
    current = best;
  }
}

/**
 * Finds the main content of a page with no selector: strips chrome (navigation, site header and
 * footer, asides, dialogs, cookie banners, ads), then takes the largest main/[role=main]/article
 * if it holds a fair share of the text, else the densest text block.
 */
export function detectMainContent(doc: Document): Element {
  const body = doc.body ?? doc.documentElement;
  const sizes = measure(body);
  for (const element of findChrome(body, sizes)) {
    // Keep the sizes true without a second walk: what leaves no longer counts for its ancestors.
    const size = sizes.text.get(element) ?? 0;
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      sizes.text.set(parent, (sizes.text.get(parent) ?? 0) - size);
      if (parent === body) break;
    }
    element.parentNode?.removeChild(element);
  }
  const candidates = sizes.candidates.filter((candidate) => body.contains(candidate));
  const pageText = sizes.text.get(body) ?? 0;
  let best: Element | null = null;
  for (const candidate of candidates) {
    if (!best || (sizes.text.get(candidate) ?? 0) > (sizes.text.get(best) ?? 0)) best = candidate;
  }
  if (best && (sizes.text.get(best) ?? 0) >= pageText * MAIN_CANDIDATE_SHARE) return best;
  return densestBlock(body, sizes);
}
