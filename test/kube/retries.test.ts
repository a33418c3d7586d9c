import { kubeConfigForServer } from '../../src/kube/cluster-access';
import { KubeApiError, UpstreamUnavailableError } from '../../src/kube/errors';
import { createKubeClient, type HttpKubeClient, type KubeClientOptions } from '../../src/kube/http-kube-client';
import { backoffMs, MAX_BACKOFF_MS, retryDelayMs } from '../../src/kube/retry-policy';
import { adapterForEachTest, closedPort, json, okHandler, type Handler, type Upstream } from './upstream-server';
import { failureOf } from '../helpers/failure-of';

const caller = { auth: { kind: 'bearer', token: 'caller-token' } } as const;
const ruby = { resource: 'imagestreams', namespace: 'demo', name: 'ruby' } as const;

let upstream: Upstream | undefined;
let client: HttpKubeClient | undefined;
/** `Date.now()` of each request the upstream received, in order. */
let times: number[];

function status(code: number, reason: string) {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `answered ${code}`, reason, code };
}

/** Answers the n-th request (0-based) with `answers[n]`, the last one for every request after. */
function sequence(...answers: Handler[]): Handler {
  let n = 0;
  return (req, res) => answers[Math.min(n++, answers.length - 1)]!(req, res);
}

const unavailable: Handler = (_req, res) => json(res, 503, status(503, 'ServiceUnavailable'));

const adapter = adapterForEachTest('gateway-token', { timeoutMs: 2000 });

async function start(handler: Handler, options: Partial<KubeClientOptions> = {}): Promise<HttpKubeClient> {
  times = [];
  let started: HttpKubeClient;
  ({ upstream, client: started } = await adapter((req, res) => {
    times.push(Date.now());
    handler(req, res);
  }, options));
  client = started;
  return started;
}


describe('backoff', () => {
  it('draws the first wait from [0, base), doubling the bound with each retry', () => {
    const top = () => 0.9999;
    expect([1, 2, 3, 4].map((retry) => backoffMs(retry, 100, top))).toEqual([99, 199, 399, 799]);
    expect([1, 2, 3].map((retry) => backoffMs(retry, 100, () => 0))).toEqual([0, 0, 0]);
  });

  it(`never draws more than ${MAX_BACKOFF_MS} ms however many retries`, () => {
    expect(backoffMs(30, 100, () => 0.9999)).toBe(MAX_BACKOFF_MS - 1);
  });

  it('waits Retry-After plus at most the base as jitter, and does not retry a Retry-After above the cap', () => {
    const policy = { retries: 2, baseMs: 100 };
    const tooMany = (seconds?: number) => new KubeApiError(429, status(429, 'TooManyRequests') as never, seconds);
    expect(retryDelayMs(tooMany(1), 1, policy, () => 0)).toBe(1000);
    expect(retryDelayMs(tooMany(1), 1, policy, () => 0.9999)).toBe(1099);
    expect(retryDelayMs(tooMany(60), 1, policy, () => 0)).toBeUndefined();
    expect(retryDelayMs(tooMany(1), 3, policy, () => 0)).toBeUndefined();
  });

  it('does not retry a timed-out, cancelled or malformed answer', () => {
    const policy = { retries: 2, baseMs: 100 };
    for (const reason of ['timeout', 'aborted', 'protocol'] as const) {
      expect(retryDelayMs(new UpstreamUnavailableError('x', reason), 1, policy)).toBeUndefined();
    }
  });
});

describe('retries of a GET', () => {
  it('returns the answer of a retry after a 503, having sent exactly 2 requests', async () => {
    await start(sequence(unavailable, okHandler));
    await expect(client!.get(ruby, caller)).resolves.toMatchObject({ kind: 'ImageStream' });
    expect(upstream!.requests).toHaveLength(2);
    expect(client!.stats()).toEqual({ requests: 2, inFlight: 0, retries: 1 });
  });

  it('waits the Retry-After of a 429 (1 s) before sending the request again', async () => {
    await start(sequence((_req, res) => json(res, 429, status(429, 'TooManyRequests'), { 'retry-after': '1' }), okHandler));
    await expect(client!.get(ruby, caller)).resolves.toMatchObject({ kind: 'ImageStream' });
    expect(times).toHaveLength(2);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(900);
  });

  it('gives the caller the last 503 with its Status once the 2 retries are used up', async () => {
    await start(unavailable);
    const error = await failureOf(client!.get(ruby, caller));
    expect(error).toBeInstanceOf(KubeApiError);
    expect(error).toMatchObject({ httpStatus: 503, status: { reason: 'ServiceUnavailable', code: 503 } });
    expect(upstream!.requests).toHaveLength(3);
    expect(client!.stats()).toEqual({ requests: 3, inFlight: 0, retries: 2 });
  });

  it.each([
    [400, 'BadRequest'],
    [403, 'Forbidden'],
    [404, 'NotFound'],
    [500, 'InternalError'],
    [502, 'Unknown'],
  ])('sends exactly 1 request for a %i answer', async (code, reason) => {
    await start((_req, res) => json(res, code, status(code, reason)));
    await expect(client!.get(ruby, caller)).rejects.toMatchObject({ httpStatus: code });
    expect(upstream!.requests).toHaveLength(1);
    expect(client!.stats().retries).toBe(0);
  });

  it('sends exactly 1 request with retries: 0', async () => {
    await start(unavailable, { retries: 0 });
    await expect(client!.get(ruby, caller)).rejects.toMatchObject({ httpStatus: 503 });
    expect(upstream!.requests).toHaveLength(1);
  });

  it('retries list and getPath as well as get', async () => {
    await start(sequence(unavailable, okHandler, unavailable, okHandler));
    await client!.list({ resource: 'imagestreams', namespace: 'demo' }, caller);
    await client!.getPath('/apis/image.openshift.io/v1', caller);
    expect(upstream!.requests.map((r) => r.url)).toEqual([
      '/apis/image.openshift.io/v1/namespaces/demo/imagestreams',
      '/apis/image.openshift.io/v1/namespaces/demo/imagestreams',
      '/apis/image.openshift.io/v1',
      '/apis/image.openshift.io/v1',
    ]);
  });

  it('does not retry a 429 whose Retry-After (60 s) is above the cap, and answers at once', async () => {
    await start((_req, res) => json(res, 429, status(429, 'TooManyRequests'), { 'retry-after': '60' }));
    const started = Date.now();
    await expect(client!.get(ruby, caller)).rejects.toMatchObject({ httpStatus: 429, retryAfterSeconds: 60 });
    expect(Date.now() - started).toBeLessThan(500);
    expect(upstream!.requests).toHaveLength(1);
  });

  it('does not retry a call that timed out', async () => {
    await start(() => undefined, { timeoutMs: 200 });
    await expect(client!.get(ruby, caller)).rejects.toMatchObject({ reason: 'timeout' });
    expect(upstream!.requests).toHaveLength(1);
  });

  it('retries a refused connection twice, then reports it as unreachable after 3 attempts', async () => {
    const port = await closedPort();
    const refused = await createKubeClient(kubeConfigForServer(`http://127.0.0.1:${port}`, 'gateway-token'), { timeoutMs: 2000 });
    try {
      const error = await failureOf(refused.get(ruby, caller));
      expect(error).toBeInstanceOf(UpstreamUnavailableError);
      expect(error).toMatchObject({ reason: 'unreachable' });
      expect((error as Error).message).toContain('ECONNREFUSED');
      expect((error as Error).message).toContain('attempt 3');
      expect(refused.stats()).toEqual({ requests: 3, inFlight: 0, retries: 2 });
    } finally {
      await refused.close();
    }
  });
});

describe('retries within the deadline', () => {
  const retryInOneSecond: Handler = (_req, res) => json(res, 503, status(503, 'ServiceUnavailable'), { 'retry-after': '1' });

  it('stops waiting as soon as the signal aborts during a backoff, and sends no further request', async () => {
    await start(retryInOneSecond);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const error = await failureOf(client!.get(ruby, { ...caller, signal: controller.signal }));
    expect(Date.now() - started).toBeLessThan(500);
    // The abort cut the wait short; what failed is still the 503.
    expect(error).toMatchObject({ httpStatus: 503 });
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(upstream!.requests).toHaveLength(1);
    expect(client!.stats()).toEqual({ requests: 1, inFlight: 0, retries: 0 });
  });

  it('answers at once with the 503 when the Retry-After wait would end after the deadline', async () => {
    await start(retryInOneSecond);
    const started = Date.now();
    const error = await failureOf(client!.get(ruby, { ...caller, deadline: Date.now() + 500 }));
    expect(Date.now() - started).toBeLessThan(300);
    expect(error).toMatchObject({ httpStatus: 503 });
    expect(upstream!.requests).toHaveLength(1);
  });

  it('retries when the wait ends before the deadline', async () => {
    await start(sequence(retryInOneSecond, okHandler));
    await expect(client!.get(ruby, { ...caller, deadline: Date.now() + 5000 })).resolves.toMatchObject({ kind: 'ImageStream' });
    expect(upstream!.requests).toHaveLength(2);
  });

  it('gives up a pending retry when the client is closed', async () => {
    await start(retryInOneSecond);
    const call = failureOf(client!.get(ruby, caller));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await client!.close();
    expect(await call).toMatchObject({ httpStatus: 503 });
    expect(Date.now() - started).toBeLessThan(300);
    expect(upstream!.requests).toHaveLength(1);
  });
});
