import { KubeApiError, MissingCredentialsError, UpstreamUnavailableError } from '../../src/kube/errors';
import type { KubeClient } from '../../src/kube/kube-client';
import { notFoundError } from '../../src/loaders/not-found-status';
import { AnswerCache, ENTRY_SIZE_FACTOR, type AnswerCacheOptions } from '../../src/upstream/answer-cache';
import { createUpstreamSession, type UpstreamServices } from '../../src/upstream/upstream-session';
import { ScriptedKube } from '../helpers/scripted-kube';
import { testServices } from '../helpers/test-session';

const alice = { kind: 'bearer', token: 'alice-token' } as const;
const bob = { kind: 'bearer', token: 'bob-token' } as const;
const ruby = { resource: 'imagestreams', namespace: 'demo', name: 'ruby' } as const;


const cacheOptions = (overrides: Partial<AnswerCacheOptions> = {}): AnswerCacheOptions => ({ ttlMs: 60_000, imageTtlMs: 60_000, maxBytes: 1_048_576, ...overrides });
const cached = (kube: KubeClient, overrides: Partial<UpstreamServices> = {}, cache = new AnswerCache(cacheOptions())) => testServices(kube, { cache, ...overrides });
const session = (services: UpstreamServices, auth: typeof alice | typeof bob = alice) => createUpstreamSession(services, auth);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('an upstream session with the cache', () => {
  test('answers a second request of the same caller from the cache, with no upstream call', async () => {
    const kube = new ScriptedKube();
    const services = cached(kube);
    const first = await session(services).get(ruby);
    const second = session(services);
    expect(await second.get(ruby)).toEqual(first);
    expect(kube.calls).toHaveLength(1);
    expect(second.stats).toEqual({ upstreamCalls: 0, cacheHits: 1 });
  });

  test('never serves one caller the entry another caller fetched: the second caller is asked upstream with its own token', async () => {
    const kube = new ScriptedKube();
    const services = cached(kube);
    await session(services, alice).get(ruby);
    await session(services, bob).get(ruby);
    await session(services, bob).get(ruby);
    expect(kube.calls.map((call) => call.token)).toEqual(['alice-token', 'bob-token']);
  });

  test('keeps a 404 and a 403 for the TTL, throwing the same Status again without a call', async () => {
    const forbidden = new KubeApiError(403, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'no', reason: 'Forbidden', code: 403 });
    const kube = new ScriptedKube((path) => (path.endsWith('/ruby') ? notFoundError('imagestreams', 'ruby') : forbidden));
    const services = cached(kube);
    const other = { ...ruby, name: 'other' };
    for (const request of [ruby, other]) await expect(session(services).get(request)).rejects.toBeInstanceOf(KubeApiError);
    const again = await Promise.allSettled([session(services).get(ruby), session(services).get(other)]);
    expect(again.map((r) => (r.status === 'rejected' ? (r.reason as KubeApiError).status : r))).toEqual([notFoundError('imagestreams', 'ruby').status, forbidden.status]);
    expect(kube.calls).toHaveLength(2);
  });

  test.each([
    ['a 500', new KubeApiError(500, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'boom', reason: 'InternalError', code: 500 })],
    ['a 429', new KubeApiError(429, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'slow down', reason: 'TooManyRequests', code: 429 })],
    ['a timeout', new UpstreamUnavailableError('the API server did not answer', 'timeout')],
    ['an unusable answer', new UpstreamUnavailableError('not JSON', 'protocol')],
  ])('never keeps %s: the next request asks again', async (_what, failure) => {
    const kube = new ScriptedKube(() => failure);
    const services = cached(kube);
    await expect(session(services).get(ruby)).rejects.toBe(failure);
    await expect(session(services).get(ruby)).rejects.toBe(failure);
    expect(kube.calls).toHaveLength(2);
  });

  test('hands out frozen objects, so no request can change what another is served', async () => {
    const services = cached(new ScriptedKube(() => ({ metadata: { name: 'ruby', annotations: { a: 'b' } } })));
    const stream = await session(services).get(ruby);
    const hit = await session(services).get(ruby);
    expect(hit).toBe(stream);
    expect(Object.isFrozen(hit.metadata.annotations)).toBe(true);
    expect(() => {
      (hit.metadata.annotations as Record<string, string>).a = 'changed';
    }).toThrow(TypeError);
  });

  test('shares one call between concurrent misses of one caller', async () => {
    const kube = new ScriptedKube();
    const services = cached(kube);
    await Promise.all([session(services).get(ruby), session(services).get(ruby), session(services).get(ruby)]);
    expect(kube.calls).toHaveLength(1);
  });

  test('counts a cache hit against the request budget like a call (MAX_UPSTREAM_CALLS bounds the work, wherever answers come from)', async () => {
    const kube = new ScriptedKube();
    const services = cached(kube, { maxUpstreamCalls: 1 });
    await session(services).get(ruby);
    const second = session(services);
    await second.get(ruby);
    await expect(second.get(ruby)).rejects.toMatchObject({ limit: 'MAX_UPSTREAM_CALLS', max: 1, count: 1 });
    expect(kube.calls).toHaveLength(1);
  });

  test('reads again once the TTL has passed, and keeps images for their own TTL', async () => {
    const kube = new ScriptedKube();
    const services = cached(kube, {}, new AnswerCache(cacheOptions({ ttlMs: 30, imageTtlMs: 60_000 })));
    const image = { resource: 'images', name: 'sha256:1' } as const;
    await Promise.all([session(services).get(ruby), session(services).get(image)]);
    await sleep(60);
    await Promise.all([session(services).get(ruby), session(services).get(image)]);
    expect(kube.calls.map((call) => call.path)).toEqual([
      '/apis/image.openshift.io/v1/namespaces/demo/imagestreams/ruby',
      '/apis/image.openshift.io/v1/images/sha256:1',
      '/apis/image.openshift.io/v1/namespaces/demo/imagestreams/ruby',
    ]);
  });

  test('holds no more than CACHE_MAX_BYTES, dropping the least recently used and counting the evictions', async () => {
    const body = { metadata: { name: 'x' }, padding: 'p'.repeat(10_000) };
    const size = JSON.stringify(body).length * ENTRY_SIZE_FACTOR;
    const cache = new AnswerCache(cacheOptions({ maxBytes: size * 3 + 1000 }));
    const services = cached(new ScriptedKube(() => body), {}, cache);
    for (let i = 0; i < 10; i++) await session(services).get({ ...ruby, name: `s${i}` });
    expect(cache.size).toBe(3);
    expect(cache.bytes).toBeLessThanOrEqual(size * 3 + 1000);
    expect(cache.stats).toEqual({ hits: 0, sharedHits: 0, misses: 10, evictions: 7 });
  });

  test('makes no call and keeps nothing for a request without credentials', async () => {
    const kube = new ScriptedKube();
    const cache = new AnswerCache(cacheOptions());
    await expect(createUpstreamSession(cached(kube, {}, cache), new MissingCredentialsError()).get(ruby)).rejects.toBeInstanceOf(MissingCredentialsError);
    expect(kube.calls).toHaveLength(0);
    expect(cache.size).toBe(0);
  });
});

describe('an upstream session without the cache', () => {
  test('asks upstream for every request, sharing only calls in flight at the same time', async () => {
    const kube = new ScriptedKube();
    const services = testServices(kube);
    await Promise.all([session(services).get(ruby), session(services).get(ruby)]);
    await session(services).get(ruby);
    expect(kube.calls).toHaveLength(2);
  });
});
