import { DataSource, EntityManager } from 'typeorm';

/** A provision of a new version as the splitter gives it. */
export interface ProvisionText {
  index: number;
  headingPath: string[];
  text: string;
  fingerprint: string;
}

/** Which provision each clause of a new version continues, planned before the capture transaction. */
export interface ProvisionLineageWrite {
  /** Every provision of the new version, in order. */
  after: ProvisionText[];
  /** Continued provisions; `clauseTypes` is null when the text did not change (the types are kept). */
  kept: Array<{ afterIndex: number; provisionId: string; textChanged: boolean; clauseTypes: string[] | null }>;
  /** Removed earlier and back word for word: the old ID again. */
  restored: Array<{ afterIndex: number; provisionId: string }>;
  /** Seen for the first time. */
  fresh: Array<{ afterIndex: number; clauseTypes: string[] }>;
  /** Provisions of the previous version that the new one no longer holds. */
  removed: string[];
  /**
   * Set for a version inserted before an existing one (a back-dated capture): provisions it continues
   * or shares keep their current state (it is not the newest knowledge); its own new clauses are
   * recorded as removed by the version after it.
   */
  backfill?: { nextVersionId: string; nextCapturedAt: Date };
}

export interface HeldProvision {
  position: number;
  provisionId: string;
  text: string;
}

/** Provision lineage: which clauses a version holds and how each is followed across versions. */
export class ProvisionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The provisions a version holds, by position (the splitter's index). */
  async heldBy(versionId: string, manager: EntityManager = this.dataSource.manager): Promise<HeldProvision[]> {
    const rows: Array<{ position: number; provision_id: string; text: string }> = await manager.query(
      'SELECT position, provision_id, text FROM version_provisions WHERE version_id = $1',
      [versionId],
    );
    return rows.map((r) => ({ position: r.position, provisionId: r.provision_id, text: r.text }));
  }

  /** Removed provisions of the document with one of these fingerprints, the most recently removed first. */
  async removedWithFingerprints(documentId: string, fingerprints: string[], manager: EntityManager = this.dataSource.manager): Promise<Array<{ id: string; fingerprint: string }>> {
    if (fingerprints.length === 0) return [];
    return manager.query(
      `SELECT id::text, fingerprint FROM provisions
        WHERE document_id = $1 AND removed_at IS NOT NULL AND fingerprint = ANY($2::text[])
        ORDER BY removed_at DESC, id DESC`,
      [documentId, fingerprints],
    );
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
    const idAt = new Map<number, string>(write.kept.map((k) => [k.afterIndex, k.provisionId]));
    const at = (index: number) => write.after[index];
    if (write.backfill) return this.recordBackfillLineage(manager, version, write, idAt);
    if (write.restored.length > 0) {
      await manager.query(
        `UPDATE provisions p SET removed_in_version_id = NULL, removed_at = NULL, heading_path = u.heading_path, text = u.text,
                change_count = p.change_count + (p.text <> u.text)::int, last_seen_version_id = $1, last_seen_at = $2
           FROM unnest($3::bigint[], $4::jsonb[], $5::text[]) AS u(id, heading_path, text)
          WHERE p.id = u.id`,
        [
          version.id,
          version.capturedAt,
          write.restored.map((r) => r.provisionId),
          write.restored.map((r) => JSON.stringify(at(r.afterIndex).headingPath)),
          write.restored.map((r) => at(r.afterIndex).text),
        ],
      );
      for (const r of write.restored) idAt.set(r.afterIndex, r.provisionId);
    }
    if (write.fresh.length > 0) {
      // IDs first, so each new clause knows its ID whatever order the rows are written in.
      const ids: Array<{ id: string }> = await manager.query(`SELECT nextval(pg_get_serial_sequence('provisions', 'id'))::text AS id FROM generate_series(1, $1)`, [
        write.fresh.length,
      ]);
      await manager.query(
        `INSERT INTO provisions (id, document_id, heading_path, text, fingerprint, clause_types, first_seen_version_id, last_seen_version_id, first_seen_at, last_seen_at)
         SELECT u.id, $1, u.heading_path, u.text, u.fingerprint, u.clause_types, $2, $2, $3, $3
           FROM unnest($4::bigint[], $5::jsonb[], $6::text[], $7::text[], $8::jsonb[]) AS u(id, heading_path, text, fingerprint, clause_types)`,
        [
          version.documentId,
          version.id,
          version.capturedAt,
          ids.map((r) => r.id),
          write.fresh.map((f) => JSON.stringify(at(f.afterIndex).headingPath)),
          write.fresh.map((f) => at(f.afterIndex).text),
          write.fresh.map((f) => at(f.afterIndex).fingerprint),
          write.fresh.map((f) => JSON.stringify(f.clauseTypes)),
        ],
      );
      ids.forEach((row, i) => idAt.set(write.fresh[i].afterIndex, row.id));
    }
    if (write.kept.length > 0) {
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
          write.kept.map((k) => k.provisionId),
          write.kept.map((k) => JSON.stringify(at(k.afterIndex).headingPath)),
          write.kept.map((k) => at(k.afterIndex).text),
          write.kept.map((k) => at(k.afterIndex).fingerprint),
          write.kept.map((k) => (k.clauseTypes ? JSON.stringify(k.clauseTypes) : null)),
          write.kept.map((k) => k.textChanged),
        ],
      );
    }
    if (write.removed.length > 0) {
      await manager.query('UPDATE provisions SET removed_in_version_id = $1, removed_at = $2 WHERE id = ANY($3::bigint[]) AND removed_at IS NULL', [
        version.id,
        version.capturedAt,
        write.removed,
      ]);
    }
    if (write.after.length > 0) {
      await manager.query(
        'INSERT INTO version_provisions (version_id, position, provision_id, text) SELECT $1, * FROM unnest($2::int[], $3::bigint[], $4::text[])',
        [version.id, write.after.map((p) => p.index), write.after.map((p) => idAt.get(p.index)), write.after.map((p) => p.text)],
      );
    }
    return idAt;
  }

  /** The lineage of an inserted version: only its own rows (see `ProvisionLineageWrite.backfill`). */
  private async recordBackfillLineage(
    manager: EntityManager,
    version: { id: string; documentId: string; capturedAt: Date },
    write: ProvisionLineageWrite,
    idAt: Map<number, string>,
  ): Promise<Map<number, string>> {
    const { nextVersionId, nextCapturedAt } = write.backfill!;
    const at = (index: number) => write.after[index];
    for (const r of write.restored) idAt.set(r.afterIndex, r.provisionId);
    if (write.fresh.length > 0) {
      const ids: Array<{ id: string }> = await manager.query(`SELECT nextval(pg_get_serial_sequence('provisions', 'id'))::text AS id FROM generate_series(1, $1)`, [
        write.fresh.length,
      ]);
      await manager.query(
        `INSERT INTO provisions (id, document_id, heading_path, text, fingerprint, clause_types, first_seen_version_id, last_seen_version_id, first_seen_at, last_seen_at, removed_in_version_id, removed_at)
         SELECT u.id, $1, u.heading_path, u.text, u.fingerprint, u.clause_types, $2, $2, $3, $3, $9, $10
           FROM unnest($4::bigint[], $5::jsonb[], $6::text[], $7::text[], $8::jsonb[]) AS u(id, heading_path, text, fingerprint, clause_types)`,
        [
          version.documentId,
          version.id,
          version.capturedAt,
          ids.map((r) => r.id),
          write.fresh.map((f) => JSON.stringify(at(f.afterIndex).headingPath)),
          write.fresh.map((f) => at(f.afterIndex).text),
          write.fresh.map((f) => at(f.afterIndex).fingerprint),
          write.fresh.map((f) => JSON.stringify(f.clauseTypes)),
          nextVersionId,
          nextCapturedAt,
        ],
      );
      ids.forEach((row, i) => idAt.set(write.fresh[i].afterIndex, row.id));
    }
    if (write.after.length > 0) {
      await manager.query(
        'INSERT INTO version_provisions (version_id, position, provision_id, text) SELECT $1, * FROM unnest($2::int[], $3::bigint[], $4::text[])',
        [version.id, write.after.map((p) => p.index), write.after.map((p) => idAt.get(p.index)), write.after.map((p) => p.text)],
      );
    }
    return idAt;
  }
}
