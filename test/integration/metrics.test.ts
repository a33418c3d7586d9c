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
