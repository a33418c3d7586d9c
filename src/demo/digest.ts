import { createHash } from 'node:crypto';

/** `sha256:<64 hex>` of the given bytes: real content digests for the manifests the demo stores. */
export function sha256Digest(content: string | Buffer): string {
  return `sha256:${createHash('sha256').update(content).digest('hex')}`;
}

/** A deterministic digest for a blob the demo never stores (layers, signature keys). */
export function digestFor(seed: string): string {
  return sha256Digest(`demo-blob:${seed}`);
}

/** A deterministic RFC 4122 version-4-shaped UID, so every start of the demo serves the same objects. */
export function uidFor(seed: string): string {
  const hex = createHash('sha256').update(`demo-uid:${seed}`).digest('hex');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const DIGEST_HEX_LENGTH: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

/** Whether `name` parses as `algo:hex` with a known algorithm and exact hex length (library-go digest.ParseDigest). */
export function parseDigest(name: string): { algorithm: string; hex: string } | undefined {
  const colon = name.indexOf(':');
  if (colon < 0) return undefined;
  const algorithm = name.slice(0, colon);
  const hex = name.slice(colon + 1);
  const length = DIGEST_HEX_LENGTH[algorithm];
  if (length === undefined || hex.length !== length || !/^[a-f0-9]+$/.test(hex)) return undefined;
  return { algorithm, hex };
}
