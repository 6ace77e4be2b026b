import { AUTO_NOISE_NAME, AUTO_NOISE_SELECTORS, DENSE_BLOCK_SHARE, MAIN_CANDIDATES } from './extract.constants';

// Header and footer are page chrome only at the top level (HTML-AAM: banner/contentinfo), not
// inside an article or a section, where they hold the title or the "last updated" line.
const SECTIONING = new Set(['ARTICLE', 'ASIDE', 'MAIN', 'NAV', 'SECTION']);
const PROTECTED = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE']);

function textLength(node: Node): number {
  return (node.textContent ?? '').replace(/\s+/g, '').length;
}

function isTopLevel(element: Element): boolean {
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    if (SECTIONING.has(parent.tagName) || parent.getAttribute('role') === 'main') return false;
  }
  return true;
}

/** Chrome must not take the content with it (a <form> or a banner class around the whole page). */
function removeUnlessHolding(elements: Iterable<Element>, pageText: number): void {
  for (const element of elements) {
    if (!element.parentNode || PROTECTED.has(element.tagName) || element.getAttribute('role') === 'main') continue;
    if (element.querySelector('main, article, [role="main"]')) continue;
    if (textLength(element) > pageText / 2) continue;
    element.parentNode.removeChild(element);
  }
}

function stripChrome(body: Element): void {
  const pageText = textLength(body);
  removeUnlessHolding(Array.from(body.querySelectorAll(AUTO_NOISE_SELECTORS)), pageText);
  removeUnlessHolding(
    Array.from(body.querySelectorAll('header, footer')).filter(isTopLevel),
    pageText,
  );
  const named = Array.from(body.querySelectorAll('[class], [id]')).filter((element) =>
    AUTO_NOISE_NAME.test(`${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`),
  );
  removeUnlessHolding(named, pageText);
}

function largest(elements: Element[]): { element: Element; text: number } | null {
  let best: { element: Element; text: number } | null = null;
  for (const element of elements) {
    const text = textLength(element);
    if (!best || text > best.text) best = { element, text };
  }
  return best;
}

/** Walks down from the body while a single child still holds most of the text. */
function densestBlock(body: Element): Element {
  let current = body;
  for (;;) {
    const total = textLength(current);
    const best = largest(Array.from(current.children));
    if (!best || total === 0 || best.text < total * DENSE_BLOCK_SHARE) return current;
    current = best.element;
  }
}

/**
 * Finds the main content of a page with no selector: strips chrome (navigation, site header and
 * footer, asides, dialogs, cookie banners, ads), then takes the largest main/[role=main]/article
 * if it holds a fair share of the text, else the densest text block.
 */
export function detectMainContent(doc: Document): Element {
  const body = doc.body ?? doc.documentElement;
  stripChrome(body);
  const pageText = textLength(body);
  for (const selector of MAIN_CANDIDATES) {
    const best = largest(Array.from(body.querySelectorAll(selector)));
    if (best && best.text >= pageText * 0.3) return best.element;
  }
  return densestBlock(body);
}
