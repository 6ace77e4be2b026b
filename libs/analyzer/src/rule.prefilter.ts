// A cheap test run before a rule's regex: the literal strings of which every match must contain at least one
// ("\b(?:sell|sale)\b" cannot match a text holding neither "sell" nor "sale"). Computed once from the pattern source,
// conservatively: anything the reader does not understand (classes, \w, optional parts, lookarounds) gives no factor,
// and a pattern without a factor is always run. Only speed depends on it, never a result.

type Factors = string[] | null;

interface Parser {
  src: string;
  pos: number;
}

/** The literals of which every match of `source` contains one, or null when no such set is known. */
export function requiredLiterals(source: string): string[] | null {
  const p: Parser = { src: source, pos: 0 };
  const f = parseAlternation(p);
  if (p.pos !== source.length) return null;
  if (!f || f.length === 0 || f.some((s) => s.length === 0)) return null;
  return [...new Set(f)];
}

function parseAlternation(p: Parser): Factors {
  const branches: Factors[] = [parseSequence(p)];
  while (p.src[p.pos] === '|') {
    p.pos++;
    branches.push(parseSequence(p));
  }
  if (branches.some((b) => b === null)) return null;
  return branches.flat() as string[];
}

interface Atom {
  /** Factors of one occurrence of the atom (null: none known). */
  factors: Factors;
  /** The single character the atom always matches, when it is a plain literal (it can join its neighbours). */
  char: string | null;
}

function parseSequence(p: Parser): Factors {
  const candidates: string[][] = [];
  let run = '';
  const endRun = (): void => {
    if (run) candidates.push([run]);
    run = '';
  };
  while (p.pos < p.src.length && p.src[p.pos] !== '|' && p.src[p.pos] !== ')') {
    const atom = parseAtom(p);
    const q = parseQuantifier(p);
    if (q === null && atom.char !== null) {
      run += atom.char;
      continue;
    }
    endRun();
    if (atom.factors && (q === null || q >= 1)) candidates.push(atom.factors);
  }
  endRun();
  if (candidates.length === 0) return null;
  // The most selective candidate: the one whose shortest literal is longest.
  let best = candidates[0];
  const score = (c: string[]): number => Math.min(...c.map((s) => s.length));
  for (const c of candidates) if (score(c) > score(best)) best = c;
  return best;
}

/** Minimum count of the quantifier after an atom (null when there is none); consumes it. */
function parseQuantifier(p: Parser): number | null {
  const c = p.src[p.pos];
  let min: number | null = null;
  if (c === '*' || c === '?') {
    min = 0;
    p.pos++;
  } else if (c === '+') {
    min = 1;
    p.pos++;
  } else if (c === '{') {
    const m = /^\{(\d+)(?:,(\d*))?\}/.exec(p.src.slice(p.pos));
    if (!m) return null;
    min = Number(m[1]);
    p.pos += m[0].length;
  }
  if (min !== null && p.src[p.pos] === '?') p.pos++;
  return min;
}

const NONE: Atom = { factors: null, char: null };
// Escapes that stand for one literal character.
const ESCAPED_CHAR: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', '0': '\0' };

function parseAtom(p: Parser): Atom {
  const c = p.src[p.pos];
  if (c === '(') {
    p.pos++;
    let lookaround = false;
    if (p.src[p.pos] === '?') {
      const head = p.src.slice(p.pos, p.pos + 3);
      if (head.startsWith('?:')) p.pos += 2;
      else if (head === '?<=' || head === '?<!') {
        p.pos += 3;
        lookaround = true;
      } else if (head.startsWith('?=') || head.startsWith('?!')) {
        p.pos += 2;
        lookaround = true;
      } else if (head.startsWith('?<')) {
        const close = p.src.indexOf('>', p.pos);
        if (close < 0) throw new Error('unterminated group name');
        p.pos = close + 1;
      } else throw new Error(`unknown group at ${p.pos}`);
    }
    const inner = parseAlternation(p);
    if (p.src[p.pos] !== ')') throw new Error(`unbalanced group at ${p.pos}`);
    p.pos++;
    return lookaround ? NONE : { factors: inner, char: null };
  }
  if (c === '[') {
    p.pos++;
    if (p.src[p.pos] === '^') p.pos++;
    if (p.src[p.pos] === ']') p.pos++;
    while (p.pos < p.src.length && p.src[p.pos] !== ']') p.pos += p.src[p.pos] === '\\' ? 2 : 1;
    if (p.src[p.pos] !== ']') throw new Error('unterminated class');
    p.pos++;
    return NONE;
  }
  if (c === '\\') {
    const e = p.src[p.pos + 1];
    p.pos += 2;
    if (e === undefined) throw new Error('trailing backslash');
    if (/[bBdDwWsS]/.test(e) || /[1-9]/.test(e) || e === 'k' || e === 'c' || e === 'p' || e === 'P') return NONE;
    if (e === 'x' || e === 'u') {
      const hex = e === 'x' ? 2 : 4;
      const digits = p.src.slice(p.pos, p.pos + hex);
      if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== hex) return NONE;
      p.pos += hex;
      const ch = String.fromCharCode(parseInt(digits, 16));
      return { factors: [ch], char: ch };
    }
    const ch = ESCAPED_CHAR[e] ?? (/[a-zA-Z0-9]/.test(e) ? null : e);
    return ch === null ? NONE : { factors: [ch], char: ch };
  }
  p.pos++;
  if (c === '.' || c === '^' || c === '$') return NONE;
  return { factors: [c], char: c };
}

/** A LiteralPrefilter's automaton as plain arrays (JSON), so a process can load it instead of building it. */
export interface PrefilterTable {
  count: number;
  /** Patterns without literals: always possible. */
  always: number[];
  /** Node n's transitions are edgeChar/edgeTarget[edgeStart[n] .. edgeStart[n + 1]), sorted by character. */
  edgeStart: number[];
  edgeChar: number[];
  edgeTarget: number[];
  fail: number[];
  /** Node n's outputs (pattern indexes, its failure nodes' included) are outList[outStart[n] .. outStart[n + 1]). */
  outStart: number[];
  outList: number[];
}

/**
 * Which of many patterns may match a text, in one pass over it: an Aho-Corasick automaton over the required literals
 * of every pattern. A pattern without literals (null) is always possible. Built once from the literals, then kept in
 * flat arrays (a table that can be stored and loaded: toTable, fromTable).
 */
export class LiteralPrefilter {
  private readonly count: number;
  private readonly always: Int32Array;
  private readonly edgeStart: Int32Array;
  private readonly edgeChar: Uint16Array;
  private readonly edgeTarget: Int32Array;
  private readonly fail: Int32Array;
  private readonly outStart: Int32Array;
  private readonly outList: Int32Array;
  /** The root's transitions for every UTF-16 code unit (-1: none): most characters of a text are read there. */
  private readonly rootNext: Int32Array;

  constructor(count: number, literalsOf: (string[] | null)[]) {
    this.count = count;
    const table = buildTable(count, literalsOf);
    this.always = Int32Array.from(table.always);
    this.edgeStart = Int32Array.from(table.edgeStart);
    this.edgeChar = Uint16Array.from(table.edgeChar);
    this.edgeTarget = Int32Array.from(table.edgeTarget);
    this.fail = Int32Array.from(table.fail);
    this.outStart = Int32Array.from(table.outStart);
    this.outList = Int32Array.from(table.outList);
    this.rootNext = new Int32Array(0x10000).fill(-1);
    for (let e = this.edgeStart[0]; e < this.edgeStart[1]; e++) this.rootNext[this.edgeChar[e]] = this.edgeTarget[e];
  }

  /** The prefilter a table (toTable) describes; a table whose arrays do not fit together throws. */
  static fromTable(table: PrefilterTable): LiteralPrefilter {
    checkTable(table);
    const prefilter = Object.create(LiteralPrefilter.prototype) as LiteralPrefilter;
    const rootNext = new Int32Array(0x10000).fill(-1);
    for (let e = table.edgeStart[0]; e < table.edgeStart[1]; e++) rootNext[table.edgeChar[e]] = table.edgeTarget[e];
    return Object.assign(prefilter, {
      count: table.count,
      always: Int32Array.from(table.always),
      edgeStart: Int32Array.from(table.edgeStart),
      edgeChar: Uint16Array.from(table.edgeChar),
      edgeTarget: Int32Array.from(table.edgeTarget),
      fail: Int32Array.from(table.fail),
      outStart: Int32Array.from(table.outStart),
      outList: Int32Array.from(table.outList),
      rootNext,
    });
  }

  toTable(): PrefilterTable {
    return {
      count: this.count,
      always: [...this.always],
      edgeStart: [...this.edgeStart],
      edgeChar: [...this.edgeChar],
      edgeTarget: [...this.edgeTarget],
      fail: [...this.fail],
      outStart: [...this.outStart],
      outList: [...this.outList],
    };
  }

  /** possible[i] is 1 when pattern i may match `text` (one of its literals occurs in it, or it has none). */
  possible(text: string): Uint8Array {
    const possible = new Uint8Array(this.count);
    for (const i of this.always) possible[i] = 1;
    const { outStart, outList } = this;
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let child = node === 0 ? this.rootNext[c] : this.child(node, c);
      while (child < 0 && node !== 0) {
        node = this.fail[node];
        child = node === 0 ? this.rootNext[c] : this.child(node, c);
      }
      node = child < 0 ? 0 : child;
      for (let o = outStart[node]; o < outStart[node + 1]; o++) possible[outList[o]] = 1;
    }
    return possible;
  }

  /** The transition of `node` on character `c`, or -1 (binary search in its sorted edges). */
  private child(node: number, c: number): number {
    let lo = this.edgeStart[node];
    let hi = this.edgeStart[node + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = this.edgeChar[mid];
      if (at === c) return this.edgeTarget[mid];
      if (at < c) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}

/** The trie of every literal, its breadth-first failure links, and each node's outputs, as flat arrays. */
function buildTable(count: number, literalsOf: (string[] | null)[]): PrefilterTable {
  const next: Map<number, number>[] = [new Map()];
  const fail: number[] = [0];
  const out: number[][] = [[]];
  const always: number[] = [];
  literalsOf.forEach((literals, index) => {
    if (!literals) {
      always.push(index);
      return;
    }
    for (const literal of literals) {
      let node = 0;
      for (let i = 0; i < literal.length; i++) {
        const c = literal.charCodeAt(i);
        let child = next[node].get(c);
        if (child === undefined) {
          child = next.length;
          next.push(new Map());
          fail.push(0);
          out.push([]);
          next[node].set(c, child);
        }
        node = child;
      }
      out[node].push(index);
    }
  });
  // Breadth-first failure links; each node's outputs take in its failure node's.
  const queue: number[] = [...next[0].values()];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    for (const [c, child] of next[node]) {
      let f = fail[node];
      while (f !== 0 && !next[f].has(c)) f = fail[f];
      const target = next[f].get(c);
      fail[child] = target !== undefined && target !== child ? target : 0;
      out[child] = [...out[child], ...out[fail[child]]];
      queue.push(child);
    }
  }
  const table: PrefilterTable = { count, always, edgeStart: [], edgeChar: [], edgeTarget: [], fail, outStart: [], outList: [] };
  next.forEach((edges, node) => {
    table.edgeStart.push(table.edgeChar.length);
    for (const [c, child] of [...edges].sort((a, b) => a[0] - b[0])) {
      table.edgeChar.push(c);
      table.edgeTarget.push(child);
    }
    table.outStart.push(table.outList.length);
    table.outList.push(...new Set(out[node]));
  });
  table.edgeStart.push(table.edgeChar.length);
  table.outStart.push(table.outList.length);
  return table;
}

/** The table's arrays fit together (a table is a build artefact of this code: its values are not checked one by one). */
function checkTable(t: PrefilterTable): void {
  const nodes = t.fail.length;
  const consistent =
    nodes > 0 &&
    t.edgeStart.length === nodes + 1 &&
    t.outStart.length === nodes + 1 &&
    t.edgeChar.length === t.edgeTarget.length &&
    t.edgeStart[0] === 0 &&
    t.outStart[0] === 0 &&
    t.edgeStart[nodes] === t.edgeChar.length &&
    t.outStart[nodes] === t.outList.length;
  if (!consistent) throw new Error('prefilter table is inconsistent');
}
