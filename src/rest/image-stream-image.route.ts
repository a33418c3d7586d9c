// GET /apis/image.openshift.io/v1/namespaces/{namespace}/imagestreamimages/{name}: the upstream
// ImageStreamImage, read through the request's loaders like /graphql reads it, written as the
// API server writes it; every other path under the group version answers as its router would.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createContext, type ContextOptions } from '../context';
import { badRequestAnswer, methodNotAllowedAnswer, routeNotFoundAnswer, toStatusAnswer } from '../errors';
import { MissingCredentialsError } from '../kube/errors';
import type { ImageStreamImage } from '../kube/types';
import { IMAGE_GROUP_VERSION } from './discovery';
import { planImageStreamImageGet, noMatchAnswer } from './image-stream-image-get-plan';
import { acceptedTableVersion, imageStreamImageTable, includeObjectOf } from './isi-table';
import { prettyPrint } from './pretty-print';
import { parseRequestPath } from './request-path';
import { sendJson } from './send-json';
import { sendStatus } from './send-status';

export interface ImageStreamImageRouteOptions {
  /** The same options the GraphQL context is made with. */
  contextOptions: ContextOptions;
  /** The clock of the Table's `Updated` column; default Date.now. */
  now?: () => number;
}

/** Where the route reads from the decoded path's segments (spec §1). */
type Target = { kind: 'item'; namespace: string; name: string } | { kind: 'none' };

/**
 * Matches the decoded path as the API server's router does: surrounding slashes trimmed, then
 * exactly `apis/image.openshift.io/v1/namespaces/<ns>/imagestreamimages/<name>`. The collection,
 * subresources and a name containing a decoded `%2F` match no route.
 */
function targetOf(path: string): Target {
  const parts = path.replace(/^\/+|\/+$/g, '').split('/');
  if (parts.length !== 7) return { kind: 'none' };
  const [apis, group, version, namespaces, namespace = '', resource, name = ''] = parts;
  const matches =
    `${apis}/${group}/${version}` === `apis/${IMAGE_GROUP_VERSION}` && namespaces === 'namespaces' && resource === 'imagestreamimages';
  return matches && namespace !== '' && name !== '' ? { kind: 'item', namespace, name } : { kind: 'none' };
}


/** Serves every method on every path under `/apis/image.openshift.io/v1/`. */
export function registerImageStreamImageRoute(app: FastifyInstance, options: ImageStreamImageRouteOptions): void {
  const now = options.now ?? Date.now;

  async function handle(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const pretty = prettyPrint(request);
    const parsed = parseRequestPath(request.raw.url ?? '/');
    // Fastify refuses most malformed escapes itself (FST_ERR_BAD_URL) before any route runs.
    if ('error' in parsed) return sendStatus(reply, badRequestAnswer(parsed.error), pretty);

    // Authentication comes first, as in the API server's filter chain: no token, no other answer.
    const context = createContext({ headers: request.headers, response: reply.raw, report: request.report }, options.contextOptions);
    request.upstream = context.budget;
    if (context.auth instanceof MissingCredentialsError) return sendStatus(reply, toStatusAnswer(context.auth), pretty);

    const target = targetOf(parsed.path);
    if (target.kind === 'none') return sendStatus(reply, routeNotFoundAnswer(), pretty);
    if (request.method !== 'GET') return sendStatus(reply, methodNotAllowedAnswer(), pretty);

    const plan = planImageStreamImageGet(target.namespace, target.name);
    let isi: ImageStreamImage;
    try {
      if (plan.kind === 'answer') return sendStatus(reply, plan.answer, pretty);
      if (plan.kind === 'refuse') throw plan.error;
      if (plan.kind === 'probe') {
        await context.loaders.imageStreamImage.load({ namespace: target.namespace, name: plan.probeName }).catch((error: unknown) => {
          throw plan.rewrite(error);
        });
        // The probe id matches no image; an answer for it still means the stream exists.
        return sendStatus(reply, noMatchAnswer(target.name), pretty);
      }
      isi = await context.loaders.imageStreamImage.load({ namespace: target.namespace, name: plan.name });
    } catch (error) {
      // The client gets the Status; the operator's request line gets what actually failed upstream.
      request.report?.add(error);
      return sendStatus(reply, toStatusAnswer(error), pretty);
    }

    const table = acceptedTableVersion(request.headers.accept);
    if (table) {
      const body = imageStreamImageTable(isi, { now: now(), version: table, includeObject: includeObjectOf(parsed.query.get('includeObject') ?? undefined) });
      return sendJson(reply, 200, body, { pretty, contentType: `application/json;as=Table;v=${table};g=meta.k8s.io` });
    }
    return sendJson(reply, 200, isi, { pretty });
  }

  app.all(`/apis/${IMAGE_GROUP_VERSION}/*`, handle);
}
