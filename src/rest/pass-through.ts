// What kubectl and Kubernetes clients ask around the resource, answered by the API server itself
// with the caller's credentials: the namespace kubectl checks after a NotFound (so it prints the
// API server's own message), the cluster's version (so clients see no version skew) and the
// OpenAPI documents (so `kubectl explain` and clients that read them at start-up work).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createContext, type ContextOptions } from '../context';
import { routeNotFoundAnswer, toStatusAnswer } from '../errors';
import { MissingCredentialsError } from '../kube/errors';
import { encodeSegment } from '../kube/resource-path';
import { IMAGE_GROUP_VERSION } from './discovery';
import { prettyPrint } from './pretty-print';
import { parseRequestTarget } from '../openshift/request-target';
import { sendJson, sendUpstreamBody } from './send-json';
import { sendStatus } from './send-status';

/** The OpenAPI v3 path of the one group version the gateway serves. */
export const IMAGE_OPENAPI_V3_PATH = `/openapi/v3/apis/${IMAGE_GROUP_VERSION}`;

interface OpenApiV3Index {
  paths?: Record<string, unknown>;
}

/**
 * `upstreamPath(request)` is the API path to ask, or undefined for the router's 404; `shape`
 * turns the upstream's document into the answer (default: as it came).
 */
interface PassThrough {
  url: string;
  upstreamPath: (path: string) => string | undefined;
  shape?: (document: unknown) => unknown;
  /** /version is public on an API server: a caller without a token is answered with the gateway's. */
  public?: boolean;
}

const PASS_THROUGHS: readonly PassThrough[] = [
  {
    url: '/api/v1/namespaces/*',
    upstreamPath: (path) => {
      const name = path.slice('/api/v1/namespaces/'.length);
      if (name === '' || name.includes('/')) return undefined;
      try {
        return `/api/v1/namespaces/${encodeSegment('name', name)}`;
      } catch {
        return undefined;
      }
    },
  },
  { url: '/version', upstreamPath: () => '/version', public: true },
  { url: '/openapi/v2', upstreamPath: () => '/openapi/v2' },
  {
    url: '/openapi/v3',
    upstreamPath: () => '/openapi/v3',
    // The index lists every group of the cluster; the gateway serves one.
    shape: (document) => {
      const paths = (document as OpenApiV3Index).paths ?? {};
      const key = IMAGE_OPENAPI_V3_PATH.slice('/openapi/v3/'.length);
      return { ...(document as object), paths: key in paths ? { [key]: paths[key] } : {} };
    },
  },
  { url: IMAGE_OPENAPI_V3_PATH, upstreamPath: () => IMAGE_OPENAPI_V3_PATH },
];

export function registerPassThrough(app: FastifyInstance, contextOptions: ContextOptions): void {
  for (const passThrough of PASS_THROUGHS) {
    app.get(passThrough.url, (request, reply) => answer(request, reply, passThrough, contextOptions));
  }
}

async function answer(request: FastifyRequest, reply: FastifyReply, passThrough: PassThrough, contextOptions: ContextOptions): Promise<FastifyReply> {
  const pretty = prettyPrint(request);
  const parsed = parseRequestTarget(request.raw.url ?? '/');
  const upstreamPath = 'error' in parsed ? undefined : passThrough.upstreamPath(parsed.path.replace(/\/+$/, ''));
  if (upstreamPath === undefined) return sendStatus(reply, routeNotFoundAnswer(), pretty);
  const lend = contextOptions.lendCredentials || passThrough.public === true;
  const context = createContext({ headers: request.headers, response: reply.raw, report: request.report, log: request.log }, { ...contextOptions, lendCredentials: lend });
  if (context.auth instanceof MissingCredentialsError) return sendStatus(reply, toStatusAnswer(context.auth), pretty);
  try {
    const body = await context.session.read({ verb: 'path', path: upstreamPath });
    // A document the gateway reshapes (an OpenAPI document cut to the image group) is written anew.
    return passThrough.shape ? sendJson(reply, 200, passThrough.shape(body.value), { pretty }) : sendUpstreamBody(reply, body, { pretty });
  } catch (error) {
    request.report.add(error);
    return sendStatus(reply, toStatusAnswer(error), pretty);
  }
}
