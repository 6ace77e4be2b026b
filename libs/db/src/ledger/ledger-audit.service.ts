import { emptyRoot, hashChildren, hashLeaf, loadPublicKey, SignedTreeHead, toHex, verifyTreeHead, versionLeafOf } from '@clausewatch/records';
import { Inject, Injectable } from '@nestjs/common';
import { KeyObject } from 'node:crypto';
import { DataSource } from 'typeorm';
import { LEDGER_AUDIT_BATCH, LEDGER_PENDING_STALE_MS } from './ledger.constants';
import { LedgerService } from './ledger.service';

export interface LedgerAuditReport {
  ok: boolean;
  leaves: number;
  treeHeads: number;
  /** Versions committed but not appended yet (the appender's next batch takes them): not a problem. */
  pending: number;
  /** What does not match, one sentence each (the first MAX_PROBLEMS). */
  problems: string[];
}

interface LeafRow {
  leaf_index: string;
  leaf: Buffer;
  leaf_hash: Buffer;
  version_id: string;
  ledger_index: string | null;
  record_id: string | null;
  captured_at: Date | null;
  raw_sha256: string | null;
  text_sha256: string | null;
  source_url: string | null;
  document_record_id: string | null;
}

interface StackNode {
  level: number;
  index: number;
  hash: Buffer;
}

const MAX_PROBLEMS = 200;

/**
 * Re-checks the whole log from its leaves: every leaf rebuilt from its version row, every stored
 * subtree hash recomputed, every signed tree head's root recomputed and its signature checked,
 * and every version present. One pass, batches of leaves, memory O(batch + log n).
 */
@Injectable()
export class LedgerAuditService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
  ) {}

  async audit(): Promise<LedgerAuditReport> {
    const problems: string[] = [];
    const problem = (text: string) => {
      if (problems.length < MAX_PROBLEMS) problems.push(text);
    };
    const heads = await this.ledger.storedHeads();
    const keys = await this.keys();
    let headAt = 0;
    const checkHeads = (size: number, stack: StackNode[]) => {
      while (headAt < heads.length && heads[headAt].treeSize === size) {
        this.checkHead(heads[headAt], stack, keys, problem);
        headAt += 1;
      }
    };

    const stack: StackNode[] = [];
    let expected = 0;
    checkHeads(0, stack);
    for (;;) {
      const rows: LeafRow[] = await this.dataSource.query(
        `SELECT l.leaf_index, l.leaf, l.leaf_hash, l.version_id, v.ledger_index, v.record_id, v.captured_at, v.raw_sha256,
                v.text_sha256, v.source_url, d.record_id AS document_record_id
           FROM ledger_leaves l LEFT JOIN versions v ON v.id = l.version_id LEFT JOIN documents d ON d.id = v.document_id
          WHERE l.leaf_index >= $1 ORDER BY l.leaf_index LIMIT $2`,
        [expected, LEDGER_AUDIT_BATCH],
      );
      if (rows.length === 0) break;
      const produced: StackNode[] = [];
      for (const row of rows) {
        const index = Number(row.leaf_index);
        if (index !== expected) {
          problem(`ledger leaves ${expected}–${index - 1} are missing`);
          return { ok: false, leaves: expected, treeHeads: heads.length, pending: (await this.ledger.pending()).count, problems };
        }
        this.checkLeaf(row, index, problem);
        let node: StackNode = { level: 0, index, hash: hashLeaf(row.leaf) };
        produced.push(node);
        while (stack.length > 0 && stack[stack.length - 1].level === node.level) {
          const left = stack.pop()!;
          node = { level: node.level + 1, index: left.index / 2, hash: hashChildren(left.hash, node.hash) };
          produced.push(node);
        }
        stack.push(node);
        expected += 1;
        checkHeads(expected, stack);
      }
      await this.checkNodes(produced, problem);
    }
    for (; headAt < heads.length; headAt += 1) problem(`signed tree head ${heads[headAt].treeSize} is larger than the log (${expected} leaves)`);
    // A pending version (committed, its leaf in the next batch) is not missing; one neither pending nor appended is.
    // Pending for long is a problem: every process appends what is pending at start, every
    // LEDGER_SWEEP_INTERVAL_MS and with each batch, so a version still pending means none can append it.
    const [missing]: Array<{ n: string; first: string | null; pending: string; stale: string; first_stale: string | null }> = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE p.version_id IS NULL) AS n, min(v.record_id) FILTER (WHERE p.version_id IS NULL) AS first, count(p.version_id) AS pending,
              count(*) FILTER (WHERE p.pending_since < now() - $1 * interval '1 millisecond') AS stale,
              min(v.record_id) FILTER (WHERE p.pending_since < now() - $1 * interval '1 millisecond') AS first_stale
         FROM versions v LEFT JOIN ledger_pending p ON p.version_id = v.id WHERE v.ledger_index IS NULL`,
      [LEDGER_PENDING_STALE_MS],
    );
    if (Number(missing.n) > 0) problem(`${missing.n} version(s) are not in the ledger (first: ${missing.first})`);
    if (Number(missing.stale) > 0) {
      problem(`${missing.stale} version(s) pending in the ledger for over ${LEDGER_PENDING_STALE_MS / 60_000} minutes (first: ${missing.first_stale}): no process could append them; see the logs`);
    }
    return { ok: problems.length === 0, leaves: expected, treeHeads: heads.length, pending: Number(missing.pending), problems };
  }

  private checkLeaf(row: LeafRow, index: number, problem: (text: string) => void): void {
    const leafHash = hashLeaf(row.leaf);
    if (!leafHash.equals(row.leaf_hash)) problem(`ledger leaf ${index}: stored leaf hash ${toHex(row.leaf_hash)} is not the hash of its bytes (${toHex(leafHash)})`);
    if (row.record_id === null || row.captured_at === null) {
      problem(`ledger leaf ${index}: its version (internal id ${row.version_id}) no longer exists`);
      return;
    }
    if (row.ledger_index === null || Number(row.ledger_index) !== index) {
      problem(`ledger leaf ${index}: version ${row.record_id} says its ledger index is ${row.ledger_index ?? 'none'}`);
    }
    try {
      const rebuilt = versionLeafOf({
        id: row.record_id,
        documentId: row.document_record_id ?? '',
        capturedAt: row.captured_at.toISOString(),
        rawSha256: row.raw_sha256 ?? '',
        textSha256: row.text_sha256 ?? '',
        sourceUrl: row.source_url ?? '',
      });
      if (!rebuilt.equals(row.leaf)) problem(`ledger leaf ${index}: its bytes do not match version ${row.record_id} (${describeLeafDifference(row.leaf, rebuilt)})`);
    } catch (error) {
      problem(`ledger leaf ${index}: version ${row.record_id} cannot be rebuilt into a leaf: ${(error as Error).message}`);
    }
  }

  private checkHead(head: SignedTreeHead, stack: StackNode[], keys: Map<string, KeyObject>, problem: (text: string) => void): void {
    let root = stack.length === 0 ? emptyRoot() : stack[stack.length - 1].hash;
    for (let i = stack.length - 2; i >= 0; i -= 1) root = hashChildren(stack[i].hash, root);
    if (toHex(root) !== head.rootHash) problem(`signed tree head ${head.treeSize}: its root ${head.rootHash} is not the root of the stored leaves (${toHex(root)})`);
    const key = keys.get(head.keyId);
    if (!key) problem(`signed tree head ${head.treeSize}: signed by unknown key ${head.keyId}`);
    else if (!verifyTreeHead(head, key)) problem(`signed tree head ${head.treeSize}: the signature does not verify with key ${head.keyId}`);
  }

  private async checkNodes(nodes: StackNode[], problem: (text: string) => void): Promise<void> {
    const rows: Array<{ level: number; node_index: string; hash: Buffer }> = await this.dataSource.query(
      `SELECT n.level, n.node_index, n.hash FROM ledger_nodes n
         JOIN unnest($1::smallint[], $2::bigint[]) AS c(level, node_index) ON n.level = c.level AND n.node_index = c.node_index`,
      [nodes.map((n) => n.level), nodes.map((n) => n.index)],
    );
    const stored = new Map(rows.map((r) => [`${r.level}:${r.node_index}`, r.hash]));
    for (const node of nodes) {
      const hash = stored.get(`${node.level}:${node.index}`);
      if (!hash) problem(`ledger node (${node.level}, ${node.index}) is missing`);
      else if (!hash.equals(node.hash)) problem(`ledger node (${node.level}, ${node.index}): stored hash ${toHex(hash)} should be ${toHex(node.hash)}`);
    }
  }

  private async keys(): Promise<Map<string, KeyObject>> {
    const rows: Array<{ key_id: string; public_key_pem: string }> = await this.dataSource.query('SELECT key_id, public_key_pem FROM ledger_keys');
    return new Map(rows.map((r) => [r.key_id, loadPublicKey(r.public_key_pem)]));
  }
}

/** Names the leaf fields that differ, so a tampered row says what was changed. */
export function describeLeafDifference(stored: Buffer, rebuilt: Buffer): string {
  let storedFields: Record<string, unknown>;
  try {
    storedFields = JSON.parse(stored.toString('utf8')) as Record<string, unknown>;
  } catch {
    return 'the stored leaf is not valid JSON';
  }
  const rebuiltFields = JSON.parse(rebuilt.toString('utf8')) as Record<string, unknown>;
  const names = [...new Set([...Object.keys(storedFields), ...Object.keys(rebuiltFields)])].filter((k) => storedFields[k] !== rebuiltFields[k]);
  return names.length > 0 ? `differs in ${names.join(', ')}` : 'same fields, different bytes';
}
