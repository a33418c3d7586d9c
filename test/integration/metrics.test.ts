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
