import { Provision, ProvisionKind } from './analyzer.types';
import { sha256Hex, stripInlineMarkdown } from './text.normalizer';

const ATX_HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const SETEXT_UNDERLINE = /^\s{0,3}(=+|-+)\s*$/;
const LIST_ITEM = /^(\s*)(?:[-*+]|\d{1,3}[.)]|[a-z][.)]|\([a-z0-9]{1,4}\))\s+(.*)$/i;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const FENCE = /^\s{0,3}(```|~~~)/;

interface Block {
  kind: ProvisionKind;
  text: string;
  level?: number;
}

function tableCells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => stripInlineMarkdown(cell));
}

// One pass over the lines; a provision is what a reader would quote as one unit.
function blocksOf(markdown: string): Block[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let item: string[] | null = null;
  let header: string[] | null = null;
  let inFence = false;

  const flush = (): void => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    if (item) blocks.push({ kind: 'list-item', text: item.join(' ') });
    paragraph = [];
    item = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const line = raw.replace(/^\s*>\s?/, '');
    if (FENCE.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      paragraph.push(line);
      continue;
    }
    if (!line.trim()) {
      flush();
      header = null;
      continue;
    }
    const atx = ATX_HEADING.exec(line);
    if (atx) {
      flush();
      blocks.push({ kind: 'heading', text: atx[2], level: atx[1].length });
      continue;
    }
    const next = lines[i + 1];
    if (paragraph.length === 0 && !item && next !== undefined && SETEXT_UNDERLINE.test(next) && !LIST_ITEM.test(line) && !TABLE_ROW.test(line)) {
      flush();
      blocks.push({ kind: 'heading', text: line.trim(), level: next.trim().startsWith('=') ? 1 : 2 });
      i++;
      continue;
    }
    if (RULE.test(line)) {
      flush();
      continue;
    }
    if (TABLE_ROW.test(line)) {
      flush();
      if (TABLE_SEPARATOR.test(line)) continue;
      const cells = tableCells(line);
      // The header row names the columns; each data row is quoted with them so it reads on its own.
      if (!header && next !== undefined && TABLE_SEPARATOR.test(next)) {
        header = cells;
        blocks.push({ kind: 'table', text: cells.filter(Boolean).join(' | ') });
        continue;
      }
      const columns = header;
      const text = cells.map((c, k) => (columns?.[k] && c ? `${columns[k]}: ${c}` : c)).filter(Boolean).join(' | ');
      blocks.push({ kind: 'table', text });
      continue;
    }
    const li = LIST_ITEM.exec(line);
    if (li) {
      flush();
      item = [li[2]];
      continue;
    }
    if (item) item.push(line.trim());
    else paragraph.push(line.trim());
  }
  flush();
  return blocks;
}

// Provision text is already whitespace-collapsed by stripInlineMarkdown; 64 bits of SHA-256 (native, faster
// than any hash written in JS) are plenty to tell provisions apart.
export function provisionFingerprint(text: string): string {
  return sha256Hex(text).slice(0, 16);
}

/** Splits normalised Markdown into provisions (headings, paragraphs, list items, table rows) with their heading path. */
export function splitProvisions(markdown: string): Provision[] {
  const provisions: Provision[] = [];
  const stack: Array<{ level: number; text: string }> = [];
  for (const block of blocksOf(markdown)) {
    const text = stripInlineMarkdown(block.text);
    if (!text) continue;
    if (block.kind === 'heading') {
      const level = block.level ?? 1;
      while (stack.length && stack[stack.length - 1].level >= level) stack.pop();
      provisions.push({ index: provisions.length, headingPath: stack.map((h) => h.text), kind: 'heading', text, fingerprint: provisionFingerprint(text) });
      stack.push({ level, text });
      continue;
    }
    provisions.push({ index: provisions.length, headingPath: stack.map((h) => h.text), kind: block.kind, text, fingerprint: provisionFingerprint(text) });
  }
  return provisions;
}
