// A cheap test run before a rule's regex: the literal strings a match must contain. Every match of
// "\b(?:we|us)\b[^.;]{0,40}\b(?:collect|gather)" holds one of {we, us} and one of {collect, gather}, so a text lacking
// either set is not searched. Computed once from the pattern source, conservatively: anything the reader does not
// understand (classes, \w, optional parts, lookarounds) gives no set, and a pattern without a set is always run.
// Only speed depends on it, never a result.

/** Sets of literals of which a match contains one each (all sets must be met); null when none is known. */
type Factors = string[][] | null;
interface Parser {
  src: string;
  pos: number;
}

/** The sets of literals every match of `source` contains one of each, or null when no set is known. */
export function requiredLiteralSets(source: string): string[][] | null {
  const p: Parser = { src: source, pos: 0 };
  const f = parseAlternation(p);
  if (p.pos !== source.length || !f) return null;
  const sets = pruned(f);
  return sets.length ? sets : null;
}

// Any subset of the required sets is still required: keep the few most selective ones, so the filter stays cheap.
const MAX_SETS_PER_PATTERN = 3;
// A set with a literal this short (" ", "e") is met by almost any text: it rules nothing out.
const MIN_USEFUL_LITERAL = 2;

function pruned(sets: string[][]): string[][] {
  const useful = sets.map((set) => [...new Set(set)]).filter((set) => set.length > 0 && selectivity(set) >= MIN_USEFUL_LITERAL);
  // A set holding every literal of another is met whenever that one is: it adds nothing.
  const minimal = useful.filter((set, i) => !useful.some((other, j) => j !== i && other.every((l) => set.includes(l)) && (other.length < set.length || j < i)));
  return minimal.sort((a, b) => selectivity(b) - selectivity(a)).slice(0, MAX_SETS_PER_PATTERN);
}

/**
 * Per top-level alternative of `source` ("A|B|C"), the sets of literals every match along it contains one of each; null
 * when some alternative has none (the pattern always runs). A match is a match of one alternative, so a text that meets
 * no alternative's sets cannot match; this rules out more texts than the sets of the whole pattern, which must hold for
 * every alternative at once and so keep only literals common to all of them (or the union of their best sets).
 */
export function requiredLiteralAlternatives(source: string): string[][][] | null {
  const p: Parser = { src: source, pos: 0 };
  const alternatives: string[][][] = [];
  for (;;) {
    const f = parseSequence(p);
    const sets = f ? pruned(f) : [];
    if (!sets.length) return null;
    alternatives.push(sets);
    if (p.src[p.pos] !== '|') break;
    p.pos++;
  }
  return p.pos === source.length ? alternatives : null;
}

/** The most selective of those sets (the one whose shortest literal is longest), or null. */
export function requiredLiterals(source: string): string[] | null {
  const sets = requiredLiteralSets(source);
  return sets ? mostSelective(sets) : null;
}

// Words most policy texts hold somewhere: a literal set needing one of them rules out few texts, whatever their length
// ("business" in "sell all or part of our business"); another set of the same match is preferred ("sell").
const COMMON_WORDS = new Set('business company companies service services data information personal with your our the and control order orders legal provid offer operat content terms policy use used using other third party parties'.split(' '));
const COMMON_WORD_SELECTIVITY = MIN_USEFUL_LITERAL;

function selectivity(set: string[]): number {
  return Math.min(...set.map((s) => (COMMON_WORDS.has(s.trim()) ? COMMON_WORD_SELECTIVITY : s.length)));
}

function mostSelective(sets: string[][]): string[] {
  let best = sets[0];
  for (const set of sets) if (selectivity(set) > selectivity(best)) best = set;
  return best;
}

// Above this many sets, an alternation keeps one set (the union of each branch's most selective set).
const MAX_DISTRIBUTED_SETS = 64;

// A match of an alternation holds a match of one branch: (A1 and A2) or (B1 and B2) needs a literal of each union
// A1+B1, A1+B2, A2+B1, A2+B2 (kept while there are few), at least of the union of each branch's most selective set.
function parseAlternation(p: Parser): Factors {
  const branches: Factors[] = [parseSequence(p)];
  while (p.src[p.pos] === '|') {
    p.pos++;
    branches.push(parseSequence(p));
  }
  if (branches.some((b) => b === null || b.length === 0)) return null;
  const sets = branches as string[][][];
  if (sets.length === 1) return sets[0];
  if (sets.reduce((n, b) => n * b.length, 1) > MAX_DISTRIBUTED_SETS) return [sets.flatMap(mostSelective)];
  let product: string[][] = [[]];
  for (const b of sets) product = pruned(product.flatMap((union) => b.map((set) => [...union, ...set])));
  return product;
}

interface Atom {
  /** Factors of one occurrence of the atom (null: none known). */
  factors: Factors;
  /** The single character the atom always matches, when it is a plain literal (it can join its neighbours). */
  char: string | null;
}

// A match of a sequence holds a match of each of its required atoms: every atom's sets apply.
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
    if (atom.factors && (q === null || q >= 1)) candidates.push(...atom.factors);
  }
  endRun();
  return candidates.length ? candidates : null;
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
      return { factors: [[ch]], char: ch };
    }
    const ch = ESCAPED_CHAR[e] ?? (/[a-zA-Z0-9]/.test(e) ? null : e);
    return ch === null ? NONE : { factors: [[ch]], char: ch };
  }
  p.pos++;
  if (c === '.' || c === '^' || c === '$') return NONE;
  return { factors: [[c]], char: c };
}

/**
 * A LiteralPrefilter as JSON, so a process can load it instead of building it (rule-prefilter.store.ts): the typed
 * arrays in base64 (decoded natively), in the byte order of the machine that wrote them.
 */
export interface PrefilterTable {
  endianness: 'LE' | 'BE';
  count: number;
  setCount: number;
  /** The characters of the table's columns 1.. (column 0: any other character). */
  chars: number[];
  /** The trie's edges, (state, column, child) triples: the dense transitions are filled in from them on loading. */
  edges: string;
  outStart: string;
  outSets: string;
  altStart: string;
  setStart: string;
  setList: string;
}

/**
 * Which of many patterns may match a text, in one pass over it: an Aho-Corasick automaton over the required literals
 * of every pattern, as a dense transition table over the characters the literals use (any other character leads back
 * to the root). A pattern is possible when one of its alternatives (requiredLiteralAlternatives) has a literal of each
 * of its sets in the text; one without alternatives (null) always is. toTable and fromTable store and load it.
 */
export class LiteralPrefilter {
  /** Character code → column of the table (0: a character no literal uses). */
  private readonly column = new Uint16Array(0x10000);
  private readonly width: number;
  /** Per state, its next state by column: 16-bit while the states fit (half the memory the scan walks at random). */
  private readonly delta: Int32Array | Uint16Array;
  /** Per automaton state s, outSets[outStart[s] .. outStart[s + 1]) are the literal sets whose literal ends there. */
  private readonly outStart: Int32Array;
  private readonly outSets: Int32Array;
  /** Per pattern i, its alternatives are altStart[i] .. altStart[i + 1] (none: always possible). */
  private readonly altStart: Int32Array;
  /** Per alternative a, setList[setStart[a] .. setStart[a + 1]) are its literal sets. */
  private readonly setStart: Int32Array;
  private readonly setList: Int32Array;
  /** Which alternatives the scan has met, counted as their sets are found (see Tally). */
  private readonly tally: Tally;
  private readonly found: Uint8Array;
  private readonly answer: Uint8Array;
  /** The character of each column from 1, and the trie's edges as (state, column, child) triples (toTable). */
  private readonly chars: number[];
  private readonly edges: Int32Array;

  constructor(private readonly count: number, alternativesOf: (string[][][] | null)[]) {
    const next: Map<number, number>[] = [new Map()];
    const out: number[][] = [[]];
    let setCount = 0;
    const alternatives = alternativesOf.map((a) => a ?? []);
    const setsOf = alternatives.flat().map((sets) =>
      sets.map((literals) => {
        const set = setCount++;
        for (const literal of literals) {
          let node = 0;
          for (let i = 0; i < literal.length; i++) {
            const c = literal.charCodeAt(i);
            let child = next[node].get(c);
            if (child === undefined) {
              child = next.length;
              next.push(new Map());
              out.push([]);
              next[node].set(c, child);
            }
            node = child;
          }
          out[node].push(set);
        }
        return set;
      }),
    );
    this.found = new Uint8Array(setCount);
    this.answer = new Uint8Array(count);
    this.altStart = offsets(alternatives);
    this.setStart = offsets(setsOf);
    this.setList = Int32Array.from(setsOf.flat());
    this.tally = tallyOf(count, this.altStart, this.setStart, this.setList, setCount) as Tally;
    const chars = [...new Set(next.flatMap((m) => [...m.keys()]))];
    this.chars = chars;
    chars.forEach((c, k) => (this.column[c] = k + 1));
    this.width = chars.length + 1;
    this.edges = trieEdges(next, chars);
    this.delta = transitions(next.length, this.width, this.edges, out);
    this.outStart = offsets(out);
    this.outSets = Int32Array.from(out.flat());
  }

  /** The prefilter a table (toTable) describes; a table whose arrays do not fit together, or of another byte order, throws. */
  static fromTable(t: PrefilterTable): LiteralPrefilter {
    const prefilter = Object.create(LiteralPrefilter.prototype) as LiteralPrefilter;
    const column = new Uint16Array(0x10000);
    t.chars.forEach((c, k) => (column[c] = k + 1));
    const fields = {
      count: t.count,
      column,
      width: t.chars.length + 1,
      chars: t.chars,
      edges: int32s(t.edges),
      outStart: int32s(t.outStart),
      outSets: int32s(t.outSets),
      altStart: int32s(t.altStart),
      setStart: int32s(t.setStart),
      setList: int32s(t.setList),
      found: new Uint8Array(t.setCount),
      answer: new Uint8Array(t.count),
    };
    const nodes = fields.outStart.length - 1;
    const tally = fields.altStart.length === t.count + 1 && fields.setStart.length === fields.altStart[t.count] + 1 ? tallyOf(t.count, fields.altStart, fields.setStart, fields.setList, t.setCount) : null;
    const consistent =
      t.endianness === endianness() &&
      nodes > 0 &&
      fields.edges.length === (nodes - 1) * 3 &&
      edgesWithin(fields.edges, nodes, fields.width) &&
      fields.outStart[nodes] === fields.outSets.length &&
      fields.altStart.length === t.count + 1 &&
      fields.setStart.length === fields.altStart[t.count] + 1 &&
      fields.setStart[fields.setStart.length - 1] === fields.setList.length &&
      tally !== null;
    if (!consistent) throw new Error('prefilter table is inconsistent');
    // The outputs are stored merged along the failure links already: only the transitions are filled in.
    return Object.assign(prefilter, fields, { tally, delta: transitions(nodes, fields.width, fields.edges) });
  }

  toTable(): PrefilterTable {
    const { count, chars, edges, outStart, outSets, altStart, setStart, setList } = this;
    return { endianness: endianness(), count, setCount: this.found.length, chars, edges: base64(edges), outStart: base64(outStart), outSets: base64(outSets), altStart: base64(altStart), setStart: base64(setStart), setList: base64(setList) };
  }

  /**
   * possible[i] is 1 when pattern i may match `text` (each literal set of one of its alternatives occurs in it, or it has
   * no alternatives). The array is reused: it holds the answer until the next call (allocating two typed arrays per
   * clause cost more than the scan).
   */
  possible(text: string): Uint8Array {
    // Locals, not fields, in the loops: this runs on every clause classified.
    const { delta, width, column, outStart, outSets, found, answer } = this;
    const { alternativeOf, patternOf, need, met, always } = this.tally;
    found.fill(0);
    met.fill(0);
    answer.set(always);
    // A set found for the first time counts towards its alternative, which is met when all its sets are: no pass over
    // every alternative of every pattern afterwards.
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      node = delta[node * width + column[text.charCodeAt(i)]];
      for (let k = outStart[node], end = outStart[node + 1]; k < end; k++) {
        const set = outSets[k];
        if (found[set] === 0) {
          found[set] = 1;
          const a = alternativeOf[set];
          if (++met[a] === need[a]) answer[patternOf[a]] = 1;
        }
      }
    }
    return answer;
  }
}

/**
 * The scan's counters: each literal set belongs to one alternative, which belongs to one pattern and is met when its
 * `need` sets are all found; `always` marks the patterns possible whatever the text (no alternative, or one without sets).
 */
interface Tally {
  alternativeOf: Int32Array;
  patternOf: Int32Array;
  need: Int32Array;
  /** Sets found so far per alternative (reset per text). */
  met: Int32Array;
  always: Uint8Array;
}

/** The tally of the alternatives and sets laid out by altStart, setStart and setList; null when a set is out of range or in two alternatives. */
function tallyOf(count: number, altStart: Int32Array, setStart: Int32Array, setList: Int32Array, setCount: number): Tally | null {
  const alternatives = altStart[count];
  const alternativeOf = new Int32Array(setCount).fill(-1);
  const patternOf = new Int32Array(alternatives);
  const need = new Int32Array(alternatives);
  const always = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    if (altStart[i] === altStart[i + 1]) always[i] = 1;
    for (let a = altStart[i]; a < altStart[i + 1]; a++) {
      patternOf[a] = i;
      need[a] = setStart[a + 1] - setStart[a];
      if (need[a] === 0) always[i] = 1;
      for (let k = setStart[a]; k < setStart[a + 1]; k++) {
        const set = setList[k];
        if (!(set >= 0 && set < setCount) || alternativeOf[set] !== -1) return null;
        alternativeOf[set] = a;
      }
    }
  }
  return { alternativeOf, patternOf, need, met: new Int32Array(alternatives), always };
}

/** Start offsets of each list in the lists laid end to end, and the total at the end. */
function offsets(lists: unknown[][]): Int32Array {
  const starts = new Int32Array(lists.length + 1);
  for (let i = 0; i < lists.length; i++) starts[i + 1] = starts[i] + lists[i].length;
  return starts;
}

function endianness(): 'LE' | 'BE' {
  return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 'LE' : 'BE';
}

function base64(values: Int32Array): string {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');
}

/** Decoded into an ArrayBuffer of its own (a decoded Buffer may sit unaligned in a shared pool). */
function int32s(encoded: string): Int32Array {
  const bytes = Buffer.from(encoded, 'base64');
  if (bytes.byteLength % 4 !== 0) throw new Error('prefilter table is inconsistent');
  return new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/** The trie's edges as (state, column, child) triples, column k + 1 being chars[k]. */
function trieEdges(next: Map<number, number>[], chars: number[]): Int32Array {
  const column = new Map(chars.map((c, k) => [c, k + 1]));
  const edges: number[] = [];
  next.forEach((children, node) => children.forEach((child, c) => edges.push(node, column.get(c) as number, child)));
  return Int32Array.from(edges);
}

/**
 * The dense transition table of the trie (states × width), breadth-first: a state's row is its failure state's row
 * (copied whole) with its own children written over it. With `out`, each state's outputs take in its failure state's.
 */
function transitions(nodes: number, width: number, edges: Int32Array, out?: number[][]): Int32Array | Uint16Array {
  // Each state's children, laid end to end by state.
  const start = new Int32Array(nodes + 1);
  for (let e = 0; e < edges.length; e += 3) start[edges[e] + 1]++;
  for (let n = 0; n < nodes; n++) start[n + 1] += start[n];
  const childColumn = new Int32Array(edges.length / 3);
  const childState = new Int32Array(edges.length / 3);
  const filled = start.slice(0, nodes);
  for (let e = 0; e < edges.length; e += 3) {
    const i = filled[edges[e]]++;
    childColumn[i] = edges[e + 1];
    childState[i] = edges[e + 2];
  }
  const delta = new Int32Array(nodes * width);
  const fail = new Int32Array(nodes);
  const queue = new Int32Array(nodes);
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const node = queue[head];
    if (node !== 0) delta.copyWithin(node * width, fail[node] * width, fail[node] * width + width);
    for (let i = start[node]; i < start[node + 1]; i++) {
      const k = childColumn[i];
      const child = childState[i];
      fail[child] = node === 0 ? 0 : delta[fail[node] * width + k];
      if (out) out[child] = [...out[child], ...out[fail[child]]];
      delta[node * width + k] = child;
      queue[tail++] = child;
    }
  }
  return nodes <= 0x10000 ? Uint16Array.from(delta) : delta;
}

/** Every (state, column, child) triple names a state and a column of the table (the transitions index by them). */
function edgesWithin(edges: Int32Array, nodes: number, width: number): boolean {
  for (let e = 0; e < edges.length; e += 3) {
    if (edges[e] < 0 || edges[e] >= nodes || edges[e + 1] < 1 || edges[e + 1] >= width || edges[e + 2] < 1 || edges[e + 2] >= nodes) return false;
  }
  return true;
}
