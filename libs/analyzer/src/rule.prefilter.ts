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

/**
 * Which of many patterns may match a text, in one pass over it: an Aho-Corasick automaton over the required literals
 * of every pattern. A pattern without literals (null) is always possible.
 */
export class LiteralPrefilter {
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  private readonly out: number[][] = [[]];
  private readonly always: number[] = [];

  constructor(private readonly count: number, literalsOf: (string[] | null)[]) {
    literalsOf.forEach((literals, index) => {
      if (!literals) {
        this.always.push(index);
        return;
      }
      for (const literal of literals) {
        let node = 0;
        for (let i = 0; i < literal.length; i++) {
          const c = literal.charCodeAt(i);
          let child = this.next[node].get(c);
          if (child === undefined) {
            child = this.next.length;
            this.next.push(new Map());
            this.fail.push(0);
            this.out.push([]);
            this.next[node].set(c, child);
          }
          node = child;
        }
        this.out[node].push(index);
      }
    });
    // Breadth-first failure links; each node's outputs take in its failure node's.
    const queue: number[] = [...this.next[0].values()];
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head];
      for (const [c, child] of this.next[node]) {
        let f = this.fail[node];
        while (f !== 0 && !this.next[f].has(c)) f = this.fail[f];
        const target = this.next[f].get(c);
        this.fail[child] = target !== undefined && target !== child ? target : 0;
        this.out[child] = [...this.out[child], ...this.out[this.fail[child]]];
        queue.push(child);
      }
    }
  }

  /** possible[i] is 1 when pattern i may match `text` (one of its literals occurs in it, or it has none). */
  possible(text: string): Uint8Array {
    const possible = new Uint8Array(this.count);
    for (const i of this.always) possible[i] = 1;
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let child = this.next[node].get(c);
      while (child === undefined && node !== 0) {
        node = this.fail[node];
        child = this.next[node].get(c);
      }
      node = child ?? 0;
      for (const index of this.out[node]) possible[index] = 1;
    }
    return possible;
  }
}
