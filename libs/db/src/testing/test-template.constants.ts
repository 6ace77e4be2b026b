/** The migrated database every integration test file clones its own database from. */
export const TEST_TEMPLATE_DATABASE = 'clausewatch_template';
