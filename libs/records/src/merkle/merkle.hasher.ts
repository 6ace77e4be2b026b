import { createHash } from 'node:crypto';
import { HASH_BYTES, LEAF_HASH_PREFIX, NODE_HASH_PREFIX } from '../records.constants';

const LEAF_PREFIX = Buffer.from([LEAF_HASH_PREFIX]);
const NODE_PREFIX = Buffer.from([NODE_HASH_PREFIX]);

/** SHA-256(0x00 || leaf), RFC 6962 §2.1. */
export function hashLeaf(leaf: Uint8Array): Buffer {
  return createHash('sha256').update(LEAF_PREFIX).update(leaf).digest();
}

/** SHA-256(0x01 || left || right), RFC 6962 §2.1. */
export function hashChildren(left: Uint8Array, right: Uint8Array): Buffer {
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}

/** MTH({}) = SHA-256() — the root of the empty log. */
export function emptyRoot(): Buffer {
  return createHash('sha256').digest();
}

export function isHash(value: Uint8Array): boolean {
  return value.length === HASH_BYTES;
}

export function toHex(hash: Uint8Array): string {
  return Buffer.from(hash).toString('hex');
}

/** Strict: 64 lowercase or uppercase hex digits, nothing else (Buffer.from would silently truncate). */
export function fromHex(hex: string): Buffer | null {
  return /^[0-9a-fA-F]{64}$/.test(hex) ? Buffer.from(hex, 'hex') : null;
}
