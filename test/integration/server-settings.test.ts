import { Writable } from 'node:stream';
import pino from 'pino';
import { DEVELOPER_TOKEN } from '../../src/demo/demo-tokens';
import { startHarness, type Harness } from '../helpers/gateway-harness';

const post = (harness: Harness, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${harness.gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('introspection and the landing page switched off', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ server: { introspection: false, explorer: 'off' } });
  });
  afterAll(() => harness.stop());

  test('refuses an introspection query', async () => {
    const response = await post(harness, { query: '{ __schema { queryType { name } } }' });
    const body = (await response.json()) as { errors?: Array<{ message: string; extensions?: { code?: string } }> };
    expect(response.status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors?.[0]?.message).toMatch(/introspection is not allowed/i);
  });

  test('serves no Sandbox page to a browser', async () => {
    const response = await fetch(`${harness.gateway.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await response.text()).not.toContain('<!DOCTYPE html>');
  });
});

describe('the defaults of development', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.stop());

  test('serve Apollo Sandbox to a browser on GET /graphql', async () => {
    const response = await fetch(`${harness.gateway.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('embeddable-sandbox');
  });

  test('send no CORS headers when no origin is allowed', async () => {
    const response = await fetch(`${harness.gateway.url}/graphql`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('CORS_ORIGINS and BATCH_MAX_OPERATIONS set', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ server: { corsOrigins: ['https://console.example.com'], limits: { batchMaxOperations: 2 } } });
  });
  afterAll(() => harness.stop());

  test('allow a listed origin and no other', async () => {
    const preflight = (origin: string) =>
      fetch(`${harness.gateway.url}/graphql`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
    expect((await preflight('https://console.example.com')).headers.get('access-control-allow-origin')).toBe('https://console.example.com');
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });

  test('answer an HTTP batch up to the cap', async () => {
    const response = await post(harness, [{ query: '{ a: __typename }' }, { query: '{ b: __typename }' }]);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([{ data: { a: 'Query' } }, { data: { b: 'Query' } }]);
  });

  test('refuse a batch over the cap with 400 naming the limit, before any upstream call', async () => {
    harness.demo.resetRequests();
    const query = '{ imageStream(namespace: "demo", name: "ruby") { metadata { name } } }';
    const response = await post(harness, [{ query }, { query }, { query }]);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [{ message: 'Batch limit of 2 operations exceeded, found 3.', extensions: { code: 'BAD_USER_INPUT' } }],
    });
    expect(harness.upstreamCalls()).toEqual([]);
  });
});

describe('logs', () => {
  test('never contain a bearer token, at the most verbose level', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = pino({ level: 'trace', redact: ['req.headers.authorization'] }, sink);
    const harness = await startHarness({ lendCredentials: false, server: { logger } });
    try {
      await post(harness, { query: '{ imageStream(namespace: "demo", name: "ruby") { metadata { name } } }' }, { authorization: `Bearer ${DEVELOPER_TOKEN}` });
      await post(harness, { query: '{ imageStream(namespace: "openshift", name: "nope") { metadata { name } } }' }, { authorization: `Bearer ${DEVELOPER_TOKEN}` });
      await fetch(`${harness.gateway.url}/apis/image.openshift.io/v1/namespaces/demo/imagestreamimages/ruby@sha256:00`, {
        headers: { authorization: `Bearer ${DEVELOPER_TOKEN}` },
      });
    } finally {
      await harness.stop();
    }
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.join('')).not.toContain(DEVELOPER_TOKEN);
  });
});

describe('operator logs', () => {
  test('hold the detail of an unreachable upstream that clients see only in general terms, and no client mistakes', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const harness = await startHarness({ retries: 0, server: { logger: pino({ level: 'warn' }, sink) } });
    try {
      await harness.graphql('{ imageStream(namespace: "demo", name: "nope") { metadata { name } } }');
      expect(lines).toEqual([]);
      const demoUrl = harness.demo.url;
      await harness.demo.stop();
      const { body } = await harness.graphql('{ imageStream(namespace: "demo", name: "ruby") { metadata { name } } }');
      expect(body.errors?.[0]?.message).toBe('the Kubernetes API server cannot be reached; try again later');
      const rest = await fetch(`${harness.gateway.url}/apis/image.openshift.io/v1/namespaces/demo/imagestreamimages/ruby@sha256:00`);
      expect(rest.status).toBe(503);
      expect(lines).toHaveLength(2);
      expect(lines.every((line) => line.includes(demoUrl))).toBe(true);
    } finally {
      await harness.stop();
    }
  });
});

describe('a client that goes away', () => {
  test('cancels the upstream calls it caused, and only those', async () => {
    const harness = await startHarness({ demo: { faults: { hangRate: 1 } }, timeoutMs: 30_000, retries: 0 });
    const leaving = new AbortController();
    const staying = new AbortController();
    const ask = (namespace: string, name: string, signal: AbortSignal) =>
      fetch(`${harness.gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ imageStream(namespace: "${namespace}", name: "${name}") { metadata { name } } }` }),
        signal,
      }).catch(() => undefined);
    try {
      const answers = [ask('demo', 'ruby', staying.signal), ask('team-a', 'nginx', leaving.signal)];
      await waitFor(() => inFlightOf(harness) === 2);
      leaving.abort();
      // The hung call of the client that left is cancelled; the other client's is still waiting.
      await waitFor(() => inFlightOf(harness) === 1);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(inFlightOf(harness)).toBe(1);
      staying.abort();
      await waitFor(() => inFlightOf(harness) === 0);
      await Promise.all(answers);
    } finally {
      await harness.stop();
    }
  });
});

const inFlightOf = (harness: Harness): number => harness.inFlight();

async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
