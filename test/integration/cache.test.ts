// The cache across requests, against the demo cluster and its token table: every caller gets,
// from a gateway with the cache on, exactly what a gateway without it answers that caller, in
// whatever order callers of other rights filled the cache; and a repeated request costs no
// upstream call.
import { DEMO_ADMIN_TOKEN, DEMO_TOKENS, DEVELOPER_TOKEN, OUTSIDER_TOKEN, VIEWER_TOKEN, type DemoToken } from '../../src/demo/demo-tokens';
import { SAMPLES } from '../../src/demo/sample-data';
import { startHarness, type Harness } from '../helpers/gateway-harness';

/** Not DEMO_ADMIN_TOKEN: that one is the gateway's own credential, which must never go upstream for a caller. */
const ADMIN = 'cache-admin-token';
const TOKENS: readonly DemoToken[] = [...DEMO_TOKENS, { token: ADMIN, user: 'cache-admin', namespaces: '*', images: true, list: true }];
// The developer may read demo and team-a, the viewer only demo: rights that differ only by namespace.
const CALLERS = [ADMIN, DEVELOPER_TOKEN, VIEWER_TOKEN, OUTSIDER_TOKEN, 'no-such-user-token'];

const ML = SAMPLES.bigLayerImage;
const RUBY = SAMPLES.storedManifestImage;
const isiPath = (namespace: string, name: string) => `/apis/image.openshift.io/v1/namespaces/${namespace}/imagestreamimages/${name}`;
const CACHE = { ttlMs: 60_000, imageTtlMs: 60_000, maxBytes: 16_777_216 };

const QUERIES: Record<string, string> = {
  'ISI in team-a': `{ imageStreamImage(namespace: "team-a", name: "${ML.stream}@${ML.digest}") { metadata { name annotations } image { metadata { name } dockerImageLayers { size } } } }`,
  'ISI in demo': `{ imageStreamImage(namespace: "demo", name: "${RUBY.stream}@${RUBY.digest}") { metadata { name } image { metadata { name } } } }`,
  'stream in team-a with its images': `{ imageStream(namespace: "team-a", name: "api") { metadata { uid } status { tags { tag latest { imageStreamImage { image { metadata { name } } } } } } } }`,
  'streams of team-a': '{ imageStreams(namespace: "team-a", first: 5) { edges { node { metadata { name } } } } }',
  'image by digest': `{ image(name: "${ML.digest}") { metadata { name } } }`,
  'missing ISI in demo': `{ imageStreamImage(namespace: "demo", name: "ruby@sha256:${'0'.repeat(64)}") { metadata { name } } }`,
};
const REST = { 'REST ISI in team-a': isiPath('team-a', `${ML.stream}@${ML.digest}`), 'REST ISI in demo': isiPath('demo', `${RUBY.stream}@${RUBY.digest}`) };

async function ask(harness: Harness, token: string, what: string): Promise<{ status: number; body: string }> {
  const query = QUERIES[what];
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const response =
    query !== undefined
      ? await fetch(`${harness.gateway.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query }) })
      : await fetch(`${harness.gateway.url}${REST[what as keyof typeof REST]}`, { headers });
  return { status: response.status, body: await response.text() };
}

let cached: Harness;
let uncached: Harness;
beforeAll(async () => {
  [cached, uncached] = await Promise.all([
    startHarness({ lendCredentials: false, demo: { tokens: TOKENS }, server: { cache: CACHE } }),
    startHarness({ lendCredentials: false, demo: { tokens: TOKENS } }),
  ]);
});
afterAll(async () => {
  await Promise.all([cached?.stop(), uncached?.stop()]);
});

test('every caller gets from the cache exactly what the API server answers that caller, whoever filled it first', async () => {
  const whats = [...Object.keys(QUERIES), ...Object.keys(REST)];
  // Twice round, callers in a different order each time, so every entry exists for other callers first.
  const order = [...CALLERS, ...[...CALLERS].reverse()];
  const differences: string[] = [];
  for (const what of whats) {
    for (const token of order) {
      const [fromCache, direct] = await Promise.all([ask(cached, token, what), ask(uncached, token, what)]);
      if (fromCache.status !== direct.status || fromCache.body !== direct.body) differences.push(`${what} as ${token}: ${fromCache.status} ${fromCache.body} vs ${direct.status} ${direct.body}`);
    }
  }
  expect(differences).toEqual([]);
  // The viewer, who may read demo but not team-a, was refused team-a although the developer's answer was cached.
  const viewer = JSON.parse((await ask(cached, VIEWER_TOKEN, 'ISI in team-a')).body) as { errors?: Array<{ extensions?: { code?: string } }> };
  expect(viewer.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  // No upstream request carried a token other than the caller's own, nor the gateway's.
  const sent = new Set(cached.demo.requests.map((request) => request.authorization));
  expect([...sent].sort()).toEqual(CALLERS.map((token) => `Bearer ${token}`).sort());
  expect(sent.has(`Bearer ${DEMO_ADMIN_TOKEN}`)).toBe(false);
});

test('a query asked again by the same caller costs no upstream call, and one of another caller costs its own', async () => {
  const ubuntu = `${SAMPLES.manifestList.stream}@${SAMPLES.manifestList.digest}`;
  const query = `{ imageStreamImage(namespace: "demo", name: "${ubuntu}") { metadata { name } image { dockerImageManifests { digest } } } }`;
  const first = await cached.graphql(query, {}, DEVELOPER_TOKEN);
  cached.demo.resetRequests();
  const again = await cached.graphql(query, {}, DEVELOPER_TOKEN);
  expect(again.body).toEqual(first.body);
  expect(cached.upstreamCalls()).toEqual([]);
  await cached.graphql(query, {}, VIEWER_TOKEN);
  expect(cached.demo.requests.map((request) => [request.user, request.url])).toEqual([['viewer', isiPath('demo', ubuntu)]]);
});

test('the REST route answers a cache hit with the bytes the API server sent, making no upstream call', async () => {
  const path = isiPath('team-a', `${ML.stream}@${ML.digest}`);
  const direct = await fetch(`${cached.demo.url}${path}`, { headers: { authorization: `Bearer ${ADMIN}` } });
  const upstreamBytes = Buffer.from(await direct.arrayBuffer());
  await fetch(`${cached.gateway.url}${path}`, { headers: { authorization: `Bearer ${ADMIN}` } });
  cached.demo.resetRequests();
  const hit = await fetch(`${cached.gateway.url}${path}`, { headers: { authorization: `Bearer ${ADMIN}` } });
  expect(Buffer.from(await hit.arrayBuffer()).equals(upstreamBytes)).toBe(true);
  expect(hit.headers.get('content-type')).toBe('application/json');
  expect(cached.upstreamCalls()).toEqual([]);
});

test('the metrics count hits, misses and the bytes the cache holds', async () => {
  const metrics = await (await fetch(`${cached.gateway.url}/metrics`)).text();
  const value = (name: string) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(metrics)?.[1]);
  expect(value('gateway_cache_hits_total')).toBeGreaterThan(0);
  expect(value('gateway_cache_misses_total')).toBeGreaterThan(0);
  expect(value('gateway_cache_bytes')).toBeGreaterThan(0);
  expect(value('gateway_cache_evictions_total')).toBe(0);
});
