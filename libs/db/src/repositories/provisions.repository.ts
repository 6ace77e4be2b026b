import { DataSource, EntityManager } from 'typeorm';

/** A provision of a new version as the splitter gives it. */
export interface ProvisionText {
  index: number;
  headingPath: string[];
  text: string;
  fingerprint: string;
}

/**
 * The provisions of a new version, in order (`at(i).index` is i): an array, or a view over a compact
 * form that builds each provision when asked (a page of 90,000 provisions need not be 90,000 objects).
 */
export interface ProvisionTexts {
  readonly length: number;
  at(index: number): ProvisionText | undefined;
}

/** Rows per statement of a lineage write: its parameter arrays stay bounded whatever the page (issue 13). */
const LINEAGE_CHUNK_ROWS = 5000;

/** Positions per row of `heldBy`: each row the driver parses in one piece stays small. */
const HELD_ROWS_PER_CHUNK = 4096;

/** The arrays one after another, as one array (their values are never arrays: concat would spread those). */
function concatenated<T>(parts: T[][]): T[] {
  // Array.prototype.concat copies natively: a loop of push took ~8 ms for 4 × 38,000 values in one piece.
  return ([] as T[]).concat(...parts);
}

/** [start, end) ranges of `count` rows, `size` at most each. */
function chunksOf(count: number, size = LINEAGE_CHUNK_ROWS): Array<[number, number]> {
  const chunks: Array<[number, number]> = [];
  for (let start = 0; start < count; start += size) chunks.push([start, Math.min(count, start + size)]);
  return chunks;
}

/** Which provision each clause of a new version continues, planned before the capture transaction. */
export interface ProvisionLineageWrite {
  /** Every provision of the new version, in order. */
  after: ProvisionTexts;
  /** Continued provisions; `clauseTypes` is null when the text did not change (the types are kept). */
  kept: Array<{ afterIndex: number; provisionId: string; textChanged: boolean; clauseTypes: string[] | null }>;
  /** Removed earlier and back word for word: the old ID again. */
  restored: Array<{ afterIndex: number; provisionId: string }>;
  /** Seen for the first time. */
  fresh: Array<{ afterIndex: number; clauseTypes: string[] }>;
  /** Provisions of the previous version that the new one no longer holds. */
  removed: string[];
  /** Set for a version inserted before an existing one (a back-dated capture): see LineageBackfill. */
  backfill?: LineageBackfill;
}

/**
 * Where a provision of the version after an inserted one goes: an existing provision, the one issued
 * to a new clause of the inserted version (by its index there), or a provision of its own.
 */
export type RemapTarget = { provisionId: string } | { freshAt: number } | { fresh: true };

/**
 * A version inserted before `next` (a back-dated capture) makes the lineage what it would have been
 * had the captures come in time order: `next` follows the inserted version, so some of its clauses
 * continue other provisions than they did. Each such provision ID is replaced (`remap`) in `next` and
 * every later version; a replaced ID that no version holds any more is superseded by its replacement
 * (it keeps its ID and resolves to the replacement); one still held by earlier versions now ends there
 * (`retreat` describes its last text). The lifecycle (first and last seen, removed in, change count)
 * of every provision touched is recomputed from the versions that hold it.
 */
export interface LineageBackfill {
  nextVersionId: string;
  nextCapturedAt: Date;
  remap: Array<{ from: string; to: RemapTarget }>;
  /** `clauseTypes` null: the provision's types stand (its text is the one they were found in). */
  retreat: Array<{ provisionId: string; headingPath: string[]; text: string; fingerprint: string; clauseTypes: string[] | null }>;
  /**
   * Lifecycle changes of provisions neither remapped nor new, worked out from the versions around the
   * insert: change count delta, first seen in V, last seen in V (removed by `next`), removed in V.
   */
  lifecycle: Array<{ provisionId: string; changeDelta: number; firstSeenInV?: boolean; lastSeenInV?: boolean; removedInV?: boolean }>;
  /** Provisions whose lifecycle is recomputed from every version that holds them (V restores them from further back). */
  recompute: string[];
  /**
   * Provisions the insert leaves removed before `next` (held by V or the version before it, not by
   * `next`), most recently removed first, with their last text: the first later provision whose first
   * text is that text is the clause coming back (a removed clause back word for word keeps its ID), so
   * it is replaced by the one it restores.
   */
  reopened: Array<{ target: { provisionId: string } | { freshAt: number }; text: string }>;
}

export interface HeldProvision {
  position: number;
  provisionId: string;
  text: string;
  /** When the provision was first held (by any version). */
  firstSeenAt: Date;
}

/**
 * The provisions a version holds, in position order: an array, or a view over a compact form that
 * builds each one when asked (as ProvisionTexts).
 */
export interface HeldProvisions {
  readonly length: number;
  at(index: number): HeldProvision | undefined;
}

/** The provisions a version holds as columns, in position order (`heldBy`): no object per provision. */
export interface HeldProvisionColumns {
  positions: number[];
  provisionIds: string[];
  texts: string[];
  /** Milliseconds since the epoch. */
  firstSeenAt: number[];
}

/** A removed provision a new clause with the same fingerprint brings back. */
export interface RestorableProvision {
  id: string;
  fingerprint: string;
  firstSeenAt: Date;
}

/** Provision lineage: which clauses a version holds and how each is followed across versions. */
export class ProvisionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The provisions a version holds, by position (the splitter's index), as columns: rows of arrays, so a
   * version of 180,000 provisions is not 180,000 row objects and Dates on the caller's heap. JSON arrays,
   * not SQL arrays, and HELD_ROWS_PER_CHUNK positions a row: the driver parses each row on the event loop
   * in one piece, and pg's array parser took ~100 ms for one row of 38,000 texts (JSON.parse is native).
   */
  async heldBy(versionId: string, manager: EntityManager = this.dataSource.manager): Promise<HeldProvisionColumns> {
    const rows: Array<{ positions: number[]; provision_ids: string[]; texts: string[]; first_seen_at: number[] }> = await manager.query(
      `SELECT json_agg(vp.position ORDER BY vp.position) AS positions,
              json_agg(vp.provision_id::text ORDER BY vp.position) AS provision_ids,
              json_agg(vp.text ORDER BY vp.position) AS texts,
              -- Whole milliseconds, as a Date read from timestamptz has them.
              json_agg(floor(extract(epoch FROM p.first_seen_at) * 1000)::float8 ORDER BY vp.position) AS first_seen_at
         FROM version_provisions vp JOIN provisions p ON p.id = vp.provision_id WHERE vp.version_id = $1
        GROUP BY vp.position / ${HELD_ROWS_PER_CHUNK} ORDER BY vp.position / ${HELD_ROWS_PER_CHUNK}`,
      [versionId],
    );
    return {
      positions: concatenated(rows.map((r) => r.positions)),
      provisionIds: concatenated(rows.map((r) => r.provision_ids)),
      texts: concatenated(rows.map((r) => r.texts)),
      firstSeenAt: concatenated(rows.map((r) => r.first_seen_at)),
    };
  }

  /**
   * Removed (not superseded) provisions of the document with one of these fingerprints, the most recently
   * removed first. `asOf` a back-dated capture's time: those removed then, that is seen before it and
   * not held by the version it follows (some are held again by later versions).
   */
  async removedWithFingerprints(
    documentId: string,
    fingerprints: string[],
    asOf?: { capturedAt: Date; latestId: string | null },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<RestorableProvision[]> {
    if (fingerprints.length === 0) return [];
    const rows: Array<{ id: string; fingerprint: string; first_seen_at: Date }> = asOf
      ? await manager.query(
          `SELECT p.id::text, p.fingerprint, p.first_seen_at FROM provisions p
            WHERE p.document_id = $1 AND p.superseded_by_id IS NULL AND p.fingerprint = ANY($2::text[]) AND p.first_seen_at < $3
              AND NOT EXISTS (SELECT 1 FROM version_provisions vp WHERE vp.version_id = $4 AND vp.provision_id = p.id)
            ORDER BY p.removed_at DESC NULLS FIRST, p.id DESC`,
          [documentId, fingerprints, asOf.capturedAt, asOf.latestId],
        )
      : await manager.query(
          `SELECT id::text, fingerprint, first_seen_at FROM provisions
            WHERE document_id = $1 AND removed_at IS NOT NULL AND superseded_by_id IS NULL AND fingerprint = ANY($2::text[])
            ORDER BY removed_at DESC, id DESC`,
          [documentId, fingerprints],
        );
    return rows.map((r) => ({ id: r.id, fingerprint: r.fingerprint, firstSeenAt: r.first_seen_at }));
  }

  /**
   * Writes a planned lineage for a new version, in the capture transaction: new provisions, continued
   * and restored ones, removed ones, and the version's list of provisions. Returns the new provisions' IDs.
   */
  async recordLineage(
    manager: EntityManager,
    version: { id: string; documentId: string; capturedAt: Date },
    write: ProvisionLineageWrite,
  ): Promise<Map<number, string>> {
    // Filled in a loop, not from an array of pairs: 38,000 of them were ~12 ms and their garbage in one piece.
    const idAt = new Map<number, string>();
    for (const k of write.kept) idAt.set(k.afterIndex, k.provisionId);
    const at = (index: number) => write.after.at(index)!;
    if (write.backfill) return this.recordBackfillLineage(manager, version, write, idAt);
    for (const r of write.restored) idAt.set(r.afterIndex, r.provisionId);
    // A page larger than one chunk is written in chunks instead (bounded parameter arrays, issue 13). Asked
    // first: the check below builds a Set of every provision touched, ~30 ms in one piece for 38,000.
    if (write.after.length > LINEAGE_CHUNK_ROWS) return this.recordLineageStepByStep(manager, version, write, idAt);
    // One statement (one round trip) for the whole lineage: the new provisions take their IDs from the
    // sequence in a materialised CTE, so the version's list of provisions can point at them. Each CTE
    // updates its own provisions; a plan that touched one provision twice is written step by step.
    const touched = [...write.restored.map((r) => r.provisionId), ...write.kept.map((k) => k.provisionId), ...write.removed];
    if (new Set(touched).size !== touched.length) return this.recordLineageStepByStep(manager, version, write, idAt);
    const after = Array.from({ length: write.after.length }, (_, i) => write.after.at(i)!);
    const rows: Array<{ after_index: number; id: string }> = await manager.query(
      `WITH fresh AS MATERIALIZED (
         SELECT nextval(pg_get_serial_sequence('provisions', 'id')) AS id, u.*
           FROM unnest($4::int[], $5::jsonb[], $6::text[], $7::text[], $8::jsonb[]) WITH ORDINALITY AS u(after_index, heading_path, text, fingerprint, clause_types, n)
       ), fresh_inserted AS (
         INSERT INTO provisions (id, document_id, heading_path, text, fingerprint, clause_types, first_seen_version_id, last_seen_version_id, first_seen_at, last_seen_at)
         SELECT f.id, $1, f.heading_path, f.text, f.fingerprint, f.clause_types, $2, $2, $3, $3 FROM fresh f ORDER BY f.n
       ), restored AS (
         UPDATE provisions p SET removed_in_version_id = NULL, removed_at = NULL, heading_path = u.heading_path, text = u.text,
                change_count = p.change_count + (p.text <> u.text)::int, last_seen_version_id = $2, last_seen_at = $3
           FROM unnest($9::bigint[], $10::jsonb[], $11::text[]) AS u(id, heading_path, text)
          WHERE p.id = u.id
       ), kept AS (
         -- Only a changed text is sent, with new clause types; the others keep theirs (NULL → coalesce), so an
         -- unchanged text is neither sent nor stored again.
         UPDATE provisions p SET heading_path = u.heading_path, text = coalesce(u.text, p.text), fingerprint = u.fingerprint,
                clause_types = coalesce(u.clause_types, p.clause_types), change_count = p.change_count + u.changed::int,
                last_seen_version_id = $2, last_seen_at = $3
           FROM unnest($12::bigint[], $13::jsonb[], $14::text[], $15::text[], $16::jsonb[], $17::boolean[]) AS u(id, heading_path, text, fingerprint, clause_types, changed)
          WHERE p.id = u.id
       ), removed AS (
         UPDATE provisions SET removed_in_version_id = $2, removed_at = $3 WHERE id = ANY($18::bigint[]) AND removed_at IS NULL
       ), held AS (
         INSERT INTO version_provisions (version_id, position, provision_id, text)
         SELECT $2, a.position, coalesce(a.provision_id, f.id), a.text
           FROM unnest($19::int[], $20::bigint[], $21::text[]) AS a(position, provision_id, text)
           LEFT JOIN fresh f ON f.after_index = a.position
       )
       SELECT after_index, id::text FROM fresh ORDER BY n`,
      [
        version.documentId,
        version.id,
        version.capturedAt,
        write.fresh.map((f) => f.afterIndex),
        write.fresh.map((f) => JSON.stringify(at(f.afterIndex).headingPath)),
        write.fresh.map((f) => at(f.afterIndex).text),
        write.fresh.map((f) => at(f.afterIndex).fingerprint),
        write.fresh.map((f) => JSON.stringify(f.clauseTypes)),
        write.restored.map((r) => r.provisionId),
        write.restored.map((r) => JSON.stringify(at(r.afterIndex).headingPath)),
        write.restored.map((r) => at(r.afterIndex).text),
        write.kept.map((k) => k.provisionId),
        write.kept.map((k) => JSON.stringify(at(k.afterIndex).headingPath)),
        write.kept.map((k) => (k.textChanged ? at(k.afterIndex).text : null)),
        write.kept.map((k) => at(k.afterIndex).fingerprint),
        write.kept.map((k) => (k.clauseTypes ? JSON.stringify(k.clauseTypes) : null)),
        write.kept.map((k) => k.textChanged),
        write.removed,
        after.map((p) => p.index),
        after.map((p) => idAt.get(p.index) ?? null),
        after.map((p) => p.text),
      ],
    );
    for (const row of rows) idAt.set(row.after_index, row.id);
    return idAt;
  }

  /**
   * recordLineage's writes one statement each, in order (a plan that touches one provision twice), each
   * kind of row in chunks of LINEAGE_CHUNK_ROWS (a page's lineage is not one statement of 90,000 rows).
   */
  private async recordLineageStepByStep(
    manager: EntityManager,
    version: { id: string; documentId: string; capturedAt: Date },
    write: ProvisionLineageWrite,
    idAt: Map<number, string>,
  ): Promise<Map<number, string>> {
    const at = (index: number) => write.after.at(index)!;
    for (const [start, end] of chunksOf(write.restored.length)) {
      const restored = write.restored.slice(start, end);
      await manager.query(
        `UPDATE provisions p SET removed_in_version_id = NULL, removed_at = NULL, heading_path = u.heading_path, text = u.text,
                change_count = p.change_count + (p.text <> u.text)::int, last_seen_version_id = $1, last_seen_at = $2
           FROM unnest($3::bigint[], $4::jsonb[], $5::text[]) AS u(id, heading_path, text)
          WHERE p.id = u.id`,
        [
          version.id,
          version.capturedAt,
          restored.map((r) => r.provisionId),
          restored.map((r) => JSON.stringify(at(r.afterIndex).headingPath)),
          restored.map((r) => at(r.afterIndex).text),
        ],
      );
      for (const r of restored) idAt.set(r.afterIndex, r.provisionId);
    }
    for (const [start, end] of chunksOf(write.fresh.length)) {
      const fresh = write.fresh.slice(start, end);
      // IDs first, so each new clause knows its ID whatever order the rows are written in.
      const ids = await this.newIds(manager, fresh.length);
      await manager.query(
        `INSERT INTO provisions (id, document_id, heading_path, text, fingerprint, clause_types, first_seen_version_id, last_seen_version_id, first_seen_at, last_seen_at)
         SELECT u.id, $1, u.heading_path, u.text, u.fingerprint, u.clause_types, $2, $2, $3, $3
           FROM unnest($4::bigint[], $5::jsonb[], $6::text[], $7::text[], $8::jsonb[]) AS u(id, heading_path, text, fingerprint, clause_types)`,
        [
          version.documentId,
          version.id,
          version.capturedAt,
          ids,
          fresh.map((f) => JSON.stringify(at(f.afterIndex).headingPath)),
          fresh.map((f) => at(f.afterIndex).text),
          fresh.map((f) => at(f.afterIndex).fingerprint),
          fresh.map((f) => JSON.stringify(f.clauseTypes)),
        ],
      );
      ids.forEach((id, i) => idAt.set(fresh[i].afterIndex, id));
    }
    for (const [start, end] of chunksOf(write.kept.length)) {
      const kept = write.kept.slice(start, end);
      // Only a changed text carries new clause types; the others keep theirs (NULL → coalesce).
      await manager.query(
        `UPDATE provisions p SET heading_path = u.heading_path, text = u.text, fingerprint = u.fingerprint,
                clause_types = coalesce(u.clause_types, p.clause_types), change_count = p.change_count + u.changed::int,
                last_seen_version_id = $1, last_seen_at = $2
           FROM unnest($3::bigint[], $4::jsonb[], $5::text[], $6::text[], $7::jsonb[], $8::boolean[]) AS u(id, heading_path, text, fingerprint, clause_types, changed)
          WHERE p.id = u.id`,
        [
          version.id,
          version.capturedAt,
          kept.map((k) => k.provisionId),
          kept.map((k) => JSON.stringify(at(k.afterIndex).headingPath)),
          kept.map((k) => at(k.afterIndex).text),
          kept.map((k) => at(k.afterIndex).fingerprint),
          kept.map((k) => (k.clauseTypes ? JSON.stringify(k.clauseTypes) : null)),
          kept.map((k) => k.textChanged),
        ],
      );
    }
    for (const [start, end] of chunksOf(write.removed.length)) {
      await manager.query('UPDATE provisions SET removed_in_version_id = $1, removed_at = $2 WHERE id = ANY($3::bigint[]) AND removed_at IS NULL', [
        version.id,
        version.capturedAt,
        write.removed.slice(start, end),
      ]);
    }
    await this.insertVersionProvisions(manager, version.id, write.after, idAt);
    return idAt;
  }

  /**
   * The lineage of an inserted version (see LineageBackfill): its own rows, then the IDs of the version
   * after it and of every later one as in time order, then the lifecycle of each provision touched.
   */
  private async recordBackfillLineage(
    manager: EntityManager,
    version: { id: string; documentId: string; capturedAt: Date },
    write: ProvisionLineageWrite,
    idAt: Map<number, string>,
  ): Promise<Map<number, string>> {
    const backfill = write.backfill!;
    const at = (index: number) => write.after.at(index)!;
    for (const r of write.restored) idAt.set(r.afterIndex, r.provisionId);
    const freshIds = await this.newIds(manager, write.fresh.length);
    if (write.fresh.length > 0) {
      // Removed by `next` (one `next` continues is a remap target, recomputed below).
      await manager.query(
        `INSERT INTO provisions (id, document_id, heading_path, text, fingerprint, clause_types, first_seen_version_id, last_seen_version_id, first_seen_at, last_seen_at, removed_in_version_id, removed_at)
         SELECT u.id, $1, u.heading_path, u.text, u.fingerprint, u.clause_types, $2, $2, $3, $3, $9, $10
           FROM unnest($4::bigint[], $5::jsonb[], $6::text[], $7::text[], $8::jsonb[]) AS u(id, heading_path, text, fingerprint, clause_types)`,
        [
          version.documentId,
          version.id,
          version.capturedAt,
          freshIds,
          write.fresh.map((f) => JSON.stringify(at(f.afterIndex).headingPath)),
          write.fresh.map((f) => at(f.afterIndex).text),
          write.fresh.map((f) => at(f.afterIndex).fingerprint),
          write.fresh.map((f) => JSON.stringify(f.clauseTypes)),
          backfill.nextVersionId,
          backfill.nextCapturedAt,
        ],
      );
      freshIds.forEach((id, i) => idAt.set(write.fresh[i].afterIndex, id));
    }
    await this.insertVersionProvisions(manager, version.id, write.after, idAt);
    if (backfill.lifecycle.length > 0) {
      const l = backfill.lifecycle;
      await manager.query(
        `UPDATE provisions p SET change_count = p.change_count + u.delta,
                first_seen_version_id = CASE WHEN u.first_v THEN $1::bigint ELSE p.first_seen_version_id END,
                first_seen_at = CASE WHEN u.first_v THEN $2::timestamptz ELSE p.first_seen_at END,
                last_seen_version_id = CASE WHEN u.last_v THEN $1::bigint ELSE p.last_seen_version_id END,
                last_seen_at = CASE WHEN u.last_v THEN $2::timestamptz ELSE p.last_seen_at END,
                removed_in_version_id = CASE WHEN u.removed_v THEN $1::bigint ELSE p.removed_in_version_id END,
                removed_at = CASE WHEN u.removed_v THEN $2::timestamptz ELSE p.removed_at END
           FROM unnest($3::bigint[], $4::int[], $5::boolean[], $6::boolean[], $7::boolean[]) AS u(id, delta, first_v, last_v, removed_v)
          WHERE p.id = u.id`,
        [
          version.id,
          version.capturedAt,
          l.map((x) => x.provisionId),
          l.map((x) => x.changeDelta),
          l.map((x) => x.firstSeenInV === true),
          l.map((x) => x.lastSeenInV === true),
          l.map((x) => x.removedInV === true),
        ],
      );
    }
    const remapped = await this.remapFrom(manager, version.documentId, backfill, idAt);
    // Provisions that now end in V or the version before it: their description is of their last text there.
    const targets = new Set(remapped.map((p) => p.to));
    const retreat = backfill.retreat.filter((r) => !targets.has(r.provisionId));
    if (retreat.length > 0) {
      await manager.query(
        `UPDATE provisions p SET heading_path = u.heading_path, text = u.text, fingerprint = u.fingerprint, clause_types = coalesce(u.clause_types, p.clause_types)
           FROM unnest($1::bigint[], $2::jsonb[], $3::text[], $4::text[], $5::jsonb[]) AS u(id, heading_path, text, fingerprint, clause_types)
          WHERE p.id = u.id`,
        [retreat.map((r) => r.provisionId), retreat.map((r) => JSON.stringify(r.headingPath)), retreat.map((r) => r.text), retreat.map((r) => r.fingerprint), retreat.map((r) => (r.clauseTypes ? JSON.stringify(r.clauseTypes) : null))],
      );
    }
    const touched = new Set([...backfill.recompute, ...remapped.flatMap((m) => [m.from, m.to])]);
    if (touched.size > 0) await this.recomputeLifecycles(manager, version.documentId, [...touched]);
    const restored = await this.restoredLater(manager, version.documentId, backfill, idAt);
    if (restored.length > 0) {
      await this.replace(manager, version.documentId, restored, null);
      await this.recomputeLifecycles(manager, version.documentId, restored.map((r) => r.to));
    }
    return idAt;
  }

  /**
   * For each provision the insert leaves removed before `next` (see LineageBackfill.reopened): the first
   * provision first held after `next` with its last text, which in time order would have restored it.
   */
  private async restoredLater(manager: EntityManager, documentId: string, backfill: LineageBackfill, idAt: Map<number, string>): Promise<Array<{ from: string; to: string }>> {
    if (backfill.reopened.length === 0) return [];
    const candidates = backfill.reopened.map((r) => ({ id: 'provisionId' in r.target ? r.target.provisionId : idAt.get(r.target.freshAt)!, text: r.text }));
    // One held again after `next` (restored there already) is not removed then: it restores nothing more.
    const heldLater: Array<{ id: string }> = await manager.query(
      `SELECT u.id::text FROM unnest($1::bigint[]) AS u(id)
        WHERE EXISTS (SELECT 1 FROM version_provisions vp JOIN versions v ON v.id = vp.version_id WHERE vp.provision_id = u.id AND v.captured_at >= $2)`,
      [candidates.map((c) => c.id), backfill.nextCapturedAt],
    );
    const held = new Set(heldLater.map((r) => r.id));
    const reopened = candidates.filter((c) => !held.has(c.id));
    if (reopened.length === 0) return [];
    const rows: Array<{ id: string; text: string }> = await manager.query(
      `SELECT f.id::text, vp.text
         FROM provisions f JOIN version_provisions vp ON vp.version_id = f.first_seen_version_id AND vp.provision_id = f.id
        WHERE f.document_id = $1 AND f.superseded_by_id IS NULL AND f.first_seen_at > $2 AND vp.text = ANY($3::text[])
        ORDER BY f.first_seen_at, f.id`,
      [documentId, backfill.nextCapturedAt, [...new Set(reopened.map((r) => r.text))]],
    );
    const claimed = new Set<string>();
    const pairs: Array<{ from: string; to: string }> = [];
    for (const r of reopened) {
      const found = rows.find((row) => row.text === r.text && !claimed.has(row.id));
      if (!found) continue;
      claimed.add(found.id);
      pairs.push({ from: found.id, to: r.id });
    }
    return pairs;
  }

  /** The version's list of provisions (position, provision, text), in chunks. */
  private async insertVersionProvisions(manager: EntityManager, versionId: string, after: ProvisionTexts, idAt: Map<number, string>): Promise<void> {
    for (const [start, end] of chunksOf(after.length)) {
      const rows = Array.from({ length: end - start }, (_, i) => after.at(start + i)!);
      await manager.query('INSERT INTO version_provisions (version_id, position, provision_id, text) SELECT $1, * FROM unnest($2::int[], $3::bigint[], $4::text[])', [
        versionId,
        rows.map((p) => p.index),
        rows.map((p) => idAt.get(p.index)),
        rows.map((p) => p.text),
      ]);
    }
  }

  private async newIds(manager: EntityManager, count: number): Promise<string[]> {
    if (count === 0) return [];
    const rows: Array<{ id: string }> = await manager.query(`SELECT nextval(pg_get_serial_sequence('provisions', 'id'))::text AS id FROM generate_series(1, $1)`, [count]);
    return rows.map((r) => r.id);
  }

  /**
   * Gives the version after an inserted one, and every later version, the provision IDs it would have
   * had in time order (see LineageBackfill). Returns the replacements, each target resolved to an ID.
   */
  private async remapFrom(manager: EntityManager, documentId: string, backfill: LineageBackfill, idAt: Map<number, string>): Promise<Array<{ from: string; to: string }>> {
    if (backfill.remap.length === 0) return [];
    const newcomers = backfill.remap.filter((r) => 'fresh' in r.to);
    const newcomerIds = await this.newIds(manager, newcomers.length);
    const toOf = new Map(newcomers.map((r, i) => [r.from, newcomerIds[i]]));
    const pairs = backfill.remap.map((r) => ({ from: r.from, to: 'provisionId' in r.to ? r.to.provisionId : 'freshAt' in r.to ? idAt.get(r.to.freshAt)! : toOf.get(r.from)! }));
    if (newcomers.length > 0) {
      // A clause the next version holds first: its description is that of the chain it takes over (set below).
      await manager.query(
        `INSERT INTO provisions (id, document_id, heading_path, text, fingerprint, clause_types, first_seen_version_id, last_seen_version_id, first_seen_at, last_seen_at)
         SELECT u.id, o.document_id, o.heading_path, o.text, o.fingerprint, o.clause_types, $3, $3, $4, $4
           FROM unnest($1::bigint[], $2::bigint[]) AS u(id, from_id) JOIN provisions o ON o.id = u.from_id`,
        [newcomerIds, newcomers.map((r) => r.from), backfill.nextVersionId, backfill.nextCapturedAt],
      );
    }
    await this.replace(manager, documentId, pairs, backfill.nextCapturedAt);
    return pairs;
  }

  /**
   * Replaces provision IDs in the versions captured since `since` (all versions when null): each target
   * takes over its source's chain there, so its latest description is the source's (one statement reads
   * every source as it was before it, so targets that are also sources swap cleanly). A source no
   * version holds any more is superseded by its target (and so is any record it superseded).
   */
  private async replace(manager: EntityManager, documentId: string, pairs: Array<{ from: string; to: string }>, since: Date | null): Promise<void> {
    const from = pairs.map((p) => p.from);
    const to = pairs.map((p) => p.to);
    await manager.query(
      `UPDATE provisions p SET heading_path = o.heading_path, text = o.text, fingerprint = o.fingerprint, clause_types = o.clause_types
         FROM unnest($1::bigint[], $2::bigint[]) AS m(from_id, to_id) JOIN provisions o ON o.id = m.from_id
        WHERE p.id = m.to_id`,
      [from, to],
    );
    await manager.query(
      `UPDATE version_provisions vp SET provision_id = m.to_id
         FROM unnest($1::bigint[], $2::bigint[]) AS m(from_id, to_id), versions v
        WHERE vp.provision_id = m.from_id AND v.id = vp.version_id AND v.document_id = $3 AND ($4::timestamptz IS NULL OR v.captured_at >= $4)`,
      [from, to, documentId, since],
    );
    const superseded: Array<{ id: string; by: string }> = await manager.query(
      `WITH u AS (
         UPDATE provisions p SET superseded_by_id = m.to_id
           FROM unnest($1::bigint[], $2::bigint[]) AS m(from_id, to_id)
          WHERE p.id = m.from_id AND NOT EXISTS (SELECT 1 FROM version_provisions vp WHERE vp.provision_id = p.id)
          RETURNING p.id, p.superseded_by_id)
       SELECT id::text, superseded_by_id::text AS by FROM u`,
      [from, to],
    );
    if (superseded.length > 0) {
      await manager.query(
        `UPDATE provisions p SET superseded_by_id = u.by FROM unnest($1::bigint[], $2::bigint[]) AS u(id, by)
          WHERE p.document_id = $3 AND p.superseded_by_id = u.id`,
        [superseded.map((s) => s.id), superseded.map((s) => s.by), documentId],
      );
    }
  }

  /**
   * First and last seen, removed in (the version after the last one holding it, if any), change count
   * (consecutive holders with different texts) and latest text, from the versions that hold each
   * provision: what capturing in time order would have recorded. Superseded provisions keep theirs.
   */
  private async recomputeLifecycles(manager: EntityManager, documentId: string, ids: string[]): Promise<void> {
    await manager.query(
      `WITH h AS (
         SELECT vp.provision_id AS id, v.id AS vid, v.captured_at AS at, vp.text,
                lag(vp.text) OVER (PARTITION BY vp.provision_id ORDER BY v.captured_at, v.id) AS prev,
                row_number() OVER (PARTITION BY vp.provision_id ORDER BY v.captured_at, v.id) AS n_asc,
                row_number() OVER (PARTITION BY vp.provision_id ORDER BY v.captured_at DESC, v.id DESC) AS n_desc
           FROM version_provisions vp JOIN versions v ON v.id = vp.version_id
          WHERE vp.provision_id = ANY($1::bigint[])),
       s AS (
         SELECT id, max(vid) FILTER (WHERE n_asc = 1) AS first_v, max(at) FILTER (WHERE n_asc = 1) AS first_at,
                max(vid) FILTER (WHERE n_desc = 1) AS last_v, max(at) FILTER (WHERE n_desc = 1) AS last_at,
                max(text) FILTER (WHERE n_desc = 1) AS last_text,
                (count(*) FILTER (WHERE prev IS NOT NULL AND prev <> text))::int AS changes
           FROM h GROUP BY id)
       UPDATE provisions p SET first_seen_version_id = s.first_v, first_seen_at = s.first_at, last_seen_version_id = s.last_v, last_seen_at = s.last_at,
              text = s.last_text, change_count = s.changes, removed_in_version_id = r.id, removed_at = r.captured_at
         FROM s LEFT JOIN LATERAL (
                SELECT v.id, v.captured_at FROM versions v
                 WHERE v.document_id = $2 AND (v.captured_at, v.id) > (s.last_at, s.last_v) ORDER BY v.captured_at, v.id LIMIT 1) r ON true
        WHERE p.id = s.id AND p.superseded_by_id IS NULL`,
      [ids, documentId],
    );
  }
}
