import WebSocket from 'ws';
import { DEVELOPER_TOKEN, DEMO_ADMIN_TOKEN } from '../../src/demo/demo-tokens';
import { startHarness, type Harness } from '../helpers/gateway-harness';
import { subscribeSse, subscribeWs, type Received } from '../helpers/live-client';
import { until } from '../helpers/until';

// What the transports refuse, and how: credentials, origins, the document limits of queries,
// the caps on subscriptions, idle connections.

const NAMES = 'subscription($ns: String!) { imageStreamChanged(namespace: $ns) { type imageStream { metadata { name } } } }';

let harness: Harness;
const open: Array<Received<unknown>> = [];
const track = <T>(received: Received<T>): Received<T> => {
  open.push(received as Received<unknown>);
  return received;
};
afterEach(async () => {
  await Promise.all(open.splice(0).map((received) => received.close()));
  await harness.stop();
});

const codesOf = (received: Received<unknown>) => received.errors.map((errors) => errors.map((e) => e.extensions?.code));

/** The HTTP answer to a WebSocket upgrade the gateway refuses, or `open`. */
function upgrade(url: string, headers: Record<string, string>): Promise<number | 'open'> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', { headers });
    socket.on('open', () => {
      socket.close();
      resolve('open');
    });
    socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.on('error', () => undefined);
  });
}

describe('credentials', () => {
  beforeEach(async () => {
    harness = await startHarness({ lendCredentials: false });
  });

  test('a connection without a token is closed with 4401 when credentials are not lent', async () => {
    let closed: [number, string] | undefined;
    const received = track(subscribeWs(harness.gateway.url, NAMES, { ns: 'demo' }, { onClosed: (code, reason) => (closed = [code, reason]) }));
    await until('the close', () => closed !== undefined);
    expect(closed).toEqual([4401, 'Unauthorized: this request needs credentials: expected an "Authorization: Bearer <token>" header']);
    expect(received.data).toEqual([]);
    expect(harness.demo.watches.opened).toBe(0);
  });

  test('the upgrade request\'s Authorization header is the token when connectionParams carry none', async () => {
    const received = track(subscribeWs(harness.gateway.url, NAMES, { ns: 'demo' }, { headerToken: DEVELOPER_TOKEN }));
    await until('the watch', () => harness.demo.watches.open.length === 1);
    expect(harness.demo.watches.open.map((w) => w.user)).toEqual(['developer']);
    harness.demo.changes.pushImage({ namespace: 'demo', stream: 'ruby', tag: 'latest' });
    await until('the event', () => received.data.length === 1);
  });

  test('SSE without a token is answered 401 with UNAUTHENTICATED', async () => {
    const response = await fetch(`${harness.gateway.url}/graphql/stream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: NAMES, variables: { ns: 'demo' } }),
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('credentials with TOKEN_REVIEW', () => {
  beforeEach(async () => {
    harness = await startHarness({ lendCredentials: false, server: { tokenReview: true } });
  });

  test('a WebSocket whose token the API server does not accept is closed with 4401 before any watch; an accepted one subscribes', async () => {
    let closed: [number, string] | undefined;
    const refused = track(subscribeWs(harness.gateway.url, NAMES, { ns: 'demo' }, { token: 'no-such-token', onClosed: (code, reason) => (closed = [code, reason]) }));
    await until('the close', () => closed !== undefined);
    expect(closed).toEqual([4401, 'Unauthorized: the API server does not accept the bearer token (TokenReview)']);
    expect([refused.data, harness.demo.watches.opened]).toEqual([[], 0]);

    const accepted = track(subscribeWs(harness.gateway.url, NAMES, { ns: 'demo' }, { token: DEVELOPER_TOKEN }));
    await until('the watch', () => harness.demo.watches.open.length === 1);
    harness.demo.changes.pushImage({ namespace: 'demo', stream: 'ruby', tag: 'latest' });
    await until('the event', () => accepted.data.length === 1);
    expect(harness.demo.watches.open.map((w) => w.user)).toEqual(['developer']);
  });
});

describe('origins', () => {
  beforeEach(async () => {
    harness = await startHarness({ server: { corsOrigins: ['https://console.example.com'] } });
  });

  test('an upgrade from a page of another origin is refused 403; CORS_ORIGINS, the gateway\'s own origin and no Origin are let in', async () => {
    const host = new URL(harness.gateway.url).host;
    expect(await upgrade(harness.gateway.url, { origin: 'https://evil.example' })).toBe(403);
    expect(await upgrade(harness.gateway.url, { origin: 'https://console.example.com' })).toBe('open');
    expect(await upgrade(harness.gateway.url, { origin: `http://${host}` })).toBe('open');
    expect(await upgrade(harness.gateway.url, {})).toBe('open');
  });
});

describe('document limits and caps', () => {
  beforeEach(async () => {
    harness = await startHarness({
      server: { limits: { maxQueryDepth: 8, maxAliases: 1, maxTokens: 60, maxUpstreamCalls: 1 }, live: { maxSubscriptionsPerCaller: 2, maxSubscriptions: 3 } },
    });
  });

  test('a subscription deeper than MAX_QUERY_DEPTH, with too many aliases or tokens, or over the call budget is refused before any watch', async () => {
    const deep = track(subscribeWs(harness.gateway.url, 'subscription { imageStreamChanged(namespace: "demo") { imageStream { status { tags { items { imageStreamImage { imageStream { metadata { name } } } } } } } } }', {}));
    const aliases = track(subscribeWs(harness.gateway.url, 'subscription { a: imageStreamChanged(namespace: "demo") { b: type c: type } }', {}));
    const tokens = track(subscribeSse(harness.gateway.url, `subscription { imageStreamChanged(namespace: "demo") { ${'type '.repeat(60)} } }`, {}));
    const budget = track(
      subscribeWs(harness.gateway.url, 'subscription { imageStreamChanged(namespace: "demo") { imageStream { tag(name: "latest") { latest { imageStreamImage { imageStream { metadata { name } } } } } } } }', {}),
    );
    await until('four refusals', () => [deep, aliases, budget].every((r) => r.failure !== undefined) && tokens.completed);
    const wsCodes = (r: Received<unknown>) => (r.failure as Array<{ extensions?: { code?: string } }>).map((e) => e.extensions?.code);
    expect(wsCodes(deep)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect((deep.failure as Array<{ message: string }>)[0]?.message).toBe('Syntax Error: Query depth limit of 8 exceeded, found 9.');
    expect(wsCodes(aliases)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(codesOf(tokens)).toEqual([['GRAPHQL_PARSE_FAILED']]);
    expect(tokens.errors[0]?.[0]?.message).toBe('Token limit of 60 exceeded (MAX_TOKENS): the document has more tokens.');
    expect(wsCodes(budget)).toEqual(['BAD_USER_INPUT']);
    expect(harness.demo.watches.opened).toBe(0);
  });

  test('past MAX_SUBSCRIPTIONS_PER_CALLER a caller\'s next subscription ends with SUBSCRIPTION_LIMIT_EXCEEDED; past MAX_SUBSCRIPTIONS anyone\'s does', async () => {
    track(subscribeWs(harness.gateway.url, NAMES, { ns: 'demo' }, { token: DEVELOPER_TOKEN }));
    track(subscribeWs(harness.gateway.url, NAMES, { ns: 'team-a' }, { token: DEVELOPER_TOKEN }));
    await until('two subscriptions', () => harness.gateway.live.stats().subscriptions === 2);
    const third = track(subscribeWs(harness.gateway.url, NAMES, { ns: 'demo' }, { token: DEVELOPER_TOKEN }));
    await until('the refusal', () => third.completed);
    expect(third.errors.map((errors) => errors.map((e) => [e.extensions?.code, e.extensions?.limit, e.extensions?.max]))).toEqual([[['SUBSCRIPTION_LIMIT_EXCEEDED', 'MAX_SUBSCRIPTIONS_PER_CALLER', 2]]]);
    track(subscribeWs(harness.gateway.url, NAMES, { ns: 'demo' }, { token: DEMO_ADMIN_TOKEN }));
    await until('three subscriptions', () => harness.gateway.live.stats().subscriptions === 3);
    const fourth = track(subscribeSse(harness.gateway.url, NAMES, { ns: 'demo' }, DEMO_ADMIN_TOKEN));
    await until('the refusal', () => fourth.completed);
    expect(fourth.errors.map((errors) => errors.map((e) => [e.extensions?.code, e.extensions?.limit]))).toEqual([[['SUBSCRIPTION_LIMIT_EXCEEDED', 'MAX_SUBSCRIPTIONS']]]);
    expect(harness.gateway.live.stats()).toEqual({ subscriptions: 3, watches: 3 });
  });

  test('a query sent over WebSocket is refused with BAD_REQUEST: queries go to POST /graphql; a subscription POSTed there is refused too', async () => {
    const query = track(subscribeWs(harness.gateway.url, '{ imageStream(namespace: "demo", name: "ruby") { metadata { name } } }', {}));
    await until('the refusal', () => query.failure !== undefined);
    expect((query.failure as Array<{ message: string; extensions: { code: string } }>).map((e) => [e.extensions.code, e.message])).toEqual([
      ['BAD_REQUEST', 'this endpoint serves subscriptions; send a query to POST /graphql'],
    ]);
    const posted = await harness.graphql(NAMES, { ns: 'demo' });
    expect(posted.body.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_REQUEST']);
    expect(harness.demo.watches.opened).toBe(0);
  });
});

describe('idle connections', () => {
  beforeEach(async () => {
    harness = await startHarness({ server: { live: { pingIntervalMs: 50 } } });
  });

  test('a client that answers no ping is closed; one that does stays open', async () => {
    const url = `${harness.gateway.url.replace(/^http/, 'ws')}/graphql`;
    const silent = new WebSocket(url, 'graphql-transport-ws', { autoPong: false });
    const polite = new WebSocket(url, 'graphql-transport-ws');
    let pings = 0;
    polite.on('ping', () => pings++);
    let silentClosed = false;
    silent.on('close', () => (silentClosed = true));
    await new Promise((resolve) => silent.on('open', resolve));
    silent.send(JSON.stringify({ type: 'connection_init' }));
    polite.on('open', () => polite.send(JSON.stringify({ type: 'connection_init' })));
    await until('the silent client to be closed', () => silentClosed, 2_000);
    await until('the polite client to have answered three pings', () => pings >= 3, 2_000);
    expect(polite.readyState).toBe(WebSocket.OPEN);
    polite.close();
  });
});
