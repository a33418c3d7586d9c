// A throwaway self-signed certificate for loopback, made in memory at start-up: kubectl sends
// bearer tokens only over TLS, and shipping a private key in the repository would be worse.
// ECDSA P-256, valid for a day, for localhost, 127.0.0.1 and ::1 (and any other host given),
// made with @peculiar/x509 over Node's WebCrypto.
// @peculiar/x509 resolves its parts with tsyringe, which needs the Reflect metadata API loaded first.
import 'reflect-metadata';
import { randomBytes, webcrypto } from 'node:crypto';
import { isIP } from 'node:net';
import * as x509 from '@peculiar/x509';

export interface SelfSignedCertificate {
  cert: string;
  key: string;
}

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A PEM certificate and PKCS#8 key for the given host names and IP addresses. */
export async function selfSignedCertificate(hosts: string[] = ['localhost', '127.0.0.1', '::1'], now = new Date()): Promise<SelfSignedCertificate> {
  // Node's WebCrypto, typed as the library's (DOM) Crypto, which this project's lib does not load.
  const crypto = webcrypto as unknown as NonNullable<Parameters<typeof x509.X509CertificateGenerator.createSelfSigned>[1]>;
  const keys = await crypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
  const names = hosts.map((host) => (isIP(host) ? { type: 'ip' as const, value: host } : { type: 'dns' as const, value: host }));
  const certificate = await x509.X509CertificateGenerator.createSelfSigned(
    {
      // A positive serial: the first bit clear.
      serialNumber: `0${randomBytes(15).toString('hex')}`,
      name: 'CN=imagestream-gateway demo cluster',
      // A minute of slack for clocks that disagree a little.
      notBefore: new Date(now.getTime() - 60_000),
      notAfter: new Date(now.getTime() + DAY_MS),
      signingAlgorithm: ALGORITHM,
      keys,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
        new x509.SubjectAlternativeNameExtension(names),
      ],
    },
    crypto,
  );
  const pkcs8 = Buffer.from(await crypto.subtle.exportKey('pkcs8', keys.privateKey));
  const key = `-----BEGIN PRIVATE KEY-----\n${pkcs8.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END PRIVATE KEY-----\n`;
  return { cert: certificate.toString('pem'), key };
}
