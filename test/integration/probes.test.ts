import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startDemoCluster } from '../../src/demo/demo-cluster';
import { kubeConfigForServer } from '../../src/kube/cluster-access';
import { createKubeClient, type HttpKubeClient } from '../../src/kube/http-kube-client';
import { startHarness, type Harness } from '../helpers/gateway-harness';

const UPSTREAM_TIMEOUT_MS = 1000;

let harness: Harness | undefined;
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  await harness?.stop();
  harness = undefined;
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function probe(path: string): Promise<{ status: number; body: unknown; ms: number }> {
  const started = Date.now();
  const response = await fetch(`${harness!.gateway.url}${path}`);
  return { status: response.status, body: await response.json(), ms: Date.now() - started };
}

describe('with the demo cluster up', () => {
  beforeEach(async () => {
    harness = await startHarness({ timeoutMs: UPSTREAM_TIMEOUT_MS });
  });

  it('answers /healthz 200', async () => {
    expect(await probe('/healthz')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('answers /readyz 200 after asking the API server for image.openshift.io discovery', async () => {
    harness!.demo.resetRequests();
    expect(await probe('/readyz')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(harness!.demo.requests.map((r) => r.url)).toEqual(['/apis/image.openshift.io/v1']);
  });
});

describe('with the demo cluster stopped', () => {
  beforeEach(async () => {
    harness = await startHarness({ timeoutMs: UPSTREAM_TIMEOUT_MS });
    await probe('/readyz');
    await harness.demo.stop();
  });

  it('still answers /healthz 200: the process is alive', async () => {
    expect(await probe('/healthz')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it(`answers /readyz 503 within the upstream timeout (${UPSTREAM_TIMEOUT_MS} ms)`, async () => {
    const answer = await probe('/readyz');
    expect(answer).toMatchObject({ status: 503, body: { status: 'unavailable', reason: 'the API server does not answer discovery' } });
    expect(answer.ms).toBeLessThan(UPSTREAM_TIMEOUT_MS);
  });
});

it(`answers /readyz 503 after the upstream timeout (${UPSTREAM_TIMEOUT_MS} ms) when the API server accepts connections and never answers`, async () => {
  const silent = http.createServer(() => undefined);
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => (silent.closeAllConnections(), silent.close(() => resolve()))));
  const { port } = silent.address() as AddressInfo;
  const kube: HttpKubeClient = await createKubeClient(kubeConfigForServer(`http://127.0.0.1:${port}`, 'gateway-token'), { timeoutMs: UPSTREAM_TIMEOUT_MS });
  cleanups.push(() => kube.close());
  harness = await startHarness({ server: { kube } });

  const answer = await probe('/readyz');
  expect(answer).toMatchObject({ status: 503, body: { status: 'unavailable' } });
  expect(answer.ms).toBeGreaterThanOrEqual(UPSTREAM_TIMEOUT_MS - 50);
  expect(answer.ms).toBeLessThan(UPSTREAM_TIMEOUT_MS + 500);
});

it('answers /readyz 200 when the API server refuses the gateway token with 401: it is up', async () => {
  const demo = await startDemoCluster();
  cleanups.push(() => demo.stop());
  const kube = await createKubeClient(kubeConfigForServer(demo.url, 'not-a-demo-token'), { timeoutMs: UPSTREAM_TIMEOUT_MS });
  cleanups.push(() => kube.close());
  harness = await startHarness({ server: { kube } });

  expect(await probe('/readyz')).toMatchObject({ status: 200, body: { status: 'ok' } });
  expect(demo.requests.map((r) => [r.url, r.user])).toEqual([['/apis/image.openshift.io/v1', undefined]]);
});
