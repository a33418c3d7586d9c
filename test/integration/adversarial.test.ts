// A hostile client against the gateway as production runs it (NODE_ENV=production settings):
// every refusal is a coded 4xx, nothing echoes what the client sent, and nothing the client
// sends makes the gateway do unbounded work.
import { connect } from 'node:net';
import { ERROR_CODES } from '../../src/errors';
import { loadConfig } from '../../src/config';
import { limitsOf } from '../../src/server';
import { startHarness, type Harness } from '../helpers/gateway-harness';
import { doublingFragments } from '../helpers/doubling-fragments';
import { rawRequest } from '../rest/raw-request';

let harness: Harness;
const testNodeEnv = process.env.NODE_ENV;

beforeAll(async () => {
  // Apollo Server reads NODE_ENV itself (its defaults for stack traces and the landing page).
  process.env.NODE_ENV = 'production';
  const production = loadConfig({ NODE_ENV: 'production' });
  harness = await startHarness({
    lendCredentials: false,
    server: { introspection: production.introspection, explorer: production.explorer, limits: limitsOf(production) },
  });
});

afterAll(async () => {
  await harness.stop();
  process.env.NODE_ENV = testNodeEnv;
});

const TOKEN = 'demo-admin-token';

const post = (body: unknown, headers: Record<string, string> = {}) =>
  rawRequest(harness.gateway.url, '/graphql', {
    method: 'POST',
    token: TOKEN,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('in production', () => {
  test('refuses a 30-level fragment-doubling document with any token, and stays responsive', async () => {
    const query = doublingFragments(30, 'Query', 'image(name: "sha256:0") { metadata { name } }', (spread) => `query { ${spread} }`);
    const [answer, health] = await Promise.all([
      rawRequest(harness.gateway.url, '/graphql', {
        method: 'POST',
        token: 'garbage',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      }),
      rawRequest(harness.gateway.url, '/healthz'),
    ]);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(health.status).toBe(200);
    expect(harness.upstreamCalls()).toEqual([]);
  }, 5000);

  test('hides field suggestions when introspection is off', async () => {
    const answer = await post({ query: '{ imageStrem(namespace: "demo", name: "ruby") { metadata { name } } }' });
    const message = JSON.parse(answer.body).errors[0].message as string;
    expect(message).toBe('Cannot query field "imageStrem" on type "Query".');
  });

  test('refuses two Authorization headers with 400 BAD_REQUEST on /graphql and a Status on the API paths', async () => {
    // Written by hand on a socket: HTTP clients merge or refuse a repeated Authorization header.
    const duplicate = (path: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const { port } = new URL(harness.gateway.url);
        const socket = connect(Number(port), '127.0.0.1', () => {
          socket.end(`GET ${path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKEN}\r\nAuthorization: Bearer other\r\nConnection: close\r\n\r\n`);
        });
        let answer = '';
        socket.on('data', (chunk) => (answer += chunk.toString()));
        socket.on('end', () => {
          const [head = '', body = ''] = answer.split('\r\n\r\n');
          resolve({ status: Number(head.split(' ')[1]), body });
        });
        socket.on('error', reject);
      });
    const graphql = await duplicate('/graphql?query=%7B__typename%7D');
    expect(graphql.status).toBe(400);
    expect(JSON.parse(graphql.body)).toEqual({ errors: [{ message: 'expected one Authorization header, got several', extensions: { code: 'BAD_REQUEST' } }] });
    const rest = await duplicate('/apis/image.openshift.io/v1/namespaces/demo/imagestreamimages/ruby@sha256:00');
    expect(rest.status).toBe(400);
    expect(JSON.parse(rest.body)).toMatchObject({ kind: 'Status', code: 400, reason: 'BadRequest', message: 'expected one Authorization header, got several' });
    expect(harness.upstreamCalls()).toEqual([]);
  });

  test('does not echo the Host header in /api', async () => {
    const answer = await rawRequest(harness.gateway.url, '/api', { token: TOKEN, headers: { host: 'attacker.example:1' } });
    expect(answer.status).toBe(200);
    expect(answer.body).not.toContain('attacker.example');
    expect(JSON.parse(answer.body).serverAddressByClientCIDRs[0].serverAddress).toBe(new URL(harness.gateway.url).host);
  });

  test.each<[string, unknown, string]>([
    ['a document that does not parse', { query: '{ imageStream(' }, 'GRAPHQL_PARSE_FAILED'],
    ['a field the schema does not have', { query: '{ nope }' }, 'GRAPHQL_VALIDATION_FAILED'],
    ['an operation name the document does not have', { query: 'query A { __typename }', operationName: 'B' }, 'OPERATION_RESOLUTION_FAILURE'],
    ['no query', { variables: {} }, 'BAD_REQUEST'],
    ['a persisted-query hash that does not match its query', { query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } }, 'BAD_REQUEST'],
    ['an unknown persisted-query hash', { extensions: { persistedQuery: { version: 1, sha256Hash: '1'.repeat(64) } } }, 'PERSISTED_QUERY_NOT_FOUND'],
    ['a variable of the wrong type', { query: 'query($n: Int) { imageStreams(namespace: "demo", first: $n) { edges { cursor } } }', variables: { n: 'x' } }, 'BAD_USER_INPUT'],
    ['introspection', { query: '{ __schema { types { name } } }' }, 'GRAPHQL_VALIDATION_FAILED'],
  ])('answers %s with a coded error of the vocabulary', async (_what, body, code) => {
    const answer = await post(body);
    // Apollo answers an unknown persisted query 200, so that clients send the query next.
    expect(answer.status).toBe(code === 'PERSISTED_QUERY_NOT_FOUND' ? 200 : 400);
    const errors = JSON.parse(answer.body).errors as Array<{ extensions?: { code?: string } }>;
    expect(errors.map((error) => error.extensions?.code)).toEqual([code]);
    expect(Object.keys(ERROR_CODES)).toContain(code);
  });
});
