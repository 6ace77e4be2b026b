import { MigrationInterface, QueryRunner } from 'typeorm';

const VERSION_PROVISIONS_UNIQUE = 'UQ_version_provisions_version_provision';

/**
 * A version holds a provision at most once: two places of one version with the same provision ID would
 * make the provision's lineage and a citation of it ambiguous. DEFERRABLE INITIALLY IMMEDIATE: checked
 * at the end of each statement, not row by row, because the lineage writer swaps provision IDs between
 * places of a version in one UPDATE (a back-dated capture gives later versions the IDs of time order).
 */
export class VersionProvisionsUnique1798400000000 implements MigrationInterface {
  name = 'VersionProvisionsUnique1798400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await refuseDuplicates(queryRunner);
    await queryRunner.query(
      `ALTER TABLE "version_provisions" ADD CONSTRAINT "${VERSION_PROVISIONS_UNIQUE}" UNIQUE ("version_id", "provision_id") DEFERRABLE INITIALLY IMMEDIATE`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "version_provisions" DROP CONSTRAINT "${VERSION_PROVISIONS_UNIQUE}"`);
  }
}

/** An archive that already holds a duplicate is not repaired by guesswork: the migration stops (its transaction rolls back) and names them. */
async function refuseDuplicates(queryRunner: QueryRunner): Promise<void> {
  const duplicates: Array<{ version: string; provision: string; positions: number[] }> = await queryRunner.query(
    `SELECT v.record_id AS version, p.record_id AS provision, array_agg(vp.position ORDER BY vp.position) AS positions
       FROM version_provisions vp JOIN versions v ON v.id = vp.version_id JOIN provisions p ON p.id = vp.provision_id
      GROUP BY v.record_id, p.record_id HAVING count(*) > 1 ORDER BY v.record_id, p.record_id LIMIT 20`,
  );
  if (duplicates.length === 0) return;
  const listed = duplicates.map((d) => `${d.version} holds ${d.provision} at positions ${d.positions.join(', ')}`).join('; ');
  throw new Error(
    `version_provisions: a version holds the same provision more than once (${listed}${duplicates.length === 20 ? '; …' : ''}); ` +
      'nothing was changed: keep one place per version and provision, then migrate again',
  );
}
