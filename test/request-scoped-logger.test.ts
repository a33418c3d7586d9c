import { ApolloServer } from '@apollo/server';
import fastifyApollo from '@as-integrations/fastify';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { buildSchema } from 'graphql';
import { Writable } from 'node:stream';
import pino from 'pino';
import { requestIdOf } from '../src/request-id';
import { registerRequestScope } from '../src/request-scoped-logger';

type Line = Record<string, unknown>;

describe('registerRequestScope', () => {
  const lines: Line[] = [];
  let app: FastifyInstance;
  let apollo: ApolloServer;
  let url: string;

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Line);
        done();
      },
    });
    const root = pino({ level: 'info' }, sink);
    app = Fastify({ loggerInstance: root, genReqId: requestIdOf, logController: new LogController({ disableRequestLogging: true }) }) as unknown as FastifyInstance;
    const logger = registerRequestScope(app, root);
    // A document store that fails: Apollo warns of it through its logger, once per operation.
    const failing = async (): Promise<never> => {
      throw new Error('document store down');
    };
    apollo = new ApolloServer({
      schema: buildSchema('type Query { ok: Boolean }'),
      rootValue: { ok: true },
      logger,
      documentStore: { get: failing, set: failing, delete: failing },
    });
    await apollo.start();
    await app.register(fastifyApollo(apollo), { path: '/graphql' });
    app.get('/scoped', async (request) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      logger.info(`handled ${request.id}`);
      return 'ok';
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await app.close();
    await apollo.stop();
  });
  beforeEach(() => {
    lines.length = 0;
  });

  test('writes what Apollo logs during an operation (twice here) under that request’s id', async () => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'apollo-op-1' },
      body: JSON.stringify({ query: '{ ok }' }),
    });
    expect(await response.json()).toEqual({ data: { ok: true } });
    // The store's write is not awaited by the answer: its warning may come just after it.
    for (let i = 0; i < 50 && lines.length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(lines.map(({ level, reqId, msg }) => ({ level, reqId, msg }))).toEqual([
      { level: 40, reqId: 'apollo-op-1', msg: 'An error occurred while attempting to read from the documentStore. document store down' },
      { level: 40, reqId: 'apollo-op-1', msg: 'Could not store validated document. document store down' },
    ]);
  });

  test('keeps each request’s id apart when requests overlap', async () => {
    await Promise.all(['a', 'b', 'c'].map((id) => fetch(`${url}/scoped`, { headers: { 'x-request-id': `overlap-${id}` } })));
    expect(lines.map((line) => [line.reqId, line.msg]).sort()).toEqual([
      ['overlap-a', 'handled overlap-a'],
      ['overlap-b', 'handled overlap-b'],
      ['overlap-c', 'handled overlap-c'],
    ]);
  });

  test('writes through the root logger, without a request id, outside any request', () => {
    const logger = registerRequestScope(Fastify() as unknown as FastifyInstance, pino({ level: 'info' }, new Writable({ write: (chunk: Buffer, _e, done) => (lines.push(JSON.parse(chunk.toString()) as Line), done()) })));
    logger.warn('starting');
    expect(lines).toEqual([expect.objectContaining({ level: 40, msg: 'starting' })]);
    expect(lines[0]).not.toHaveProperty('reqId');
  });
});
