import {
  KeyObject,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
} from 'node:crypto';
import { join } from 'node:path';
import { generatedOnce } from '@hub/runtime/config/generated-secret';

/** The file in DATA_DIR holding the digest signing key (PKCS#8 PEM), beside the JWT secret. */
export const SIGNING_KEY_FILE = 'audit-signing-key.pem';

/**
 * The Ed25519 key that signs audit digests. Generated into DATA_DIR on first start and kept
 * there, so digests an auditor kept stay checkable across restarts; the public key is
 * published (`GET /v1/audit/digest/public-key`), the private key never leaves the file.
 */
export class AuditSigningKey {
  private constructor(
    private readonly privateKey: KeyObject,
    readonly publicKeyPem: string,
  ) {}

  static load(dataDir: string): AuditSigningKey {
    const file = join(dataDir, SIGNING_KEY_FILE);
    const privateKey = createPrivateKey(generatedOnce(file, newSigningKeyPem));
    if (privateKey.asymmetricKeyType !== 'ed25519')
      throw new Error(`${file} does not hold an Ed25519 private key`);
    const publicKeyPem = createPublicKey(privateKey)
      .export({ type: 'spki', format: 'pem' })
      .toString();
    return new AuditSigningKey(privateKey, publicKeyPem);
  }

  /** Base64 Ed25519 signature of the text's UTF-8 bytes. */
  sign(text: string): string {
    return sign(null, Buffer.from(text, 'utf8'), this.privateKey).toString('base64');
  }
}

/** A new Ed25519 private key, as PKCS#8 PEM. */
function newSigningKeyPem(): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** What a digest signs: one line per field, so a verifier rebuilds it from the digest's own fields. */
export function digestText(digest: { position: string; hash: string; signedAt: string }): string {
  return `hub-audit-digest/v1\n${digest.position}\n${digest.hash}\n${digest.signedAt}`;
}
