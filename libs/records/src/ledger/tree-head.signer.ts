// Signed tree heads. The signed bytes follow the body of a C2SP tlog-checkpoint (origin, decimal
// size, base64 root hash) plus one `timestamp` extension line, so the payload is plain text that
// an outsider can rebuild with no JSON canonicalisation; the signature is raw Ed25519 over it.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, sign, verify } from 'node:crypto';
import { fromHex } from '../merkle/merkle.hasher';
import { RecordsError, RecordsErrorCode } from '../records.error';

export interface TreeHead {
  /** Names the log; one line of text. */
  origin: string;
  treeSize: number;
  /** Lowercase hex. */
  rootHash: string;
  /** ISO 8601 UTC as Date#toISOString writes it. */
  timestamp: string;
}

export interface SignedTreeHead extends TreeHead {
  /** Hex SHA-256 of the raw 32-byte public key, to pick the key after a rotation. Not signed. */
  keyId: string;
  /** Base64 Ed25519 signature over serializeTreeHead(head). */
  signature: string;
}

export interface LedgerKey {
  privateKeyPem: string;
  publicKeyPem: string;
  /** The raw 32-byte Ed25519 public key, base64. */
  publicKeyBase64: string;
  keyId: string;
}

const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

function invalidHead(message: string): RecordsError {
  return new RecordsError(RecordsErrorCode.InvalidTreeHead, message);
}

/** The raw 32-byte Ed25519 key (what bundles and scripts/verify-record.mjs carry, base64). */
export function rawPublicKey(key: KeyObject): Buffer {
  return key.export({ format: 'der', type: 'spki' }).subarray(ED25519_SPKI_PREFIX.length);
}

export function keyIdOf(publicKey: KeyObject | string): string {
  const key = typeof publicKey === 'string' ? loadPublicKey(publicKey) : publicKey;
  return createHash('sha256').update(rawPublicKey(key)).digest('hex');
}

/** A new Ed25519 key pair; the integrator creates it once, keeps the private PEM secret and publishes the rest. */
export function generateLedgerKey(): LedgerKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    publicKeyBase64: rawPublicKey(publicKey).toString('base64'),
    keyId: keyIdOf(publicKey),
  };
}

/** Accepts an SPKI PEM or the base64 of the raw 32-byte key. */
export function loadPublicKey(text: string): KeyObject {
  try {
    const trimmed = text.trim();
    const key = trimmed.startsWith('-----BEGIN')
      ? createPublicKey(trimmed)
      : createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, rawBase64Key(trimmed)]), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`a ${key.asymmetricKeyType} key`);
    return key;
  } catch (error) {
    throw new RecordsError(RecordsErrorCode.InvalidKey, `not an Ed25519 public key: ${(error as Error).message}`);
  }
}

function rawBase64Key(text: string): Buffer {
  const raw = /^[A-Za-z0-9+/]{43}=$/.test(text) ? Buffer.from(text, 'base64') : Buffer.alloc(0);
  if (raw.length !== 32) throw new Error('expected 32 bytes of base64');
  return raw;
}

// Parsing a PEM costs ~0.7 ms, over ten times the signature itself; a log signs after every
// append with the same key, so the last key and each key's ID are remembered.
let lastPrivateKey: { pem: string; key: KeyObject } | undefined;
const keyIds = new WeakMap<KeyObject, string>();

/** Parses a PKCS#8 PEM Ed25519 private key; throws RecordsError(InvalidKey). */
export function loadPrivateKey(key: string | KeyObject): KeyObject {
  if (typeof key === 'string' && lastPrivateKey?.pem === key) return lastPrivateKey.key;
  try {
    const loaded = typeof key === 'string' ? createPrivateKey(key) : key;
    if (loaded.type !== 'private' || loaded.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 private key');
    if (typeof key === 'string') lastPrivateKey = { pem: key, key: loaded };
    return loaded;
  } catch (error) {
    throw new RecordsError(RecordsErrorCode.InvalidKey, `ledger private key: ${(error as Error).message}`);
  }
}

function keyIdOfPrivate(key: KeyObject): string {
  let id = keyIds.get(key);
  if (id === undefined) {
    id = keyIdOf(createPublicKey(key));
    keyIds.set(key, id);
  }
  return id;
}

/** The exact bytes that are signed. Throws RecordsError(InvalidTreeHead) on a malformed head. */
export function serializeTreeHead(head: TreeHead): Buffer {
  if (typeof head.origin !== 'string' || head.origin.length === 0 || /[\r\n]/.test(head.origin)) {
    throw invalidHead('origin must be one non-empty line');
  }
  if (!Number.isSafeInteger(head.treeSize) || head.treeSize < 0) throw invalidHead('treeSize must be a non-negative integer');
  const root = typeof head.rootHash === 'string' && /^[0-9a-f]{64}$/.test(head.rootHash) ? fromHex(head.rootHash) : null;
  if (!root) throw invalidHead('rootHash must be 64 lowercase hex digits');
  const time = typeof head.timestamp === 'string' ? new Date(head.timestamp) : new Date(NaN);
  if (Number.isNaN(time.getTime()) || time.toISOString() !== head.timestamp) throw invalidHead('timestamp must be ISO 8601 UTC');
  return Buffer.from(`${head.origin}\n${head.treeSize}\n${root.toString('base64')}\ntimestamp ${head.timestamp}\n`, 'utf8');
}

export function signTreeHead(head: TreeHead, privateKey: string | KeyObject): SignedTreeHead {
  const key = loadPrivateKey(privateKey);
  const signature = sign(null, serializeTreeHead(head), key).toString('base64');
  const { origin, treeSize, rootHash, timestamp } = head;
  return { origin, treeSize, rootHash, timestamp, keyId: keyIdOfPrivate(key), signature };
}

/** True when the signature over the head's serialisation checks with `publicKey`; false for anything malformed. */
export function verifyTreeHead(head: SignedTreeHead, publicKey: string | KeyObject): boolean {
  try {
    const key = typeof publicKey === 'string' ? loadPublicKey(publicKey) : publicKey;
    if (typeof head.signature !== 'string' || !/^[A-Za-z0-9+/]{86}==$/.test(head.signature)) return false;
    return verify(null, serializeTreeHead(head), key, Buffer.from(head.signature, 'base64'));
  } catch {
    return false;
  }
}
