import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ExplorerMode } from '../config';
import { explorerAsset } from './graphiql-assets';
import { GRAPHIQL_PAGE, graphiqlCsp } from './graphiql-page';
import { prefersHtml } from './prefers-html';
import { sandboxPage } from './sandbox-page';

/** Where the self-hosted GraphiQL is served in every mode that has it. */
export const GRAPHIQL_PATH = '/graphiql';

function sendPage(reply: FastifyReply, html: string, csp?: string): FastifyReply {
  reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').header('x-content-type-options', 'nosniff');
  if (csp) reply.header('content-security-policy', csp);
  return reply.send(html);
}

const cspFor = (request: FastifyRequest): string => graphiqlCsp(request.protocol, request.host);

/**
 * The explorer pages of EXPLORER=auto and graphiql (sandbox is Apollo Server's own landing page,
 * off is none): GET /graphql from a browser, answered before Apollo Server sees it with the page
 * of the mode, and GET /graphiql with its files. A GET /graphql that does not prefer HTML is
 * GraphQL's, as before.
 */
export function registerExplorer(app: FastifyInstance, mode: ExplorerMode): void {
  if (mode !== 'auto' && mode !== 'graphiql') return;
  const sandbox = sandboxPage(GRAPHIQL_PATH.slice(1));
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' || request.url.split('?')[0] !== '/graphql' || !prefersHtml(request.headers.accept)) return;
    return mode === 'graphiql' ? sendPage(reply, GRAPHIQL_PAGE, cspFor(request)) : sendPage(reply, sandbox);
  });
  app.get(GRAPHIQL_PATH, async (request, reply) => sendPage(reply, GRAPHIQL_PAGE, cspFor(request)));
  app.get<{ Params: { name: string } }>(`${GRAPHIQL_PATH}/assets/:name`, async (request, reply) => {
    const asset = await explorerAsset(request.params.name);
    if (!asset) return reply.callNotFound();
    const gzip = /\bgzip\b/i.test(request.headers['accept-encoding'] ?? '');
    reply.header('content-type', asset.type).header('cache-control', 'public, max-age=3600').header('vary', 'accept-encoding').header('x-content-type-options', 'nosniff');
    if (gzip) reply.header('content-encoding', 'gzip');
    return reply.send(gzip ? asset.gzipped : asset.body);
  });
}
