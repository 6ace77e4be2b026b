import { classify, Provision as SplitProvision, splitProvisions } from '@clausewatch/analyzer';
import { Version } from '@clausewatch/db';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { planLineage } from './lineage.planner';

export interface LineageOutcome {
  kept: number;
  added: number;
  /** Removed earlier and back word for word: the old ID again. */
  restored: number;
  removed: number;
  changed: number;
}

function clauseTypesOf(text: string): string[] {
  return classify(text).clauseTypes.map((t) => t.id);
}

/**
 * Follows provisions across versions: records which provisions each version holds
 * (`version_provisions`) and carries provision IDs from the previous version along the analyzer's
 * alignment, so a cited clause keeps its ID while it survives rewording or moving.
 */
@Injectable()
export class LineageService {
  /** Call in the capture transaction, after the version insert, with the version it follows (if any). */
  async recordVersion(manager: EntityManager, version: Version, previous: Version | null): Promise<LineageOutcome> {
    const after = splitProvisions(version.markdown);
    let before: SplitProvision[] = [];
    const beforeIds: string[] = [];
    if (previous) {
      before = splitProvisions(previous.markdown);
      const rows: Array<{ position: number; provision_id: string; text: string }> = await manager.query(
        'SELECT position, provision_id, text FROM version_provisions WHERE version_id = $1',
        [previous.id],
      );
      // Positions are the splitter's indexes; a row whose text no longer matches (another splitter) is not carried.
      for (const row of rows) if (before[row.position]?.text === row.text) beforeIds[row.position] = row.provision_id;
    }
    const plan = planLineage(before, beforeIds, after);
    const idAt = new Map<number, string>(plan.kept.map((k) => [k.afterIndex, k.provisionId]));
    const restored = await this.restore(manager, version, after, plan.added);
    for (const [index, id] of restored) idAt.set(index, id);
    const fresh = plan.added.filter((index) => !restored.has(index));

    if (fresh.length > 0) {
      const ids: Array<{ id: string }> = await manager.query(`SELECT nextval(pg_get_serial_sequence('provisions', 'id'))::text AS id FROM generate_series(1, $1)`, [fresh.length]);
      const added = fresh.map((index, i) => ({ id: ids[i].id, index, provision: after[index] }));
      await manager.query(
        `INSERT INTO provisions (id, document_id, heading_path, text, fingerprint, clause_types, first_seen_version_id, last_seen_version_id, first_seen_at, last_seen_at)
         SELECT u.id, $1, u.heading_path, u.text, u.fingerprint, u.clause_types, $2, $2, $3, $3
           FROM unnest($4::bigint[], $5::jsonb[], $6::text[], $7::text[], $8::jsonb[]) AS u(id, heading_path, text, fingerprint, clause_types)`,
        [
          version.documentId,
          version.id,
          version.capturedAt,
          added.map((a) => a.id),
          added.map((a) => JSON.stringify(a.provision.headingPath)),
          added.map((a) => a.provision.text),
          added.map((a) => a.provision.fingerprint),
          added.map((a) => JSON.stringify(clauseTypesOf(a.provision.text))),
        ],
      );
      added.forEach((a) => idAt.set(a.index, a.id));
    }

    if (plan.kept.length > 0) {
      // Only a changed text is classified again; the others keep their clause types (NULL → coalesce).
      await manager.query(
        `UPDATE provisions p SET heading_path = u.heading_path, text = u.text, fingerprint = u.fingerprint,
                clause_types = coalesce(u.clause_types, p.clause_types), change_count = p.change_count + u.changed::int,
                last_seen_version_id = $1, last_seen_at = $2
           FROM unnest($3::bigint[], $4::jsonb[], $5::text[], $6::text[], $7::jsonb[], $8::boolean[]) AS u(id, heading_path, text, fingerprint, clause_types, changed)
          WHERE p.id = u.id`,
        [
          version.id,
          version.capturedAt,
          plan.kept.map((k) => k.provisionId),
          plan.kept.map((k) => JSON.stringify(after[k.afterIndex].headingPath)),
          plan.kept.map((k) => after[k.afterIndex].text),
          plan.kept.map((k) => after[k.afterIndex].fingerprint),
          plan.kept.map((k) => (k.textChanged ? JSON.stringify(clauseTypesOf(after[k.afterIndex].text)) : null)),
          plan.kept.map((k) => k.textChanged),
        ],
      );
    }

    if (plan.removed.length > 0) {
      await manager.query('UPDATE provisions SET removed_in_version_id = $1, removed_at = $2 WHERE id = ANY($3::bigint[]) AND removed_at IS NULL', [
        version.id,
        version.capturedAt,
        plan.removed,
      ]);
    }

    if (after.length > 0) {
      await manager.query(
        'INSERT INTO version_provisions (version_id, position, provision_id, text) SELECT $1, * FROM unnest($2::int[], $3::bigint[], $4::text[])',
        [version.id, after.map((p) => p.index), after.map((p) => idAt.get(p.index)), after.map((p) => p.text)],
      );
    }
    return {
      kept: plan.kept.length,
      added: fresh.length,
      restored: restored.size,
      removed: plan.removed.length,
      changed: plan.kept.filter((k) => k.textChanged).length,
    };
  }

  /**
   * A provision that comes back word for word after it was removed (a reverted change, a section
   * put back) gets its old ID again: a citation of it stays good. Matched on the fingerprint
   * among the document's removed provisions, the most recently removed first.
   */
  private async restore(manager: EntityManager, version: Version, after: SplitProvision[], added: number[]): Promise<Map<number, string>> {
    const restored = new Map<number, string>();
    if (added.length === 0) return restored;
    const rows: Array<{ id: string; fingerprint: string }> = await manager.query(
      `SELECT id::text, fingerprint FROM provisions
        WHERE document_id = $1 AND removed_at IS NOT NULL AND fingerprint = ANY($2::text[])
        ORDER BY removed_at DESC, id DESC`,
      [version.documentId, added.map((index) => after[index].fingerprint)],
    );
    const candidates = new Map<string, string[]>();
    for (const row of rows) candidates.set(row.fingerprint, [...(candidates.get(row.fingerprint) ?? []), row.id]);
    for (const index of added) {
      const id = candidates.get(after[index].fingerprint)?.shift();
      if (id) restored.set(index, id);
    }
    if (restored.size === 0) return restored;
    const entries = [...restored];
    await manager.query(
      `UPDATE provisions p SET removed_in_version_id = NULL, removed_at = NULL, heading_path = u.heading_path, text = u.text,
              change_count = p.change_count + (p.text <> u.text)::int, last_seen_version_id = $1, last_seen_at = $2
         FROM unnest($3::bigint[], $4::jsonb[], $5::text[]) AS u(id, heading_path, text)
        WHERE p.id = u.id`,
      [
        version.id,
        version.capturedAt,
        entries.map(([, id]) => id),
        entries.map(([index]) => JSON.stringify(after[index].headingPath)),
        entries.map(([index]) => after[index].text),
      ],
    );
    return restored;
  }
}
