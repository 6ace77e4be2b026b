import type TurndownService from 'turndown';
import { findElement, walkElements } from './dom.walker';

// Tables, replacing the GFM plugin's rules. Its rules re-query `table.rows` for every cell and
// column (quadratic, and slow on domino), and keep tables with block content as raw HTML, class
// names and all, so that a build hash in a class attribute would change the text hash.
// Here a table is measured once; a table with block content is written out row by row as text.

const BLOCKS_IN_CELLS = new Set(['UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HR', 'BLOCKQUOTE', 'PRE', 'TABLE']);

interface TableShape {
  complex: boolean;
  columns: number;
  firstRow: Element | null;
}

const shapes = new WeakMap<Node, TableShape>();

function span(cell: Element): number {
  const value = Number(cell.getAttribute('colspan') ?? 1);
  return Number.isInteger(value) && value > 1 ? Math.min(value, 50) : 1;
}

function tableOf(node: Node): Element | null {
  let table: Node | null = node;
  while (table && table.nodeName !== 'TABLE') table = table.parentNode;
  return table as Element | null;
}

function shapeOf(table: Element): TableShape {
  let shape = shapes.get(table);
  if (shape) return shape;
  const complex = findElement(table, BLOCKS_IN_CELLS) !== null;
  let columns = 0;
  let firstRow: Element | null = null;
  if (!complex) {
    walkElements(table, (row) => {
      if (row.tagName !== 'TR') return true;
      firstRow ??= row;
      let count = 0;
      for (let cell = row.firstElementChild; cell; cell = cell.nextElementSibling) {
        if (cell.tagName === 'TD' || cell.tagName === 'TH') count += span(cell);
      }
      columns = Math.max(columns, count);
      return false;
    });
  }
  shape = { complex, columns, firstRow };
  shapes.set(table, shape);
  return shape;
}

function shapeAround(node: Node): TableShape | null {
  const table = tableOf(node);
  return table ? shapeOf(table) : null;
}

function isFirstCell(cell: Element): boolean {
  for (let previous = cell.previousElementSibling; previous; previous = previous.previousElementSibling) {
    if (previous.tagName === 'TD' || previous.tagName === 'TH') return false;
  }
  return true;
}

const block = (content: string): string => `\n\n${content}\n\n`;

export function registerTableRules(turndown: TurndownService): void {
  turndown.addRule('tableSection', {
    filter: ['thead', 'tbody', 'tfoot', 'colgroup', 'col'],
    replacement: (content, node) => (shapeAround(node)?.complex ? block(content) : content),
  });
  turndown.addRule('tableCaption', {
    filter: 'caption',
    replacement: (content) => block(content),
  });
  turndown.addRule('tableCell', {
    filter: ['td', 'th'],
    replacement: (content, node) => {
      if (shapeAround(node)?.complex !== false) return block(content);
      const text = content.trim().replace(/\s*\n+\s*/g, ' ').replace(/\|/g, '\\|');
      const padding = ' |'.repeat(span(node) - 1);
      return `${isFirstCell(node) ? '| ' : ' '}${text} |${padding}`;
    },
  });
  turndown.addRule('tableRow', {
    filter: 'tr',
    replacement: (content, node) => {
      const shape = shapeAround(node);
      if (!shape || shape.complex) return block(content);
      // A Markdown table needs a header row: the first row is it, as GFM renderers read it.
      const divider = shape.firstRow === node ? `\n|${' --- |'.repeat(Math.max(shape.columns, 1))}` : '';
      return `\n${content}${divider}`;
    },
  });
  turndown.addRule('table', {
    filter: 'table',
    replacement: (content) => block(content.replace(/\n\n+/g, '\n')),
  });
}
