// What reaches a client when the API server's answers are too large, too many, too deep or echo
// the caller's token: the field (or the REST answer) fails with a coded error and the rest stands.
import type http from 'node:http';
import { kubeConfigForServer } from '../../src/kube/cluster-access';
import { createKubeClient, type HttpKubeClient } from '../../src/kube/http-kube-client';
import { startServer, type Limits, type RunningServer } from '../../src/server';
import { json, startUpstream, type Upstream } from '../kube/upstream-server';

const TOKEN = 'caller-secret-token-123';
const MiB = 1024 * 1024;

let upstream: Upstream;
let kube: HttpKubeClient;
let server: RunningServer;

/** An ImageStreamImage of about `bytes` bytes (one long annotation). */
const isiOf = (name: string, bytes: number) => ({
  kind: 'ImageStreamImage',
  apiVersion: 'image.openshift.io/v1',
  metadata: { name, namespace: 'demo', annotations: { padding: 'x'.repeat(bytes) } },
  image: { metadata: { name: name.split('@')[1] }, dockerImageReference: 'r', dockerImageMetadata: {} },
});

function deep(levels: number): string {
  return `{"kind":"ImageStreamImage","metadata":{"name":"deep@sha256:1","namespace":"demo"},"image":{"metadata":{"name":"sha256:1"},"dockerImageMetadata":${'['.repeat(levels)}${']'.repeat(levels)}}}`;
}

const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
  const name = decodeURIComponent((req.url ?? '').split('/').pop() ?? '');
  if (name.startsWith('huge')) return json(res, 200, isiOf(name, 5 * MiB));
  if (name.startsWith('big')) return json(res, 200, isiOf(name, 400 * 1024));
  if (name.startsWith('deep')) {
    res.writeHead(200, { 'content-type': 'application/json' });
    return void res.end(deep(1000));
  }
  if (name.startsWith('slow')) return void setTimeout(() => json(res, 200, isiOf(name, 10)), 1000);
  if (name.startsWith('echo')) {
    return json(res, 503, { kind: 'Status', apiVersion: 'v1', status: 'Failure', code: 503, reason: 'ServiceUnavailable', message: `backend refused ${req.headers.authorization}` });
  }
  json(res, 200, isiOf(name, 10));
};

async function start(limits: Partial<Limits>) {
  server = await startServer({ host: '127.0.0.1', port: 0, kube, lendCredentials: false, concurrency: 1, listThreshold: 10, limits });
}

beforeAll(async () => {
  upstream = await startUpstream(handler);
  kube = await createKubeClient(kubeConfigForServer(upstream.url, 'gateway-token'), { timeoutMs: 5000, retries: 0, maxBodyBytes: 1 * MiB });
});

afterEach(() => server.stop());

afterAll(async () => {
  await kube.close();
  await upstream.close();
});

async function graphql(query: string) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, text: await response.text() };
}

const isi = (alias: string, name: string) => `${alias}: imageStreamImage(namespace: "demo", name: "${name}") { metadata { name } }`;

test('an answer over MAX_UPSTREAM_BODY_BYTES fails its field with UPSTREAM_BODY_TOO_LARGE, and the others stand', async () => {
  await start({});
  const { text } = await graphql(`{ ${isi('a', 'huge@sha256:1')} ${isi('b', 'small@sha256:2')} }`);
  const body = JSON.parse(text);
  expect(body.data).toEqual({ a: null, b: { metadata: { name: 'small@sha256:2' } } });
  expect(body.errors[0].extensions).toMatchObject({ code: 'UPSTREAM_BODY_TOO_LARGE', limit: 'MAX_UPSTREAM_BODY_BYTES', max: MiB });
  expect(body.errors[0].extensions.count).toBeGreaterThan(MiB);
});

test("an answer over MAX_UPSTREAM_BODY_BYTES does not use up the request's byte budget: the next fields still load", async () => {
  await start({ maxRequestUpstreamBytes: 2 * MiB });
  const fields = [1, 2, 3].map((i) => isi(`huge${i}`, `huge@sha256:${i}`));
  const { text } = await graphql(`{ ${fields.join(' ')} ${isi('small', 'small@sha256:9')} }`);
  const body = JSON.parse(text);
  expect(body.errors.map((error: { extensions: { code: string } }) => error.extensions.code)).toEqual(Array(3).fill('UPSTREAM_BODY_TOO_LARGE'));
  expect(body.data.small).toEqual({ metadata: { name: 'small@sha256:9' } });
});

test('the REST route answers an answer over MAX_UPSTREAM_BODY_BYTES with a 502 Status', async () => {
  await start({});
  const response = await fetch(`${server.url}/apis/image.openshift.io/v1/namespaces/demo/imagestreamimages/huge@sha256:1`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  expect(response.status).toBe(502);
  expect(await response.json()).toMatchObject({ kind: 'Status', code: 502, reason: 'InternalError' });
});

test('a request that has read MAX_REQUEST_UPSTREAM_BYTES fails its further fields with UPSTREAM_BYTES_LIMIT_EXCEEDED', async () => {
  await start({ maxRequestUpstreamBytes: MiB, maxUpstreamBytesInUse: 4 * MiB });
  const fields = [1, 2, 3, 4].map((i) => isi(`f${i}`, `big@sha256:${i}`));
  const { text } = await graphql(`{ ${fields.join(' ')} }`);
  const body = JSON.parse(text);
  expect(Object.values(body.data).filter((value) => value !== null)).toHaveLength(2);
  expect(body.errors.map((error: { extensions: { code: string } }) => error.extensions.code)).toEqual(['UPSTREAM_BYTES_LIMIT_EXCEEDED', 'UPSTREAM_BYTES_LIMIT_EXCEEDED']);
  expect(body.errors[0].extensions).toMatchObject({ limit: 'MAX_REQUEST_UPSTREAM_BYTES', max: MiB });
});

test('a call past MAX_UPSTREAM_BYTES_IN_USE fails as an overloaded gateway, and the bytes are given back when the request ends', async () => {
  await start({ maxRequestUpstreamBytes: MiB, maxUpstreamBytesInUse: MiB });
  // The first request holds two large answers while it waits for a slow third.
  const holding = graphql(`{ ${isi('f1', 'big@sha256:1')} ${isi('f2', 'big@sha256:2')} ${isi('f3', 'slow@sha256:3')} }`);
  await new Promise((resolve) => setTimeout(resolve, 400));
  const refused = JSON.parse((await graphql(`{ ${isi('other', 'big@sha256:4')} }`)).text);
  expect(refused.errors.map((error: { extensions: { code: string; reason: string } }) => `${error.extensions.code} ${error.extensions.reason}`)).toEqual([
    'UPSTREAM_UNAVAILABLE overloaded',
  ]);
  expect(JSON.parse((await holding).text).errors).toBeUndefined();
  const after = JSON.parse((await graphql(`{ ${isi('again', 'big@sha256:5')} }`)).text);
  expect(after.errors).toBeUndefined();
});

test('an answer nested too deep fails its field as a protocol error, and the others stand', async () => {
  await start({});
  const { text } = await graphql(`{ ${isi('a', 'deep@sha256:1')} ${isi('b', 'small@sha256:2')} }`);
  const body = JSON.parse(text);
  expect(body.data.b).toEqual({ metadata: { name: 'small@sha256:2' } });
  expect(body.errors[0].extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE', reason: 'protocol' });
});

test("an upstream message that echoes the caller's token reaches neither the client nor the log with it", async () => {
  await start({});
  const gql = await graphql(`{ ${isi('a', 'echo@sha256:1')} }`);
  expect(gql.text).not.toContain(TOKEN);
  expect(JSON.parse(gql.text).errors[0].message).toBe('backend refused Bearer [redacted]');
  const rest = await fetch(`${server.url}/apis/image.openshift.io/v1/namespaces/demo/imagestreamimages/echo@sha256:1`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  expect(rest.status).toBe(503);
  expect(await rest.text()).not.toContain(TOKEN);
});
