import { RECORD_CHANGES_CHANNEL } from './record-changes.constants';

/** A dedicated connection (node-postgres's Client) that listens on the record-changes channel. */
export interface ChannelClient {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

/** Subscribes the connection to the record IDs the database announces as changed on commit. */
export async function listenForRecordChanges(client: ChannelClient): Promise<void> {
  await client.query(`LISTEN ${RECORD_CHANGES_CHANNEL}`);
}

/**
 * Sends `token` on the record-changes channel: notifications arrive in commit order, so a listener
 * that hears it has heard every change committed before it was sent.
 */
export async function sendRecordChangesBarrier(client: ChannelClient, token: string): Promise<void> {
  await client.query('SELECT pg_notify($1, $2)', [RECORD_CHANGES_CHANNEL, token]);
}
