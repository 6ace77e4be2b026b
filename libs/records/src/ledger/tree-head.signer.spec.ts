import { generateKeyPairSync } from 'node:crypto';
import { RecordsErrorCode } from '../records.error';
import { generateLedgerKey, keyIdOf, loadPublicKey, serializeTreeHead, signTreeHead, TreeHead, verifyTreeHead } from './tree-head.signer';

const head: TreeHead = {
  origin: 'clausewatch.ledger/v1',
  treeSize: 1234,
  rootHash: 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  timestamp: '2025-01-02T03:04:05.678Z',
};

describe('signed tree heads', () => {
  const key = generateLedgerKey();

  it('signs a checkpoint-style text body that outsiders can rebuild', () => {
    expect(serializeTreeHead(head).toString('utf8')).toBe(
      'clausewatch.ledger/v1\n1234\n037kGJdt2VdTwcc4Yrk5j6Kiz5tP8P3+izDNlSCWFLc=\ntimestamp 2025-01-02T03:04:05.678Z\n',
    );
  });

  it('verifies with the PEM and with the base64 raw public key', () => {
    const signed = signTreeHead(head, key.privateKeyPem);
    expect(signed.keyId).toBe(key.keyId);
    expect(keyIdOf(key.publicKeyBase64)).toBe(key.keyId);
    expect(verifyTreeHead(signed, key.publicKeyPem)).toBe(true);
    expect(verifyTreeHead(signed, key.publicKeyBase64)).toBe(true);
  });

  it('signs with whichever key it is given, also when keys alternate', () => {
    const other = generateLedgerKey();
    for (const k of [key, other, key, other]) {
      const signed = signTreeHead(head, k.privateKeyPem);
      expect(signed.keyId).toBe(k.keyId);
      expect(verifyTreeHead(signed, k.publicKeyBase64)).toBe(true);
    }
  });

  it('rejects a head with any signed field changed, a flipped signature bit, or another key', () => {
    const signed = signTreeHead(head, key.privateKeyPem);
    const changed = [
      { ...signed, treeSize: 1235 },
      { ...signed, origin: 'another.log' },
      { ...signed, rootHash: `${signed.rootHash.slice(0, 63)}6` },
      { ...signed, timestamp: '2025-01-02T03:04:05.679Z' },
    ];
    for (const forged of changed) expect(verifyTreeHead(forged, key.publicKeyPem)).toBe(false);
    const sig = Buffer.from(signed.signature, 'base64');
    sig[10] ^= 1;
    expect(verifyTreeHead({ ...signed, signature: sig.toString('base64') }, key.publicKeyPem)).toBe(false);
    expect(verifyTreeHead(signed, generateLedgerKey().publicKeyPem)).toBe(false);
    expect(verifyTreeHead({ ...signed, signature: 'not base64' }, key.publicKeyPem)).toBe(false);
  });

  it('refuses malformed heads and non-Ed25519 keys with typed errors', () => {
    expect(() => serializeTreeHead({ ...head, origin: 'two\nlines' })).toThrow(expect.objectContaining({ code: RecordsErrorCode.InvalidTreeHead }));
    expect(() => serializeTreeHead({ ...head, rootHash: head.rootHash.toUpperCase() })).toThrow(expect.objectContaining({ code: RecordsErrorCode.InvalidTreeHead }));
    expect(() => serializeTreeHead({ ...head, timestamp: '2025-01-02' })).toThrow(expect.objectContaining({ code: RecordsErrorCode.InvalidTreeHead }));
    expect(() => serializeTreeHead({ ...head, treeSize: -1 })).toThrow(expect.objectContaining({ code: RecordsErrorCode.InvalidTreeHead }));
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'pem', type: 'spki' }).toString();
    expect(() => loadPublicKey(rsa)).toThrow(expect.objectContaining({ code: RecordsErrorCode.InvalidKey }));
    expect(() => loadPublicKey('AAAA')).toThrow(expect.objectContaining({ code: RecordsErrorCode.InvalidKey }));
    expect(() => signTreeHead(head, key.publicKeyPem)).toThrow(expect.objectContaining({ code: RecordsErrorCode.InvalidKey }));
  });
});
