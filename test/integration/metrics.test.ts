import { startHarness, type Harness } from '../helpers/gateway-harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.stop());

test('GET /metrics counts GraphQL and REST requests and the upstream calls they caused, by resource', async () => {
  await harness.graphql('{ imageStream(namespace: "demo", name: "ruby") { metadata { name } } }');
  await fetch(`${harness.gateway.url}/apis/image.openshift.io/v1/namespaces/demo/imagestreamimages/ruby@sha256:0123abcd`);
  const response = await fetch(`${harness.gateway.url}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  const text = await response.text();
  expect(text).toContain('gateway_http_requests_total{route="/graphql",method="POST",status="200"} 1');
  expect(text).toMatch(/gateway_upstream_requests_total\{resource="imagestreams",outcome="answered",status="200"\} 1\n/);
  expect(text).toMatch(/gateway_upstream_requests_total\{resource="imagestreamimages",outcome="answered",status="404"\} 1\n/);
  expect(text).toContain('gateway_upstream_request_duration_seconds_count{resource="imagestreams"} 1');
  // No object names or tokens in labels.
  expect(text).not.toContain('ruby');
  expect(text).not.toContain('token');
});

test('GET /metrics shows the process-wide bounds in use: calls in flight and waiting, answer bytes held', async () => {
  const hung = await startHarness({ demo: { faults: { hangRate: 1 } }, timeoutMs: 30_000, retries: 0, server: { limits: { upstreamMaxInFlight: 2 } } });
  const leaving = new AbortController();
  try {
    const fields = [1, 2, 3, 4, 5].map((i) => `s${i}: imageStream(namespace: "demo", name: "s${i}") { metadata { name } }`).join(' ');
    const asked = fetch(`${hung.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ ${fields} }` }),
      signal: leaving.signal,
    }).catch(() => undefined);
    for (let i = 0; i < 100 && hung.inFlight() < 2; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    const text = await (await fetch(`${hung.gateway.url}/metrics`)).text();
    expect(text).toContain('gateway_upstream_calls_in_flight 2\n');
    expect(text).toContain('gateway_upstream_calls_waiting 3\n');
    expect(text).toContain('gateway_upstream_bytes_in_use 0\n');
    leaving.abort();
    await asked;
  } finally {
    await hung.stop();
  }
});

describe('GET /metrics after known requests', () => {
  // A gateway of its own for each test: every count starts at 0.
  let fresh: Harness;
  beforeEach(async () => {
    fresh = await startHarness({ server: { cache: { ttlMs: 60_000, imageTtlMs: 60_000, maxBytes: 16_777_216 } } });
  });
  afterEach(() => fresh.stop());
  const scrape = async () => (await fetch(`${fresh.gateway.url}/metrics`)).text();
  /** The sample lines of `name` (its series, with labels), in the order prom-client writes them. */
  const samples = (text: string, name: string) => text.split('\n').filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `));

  test('count GraphQL operations by name and outcome, anonymous and unresolved ones apart', async () => {
    await fresh.graphql('query Ruby { imageStream(namespace: "demo", name: "ruby") { metadata { name } } }');
    await fresh.graphql('query Ruby { imageStream(namespace: "demo", name: "ruby") { metadata { name } } }');
    await fresh.graphql('query Partial { a: imageStream(namespace: "demo", name: "ruby") { metadata { name } } b: imageStream(namespace: "demo", name: "nope") { metadata { name } } }');
    await fresh.graphql('{ imageStream(namespace: "demo", name: "nope") { metadata { name } } }');
    await fresh.graphql('query Broken { imageStream(');
    await fresh.graphql('query Unknown { noSuchField }');
    expect(samples(await scrape(), 'gateway_graphql_operations_total')).toEqual([
      'gateway_graphql_operations_total{operation="Ruby",outcome="ok"} 2',
      'gateway_graphql_operations_total{operation="Partial",outcome="partial"} 1',
      'gateway_graphql_operations_total{operation="(anonymous)",outcome="partial"} 1',
      'gateway_graphql_operations_total{operation="(unresolved)",outcome="failed"} 2',
    ]);
  });

  test('show each loader batch’s size, by loader', async () => {
    const streams = ['ruby', 'ubuntu', 'frontend'].map((name) => `${name}: imageStream(namespace: "demo", name: "${name}") { metadata { name } }`).join(' ');
    const three = await fresh.graphql(`{ ${streams} tag: imageStreamTag(namespace: "demo", name: "ruby:3.3") { metadata { name } } }`);
    const one = await fresh.graphql('{ imageStream(namespace: "team-a", name: "api") { metadata { name } } }');
    expect([three.body.errors, one.body.errors]).toEqual([undefined, undefined]);
    const text = await scrape();
    expect(samples(text, 'gateway_loader_batch_size_count')).toEqual([
      'gateway_loader_batch_size_count{loader="imageStream"} 2',
      'gateway_loader_batch_size_count{loader="imageStreamTag"} 1',
    ]);
    expect(samples(text, 'gateway_loader_batch_size_sum')).toEqual([
      'gateway_loader_batch_size_sum{loader="imageStream"} 4',
      'gateway_loader_batch_size_sum{loader="imageStreamTag"} 1',
    ]);
    // One batch of 1 and one of 3, in the buckets of le 1, 2 and 5.
    expect(text).toContain('gateway_loader_batch_size_bucket{le="1",loader="imageStream"} 1\n');
    expect(text).toContain('gateway_loader_batch_size_bucket{le="2",loader="imageStream"} 1\n');
    expect(text).toContain('gateway_loader_batch_size_bucket{le="5",loader="imageStream"} 2\n');
  });

  test('count the cache’s hits and misses exactly, and no call left in flight', async () => {
    for (let i = 0; i < 3; i++) await fresh.graphql('{ imageStream(namespace: "team-a", name: "api") { metadata { name } } }');
    const text = await scrape();
    expect(samples(text, 'gateway_cache_misses_total')).toEqual(['gateway_cache_misses_total 1']);
    expect(samples(text, 'gateway_cache_hits_total')).toEqual(['gateway_cache_hits_total 2']);
    expect(samples(text, 'gateway_cache_shared_hits_total')).toEqual(['gateway_cache_shared_hits_total 0']);
    expect(samples(text, 'gateway_upstream_calls_in_flight')).toEqual(['gateway_upstream_calls_in_flight 0']);
  });
});
