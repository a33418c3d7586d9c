import { KubeApiError, MissingCredentialsError } from '../../src/kube/errors';
import type { CallerAuth } from '../../src/kube/kube-client';
import type { UpstreamServices } from '../../src/upstream/upstream-session';
import { InflightCalls } from '../../src/upstream/inflight-calls';
import { testRequest, testServices } from '../helpers/test-session';
import { FakeKubeClient, stream } from './fake-kube-client';

const alice = { kind: 'bearer', token: 'alice-token' } as const;
/** The loaders of one request of `auth` over `kube` (or over `services`, shared between requests). */
const loadersOf = (kube: FakeKubeClient | UpstreamServices, auth: CallerAuth | MissingCredentialsError = alice) =>
  testRequest(kube instanceof FakeKubeClient ? testServices(kube) : kube, auth).loaders;
const names = (n: number) => Array.from({ length: n }, (_, i) => `s${String(i).padStart(2, '0')}`);

describe('createLoaders', () => {
  test('loads one object asked for many times in one request with one upstream call', async () => {
    const kube = new FakeKubeClient([stream('demo', 'ruby')]);
    const loaders = loadersOf(kube);
    const results = await Promise.all([1, 2, 3].map(() => loaders.imageStream.load({ namespace: 'demo', name: 'ruby' })));
    expect(results.map((r) => r.metadata.name)).toEqual(['ruby', 'ruby', 'ruby']);
    expect(kube.calls).toEqual([{ verb: 'get', resource: 'imagestreams', namespace: 'demo', name: 'ruby', auth: alice }]);
  });

  test('keeps at most `concurrency` upstream calls in flight', async () => {
    const kube = new FakeKubeClient([]);
    const loaders = loadersOf(kube);
    await Promise.all(names(40).map((n) => loaders.imageStreamImage.load({ namespace: 'demo', name: `ok${n}@sha256:1` })));
    expect(kube.calls).toHaveLength(40);
    expect(kube.maxInFlight).toBe(4);
  });

  test('reads 10 streams of one namespace with one paged LIST instead of 10 GETs', async () => {
    const kube = new FakeKubeClient(names(12).map((n) => stream('demo', n)));
    const loaders = loadersOf(kube);
    const loaded = await Promise.all(names(10).map((name) => loaders.imageStream.load({ namespace: 'demo', name })));
    expect(loaded.map((s) => s.metadata.name)).toEqual(names(10));
    expect(kube.calls.map((c) => `${c.verb} ${c.continue ?? ''}`)).toEqual(['list ', 'list 7']);
  });

  test('reads 9 streams of one namespace with 9 GETs', async () => {
    const kube = new FakeKubeClient(names(12).map((n) => stream('demo', n)));
    const loaders = loadersOf(kube);
    await Promise.all(names(9).map((name) => loaders.imageStream.load({ namespace: 'demo', name })));
    expect(kube.calls.map((c) => c.verb)).toEqual(Array(9).fill('get'));
  });

  test('falls back to GETs when the caller may get but not list streams', async () => {
    const kube = new FakeKubeClient(names(12).map((n) => stream('demo', n)));
    kube.listForbidden = true;
    const loaders = loadersOf(kube);
    const loaded = await Promise.all(names(10).map((name) => loaders.imageStream.load({ namespace: 'demo', name })));
    expect(loaded).toHaveLength(10);
    expect(kube.calls.filter((c) => c.verb === 'list')).toHaveLength(1);
    expect(kube.calls.filter((c) => c.verb === 'get')).toHaveLength(10);
  });

  test('answers a stream missing from the LIST with the 404 a GET would have given', async () => {
    const kube = new FakeKubeClient(names(10).map((n) => stream('demo', n)));
    const loaders = loadersOf(kube);
    const keys = [...names(10).slice(1), 'absent'].map((name) => ({ namespace: 'demo', name }));
    const results = await loaders.imageStream.loadMany(keys);
    const missing = results[9];
    expect(missing).toBeInstanceOf(KubeApiError);
    expect((missing as KubeApiError).status).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'imagestreams.image.openshift.io "absent" not found',
      reason: 'NotFound',
      details: { name: 'absent', group: 'image.openshift.io', kind: 'imagestreams' },
      code: 404,
    });
    expect(results.slice(0, 9).every((r) => !(r instanceof Error))).toBe(true);
  });

  test('fails a missing key alone, leaving its siblings resolved', async () => {
    const kube = new FakeKubeClient([]);
    const loaders = loadersOf(kube);
    const results = await loaders.imageStreamImage.loadMany([
      { namespace: 'demo', name: 'ok@sha256:1' },
      { namespace: 'demo', name: 'pruned@sha256:2' },
    ]);
    expect(results[0]).toMatchObject({ metadata: { name: 'ok@sha256:1' } });
    expect(results[1]).toBeInstanceOf(KubeApiError);
  });

  test('refuses every load without credentials and makes no upstream call', async () => {
    const kube = new FakeKubeClient([stream('demo', 'ruby')]);
    const loaders = loadersOf(kube, new MissingCredentialsError());
    await expect(loaders.imageStream.load({ namespace: 'demo', name: 'ruby' })).rejects.toBeInstanceOf(MissingCredentialsError);
    await expect(loaders.imageStreamPage('demo', 5)).rejects.toBeInstanceOf(MissingCredentialsError);
    expect(kube.calls).toHaveLength(0);
  });

  test('shares one upstream call between concurrent requests of one caller, never between callers', async () => {
    const kube = new FakeKubeClient([]);
    const inflight = new InflightCalls();
    const services = testServices(kube, { inflight });
    const key = { namespace: 'demo', name: 'ok@sha256:1' };
    const bob = { kind: 'bearer', token: 'bob-token' } as const;
    await Promise.all([
      loadersOf(services).imageStreamImage.load(key),
      loadersOf(services).imageStreamImage.load(key),
      loadersOf(services, bob).imageStreamImage.load(key),
    ]);
    expect(kube.calls.map((c) => (c.auth.kind === 'bearer' ? c.auth.token : 'gateway'))).toEqual(['alice-token', 'bob-token']);
    expect(inflight.size).toBe(0);
  });

  test('never shares one call between two names whose parts join to the same text', async () => {
    const kube = new FakeKubeClient([]);
    const services = testServices(kube);
    await Promise.all([
      loadersOf(services).imageStreamImage.load({ namespace: 'a ok', name: 'ok@d' }),
      loadersOf(services).imageStreamImage.load({ namespace: 'a', name: 'ok ok@d' }),
    ]);
    expect(kube.calls.map((c) => `${c.namespace}|${c.name}`)).toEqual(['a ok|ok@d', 'a|ok ok@d']);
  });

  test('counts every upstream call against the request budget and fails the loads past it, making no call for them', async () => {
    const kube = new FakeKubeClient([]);
    const loaders = loadersOf(testServices(kube, { maxUpstreamCalls: 3 }));
    const results = await Promise.allSettled(names(5).map((n) => loaders.imageStreamImage.load({ namespace: 'demo', name: `ok${n}@sha256:1` })));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'rejected']);
    expect(kube.calls).toHaveLength(3);
    expect((results[3] as PromiseRejectedResult).reason).toMatchObject({ limit: 'MAX_UPSTREAM_CALLS', max: 3, count: 3 });
  });
});

describe('requests that share calls in flight', () => {
  test('resume one per event-loop turn, so that other I/O is served between them', async () => {
    const kube = new FakeKubeClient([]);
    const services = testServices(kube);
    const key = { namespace: 'demo', name: 'ok@sha256:1' };
    const resumed: string[] = [];
    const loads = ['first', 'second', 'third', 'fourth'].map((who) =>
      loadersOf(services)
        .imageStreamImage.load(key)
        .then(() => {
          resumed.push(who);
          // Other I/O that arrives once the shared answer is in.
          if (who === 'first') setImmediate(() => resumed.push('other I/O'));
        }),
    );
    await Promise.all(loads);
    expect(kube.calls).toHaveLength(1);
    expect(resumed.filter((who) => who !== 'other I/O')).toEqual(['first', 'second', 'third', 'fourth']);
    expect(resumed.indexOf('other I/O')).toBeLessThan(resumed.indexOf('fourth'));
  });
});
