import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * The column list and `$n` placeholders of one entity row for a raw INSERT (a statement that writes
 * several rows at once), its values appended to `params`. Column names come from the entity's metadata,
 * values only ever travel as parameters; JSON columns are sent as JSON text, as TypeORM's save does.
 */
export function insertSlots<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, row: object, params: unknown[]): { columns: string; slots: string } {
  const metadata = manager.connection.getMetadata(entity);
  const columns: string[] = [];
  const slots: string[] = [];
  for (const [property, value] of Object.entries(row)) {
    if (value === undefined) continue;
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${metadata.tableName} has no column for ${property}`);
    params.push((column.type === 'jsonb' || column.type === 'json') && value !== null ? JSON.stringify(value) : value);
    columns.push(`"${column.databaseName}"`);
    slots.push(`$${params.length}`);
  }
  return { columns: columns.join(', '), slots: slots.join(', ') };
}

/** An entity from a row a raw `RETURNING *` gave (every column, as TypeORM would have read it). */
export function entityFromRow<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, row: Record<string, unknown>): T {
  const hydrated = manager.create(entity) as T;
  for (const column of manager.connection.getMetadata(entity).columns) {
    if (column.databaseName in row) (hydrated as Record<string, unknown>)[column.propertyName] = row[column.databaseName];
  }
  return hydrated;
}
