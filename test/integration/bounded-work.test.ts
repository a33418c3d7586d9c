// The work one request can cause upstream has a bound that holds as it runs, whatever the
// document's estimate said and whatever the upstream sends: each test counts the calls made.
import { Writable } from 'node:stream';
import pino from 'pino';
import type { ImageStream } from '../../src/kube/types';
import { encodeCursor } from '../../src/graphql/image-stream-cursor';
import { MAX_LIST_PAGES } from '../../src/loaders/create-loaders';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server';
import { startHarness } from '../helpers/gateway-harness';
import { HostileKubeClient, longHistoryStream, type HostileBehaviour } from '../helpers/hostile-kube-client';

interface Answer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }> };
}

let server: RunningServer | undefined;

afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function gateway(streams: ImageStream[], behaviour: HostileBehaviour = {}, options: Partial<ServerOptions> = {}) {
  const kube = new HostileKubeClient(streams, behaviour);
  server = await startServer({ host: '127.0.0.1', port: 0, kube, lendCredentials: true, concurrency: 16, listThreshold: 10, ...options });
  const url = server.url;
  const graphql = async (query: string, variables?: Record<string, unknown>): Promise<Answer> => {
    const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  };
  return { kube, graphql };
}

const HISTORY_IMAGES = `query History { imageStream(namespace: "demo", name: "long") {
  status { tags { items { imageStreamImage { image { metadata { name } } } } } } } }`;

const streams = (namespace: string, count: number): ImageStream[] =>
  Array.from({ length: count }, (_, i) => ({ metadata: { namespace, name: `s${String(i).padStart(5, '0')}` } }) as ImageStream);

describe('the upstream-call budget at run time', () => {
  test('stops a history longer than any estimate at MAX_UPSTREAM_CALLS calls, failing the fields past it with a coded error', async () => {
    const { kube, graphql } = await gateway([longHistoryStream('demo', 'long', 2000)], {}, { limits: { maxUpstreamCalls: 50 } });
    const { status, body } = await graphql(HISTORY_IMAGES);
    expect(status).toBe(200);
    expect(kube.calls).toHaveLength(50);
    expect(kube.calls[0]).toBe('get imagestreams demo/long');
    const items = (body.data?.imageStream as { status: { tags: Array<{ items: Array<{ imageStreamImage: unknown }> }> } }).status.tags[0]!.items;
    expect(items.filter((item) => item.imageStreamImage !== null)).toHaveLength(49);
    expect(body.errors).toHaveLength(2000 - 49);
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'UPSTREAM_CALL_LIMIT_EXCEEDED', limit: 'MAX_UPSTREAM_CALLS', max: 50, count: 50 });
    expect(body.errors?.[0]?.message).toBe(
      'Upstream call limit of 50 reached: this request has made 50 Kubernetes API calls, and this field needs another. Ask for fewer items or fewer navigation fields.',
    );
  });

  test('counts each request on its own: a second request gets its own budget', async () => {
    const { kube, graphql } = await gateway([longHistoryStream('demo', 'long', 30)], {}, { limits: { maxUpstreamCalls: 50 } });
    expect((await graphql(HISTORY_IMAGES)).body.errors).toBeUndefined();
    expect((await graphql(HISTORY_IMAGES)).body.errors).toBeUndefined();
    expect(kube.calls).toHaveLength(62);
  });
});

describe('heavy requests', () => {
  /** A client whose ImageStreamImage GETs wait until `open()`: a heavy request that holds its slot for as long as a test needs. */
  class GatedKubeClient extends HostileKubeClient {
    private opened!: () => void;
    private readonly gate = new Promise<void>((resolve) => (this.opened = resolve));
    /** The ImageStreamImage GETs started, by stream. */
    readonly started = new Map<string, number>();
    open(): void {
      this.opened();
    }
    override async get(...args: Parameters<HostileKubeClient['get']>): Promise<never> {
      const [request] = args;
      if (request.resource === 'imagestreamimages') {
        const stream = request.name.split('@')[0] ?? '';
        this.started.set(stream, (this.started.get(stream) ?? 0) + 1);
        await this.gate;
      }
      return super.get(...args);
    }
  }

  const historyOf = (name: string) => `query { imageStream(namespace: "demo", name: "${name}") {
    status { tags { items { imageStreamImage { metadata { name } } } } } } }`;
  const until = async (done: () => boolean) => {
    for (let waited = 0; !done(); waited += 5) {
      if (waited > 5000) throw new Error('waited 5 s for the gateway to reach the upstream');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };

  test('wait for their slot holding only the list that made them heavy: none of its calls start before the slot is theirs', async () => {
    const waiting = Array.from({ length: 20 }, (_, i) => `waiting${i}`);
    const kube = new GatedKubeClient(['first', ...waiting].map((name) => longHistoryStream('demo', name, 200)));
    server = await startServer({ host: '127.0.0.1', port: 0, kube, lendCredentials: true, concurrency: 16, listThreshold: 10, limits: { maxHeavyRequests: 1, heavyRequestCalls: 10 } });
    const post = (name: string) =>
      fetch(`${server?.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: historyOf(name) }) }).then(
        (response) => response.json() as Promise<Answer['body']>,
      );
    const callsOf = (name: string) => kube.started.get(name) ?? 0;

    const first = post('first');
    await until(() => callsOf('first') > 0);
    const others = waiting.map(post);
    await until(() => waiting.every((name) => kube.calls.includes(`get imagestreams demo/${name}`)));
    // Time for the others to reach their lists and queue for the slot the first holds.
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The first holds the one slot, with the 16 calls its concurrency allows; twenty more wait with none.
    expect([callsOf('first'), ...waiting.map(callsOf)]).toEqual([16, ...waiting.map(() => 0)]);

    kube.open();
    const answers = await Promise.all([first, ...others]);
    expect(answers.map((answer) => answer.errors)).toEqual(answers.map(() => undefined));
    expect([callsOf('first'), ...waiting.map(callsOf)]).toEqual([200, ...waiting.map(() => 200)]);
  });
});

describe('lists from an upstream that misbehaves', () => {
  test('cut a page to what first asked when the upstream ignores limit', async () => {
    const { kube, graphql } = await gateway(streams('demo', 1000), { ignoreLimit: true });
    const { body } = await graphql('{ imageStreams(namespace: "demo", first: 1) { edges { node { metadata { name } } } pageInfo { hasNextPage endCursor } } }');
    const page = body.data?.imageStreams as { edges: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    expect(page.edges).toEqual([{ node: { metadata: { name: 's00000' } } }]);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(kube.calls).toEqual(['list imagestreams demo limit=1 continue=']);
  });

  test('refuse a repeated continue token at once in the LIST that replaces GETs', async () => {
    const { kube, graphql } = await gateway(streams('demo', 20), { repeatContinue: 'again' });
    const fields = Array.from({ length: 12 }, (_, i) => `s${i}: imageStream(namespace: "demo", name: "s${String(i + 900).padStart(5, '0')}") { metadata { name } }`);
    const { body } = await graphql(`{ ${fields.join(' ')} }`);
    expect(kube.calls).toEqual(['list imagestreams demo limit=500 continue=', 'list imagestreams demo limit=500 continue=again']);
    expect(body.errors).toHaveLength(12);
    expect(body.errors?.every((error) => error.extensions?.code === 'UPSTREAM_UNAVAILABLE' && error.extensions.reason === 'protocol')).toBe(true);
  });

  test('refuse a page that hands back the continue token it was asked with, so a client never pages for ever', async () => {
    const { kube, graphql } = await gateway(streams('demo', 20), { repeatContinue: 'again' });
    const { body } = await graphql('query($after: String) { imageStreams(namespace: "demo", first: 5, after: $after) { edges { cursor } } }', {
      after: encodeCursor({ namespace: 'demo', continue: 'again', offset: 0 }),
    });
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE', reason: 'protocol' });
    expect(kube.calls).toEqual(['list imagestreams demo limit=5 continue=again']);
  });

  test(`read at most ${MAX_LIST_PAGES} pages of a huge namespace, then GET the streams not yet seen`, async () => {
    const { kube, graphql } = await gateway(streams('demo', 10_000));
    const fields = Array.from({ length: 10 }, (_, i) => `s${i}: imageStream(namespace: "demo", name: "missing-${i}") { metadata { name } }`);
    const { body } = await graphql(`{ ${fields.join(' ')} }`);
    expect(kube.calls.filter((call) => call.startsWith('list'))).toHaveLength(MAX_LIST_PAGES);
    expect(kube.calls.filter((call) => call.startsWith('get'))).toHaveLength(10);
    expect(body.errors?.map((error) => error.extensions?.code)).toEqual(Array(10).fill('NOT_FOUND'));
  });

  test('stop paging as soon as every stream asked for is seen', async () => {
    const { kube, graphql } = await gateway(streams('demo', 10_000));
    const fields = Array.from({ length: 10 }, (_, i) => `s${i}: imageStream(namespace: "demo", name: "s${String(i * 50).padStart(5, '0')}") { metadata { name } }`);
    const { body } = await graphql(`{ ${fields.join(' ')} }`);
    expect(body.errors).toBeUndefined();
    expect(kube.calls).toEqual(['list imagestreams demo limit=500 continue=']);
  });
});

describe('cursors', () => {
  const PAGE = 'query($after: String) { imageStreams(namespace: "demo", first: 10, after: $after) { edges { cursor } } }';

  test.each([
    ['an offset past one page', encodeCursor({ namespace: 'demo', continue: '', offset: 10_000 })],
    ['a negative offset', Buffer.from(JSON.stringify({ n: 'demo', c: '', o: -1 })).toString('base64url')],
    ['no namespace', Buffer.from(JSON.stringify({ c: '', o: 1 })).toString('base64url')],
    ['text that is not base64url', 'not a cursor!'],
  ])('refuse %s with BAD_USER_INPUT and no upstream call', async (_what, after) => {
    const { kube, graphql } = await gateway(streams('demo', 30));
    const { body } = await graphql(PAGE, { after });
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'after' });
    expect(kube.calls).toEqual([]);
  });

  test("refuse another namespace's cursor, naming both namespaces", async () => {
    const { kube, graphql } = await gateway(streams('demo', 30));
    const { body } = await graphql(PAGE, { after: encodeCursor({ namespace: 'team-a', continue: '', offset: 3 }) });
    expect(body.errors?.[0]?.message).toBe(
      'after must be a cursor returned by imageStreams (edges.cursor or pageInfo.endCursor), got a cursor of namespace "team-a", not of "demo"',
    );
    expect(kube.calls).toEqual([]);
  });

  test('never ask the upstream for more than one page, even from a cursor deep in a page', async () => {
    const { kube, graphql } = await gateway(streams('demo', 1000));
    const { body } = await graphql(
      'query($after: String) { imageStreams(namespace: "demo", first: 100, after: $after) { edges { cursor } pageInfo { hasNextPage } } }',
      { after: encodeCursor({ namespace: 'demo', continue: '', offset: 450 }) },
    );
    expect(kube.calls).toEqual(['list imagestreams demo limit=500 continue=']);
    const page = body.data?.imageStreams as { edges: unknown[]; pageInfo: { hasNextPage: boolean } };
    expect(page.edges).toHaveLength(50);
    expect(page.pageInfo.hasNextPage).toBe(true);
  });
});

describe('the log of a failed request', () => {
  function logged(): { lines: Array<Record<string, unknown>>; logger: pino.Logger } {
    const lines: Array<Record<string, unknown>> = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    return { lines, logger: pino({ level: 'info' }, sink) };
  }

  test('is one line with its fields’ codes counted, however many fields failed', async () => {
    const { lines, logger } = logged();
    const { graphql } = await gateway([longHistoryStream('demo', 'long', 300)], {}, { logger, limits: { maxUpstreamCalls: 20 } });
    await graphql(HISTORY_IMAGES);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const requests = lines.filter((line) => line.msg !== `Server listening at ${server!.url}`);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      msg: 'request',
      level: 30,
      method: 'POST',
      route: '/graphql',
      path: '/graphql',
      status: 200,
      operationName: 'History',
      upstreamCalls: 20,
      errors: { UPSTREAM_CALL_LIMIT_EXCEEDED: 300 - 19 },
    });
  });

  test('never holds the query string', async () => {
    const { lines, logger } = logged();
    await gateway([], {}, { logger });
    await fetch(`${server!.url}/healthz?access_token=very-secret-token`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const requests = lines.filter((line) => line.msg === 'request');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ path: '/healthz', status: 200 });
    expect(JSON.stringify(lines)).not.toContain('very-secret-token');
  });
});

describe('the log of a request whose client left', () => {
  test('is one line at debug, written when it left, and nothing at info', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    const harness = await startHarness({ demo: { faults: { hangRate: 1 } }, timeoutMs: 30_000, retries: 0, server: { logger: pino({ level: 'debug' }, sink) } });
    try {
      const leaving = new AbortController();
      const asked = fetch(`${harness.gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ a: imageStream(namespace: "demo", name: "ruby") { metadata { name } } b: imageStream(namespace: "demo", name: "nginx") { metadata { name } } }' }),
        signal: leaving.signal,
      }).catch(() => undefined);
      await waitFor(() => harness.inFlight() === 2);
      leaving.abort();
      await asked;
      await waitFor(() => lines.some((line) => line.msg === 'request'));
      const requests = lines.filter((line) => line.msg === 'request');
      expect(requests).toHaveLength(1);
      expect(requests[0]).toMatchObject({ level: 20, route: '/graphql', clientClosed: true, upstreamCalls: 2 });
      await waitFor(() => harness.inFlight() === 0);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(lines.filter((line) => line.msg === 'request')).toHaveLength(1);
    } finally {
      await harness.stop();
    }
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
