// The ledger's signing key lives outside the database: whoever can rewrite the database must not be
// able to re-sign the log. It comes from LEDGER_SIGNING_KEY (a secret store) or a key file under
// DATA_DIR readable by its owner only; the database keeps public keys alone.
import { appendFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createPublicKey } from 'node:crypto';
import { dirname, join } from 'node:path';
import { RecordsError, RecordsErrorCode } from '../records.error';
import { generateLedgerKey, keyIdOf, LedgerKey, loadPrivateKey, SignedTreeHead } from './tree-head.signer';

export interface LedgerKeySource {
  /** PKCS#8 PEM (literal `\n` escapes allowed, as env files write them); null: the key file. */
  signingKeyPem: string | null;
  dataDir: string;
}

export type LedgerKeyOrigin = 'environment' | 'key-file' | 'new-key-file';

export function ledgerKeyFile(dataDir: string): string {
  return join(dataDir, 'ledger', 'signing-key.pem');
}

export function treeHeadsLogFile(dataDir: string): string {
  return join(dataDir, 'ledger', 'tree-heads.log');
}

function fromPrivatePem(pem: string): LedgerKey {
  const privateKey = loadPrivateKey(pem);
  const publicKey = createPublicKey(privateKey);
  const publicKeyPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(12);
  return { privateKeyPem: pem, publicKeyPem, publicKeyBase64: raw.toString('base64'), keyId: keyIdOf(publicKey) };
}

function readKeyFile(file: string): LedgerKey {
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new RecordsError(RecordsErrorCode.InvalidKey, `${file} is readable by others (mode ${mode.toString(8)}); chmod 600 it`);
  }
  return fromPrivatePem(readFileSync(file, 'utf8'));
}

/**
 * The signing key: LEDGER_SIGNING_KEY when set, else DATA_DIR/ledger/signing-key.pem, created (mode
 * 0600, exclusively, so two processes sharing DATA_DIR agree on one key) when missing.
 */
export function loadOrCreateLedgerKey(source: LedgerKeySource): { key: LedgerKey; origin: LedgerKeyOrigin } {
  if (source.signingKeyPem) return { key: fromPrivatePem(source.signingKeyPem.replace(/\\n/g, '\n')), origin: 'environment' };
  const file = ledgerKeyFile(source.dataDir);
  try {
    return { key: readKeyFile(file), origin: 'key-file' };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const key = generateLedgerKey();
  try {
    writeFileSync(file, key.privateKeyPem, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { key: readKeyFile(file), origin: 'key-file' };
    throw error;
  }
  return { key, origin: 'new-key-file' };
}

/** Appends a signed tree head to DATA_DIR/ledger/tree-heads.log (one JSON line), for an operator to publish or push to a witness. */
export function appendTreeHeadLog(dataDir: string, head: SignedTreeHead): void {
  const file = treeHeadsLogFile(dataDir);
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  appendFileSync(file, `${JSON.stringify(head)}\n`, { mode: 0o644 });
}
