import { MigrationInterface, QueryRunner } from 'typeorm';

/** The first schema: records with permanent IDs minted from sequences, the archive, and the outbox. */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Record IDs: one sequence per kind, never reset, so an ID is never reused; the prefix is read
    // from settings at insert time so that changing RECORD_ID_PREFIX never renames old records.
    for (const kind of ['e', 'd', 'v', 'p', 'c']) await queryRunner.query(`CREATE SEQUENCE record_seq_${kind}`);
    await queryRunner.query(`CREATE FUNCTION mint_record_id(kind text) RETURNS text LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        prefix text;
        n bigint;
        width int;
      BEGIN
        SELECT value INTO prefix FROM settings WHERE key = 'record_id_prefix';
        n := nextval('record_seq_' || lower(kind));
        width := CASE kind WHEN 'E' THEN 5 WHEN 'D' THEN 5 WHEN 'V' THEN 7 ELSE 6 END;
        RETURN coalesce(prefix, 'CW') || '-' || kind || '-' || lpad(n::text, greatest(width, length(n::text)), '0');
      END $$`);
    await queryRunner.query(`CREATE TABLE "change_records" ("id" BIGSERIAL NOT NULL, "record_id" text NOT NULL DEFAULT mint_record_id('C'), "document_id" bigint NOT NULL, "from_version_id" bigint NOT NULL, "to_version_id" bigint NOT NULL, "kind" text NOT NULL, "severity" text NOT NULL, "alert_eligible" boolean NOT NULL, "revert_of_version_id" bigint, "summary" text NOT NULL, "reasons" jsonb NOT NULL DEFAULT '[]', "clauses" jsonb NOT NULL DEFAULT '[]', "clause_types" jsonb NOT NULL DEFAULT '[]', "analyzer_version" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_db140c3807fedd532dcea482dd9" UNIQUE ("record_id"), CONSTRAINT "UQ_9729cf6cb278d5a0c40c4d82922" UNIQUE ("to_version_id"), CONSTRAINT "PK_1f149ef1be994469c12d6796ca6" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_01ab19a057a327b5cc895f10f7" ON "change_records"  ("document_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "checks" ("id" BIGSERIAL NOT NULL, "document_id" bigint NOT NULL, "trigger" text NOT NULL, "attempt" integer NOT NULL DEFAULT '1', "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "duration_ms" integer NOT NULL, "outcome" text NOT NULL, "cause" text, "http_status" integer, "fetcher" text, "final_url" text, "raw_sha256" character(64), "text_sha256" character(64), "etag" text, "last_modified" text, "version_id" bigint, CONSTRAINT "PK_5b78bc7432d3654a701ca5f35e5" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_8f13a5be91a13d7d83baf0923b" ON "checks"  ("document_id", "started_at") `);
    await queryRunner.query(`CREATE TABLE "platforms" ("id" BIGSERIAL NOT NULL, "record_id" text NOT NULL DEFAULT mint_record_id('E'), "slug" text NOT NULL, "name" text NOT NULL, "homepage" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_eabbf8521c5456ad5e5c373fd71" UNIQUE ("record_id"), CONSTRAINT "UQ_5bf1e9dbac57a0ee34037a63287" UNIQUE ("slug"), CONSTRAINT "PK_3b879853678f7368d46e52b81c6" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "documents" ("id" BIGSERIAL NOT NULL, "record_id" text NOT NULL DEFAULT mint_record_id('D'), "platform_id" bigint NOT NULL, "title" text NOT NULL, "type" text NOT NULL, "sources" jsonb NOT NULL, "fetcher" text NOT NULL DEFAULT 'auto', "check_interval_minutes" integer NOT NULL DEFAULT '360', "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_3a663038c7994e8b20f9875af34" UNIQUE ("record_id"), CONSTRAINT "PK_ac51aa5181ee2036f5ca482857c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_63941462049f45c9ea09eb6569" ON "documents"  ("platform_id", "type") `);
    await queryRunner.query(`CREATE TABLE "ledger_leaves" ("leaf_index" bigint NOT NULL, "version_id" bigint NOT NULL, "leaf" bytea NOT NULL, "leaf_hash" bytea NOT NULL, CONSTRAINT "UQ_f20a85c139c2b4e34d8b14cab87" UNIQUE ("version_id"), CONSTRAINT "PK_a45b1bf04400a2c1598056f7be2" PRIMARY KEY ("leaf_index"))`);
    await queryRunner.query(`CREATE TABLE "ledger_nodes" ("level" smallint NOT NULL, "node_index" bigint NOT NULL, "hash" bytea NOT NULL, CONSTRAINT "PK_dfe0b461ebf90637cfadaafd66a" PRIMARY KEY ("level", "node_index"))`);
    await queryRunner.query(`CREATE TABLE "ledger_tree_heads" ("tree_size" bigint NOT NULL, "root_hash" bytea NOT NULL, "signed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "signature" bytea NOT NULL, "key_id" text NOT NULL, CONSTRAINT "PK_b4f1f8604706f61fb6622fab696" PRIMARY KEY ("tree_size"))`);
    await queryRunner.query(`CREATE TABLE "ledger_keys" ("key_id" text NOT NULL, "public_key_pem" text NOT NULL, "private_key_pem" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ce19185c4c50e3d09f85596963d" PRIMARY KEY ("key_id"))`);
    await queryRunner.query(`CREATE TABLE "settings" ("key" text NOT NULL, "value" text NOT NULL, CONSTRAINT "PK_c8639b7626fa94ba8265628f214" PRIMARY KEY ("key"))`);
    await queryRunner.query(`CREATE TABLE "notifications" ("id" BIGSERIAL NOT NULL, "subscriber_id" bigint NOT NULL, "change_record_id" bigint NOT NULL, "channel" text NOT NULL, "status" text NOT NULL DEFAULT 'pending', "idempotency_key" text NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "provider_message_id" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_5af2abaf70226e88b27ae3b6391" UNIQUE ("idempotency_key"), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_f2d55235c08cc1d7bbd649256d" ON "notifications"  ("status", "channel") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_a9c85915083256ef2ec9c69fe0" ON "notifications"  ("subscriber_id", "change_record_id", "channel") `);
    await queryRunner.query(`CREATE TABLE "provisions" ("id" BIGSERIAL NOT NULL, "record_id" text NOT NULL DEFAULT mint_record_id('P'), "document_id" bigint NOT NULL, "heading_path" jsonb NOT NULL DEFAULT '[]', "text" text NOT NULL, "fingerprint" text NOT NULL, "clause_types" jsonb NOT NULL DEFAULT '[]', "first_seen_version_id" bigint NOT NULL, "last_seen_version_id" bigint NOT NULL, "first_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "change_count" integer NOT NULL DEFAULT '0', "removed_in_version_id" bigint, "removed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_d71033fc733fd05e69c00566f42" UNIQUE ("record_id"), CONSTRAINT "PK_6ec9c596e6052e5f311248bbf3c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_2c4078d34dbe98a1f13e6689c1" ON "provisions"  ("document_id") `);
    await queryRunner.query(`CREATE TABLE "version_provisions" ("version_id" bigint NOT NULL, "position" integer NOT NULL, "provision_id" bigint NOT NULL, "text" text NOT NULL, CONSTRAINT "PK_94cda4ac3afc362e00edd466d86" PRIMARY KEY ("version_id", "position"))`);
    await queryRunner.query(`CREATE INDEX "IDX_ce6930b6272e1fb91969774be4" ON "version_provisions"  ("provision_id") `);
    await queryRunner.query(`CREATE TABLE "snapshots" ("id" BIGSERIAL NOT NULL, "raw_sha256" character(64) NOT NULL, "content_type" text, "byte_size" integer NOT NULL, "body" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_b86d16a3e566c8b3e80b8b987fa" UNIQUE ("raw_sha256"), CONSTRAINT "PK_f5661b5fd4224d23e26a631986b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "subscribers" ("id" BIGSERIAL NOT NULL, "email" text NOT NULL, "plan" text NOT NULL DEFAULT 'free', "min_severity" text NOT NULL DEFAULT 'low', "timezone" text NOT NULL DEFAULT 'UTC', "digest_day" smallint NOT NULL DEFAULT '1', "unsubscribe_token" text NOT NULL, "unsubscribed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_1a7163c08f0e57bd1c9821508b1" UNIQUE ("email"), CONSTRAINT "UQ_d18c3a9551d938e5594571ae8b9" UNIQUE ("unsubscribe_token"), CONSTRAINT "PK_cbe0a7a9256c826f403c0236b67" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "follows" ("id" BIGSERIAL NOT NULL, "subscriber_id" bigint NOT NULL, "platform_id" bigint, "clause_type" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8988f607744e16ff79da3b8a627" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_c9c0e91817212f247729f7468f" ON "follows"  ("platform_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_be58875485b0b447c0d9516d1f" ON "follows"  ("subscriber_id", "platform_id", "clause_type") `);
    await queryRunner.query(`CREATE TABLE "versions" ("id" BIGSERIAL NOT NULL, "record_id" text NOT NULL DEFAULT mint_record_id('V'), "document_id" bigint NOT NULL, "snapshot_id" bigint NOT NULL, "raw_sha256" character(64) NOT NULL, "text_sha256" character(64) NOT NULL, "cosmetic_fingerprint" text NOT NULL, "markdown" text NOT NULL, "title" text, "extractor_version" text NOT NULL, "source_url" text NOT NULL, "final_url" text, "captured_at" TIMESTAMP WITH TIME ZONE NOT NULL, "http_status" integer, "fetcher" text NOT NULL, "origin" text NOT NULL DEFAULT 'fetch', "confirmed_at" TIMESTAMP WITH TIME ZONE, "revert_of_version_id" bigint, "ledger_index" bigint, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_88f3b9c8e2a8e892b90e48548c9" UNIQUE ("record_id"), CONSTRAINT "UQ_1776f6fb19c2b69561140b03aae" UNIQUE ("ledger_index"), CONSTRAINT "PK_921e9a820c96cc2cd7d4b3a107b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_e4416740132a48431f6716d7ee" ON "versions"  ("document_id", "cosmetic_fingerprint") `);
    await queryRunner.query(`CREATE INDEX "IDX_0c4ca536865f03c7505d7cec0d" ON "versions"  ("document_id", "text_sha256") `);
    await queryRunner.query(`CREATE INDEX "IDX_f05ae7ee99aeaa5ed39a2f48a8" ON "versions"  ("document_id", "captured_at") `);
    await queryRunner.query(`ALTER TABLE "documents" ADD CONSTRAINT "FK_331550c7e2d140d077014cfb522" FOREIGN KEY ("platform_id") REFERENCES "platforms"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "versions" ADD CONSTRAINT "FK_5d8d3cff58c0ec6880b2294ffe3" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "versions" ADD CONSTRAINT "FK_f0b21d5cd19b2944e45fd36c939" FOREIGN KEY ("snapshot_id") REFERENCES "snapshots"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['versions', 'follows', 'subscribers', 'snapshots', 'version_provisions', 'provisions', 'notifications', 'settings', 'ledger_keys', 'ledger_tree_heads', 'ledger_nodes', 'ledger_leaves', 'documents', 'platforms', 'checks', 'change_records']) {
      await queryRunner.query(`DROP TABLE "${table}" CASCADE`);
    }
    await queryRunner.query(`DROP FUNCTION mint_record_id(text)`);
    for (const kind of ['e', 'd', 'v', 'p', 'c']) await queryRunner.query(`DROP SEQUENCE record_seq_${kind}`);
  }
}
