import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoBanner } from '../../src/demo/demo-banner';
import { startDemoCluster } from '../../src/demo/demo-cluster';
import { readDemoEnv } from '../../src/demo/demo-env';
import { DEMO_ADMIN_TOKEN, DEMO_TOKENS } from '../../src/demo/demo-tokens';
import { selfSignedCertificate, type SelfSignedCertificate } from '../../src/demo/self-signed-cert';

describe('readDemoEnv', () => {
  it('defaults to 127.0.0.1:6443 over TLS', () => {
    expect(readDemoEnv({})).toEqual({ host: '127.0.0.1', port: 6443, tls: true });
  });

  it('reads PORT, HOST and TLS', () => {
    expect(readDemoEnv({ PORT: '8443', HOST: '0.0.0.0', TLS: 'false' })).toEqual({ host: '0.0.0.0', port: 8443, tls: false });
  });

  it.each(['abc', '0', '65536', '-1', '1.5', ' 80'])('refuses PORT=%s naming the variable, the form and the value', (port) => {
    expect(readDemoEnv({ PORT: port })).toEqual({ error: `PORT must be an integer 1-65535, got ${JSON.stringify(port)}` });
  });

  it('refuses a TLS value that is not a boolean', () => {
    expect(readDemoEnv({ TLS: 'maybe' })).toEqual({ error: 'TLS must be true or false, got "maybe"' });
  });
});

describe('demoBanner', () => {
  it('prints the URL, every token and ready-to-paste curl and kubectl commands', () => {
    const banner = demoBanner('https://127.0.0.1:6443', DEMO_TOKENS, true);
    expect(banner).toContain('https://127.0.0.1:6443');
    for (const token of DEMO_TOKENS) expect(banner).toContain(token.token);
    expect(banner).toContain("curl -k -H 'Authorization: Bearer demo-admin-token' 'https://127.0.0.1:6443/apis/image.openshift.io/v1/namespaces/demo/imagestreamimages/ubuntu@sha256:ca013ac5'");
    expect(banner).toContain(
      "kubectl --server https://127.0.0.1:6443 --token demo-admin-token --insecure-skip-tls-verify get --raw '/apis/image.openshift.io/v1/namespaces/demo/imagestreamimages/ubuntu@sha256:ca013ac5'",
    );
    expect(banner).toMatch(/developer-token\s+developer\s+demo,team-a\s+no\s+yes/);
  });
});

describe('TLS', () => {
  let tls: SelfSignedCertificate;
  beforeAll(async () => {
    tls = await selfSignedCertificate();
  });

  it('makes a certificate for localhost and the loopback addresses, signed by its own key', () => {
    const cert = new X509Certificate(tls.cert);
    expect(cert.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1');
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(cert.checkIP('127.0.0.1')).toBe('127.0.0.1');
  });

  it('serves HTTPS that verifies against that certificate', async () => {
    const cluster = await startDemoCluster({ tls });
    try {
      expect(cluster.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
        https
          .get(`${cluster.url}/apis/image.openshift.io/v1/namespaces/demo/imagestreamimages/ubuntu@sha256:ca013ac5`, { ca: tls.cert, agent: false, headers: { authorization: `Bearer ${DEMO_ADMIN_TOKEN}` } }, (res) => {
            let text = '';
            res.on('data', (chunk: Buffer) => (text += chunk.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
          })
          .on('error', reject);
      });
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.text)).toMatchObject({ kind: 'ImageStreamImage', metadata: { name: 'ubuntu@sha256:ca013ac5' } });
    } finally {
      await cluster.stop();
    }
  });
});

describe('kubectl against the demo cluster', () => {
  const kubectl = (args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> =>
    new Promise((resolve) => {
      execFile('kubectl', args, { env, timeout: 15_000 }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      });
    });

  it('prints the server-side table of `kubectl get isimage` (skipped, and says so, without kubectl)', async () => {
    const probe = await kubectl(['version', '--client'], process.env);
    if (probe.code !== 0) {
      console.warn('kubectl is not installed: the kubectl test did not run');
      return;
    }
    const home = mkdtempSync(join(tmpdir(), 'demo-kubectl-'));
    const kubeconfig = join(home, 'config');
    writeFileSync(kubeconfig, '');
    const cluster = await startDemoCluster({ tls: await selfSignedCertificate() });
    try {
      const env = { PATH: process.env.PATH, HOME: home, KUBECONFIG: kubeconfig };
      const base = ['--server', cluster.url, '--token', DEMO_ADMIN_TOKEN, '--insecure-skip-tls-verify', '--cache-dir', join(home, 'cache')];
      const table = await kubectl([...base, '-n', 'demo', 'get', 'isimage', 'ubuntu@sha256:ca013ac5', '-o', 'wide'], env);
      expect(table.stderr).toBe('');
      const [header, row] = table.stdout.trim().split('\n');
      expect(header?.split(/\s{2,}/)).toEqual(['NAME', 'UPDATED', 'IMAGE REFERENCE', 'IMAGE NAME']);
      expect(row).toMatch(/^ubuntu@sha256:ca013ac5\s+\d+ years ago\s+docker\.io\/library\/ubuntu@sha256:ca013ac5c09f\S+\s+sha256:ca013ac5c09f/);
      const missing = await kubectl([...base, '-n', 'demo', 'get', 'isimage', 'ruby@nope'], env);
      expect(missing.stderr.trim()).toBe('Error from server (NotFound): imagestreamimage.image.openshift.io "ruby@nope" not found');
    } finally {
      await cluster.stop();
      rmSync(home, { recursive: true, force: true });
    }
  });
});
