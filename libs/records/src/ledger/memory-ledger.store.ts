import { NodeCoord } from '../merkle/merkle-range';
import { RecordsError, RecordsErrorCode } from '../records.error';
import { LedgerAppend, LedgerStore } from './ledger.store';

/** A LedgerStore in process memory, for tests, benchmarks and the CLI's offline checks. */
export class MemoryLedgerStore implements LedgerStore {
  private readonly leaves: Buffer[] = [];
  /** levels[level][index] */
  private readonly levels: Buffer[][] = [];

  /** Counts store calls so tests and benchmarks can show a proof never scans the log. */
  readonly stats = { nodeReads: 0, leafReads: 0, nodeWrites: 0, batches: 0 };

  async size(): Promise<number> {
    return this.leaves.length;
  }

  async getLeaf(index: number): Promise<Buffer | null> {
    this.stats.leafReads += 1;
    return this.leaves[index] ?? null;
  }

  async getNodes(coords: readonly NodeCoord[]): Promise<Buffer[]> {
    this.stats.batches += 1;
    this.stats.nodeReads += coords.length;
    return coords.map(({ level, index }) => {
      const hash = this.levels[level]?.[index];
      if (!hash) throw new RecordsError(RecordsErrorCode.MissingNode, `ledger node (${level}, ${index}) is missing`);
      return hash;
    });
  }

  async append(entry: LedgerAppend): Promise<void> {
    if (entry.index !== this.leaves.length) {
      throw new RecordsError(RecordsErrorCode.LedgerConflict, `leaf ${entry.index} cannot follow a log of ${this.leaves.length}`);
    }
    this.leaves.push(entry.leaf);
    for (const { level, index, hash } of entry.nodes) {
      (this.levels[level] ??= [])[index] = hash;
      this.stats.nodeWrites += 1;
    }
  }
}
