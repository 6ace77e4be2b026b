import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `ledger_append`: one ledger append in one round trip (it was five or six). Under the ledger's
 * advisory lock it takes the next index, stores the leaf and its RFC 6962 leaf hash
 * (SHA-256 of 0x00 ‖ leaf), stores every complete subtree the leaf closes (SHA-256 of
 * 0x01 ‖ left ‖ right), and points the version at its leaf. The TypeScript MerkleLog stays the
 * reference: the caller compares the hashes this returns with its own, and the tests compare
 * every tree size with the in-memory log.
 */
export class LedgerAppend1796000000000 implements MigrationInterface {
  name = 'LedgerAppend1796000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION ledger_append(p_lock_key bigint, p_version_id bigint, p_leaf bytea, p_expected_index bigint DEFAULT NULL)
      RETURNS TABLE (appended_index bigint, appended_leaf_hash bytea, closing_hash bytea) LANGUAGE plpgsql AS $$
      DECLARE
        v_index bigint;
        v_leaf_hash bytea;
        v_hash bytea;
        v_left bytea;
        v_node bigint;
        v_level smallint := 0;
      BEGIN
        PERFORM pg_advisory_xact_lock(p_lock_key);
        SELECT coalesce(max(l.leaf_index) + 1, 0) INTO v_index FROM ledger_leaves l;
        IF p_expected_index IS NOT NULL AND p_expected_index <> v_index THEN
          RAISE EXCEPTION 'ledger leaf % is taken or out of order (the log has % leaves)', p_expected_index, v_index USING ERRCODE = 'CWL01';
        END IF;
        v_leaf_hash := sha256(decode('00', 'hex') || p_leaf);
        INSERT INTO ledger_leaves (leaf_index, version_id, leaf, leaf_hash) VALUES (v_index, p_version_id, p_leaf, v_leaf_hash);
        INSERT INTO ledger_nodes (level, node_index, hash) VALUES (0, v_index, v_leaf_hash);
        v_hash := v_leaf_hash;
        v_node := v_index;
        -- An odd index closes the subtree with its left sibling, and so on up while the index stays odd.
        WHILE v_node % 2 = 1 LOOP
          SELECT n.hash INTO v_left FROM ledger_nodes n WHERE n.level = v_level AND n.node_index = v_node - 1;
          IF v_left IS NULL THEN
            RAISE EXCEPTION 'ledger node (%, %) is missing', v_level, v_node - 1 USING ERRCODE = 'CWL02';
          END IF;
          v_hash := sha256(decode('01', 'hex') || v_left || v_hash);
          v_level := v_level + 1;
          v_node := (v_node - 1) / 2;
          INSERT INTO ledger_nodes (level, node_index, hash) VALUES (v_level, v_node, v_hash);
        END LOOP;
        UPDATE versions SET ledger_index = v_index WHERE id = p_version_id;
        RETURN QUERY SELECT v_index, v_leaf_hash, v_hash;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION ledger_append(bigint, bigint, bytea, bigint)`);
  }
}
