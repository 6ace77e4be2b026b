import { createDocument } from '@mixmark-io/domino';
import { KNOWN_FILTERS } from './extract.constants';
import { ExtractionError, ExtractionRules, RangeSelector, SelectionSemantics, Selector } from './extract.types';

export interface NormalisedRules {
  select: Selector[];
  remove: Selector[];
  filter: string[];
  selection: SelectionSemantics;
}

const RANGE_KEYS = ['startBefore', 'startAfter', 'endBefore', 'endAfter'];

function toList(value: Selector | Selector[] | null | undefined, field: string): Selector[] {
  const list = value === null || value === undefined ? [] : Array.isArray(value) ? value : [value];
  for (const selector of list) {
    if (typeof selector === 'string') {
      if (selector.trim() === '') throw new ExtractionError('invalid-rules', `${field}: empty selector`);
      continue;
    }
    if (typeof selector !== 'object' || selector === null) {
      throw new ExtractionError('invalid-rules', `${field}: a selector is a CSS string or a range object`);
    }
    const keys = Object.keys(selector);
    const unknown = keys.filter((k) => !RANGE_KEYS.includes(k));
    const starts = keys.filter((k) => k.startsWith('start')).length;
    const ends = keys.filter((k) => k.startsWith('end')).length;
    if (unknown.length > 0 || starts !== 1 || ends !== 1) {
      throw new ExtractionError('invalid-rules', `${field}: a range selector needs one of startBefore/startAfter and one of endBefore/endAfter, got ${JSON.stringify(selector)}`);
    }
  }
  return list;
}

/** Checks rules as they come from a declaration (JSON: nulls, single values or arrays). */
export function normaliseRules(rules: ExtractionRules | undefined): NormalisedRules {
  const filter = rules?.filter === null || rules?.filter === undefined ? [] : Array.isArray(rules.filter) ? rules.filter : [rules.filter as unknown as string];
  for (const name of filter) {
    if (typeof name !== 'string' || !(KNOWN_FILTERS as readonly string[]).includes(name)) {
      throw new ExtractionError('invalid-rules', `unknown filter ${JSON.stringify(name)} (known: ${KNOWN_FILTERS.join(', ')})`);
    }
  }
  const selection = rules?.selection ?? 'clausewatch';
  if (selection !== 'clausewatch' && selection !== 'ota') throw new ExtractionError('invalid-rules', `unknown selection ${JSON.stringify(selection)} (clausewatch or ota)`);
  return { select: toList(rules?.select, 'select'), remove: toList(rules?.remove, 'remove'), filter, selection };
}

export function queryAll(root: Document | Element, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch (error) {
    throw new ExtractionError('invalid-rules', `invalid CSS selector ${JSON.stringify(selector)}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function queryOne(doc: Document, selector: string, range: RangeSelector): Element {
  const found = queryAll(doc, selector)[0];
  if (!found) throw new ExtractionError('selector-missing', `range selector ${JSON.stringify(range)}: "${selector}" matches nothing`);
  return found;
}

/**
 * A range as positions in a depth-first walk: every node gets an enter and an exit tick, so
 * "before X" is just below X's enter tick and "after X" just above its exit tick.
 */
class DocumentRange {
  private readonly ticks = new Map<Node, [number, number]>();
  readonly start: number;
  readonly end: number;

  constructor(
    doc: Document,
    readonly selector: RangeSelector,
  ) {
    const range = selector;
    let tick = 0;
    const walk = (node: Node): void => {
      const enter = tick++;
      for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
      this.ticks.set(node, [enter, tick++]);
    };
    walk(doc.documentElement);
    const startNode = queryOne(doc, (range.startBefore ?? range.startAfter) as string, range);
    const endNode = queryOne(doc, (range.endBefore ?? range.endAfter) as string, range);
    const [startEnter, startExit] = this.ticksOf(startNode);
    const [endEnter, endExit] = this.ticksOf(endNode);
    this.start = range.startBefore !== undefined ? startEnter - 0.5 : startExit + 0.5;
    this.end = range.endBefore !== undefined ? endEnter - 0.5 : endExit + 0.5;
  }

  ticksOf(node: Node): [number, number] {
    return this.ticks.get(node) ?? [-1, -1];
  }

  contains(node: Node): boolean {
    const [enter, exit] = this.ticksOf(node);
    return enter > this.start && exit < this.end;
  }

  misses(node: Node): boolean {
    const [enter, exit] = this.ticksOf(node);
    return exit < this.start || enter > this.end;
  }

  /** Like DOM Range.cloneContents: nodes inside are deep-cloned, partly covered ones shallow. */
  cloneInto(node: Node, target: Node): void {
    if (this.misses(node)) return;
    if (this.contains(node)) {
      target.appendChild(node.cloneNode(true));
      return;
    }
    const shell = node.cloneNode(false);
    for (let child = node.firstChild; child; child = child.nextSibling) this.cloneInto(child, shell);
    if (shell.firstChild) target.appendChild(shell);
  }

  /** Like DOM Range.deleteContents (partly covered ancestors stay). */
  deleteFrom(node: Node): void {
    if (this.misses(node)) return;
    if (this.contains(node)) {
      node.parentNode?.removeChild(node);
      return;
    }
    for (const child of Array.from(node.childNodes)) this.deleteFrom(child);
  }
}

/** Removes what `remove` designates, CSS matches first, then ranges (anchors are found beforehand). */
export function applyRemove(doc: Document, selectors: Selector[]): void {
  const ranges: DocumentRange[] = [];
  const nodes: Element[] = [];
  for (const selector of selectors) {
    if (typeof selector === 'string') nodes.push(...queryAll(doc, selector));
    else ranges.push(new DocumentRange(doc, selector));
  }
  for (const node of nodes) node.parentNode?.removeChild(node);
  for (const range of ranges) range.deleteFrom(doc.documentElement);
}

function hasTakenAncestor(element: Element, taken: Set<Element>): boolean {
  for (let parent = element.parentElement; parent; parent = parent.parentElement) if (taken.has(parent)) return true;
  return false;
}

/**
 * Gathers what `select` designates, in the order of the selectors, into a new container element.
 * Every selector must match: a section that vanished is a failed check, never a shorter version.
 * Matched elements are moved rather than copied (the document is ours and thrown away after), unless
 * a range or an element holding an earlier match needs the document intact.
 * With `ota` semantics, as Open Terms Archive's engine does instead (see applyOtaSelect).
 */
export function applySelect(doc: Document, selectors: Selector[], selection: SelectionSemantics = 'clausewatch'): Element {
  if (selection === 'ota') return applyOtaSelect(doc, selectors);
  const container = doc.createElement('div');
  const plan: Array<Element | DocumentRange> = [];
  const taken = new Set<Element>();
  // Ancestors of taken elements: moving one of them would carry an earlier match along.
  const holders = new Set<Element>();
  let mustCopy = false;
  for (const selector of selectors) {
    if (typeof selector !== 'string') {
      plan.push(new DocumentRange(doc, selector));
      mustCopy = true;
      continue;
    }
    const matches = queryAll(doc, selector);
    if (matches.length === 0) throw new ExtractionError('selector-missing', `select "${selector}" matches nothing`);
    for (const element of matches) {
      // Nested matches would repeat the same text.
      if (taken.has(element) || hasTakenAncestor(element, taken)) continue;
      if (holders.has(element)) mustCopy = true;
      taken.add(element);
      for (let parent = element.parentElement; parent && !holders.has(parent); parent = parent.parentElement) holders.add(parent);
      plan.push(element);
    }
  }
  for (const item of plan) {
    if (item instanceof DocumentRange) {
      const before = container.childNodes.length;
      item.cloneInto(doc.documentElement, container);
      if (container.childNodes.length === before) {
        throw new ExtractionError('selector-missing', `range selector ${JSON.stringify(item.selector)} selects nothing`);
      }
    } else {
      container.appendChild(mustCopy ? item.cloneNode(true) : item);
    }
  }
  return container;
}

/**
 * Open Terms Archive's selection, so an imported declaration gives the text OTA publishes: for each
 * selector in order, a copy of every match in document order, nested matches included (their text
 * then appears twice, as in OTA), and a range's contents; the selection fails only when nothing at
 * all was selected (any one selector matching is enough). A range whose anchors are missing fails,
 * as in OTA.
 */
function applyOtaSelect(doc: Document, selectors: Selector[]): Element {
  const container = doc.createElement('div');
  for (const selector of selectors) {
    if (typeof selector === 'string') {
      for (const element of queryAll(doc, selector)) container.appendChild(element.cloneNode(true));
    } else {
      new DocumentRange(doc, selector).cloneInto(doc.documentElement, container);
    }
  }
  if (container.childNodes.length === 0) {
    throw new ExtractionError('selector-missing', `select ${selectors.map((s) => JSON.stringify(s)).join(', ')} matches nothing`);
  }
  return container;
}

/**
 * Checks extraction rules without a page, as the extractor will apply them: known filters, selector
 * shapes, and CSS that parses (range anchors included). Throws ExtractionError('invalid-rules').
 * The one validator of rules: the API, the catalog import and the extractor agree by using it.
 */
export function validateExtractionRules(rules: ExtractionRules | undefined): void {
  const normalised = normaliseRules(rules);
  const probe = createDocument('<html><body></body></html>');
  for (const selector of [...normalised.select, ...normalised.remove]) {
    const css = typeof selector === 'string' ? [selector] : Object.values(selector).filter((v): v is string => typeof v === 'string');
    for (const one of css) queryAll(probe, one);
  }
}
