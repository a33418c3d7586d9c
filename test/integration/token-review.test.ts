// TOKEN_REVIEW=true: a token the API server does not accept costs one review every few seconds
// and nothing else: no body read, no document parsed, no upstream call for it.
import type { ImageStream } from '../../src/kube/types';
import { UpstreamUnavailableError } from '../../src/kube/errors';
import { startServer, type RunningServer } from '../../src/server';
import { DEVELOPER_TOKEN } from '../../src/demo/demo-tokens';
import { startHarness } from '../helpers/gateway-harness';
import { HostileKubeClient, type HostileBehaviour } from '../helpers/hostile-kube-client';

let server: RunningServer | undefined;

afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const ruby = { metadata: { namespace: 'demo', name: 'ruby' } } as ImageStream;

async function gateway(behaviour: HostileBehaviour) {
  const kube = new HostileKubeClient([ruby], behaviour);
  server = await startServer({ host: '127.0.0.1', port: 0, kube, lendCredentials: true, concurrency: 4, listThreshold: 10, tokenReview: true });
  return kube;
}

const ask = (token: string | undefined, path = '/graphql') =>
  fetch(`${server!.url}${path}`, {
    method: path === '/graphql' ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(path === '/graphql' ? { body: JSON.stringify({ query: '{ imageStream(namespace: "demo", name: "ruby") { metadata { name } } }' }) } : {}),
  });

test('refuses twenty concurrent requests with an unknown token with 401 after one review, making no other call', async () => {
  const kube = await gateway({ validTokens: ['good'] });
  const answers = await Promise.all(Array.from({ length: 20 }, () => ask('made-up')));
  expect(answers.map((a) => a.status)).toEqual(Array(20).fill(401));
  expect(answers[0]!.headers.get('www-authenticate')).toBe('Bearer');
  expect(await answers[0]!.json()).toEqual({
    errors: [{ message: 'this request needs credentials: the API server does not accept the bearer token (TokenReview)', extensions: { code: 'UNAUTHENTICATED' } }],
  });
  expect(kube.calls).toEqual(['review gateway']);
});

test('lets an accepted token through, reviewing it once for the requests that follow', async () => {
  const kube = await gateway({ validTokens: ['good'] });
  for (let i = 0; i < 3; i++) expect((await ask('good')).status).toBe(200);
  expect(kube.calls).toEqual(['review gateway', 'get imagestreams demo/ruby', 'get imagestreams demo/ruby', 'get imagestreams demo/ruby']);
});

test('answers the REST route with a 401 Status', async () => {
  await gateway({ validTokens: [] });
  const answer = await ask('made-up', '/apis/image.openshift.io/v1/namespaces/demo/imagestreamimages/ruby@sha256:00');
  expect(answer.status).toBe(401);
  expect(await answer.json()).toMatchObject({ kind: 'Status', code: 401, reason: 'Unauthorized' });
});

test('answers 503 UPSTREAM_UNAVAILABLE when the review cannot be made', async () => {
  await gateway({ reviewFailure: new UpstreamUnavailableError('connection refused', 'unreachable') });
  const answer = await ask('good');
  expect(answer.status).toBe(503);
  expect(answer.headers.get('retry-after')).toBe('1');
  expect(((await answer.json()) as { errors: Array<{ extensions: unknown }> }).errors[0]!.extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE', reason: 'unreachable' });
});

test('reviews no request without a token, nor the probes', async () => {
  const kube = await gateway({ validTokens: [] });
  expect((await ask(undefined)).status).toBe(200);
  expect((await fetch(`${server!.url}/healthz`, { headers: { authorization: 'Bearer made-up' } })).status).toBe(200);
  expect(kube.calls).toEqual(['get imagestreams demo/ruby']);
});

test('against the demo cluster: a demo token is let through, a made-up one refused with one review', async () => {
  const harness = await startHarness({ lendCredentials: true, server: { tokenReview: true } });
  try {
    harness.demo.resetRequests();
    const refused = await harness.graphql('{ imageStream(namespace: "demo", name: "ruby") { metadata { name } } }', undefined, 'made-up');
    expect(refused.status).toBe(401);
    const accepted = await harness.graphql('{ imageStream(namespace: "demo", name: "ruby") { metadata { name } } }', undefined, DEVELOPER_TOKEN);
    expect(accepted.body.data).toEqual({ imageStream: { metadata: { name: 'ruby' } } });
    expect(harness.demo.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /apis/authentication.k8s.io/v1/tokenreviews',
      'POST /apis/authentication.k8s.io/v1/tokenreviews',
      'GET /apis/image.openshift.io/v1/namespaces/demo/imagestreams/ruby',
    ]);
  } finally {
    await harness.stop();
  }
});
