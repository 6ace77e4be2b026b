import { hashLeaf, toHex, verifyVersionBundle, versionLeafOf, versionRawSha256 } from '@clausewatch/records';
import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { describeLeafDifference } from './ledger-audit.service';
import { ledgerRecordOf, LedgerService } from './ledger.service';

export interface IntegrityCheck {
  name: 'snapshot' | 'text' | 'ledger';
  ok: boolean;
  /** The ledger check only: the version is committed but its leaf not appended yet (ok, nothing to prove yet). */
  pending?: boolean;
  detail: string;
}

export interface VersionIntegrity {
  id: string;
  ok: boolean;
  /** `snapshot stored, hash verified`, or what does not match. */
  status: string;
  checks: IntegrityCheck[];
}

export const VERIFIED_STATUS = 'snapshot stored, hash verified';

interface VersionRow {
  id: string;
  record_id: string;
  document_record_id: string;
  captured_at: Date;
  raw_sha256: string;
  text_sha256: string;
  source_url: string;
  markdown: string;
  ledger_index: string | null;
  snapshot_id: string;
  snapshot_sha256: string | null;
  body: Buffer | null;
  byte_size: number | null;
  leaf: Buffer | null;
  leaf_hash: Buffer | null;
  /** The pages of a combined document (null or one entry for a one-page version). */
  part_bodies: Buffer[] | null;
  part_sha256s: string[] | null;
}

function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Re-hashes what is stored behind versions: the raw snapshot bytes against the version's and the
 * snapshot's raw SHA-256, the extracted text against the text SHA-256, and the version's ledger
 * leaf against the record, with its inclusion in the latest signed tree head.
 */
@Injectable()
export class RecordIntegrityService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
  ) {}

  /** Internal version ids of a record of any kind, for `verify <record-id>`; null when unknown. */
  async versionIdsOf(recordId: string, kind: string): Promise<string[] | null> {
    const queries: Record<string, string> = {
      V: 'SELECT id FROM versions WHERE record_id = $1',
      D: 'SELECT v.id FROM versions v JOIN documents d ON d.id = v.document_id WHERE d.record_id = $1 UNION ALL SELECT NULL WHERE EXISTS (SELECT 1 FROM documents WHERE record_id = $1)',
      E: `SELECT v.id FROM versions v JOIN documents d ON d.id = v.document_id JOIN platforms p ON p.id = d.platform_id WHERE p.record_id = $1
          UNION ALL SELECT NULL WHERE EXISTS (SELECT 1 FROM platforms WHERE record_id = $1)`,
      C: 'SELECT unnest(ARRAY[from_version_id, to_version_id]) AS id FROM change_records WHERE record_id = $1',
      P: 'SELECT DISTINCT vp.version_id AS id FROM version_provisions vp JOIN provisions p ON p.id = vp.provision_id WHERE p.record_id = $1 UNION ALL SELECT NULL WHERE EXISTS (SELECT 1 FROM provisions WHERE record_id = $1)',
    };
    const rows: Array<{ id: string | null }> = await this.dataSource.query(queries[kind], [recordId]);
    if (rows.length === 0) return null;
    return [...new Set(rows.flatMap((r) => (r.id === null ? [] : [r.id])))];
  }

  /**
   * What a verification of these versions rests on, without reading a byte of any snapshot: the row
   * version (xmin) of each version, its snapshot(s), document and ledger leaf, the latest signed tree
   * head and the public keys. Any write to one of them (a new capture, an edit, a forgery) gives a
   * different stamp, so a verification result may be reused while the stamp stays the same.
   */
  async verificationStamp(versionIds: string[]): Promise<string> {
    const [row]: Array<{ head: string | null; keys: string | null; versions: string | null }> = await this.dataSource.query(
      `SELECT (SELECT tree_size || ':' || xmin::text FROM ledger_tree_heads ORDER BY tree_size DESC LIMIT 1) AS head,
              (SELECT string_agg(key_id || ':' || xmin::text, ',' ORDER BY key_id) FROM ledger_keys) AS keys,
              (SELECT string_agg(concat_ws(':', v.id, v.xmin::text, d.xmin::text, s.xmin::text, l.xmin::text, parts.stamp), ',' ORDER BY v.id)
                 FROM versions v JOIN documents d ON d.id = v.document_id
                 LEFT JOIN snapshots s ON s.id = v.snapshot_id
                 LEFT JOIN ledger_leaves l ON l.version_id = v.id
                 LEFT JOIN LATERAL (SELECT string_agg(p.xmin::text || '/' || ps.xmin::text, ';' ORDER BY p.position) AS stamp
                                      FROM version_parts p JOIN snapshots ps ON ps.id = p.snapshot_id WHERE p.version_id = v.id) parts ON true
                WHERE v.id = ANY($1::bigint[])) AS versions`,
      [versionIds],
    );
    return `${row.head ?? '-'}|${row.keys ?? '-'}|${row.versions ?? '-'}`;
  }

  /** One version (and its snapshot's bytes) read and re-hashed at a time, so memory holds a single snapshot. */
  async verifyVersions(versionIds: string[]): Promise<VersionIntegrity[]> {
    const results: VersionIntegrity[] = [];
    for (const id of [...versionIds].sort((a, b) => Number(a) - Number(b))) {
      const [row]: VersionRow[] = await this.dataSource.query(
        `SELECT v.id, v.record_id, d.record_id AS document_record_id, v.captured_at, v.raw_sha256, v.text_sha256, v.source_url, v.markdown,
                v.ledger_index, v.snapshot_id, s.raw_sha256 AS snapshot_sha256, s.body, s.byte_size, l.leaf, l.leaf_hash,
                parts.bodies AS part_bodies, parts.sha256s AS part_sha256s
           FROM versions v JOIN documents d ON d.id = v.document_id
           LEFT JOIN snapshots s ON s.id = v.snapshot_id
           LEFT JOIN LATERAL (SELECT array_agg(ps.body ORDER BY p.position) AS bodies, array_agg(ps.raw_sha256::text ORDER BY p.position) AS sha256s
                                FROM version_parts p JOIN snapshots ps ON ps.id = p.snapshot_id WHERE p.version_id = v.id) parts ON true
           LEFT JOIN ledger_leaves l ON l.version_id = v.id
          WHERE v.id = $1`,
        [id],
      );
      if (row) results.push(await this.verifyRow(row));
    }
    return results;
  }

  private async verifyRow(row: VersionRow): Promise<VersionIntegrity> {
    const checks: IntegrityCheck[] = [this.checkSnapshot(row), this.checkText(row), await this.checkLedger(row)];
    const ok = checks.every((c) => c.ok);
    const pending = checks.find((c) => c.pending);
    const status = ok ? (pending ? `${VERIFIED_STATUS}; ${pending.detail}` : VERIFIED_STATUS) : checks.filter((c) => !c.ok).map((c) => c.detail).join('; ');
    return { id: row.record_id, ok, status, checks };
  }

  private checkSnapshot(row: VersionRow): IntegrityCheck {
    if (row.part_bodies && row.part_bodies.length > 1) return this.checkParts(row, row.part_bodies, row.part_sha256s ?? []);
    if (row.body === null) return { name: 'snapshot', ok: false, detail: `snapshot of ${row.record_id} is not stored` };
    const actual = sha256(row.body);
    const problems: string[] = [];
    if (actual !== row.raw_sha256) problems.push(`raw bytes hash to ${actual}, the version records raw SHA-256 ${row.raw_sha256}`);
    if (row.snapshot_sha256 !== null && row.snapshot_sha256 !== row.raw_sha256) problems.push(`the snapshot is filed under ${row.snapshot_sha256}`);
    if (row.byte_size !== null && row.byte_size !== row.body.length) problems.push(`the snapshot holds ${row.body.length} bytes, ${row.byte_size} were stored`);
    return problems.length === 0
      ? { name: 'snapshot', ok: true, detail: `snapshot stored (${row.body.length} bytes), raw SHA-256 verified` }
      : { name: 'snapshot', ok: false, detail: `snapshot mismatch: ${problems.join(', ')}` };
  }

  /** A combined document: each page against the hash it is filed under, and the version's raw SHA-256 over them all. */
  private checkParts(row: VersionRow, bodies: Buffer[], filedUnder: string[]): IntegrityCheck {
    const actual = bodies.map((body) => sha256(body));
    const problems = actual.flatMap((hash, i) => (hash === filedUnder[i] ? [] : [`page ${i + 1} hashes to ${hash}, it is filed under ${filedUnder[i]}`]));
    const combined = versionRawSha256(actual);
    if (combined !== row.raw_sha256) problems.push(`the ${bodies.length} pages hash to ${combined}, the version records raw SHA-256 ${row.raw_sha256}`);
    const bytes = bodies.reduce((n, b) => n + b.length, 0);
    return problems.length === 0
      ? { name: 'snapshot', ok: true, detail: `snapshot stored (${bodies.length} pages, ${bytes} bytes), raw SHA-256 verified` }
      : { name: 'snapshot', ok: false, detail: `snapshot mismatch: ${problems.join(', ')}` };
  }

  private checkText(row: VersionRow): IntegrityCheck {
    const actual = sha256(row.markdown);
    return actual === row.text_sha256
      ? { name: 'text', ok: true, detail: 'text SHA-256 verified' }
      : { name: 'text', ok: false, detail: `text mismatch: the stored text hashes to ${actual}, the version records text SHA-256 ${row.text_sha256}` };
  }

  private async checkLedger(row: VersionRow): Promise<IntegrityCheck> {
    // Committed a moment ago and not appended yet: not a mismatch (the appender's next batch gives it its leaf).
    if (row.ledger_index === null && row.leaf === null && (await this.ledger.isPending(row.record_id))) {
      return { name: 'ledger', ok: true, pending: true, detail: `ledger: pending (${row.record_id} was captured a moment ago; its entry is appended within seconds)` };
    }
    if (row.ledger_index === null || row.leaf === null) return { name: 'ledger', ok: false, detail: `ledger mismatch: ${row.record_id} has no ledger entry` };
    const rebuilt = versionLeafOf(ledgerRecordOf({ recordId: row.record_id, capturedAt: row.captured_at, rawSha256: row.raw_sha256, textSha256: row.text_sha256, sourceUrl: row.source_url }, row.document_record_id));
    if (!rebuilt.equals(row.leaf)) return { name: 'ledger', ok: false, detail: `ledger mismatch: leaf ${row.ledger_index} ${describeLeafDifference(row.leaf, rebuilt)} from the version record` };
    if (row.leaf_hash === null || !hashLeaf(row.leaf).equals(row.leaf_hash)) return { name: 'ledger', ok: false, detail: `ledger mismatch: the stored hash of leaf ${row.ledger_index} is not the hash of its bytes` };
    try {
      const bundle = await this.ledger.bundleFor(
        { recordId: row.record_id, capturedAt: row.captured_at, rawSha256: row.raw_sha256, textSha256: row.text_sha256, sourceUrl: row.source_url, ledgerIndex: row.ledger_index },
        row.document_record_id,
      );
      const { publicKeyPem } = await this.ledger.publicKeyOf(bundle.treeHead.keyId);
      const result = verifyVersionBundle(bundle, publicKeyPem);
      if (!result.ok) return { name: 'ledger', ok: false, detail: `ledger mismatch: ${result.checks.filter((c) => !c.ok).map((c) => c.detail).join(', ')}` };
      return { name: 'ledger', ok: true, detail: `leaf ${row.ledger_index} (${toHex(row.leaf_hash)}) is in the signed tree of ${bundle.treeHead.treeSize}` };
    } catch (error) {
      return { name: 'ledger', ok: false, detail: `ledger mismatch: ${(error as Error).message}` };
    }
  }
}
