import { startDemoCluster, type DemoCluster } from '../../src/demo/demo-cluster';
import { FaultInjector } from '../../src/demo/demo-faults';
import { DEVELOPER_TOKEN } from '../../src/demo/demo-tokens';
import type { ImageStream } from '../../src/kube/types';
import { until } from '../helpers/until';
import { body, IMAGE_API, isiPath, request } from './demo-client';

const ISI = isiPath('demo', 'ubuntu@sha256:ca013ac5');

let cluster: DemoCluster;
beforeAll(async () => {
  cluster = await startDemoCluster();
});
afterAll(() => cluster.stop());
afterEach(() => {
  cluster.faults = {};
});

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

describe('fault injection', () => {
  it('answers 503 ServiceUnavailable with Retry-After: 1 when errorRate is 1', async () => {
    cluster.faults = { errorRate: 1 };
    const answer = await request(cluster.url, ISI);
    expect(answer.status).toBe(503);
    expect(answer.headers['retry-after']).toBe('1');
    expect(answer.text).toBe(
      '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the server is currently unable to handle the request","reason":"ServiceUnavailable","details":{"retryAfterSeconds":1},"code":503}\n',
    );
  });

  it('answers 429 TooManyRequests with Retry-After: 1 when rateLimitRate is 1', async () => {
    cluster.faults = { rateLimitRate: 1 };
    const answer = await request(cluster.url, ISI);
    expect(answer.status).toBe(429);
    expect(answer.headers['retry-after']).toBe('1');
    expect(body(answer)).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Too many requests, please try again later.',
      reason: 'TooManyRequests',
      details: { retryAfterSeconds: 1 },
      code: 429,
    });
  });

  it('reads faults on every request, so a test can switch them on and off', async () => {
    cluster.faults.errorRate = 1;
    expect((await request(cluster.url, ISI)).status).toBe(503);
    cluster.faults.errorRate = 0;
    expect((await request(cluster.url, ISI)).status).toBe(200);
  });

  it('delays resource answers by latencyMs, and spikes by spikeMs more', async () => {
    cluster.faults = { latencyMs: 150 };
    const [answer, elapsed] = await timed(() => request(cluster.url, ISI));
    expect(answer.status).toBe(200);
    expect(elapsed).toBeGreaterThanOrEqual(140);
    cluster.faults = { latencyMs: 20, spikeRate: 1, spikeMs: 150 };
    const [, spiked] = await timed(() => request(cluster.url, ISI));
    expect(spiked).toBeGreaterThanOrEqual(160);
  });

  it('makes an answer when its request arrives and only writes it latencyMs later: a push during the wait is not in it', async () => {
    const slow = await startDemoCluster({ faults: { latencyMs: 300 } });
    try {
      const path = `${IMAGE_API}/namespaces/demo/imagestreams/frontend`;
      const latestOf = (stream: ImageStream): string | undefined => stream.status?.tags?.find((t) => t.tag === 'latest')?.items?.[0]?.image;
      const before = latestOf(body<ImageStream>(await request(slow.url, path)));
      const waiting = request(slow.url, path);
      await until('the demo to receive the request', () => slow.requestCount === 2);
      const pushed = slow.changes.pushImage({ namespace: 'demo', stream: 'frontend', tag: 'latest' });
      expect(latestOf(body<ImageStream>(await waiting))).toBe(before);
      expect(latestOf(body<ImageStream>(await request(slow.url, path)))).toBe(pushed.digest);
      expect(pushed.digest).not.toBe(before);
    } finally {
      await slow.stop();
    }
  });

  it('leaves discovery alone', async () => {
    cluster.faults = { errorRate: 1, latencyMs: 300 };
    const [answer, elapsed] = await timed(() => request(cluster.url, '/apis/image.openshift.io/v1'));
    expect(answer.status).toBe(200);
    expect(elapsed).toBeLessThan(250);
  });

  it('applies after authentication and authorization: 401 and 403 stay what they are', async () => {
    cluster.faults = { errorRate: 1 };
    expect((await request(cluster.url, ISI, { token: null })).status).toBe(401);
    expect((await request(cluster.url, isiPath('openshift', 'python@sha'), { token: DEVELOPER_TOKEN })).status).toBe(403);
  });

  it('makes the same decisions for the same seed', async () => {
    const statuses = async (): Promise<number[]> => {
      const seeded = await startDemoCluster({ faults: { errorRate: 0.5, seed: 7 } });
      try {
        const answers: number[] = [];
        for (let i = 0; i < 16; i++) answers.push((await request(seeded.url, ISI)).status);
        return answers;
      } finally {
        await seeded.stop();
      }
    };
    const first = await statuses();
    expect(await statuses()).toEqual(first);
    expect(first).toContain(200);
    expect(first).toContain(503);
  });

  it('draws only for rates above zero, so adding a zero-rate fault keeps the sequence', () => {
    const decisions = (faults: object): string[] => {
      const injector = new FaultInjector(() => ({ seed: 3, ...faults }));
      return Array.from({ length: 20 }, () => injector.decide().outcome);
    };
    expect(decisions({ errorRate: 0.3, hangRate: 0 })).toEqual(decisions({ errorRate: 0.3 }));
  });
});

describe('hangs', () => {
  it('never answers a hung request, and stop() releases it promptly', async () => {
    const hanging = await startDemoCluster({ faults: { hangRate: 1 } });
    const pending = request(hanging.url, ISI).then(
      () => 'answered',
      (error: NodeJS.ErrnoException) => error.code ?? error.message,
    );
    while (hanging.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const raced = await Promise.race([pending, new Promise((resolve) => setTimeout(() => resolve('still waiting'), 150))]);
    expect(raced).toBe('still waiting');
    const [, stopTook] = await timed(() => hanging.stop());
    expect(stopTook).toBeLessThan(500);
    expect(await pending).toBe('ECONNRESET');
  });

  it('lets a client that gives up go, and keeps serving others', async () => {
    cluster.faults = { hangRate: 1 };
    const controller = new AbortController();
    const given = fetch(`${cluster.url}${ISI}`, { headers: { authorization: 'Bearer demo-admin-token' }, signal: controller.signal }).catch((error: Error) => error.name);
    setTimeout(() => controller.abort(), 50);
    expect(await given).toBe('AbortError');
    cluster.faults = {};
    expect((await request(cluster.url, ISI)).status).toBe(200);
  });

  it('stops with a delayed answer still pending', async () => {
    const slow = await startDemoCluster({ faults: { latencyMs: 10_000 } });
    const pending = request(slow.url, ISI).catch(() => 'closed');
    while (slow.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const [, stopTook] = await timed(() => slow.stop());
    expect(stopTook).toBeLessThan(500);
    expect(await pending).toBe('closed');
  });
});
