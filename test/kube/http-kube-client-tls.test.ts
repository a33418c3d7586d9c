import fs from 'node:fs';
import { KubeConfig, type User } from '@kubernetes/client-node';
import { kubeConfigForServer } from '../../src/kube/cluster-access';
import { UpstreamUnavailableError } from '../../src/kube/errors';
import { createKubeClient, type HttpKubeClient } from '../../src/kube/http-kube-client';
import { makeTlsFixture, type TlsFixture } from './tls-fixture';
import { startUpstream, type Upstream } from './upstream-server';

const caller = { auth: { kind: 'bearer', token: 'caller-token' } } as const;
const gateway = { auth: { kind: 'gateway' } } as const;
const ruby = { resource: 'imagestreams', namespace: 'demo', name: 'ruby' } as const;

let tls: TlsFixture;
let upstream: Upstream;
let client: HttpKubeClient | undefined;

beforeAll(async () => {
  tls = makeTlsFixture();
  upstream = await startUpstream(undefined, { key: tls.serverKey, cert: tls.serverCert, ca: tls.ca, requestCert: true });
});

afterEach(async () => {
  await client?.close();
  client = undefined;
  upstream.requests.length = 0;
});

afterAll(async () => {
  await upstream.close();
  fs.rmSync(tls.dir, { recursive: true, force: true });
});

function kubeConfigWith(cluster: { caData?: string; caFile?: string; skipTLSVerify?: boolean; tlsServerName?: string; server?: string }, user: Omit<User, 'name'> = { token: 'gateway-token' }): KubeConfig {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [{ name: 'c', server: cluster.server ?? upstream.url, skipTLSVerify: false, ...cluster }],
    users: [{ name: 'u', ...user }],
    contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
    currentContext: 'x',
  });
  return kubeConfig;
}

it('verifies the server against certificate-authority-data', async () => {
  client = await createKubeClient(kubeConfigForServer(upstream.url, 'gateway-token', { caData: tls.ca.toString('base64') }), { timeoutMs: 2000 });
  await expect(client.get(ruby, caller)).resolves.toMatchObject({ kind: 'ImageStream' });
  expect(upstream.requests[0]?.headers.authorization).toBe('Bearer caller-token');
});

it('verifies the server against a certificate-authority file', async () => {
  client = await createKubeClient(kubeConfigWith({ caFile: tls.caFile }), { timeoutMs: 2000 });
  await expect(client.get(ruby, gateway)).resolves.toMatchObject({ kind: 'ImageStream' });
  expect(upstream.requests[0]?.headers.authorization).toBe('Bearer gateway-token');
});

it('checks the certificate against tls-server-name instead of the host', async () => {
  client = await createKubeClient(kubeConfigWith({ caFile: tls.caFile, server: upstream.url.replace('127.0.0.1', 'localhost'), tlsServerName: 'wrong.example' }), {
    timeoutMs: 2000,
  });
  const error = await client.get(ruby, caller).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UpstreamUnavailableError);
  expect((error as Error).message).toContain('wrong.example');
});

it('refuses a server whose certificate no configured CA signed', async () => {
  client = await createKubeClient(kubeConfigWith({}), { timeoutMs: 2000 });
  const error = await client.get(ruby, caller).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UpstreamUnavailableError);
  expect(error).toMatchObject({ reason: 'unreachable' });
  expect(upstream.requests).toEqual([]);
});

it('accepts any server certificate with insecure-skip-tls-verify', async () => {
  client = await createKubeClient(kubeConfigForServer(upstream.url, 'gateway-token', { skipTLSVerify: true }), { timeoutMs: 2000 });
  await expect(client.get(ruby, caller)).resolves.toMatchObject({ kind: 'ImageStream' });
});

it("presents the gateway's client certificate on gateway calls and no certificate on caller calls", async () => {
  const user = { certFile: tls.clientCertFile, keyFile: tls.clientKeyFile };
  client = await createKubeClient(kubeConfigWith({ caFile: tls.caFile }, user), { timeoutMs: 2000 });
  await client.get(ruby, gateway);
  await client.get(ruby, caller);
  await client.get(ruby, gateway);
  expect(upstream.requests.map((r) => [r.headers.authorization, r.clientCertCN])).toEqual([
    [undefined, 'gateway-client'],
    ['Bearer caller-token', undefined],
    [undefined, 'gateway-client'],
  ]);
});

it('takes the client certificate from client-certificate-data and client-key-data too', async () => {
  const user = { certData: tls.clientCert.toString('base64'), keyData: tls.clientKey.toString('base64') };
  client = await createKubeClient(kubeConfigWith({ caData: tls.ca.toString('base64') }, user), { timeoutMs: 2000 });
  await client.get(ruby, gateway);
  expect(upstream.requests[0]?.clientCertCN).toBe('gateway-client');
});
