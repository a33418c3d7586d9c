import { DEVELOPER_TOKEN } from '../../src/demo/demo-tokens';
import { SAMPLES } from '../../src/demo/sample-data';
import { startHarness, type Harness } from '../helpers/gateway-harness';

const STREAM_QUERY = '{ imageStream(namespace: "demo", name: "ruby") { metadata { name } } }';
const ISI_PATH = `/apis/image.openshift.io/v1/namespaces/demo/imagestreamimages/ruby@${SAMPLES.storedManifestImage.digest}`;

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

test('an upstream that is down is answered at once with UPSTREAM_UNAVAILABLE, and 503 with Retry-After on REST', async () => {
  harness = await startHarness({ retries: 0 });
  await harness.demo.stop();
  const started = Date.now();
  const { body } = await harness.graphql(STREAM_QUERY);
  expect(Date.now() - started).toBeLessThan(2000);
  expect(body.data).toEqual({ imageStream: null });
  expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', reason: 'unreachable' });
  const rest = await fetch(`${harness.gateway.url}${ISI_PATH}`);
  expect(rest.status).toBe(503);
  expect(rest.headers.get('retry-after')).toBe('1');
  expect(await rest.json()).toMatchObject({ kind: 'Status', reason: 'ServiceUnavailable', code: 503, details: { retryAfterSeconds: 1 } });
});

test('an upstream that never answers is cut off at the upstream timeout with UPSTREAM_UNAVAILABLE, and 504 on REST', async () => {
  harness = await startHarness({ timeoutMs: 300, retries: 0, demo: { faults: { hangRate: 1 } } });
  const started = Date.now();
  const { body } = await harness.graphql(STREAM_QUERY);
  expect(Date.now() - started).toBeLessThan(3000);
  expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', reason: 'timeout' });
  const rest = await fetch(`${harness.gateway.url}${ISI_PATH}`);
  expect(rest.status).toBe(504);
  expect(rest.headers.get('retry-after')).toBe('1');
});

test('an upstream answering 503 is retried twice, then its Status is reported as UPSTREAM_UNAVAILABLE', async () => {
  harness = await startHarness({ retries: 2, demo: { faults: { errorRate: 1 } } });
  const { body } = await harness.graphql(STREAM_QUERY);
  expect(harness.upstreamCalls()).toEqual(Array(3).fill('/apis/image.openshift.io/v1/namespaces/demo/imagestreams/ruby'));
  expect(body.errors?.[0]?.extensions).toMatchObject({
    code: 'UPSTREAM_UNAVAILABLE',
    kubernetes: { reason: 'ServiceUnavailable', code: 503 },
  });
});

test('a failed field fails alone: the others keep their data', async () => {
  harness = await startHarness({ lendCredentials: false });
  const { body } = await harness.graphql(
    `{ stream: imageStream(namespace: "demo", name: "ruby") { metadata { name } } image(name: "${SAMPLES.signedImage.digest}") { metadata { name } } }`,
    {},
    DEVELOPER_TOKEN,
  );
  expect(body.data).toEqual({ stream: { metadata: { name: 'ruby' } }, image: null });
  expect(body.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['image'], 'FORBIDDEN']]);
});
