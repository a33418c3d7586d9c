// GET /apis/image.openshift.io/v1/namespaces/{namespace}/imagestreamimages/{name}: the upstream
// ImageStreamImage, read through the request's loaders like /graphql reads it, written as the
// API server writes it. Every other GET the API server would authorize as a request for
// imagestreamimages (the collection, a name holding an escaped `/`) is sent to it as it came,
// with the caller's credentials, so its answer (403 before anything else) is the API server's own.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createContext, type ContextOptions } from '../context';
import { methodNotAllowedAnswer, routeNotFoundAnswer, toStatusAnswer, badRequestAnswer } from '../errors';
import { MissingCredentialsError } from '../kube/errors';
import type { UpstreamBody } from '../kube/kube-client';
import type { ImageStreamImage } from '../kube/types';
import { IMAGE_GROUP_VERSION } from './discovery';
import { negotiateRepresentation, tableContentType } from '../openshift/accept';
import { imageStreamImageTable, includeObjectOf } from '../openshift/table';
import { prettyPrint } from './pretty-print';
import { parseRequestTarget } from '../openshift/request-target';
import { sendJson, sendUpstreamBody } from './send-json';
import { sendStatus } from './send-status';
import { isCarryable, uncarryableAnswer } from './uncarryable-name';

/** A raw segment with its percent-encoded dots decoded, as URL parsers read dot segments. */
const decodeDots = (segment: string): string => segment.replace(/%2e/gi, '.');

export interface ImageStreamImageRouteOptions {
  /** The same options the GraphQL context is made with. */
  contextOptions: ContextOptions;
  /** The clock of the Table's `Updated` column; default Date.now. */
  now?: () => number;
}

/**
 * Where the route reads from, matching the decoded path as the API server's router does (behaviour §1):
 * `item` is exactly `apis/image.openshift.io/v1/namespaces/<ns>/imagestreamimages/<name>`; `other`
 * is any other path the API server would still authorize as an imagestreamimages request (the
 * collection, or a name whose decoded `%2F` made more segments); `none` is everything else.
 */
type Target = { kind: 'item'; namespace: string; name: string } | { kind: 'other' } | { kind: 'none' };

function targetOf(path: string): Target {
  const parts = path.replace(/^\/+|\/+$/g, '').split('/');
  const [apis, group, version, namespaces, namespace = '', resource, name = ''] = parts;
  const ours = `${apis}/${group}/${version}` === `apis/${IMAGE_GROUP_VERSION}` && namespaces === 'namespaces' && namespace !== '' && resource === 'imagestreamimages';
  if (!ours) return { kind: 'none' };
  return parts.length === 7 && name !== '' ? { kind: 'item', namespace, name } : { kind: 'other' };
}

/** Serves every method on every path under `/apis/image.openshift.io/v1/`. */
export function registerImageStreamImageRoute(app: FastifyInstance, options: ImageStreamImageRouteOptions): void {
  const now = options.now ?? Date.now;

  async function handle(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const pretty = prettyPrint(request);
    const rawTarget = request.raw.url ?? '/';
    const parsed = parseRequestTarget(rawTarget);
    // Fastify refuses most malformed escapes itself (FST_ERR_BAD_URL) before any route runs.
    if ('error' in parsed) return sendStatus(reply, badRequestAnswer(parsed.error), pretty);

    // Authentication comes first, as in the API server's filter chain: no token, no other answer.
    const context = createContext({ headers: request.headers, response: reply.raw, report: request.report, log: request.log }, options.contextOptions);
    if (context.auth instanceof MissingCredentialsError) return sendStatus(reply, toStatusAnswer(context.auth), pretty);

    const target = targetOf(parsed.path);
    if (target.kind === 'none') return sendStatus(reply, routeNotFoundAnswer(), pretty);
    // The gateway only reads; it sends no other method upstream.
    if (request.method !== 'GET') return sendStatus(reply, methodNotAllowedAnswer(), pretty);

    let read: UpstreamBody;
    try {
      if (target.kind === 'other') {
        // Sent byte for byte as it came, so the API server decodes it as it would have; a path
        // whose segments the adapter cannot send unchanged (dot segments) is the router's 404.
        const rawPath = rawTarget.split('?')[0] ?? '/';
        if (!rawPath.split('/').every((segment) => isCarryable(decodeDots(segment)))) return sendStatus(reply, routeNotFoundAnswer(), pretty);
        return sendUpstreamBody(reply, await context.session.read({ verb: 'path', path: rawPath }), { pretty });
      }
      if (!isCarryable(target.namespace) || !isCarryable(target.name)) return sendStatus(reply, uncarryableAnswer(target.name), pretty);
      // The answer to the name asked, as the API server sent it: never one derived from another stream's.
      read = await context.session.read({ verb: 'get', resource: 'imagestreamimages', namespace: target.namespace, name: target.name });
    } catch (error) {
      // The client gets the Status; the operator's request line gets what actually failed upstream.
      request.report.add(error);
      return sendStatus(reply, toStatusAnswer(error), pretty);
    }

    const representation = negotiateRepresentation(request.headers.accept);
    if (representation.kind === 'table') {
      const { version } = representation;
      const body = imageStreamImageTable(read.value as ImageStreamImage, { now: now(), version, includeObject: includeObjectOf(parsed.query.get('includeObject')) });
      return sendJson(reply, 200, body, { pretty, contentType: tableContentType(version) });
    }
    return sendUpstreamBody(reply, read, { pretty });
  }

  app.all(`/apis/${IMAGE_GROUP_VERSION}/*`, handle);
}
