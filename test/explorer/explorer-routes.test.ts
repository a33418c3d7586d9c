import { gunzipSync } from 'node:zlib';
import type { ExplorerMode } from '../../src/config';
import { graphiqlCsp } from '../../src/explorer/graphiql-page';
import { prefersHtml } from '../../src/explorer/prefers-html';
import { SANDBOX_SCRIPT_URL } from '../../src/explorer/sandbox-page';
import { startHarness, type Harness } from '../helpers/gateway-harness';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

test.each([
  ['http', '127.0.0.1:4000', "connect-src 'self' ws://127.0.0.1:4000"],
  ['https', 'Gateway.Example.com', "connect-src 'self' wss://gateway.example.com"],
  ['http', '[::1]:4000', "connect-src 'self' ws://[::1]:4000"],
  ['http', "a; script-src *", "connect-src 'self'"],
  ['http', undefined, "connect-src 'self'"],
])('the GraphiQL page of a request by %s to Host %j may connect to: %s', (protocol, host, expected) => {
  const directives = graphiqlCsp(protocol, host).split('; ');
  expect(directives.filter((directive) => directive.startsWith('connect-src'))).toEqual([expected]);
  expect(directives).toHaveLength(9);
  expect(directives.filter((directive) => directive.startsWith('script-src'))).toEqual(["script-src 'self'"]);
});

test.each([
  [BROWSER_ACCEPT, true],
  ['text/html', true],
  ['application/json, text/html;q=0.5', false],
  ['text/html;q=0.9, application/graphql-response+json', false],
  ['text/html, application/json', true],
  ['*/*', false],
  ['application/json', false],
  ['text/html;q=0', false],
])('an Accept of %j prefers HTML: %s', (accept, expected) => {
  expect(prefersHtml(accept)).toBe(expected);
});

describe.each<[ExplorerMode]>([['auto'], ['graphiql'], ['sandbox'], ['off']])('EXPLORER=%s', (mode) => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ server: { explorer: mode } });
  });
  afterAll(() => harness.stop());
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${harness.gateway.url}${path}`, { headers });
  // The page's WebSocket origin is the gateway's, as the request addressed it.
  const pageCsp = () => graphiqlCsp('http', new URL(harness.gateway.url).host);

  test('GET /graphql from a browser', async () => {
    const response = await get('/graphql', { accept: BROWSER_ACCEPT });
    const text = await response.text();
    if (mode === 'off') {
      expect(response.headers.get('content-type')).not.toContain('text/html');
      return;
    }
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(mode === 'sandbox' ? 'text/html' : 'text/html; charset=utf-8');
    if (mode === 'auto') {
      // The loader of Sandbox, falling back to the gateway's own explorer.
      expect(text).toContain(JSON.stringify(SANDBOX_SCRIPT_URL));
      expect(text).toContain('"graphiql":"graphiql"');
      expect(text).not.toContain('fonts.googleapis.com');
    } else if (mode === 'graphiql') {
      expect(response.headers.get('content-security-policy')).toBe(pageCsp());
      // Nothing on the page names another host.
      expect(text).not.toMatch(/https?:\/\//);
      expect(text).toContain('<script src="graphiql/assets/graphiql.min.js"></script>');
      expect(text).toContain('<script src="graphiql/assets/graphql-ws.min.js"></script>');
    } else {
      // Apollo Server's own page: its code comes from Apollo's CDN.
      expect(text).toContain('https://embeddable-sandbox.cdn.apollographql.com/');
    }
  });

  test('GET /graphql from a GraphQL client is GraphQL\'s answer, whatever the explorer', async () => {
    const response = await get('/graphql?query=%7B__typename%7D', { accept: 'application/graphql-response+json', 'apollo-require-preflight': 'true' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  test(`GET /graphiql and its files ${mode === 'auto' || mode === 'graphiql' ? 'are' : 'are not'} served`, async () => {
    const page = await get('/graphiql');
    const asset = await get('/graphiql/assets/graphiql.min.js', { 'accept-encoding': 'gzip' });
    if (mode === 'sandbox' || mode === 'off') {
      expect([page.status, asset.status]).toEqual([404, 404]);
      return;
    }
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(pageCsp());
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('/graphiql/assets/other.js')).status).toBe(404);
    // graphql-ws's browser client, for subscriptions: that package's own build.
    const socketClient = await get('/graphiql/assets/graphql-ws.min.js');
    const { readFileSync } = await import('node:fs');
    const { dirname, join } = await import('node:path');
    expect(Buffer.from(await socketClient.arrayBuffer()).equals(readFileSync(join(dirname(require.resolve('graphql-ws/package.json')), 'umd', 'graphql-ws.min.js')))).toBe(true);
  });
});

test('the explorer\'s files are the packages\' own bytes, gzipped when the browser accepts it', async () => {
  const harness = await startHarness({ server: { explorer: 'graphiql' } });
  try {
    const { readFileSync } = await import('node:fs');
    const { dirname, join } = await import('node:path');
    const own = readFileSync(join(dirname(require.resolve('graphiql/package.json')), 'graphiql.min.css'));
    const raw = await new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
      // node:http, which leaves the body as sent (fetch would decode it).
      void import('node:http').then(({ get }) =>
        get(`${harness.gateway.url}/graphiql/assets/graphiql.min.css`, { headers: { 'accept-encoding': 'gzip' } }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ encoding: response.headers['content-encoding'], body: Buffer.concat(chunks) }));
        }).on('error', reject),
      );
    });
    expect(raw.encoding).toBe('gzip');
    expect(gunzipSync(raw.body).equals(own)).toBe(true);
    expect(raw.body.length).toBeLessThan(own.length);
  } finally {
    await harness.stop();
  }
});
