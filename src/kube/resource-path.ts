import { InvalidNameError } from './errors';
import { MAX_LIST_LIMIT, type ReadRequest, type WatchRequest } from './kube-client';
import type { Resource, ResourceTypes } from './types';

export const API_GROUP_PATH = '/apis/image.openshift.io/v1';
export const SELF_SUBJECT_ACCESS_REVIEWS_PATH = '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews';

/** Whether each resource lives in a namespace; typed so it cannot disagree with ResourceTypes. */
export const NAMESPACED: { readonly [R in Resource]: ResourceTypes[R]['namespaced'] } = {
  images: false,
  imagestreams: true,
  imagestreamimages: true,
  imagestreamtags: true,
};

/**
 * The API path of a collection (no `name`) or an object of image.openshift.io/v1, each segment
 * checked and then percent-encoded. Throws InvalidNameError before anything is sent.
 */
export function resourcePath(resource: Resource, namespace: string | undefined, name?: string): string {
  if (!Object.hasOwn(NAMESPACED, resource)) {
    throw new InvalidNameError('resource', String(resource), `is not one of ${Object.keys(NAMESPACED).join(', ')}`);
  }
  let path = API_GROUP_PATH;
  if (NAMESPACED[resource]) {
    if (namespace === undefined) throw new InvalidNameError('namespace', '', `${resource} are namespaced: a namespace is required`);
    path += `/namespaces/${encodeSegment('namespace', namespace)}`;
  } else if (namespace !== undefined) {
    throw new InvalidNameError('namespace', namespace, `${resource} are cluster-scoped: no namespace may be given`);
  }
  path += `/${resource}`;
  if (name !== undefined) path += `/${encodeSegment('name', name)}`;
  return path;
}

/**
 * The path and query a read is sent as: what the adapter requests, and what identifies the
 * answer (the cache's key). A raw path is taken as given; the adapter checks it.
 */
export function requestPath(request: ReadRequest): string {
  if (request.verb === 'path') return request.path;
  if (request.verb === 'review') return SELF_SUBJECT_ACCESS_REVIEWS_PATH;
  if (request.verb === 'get') return resourcePath(request.resource, request.namespace, request.name);
  const query = new URLSearchParams();
  if (request.limit !== undefined) {
    if (!Number.isSafeInteger(request.limit) || request.limit < 1 || request.limit > MAX_LIST_LIMIT) {
      throw new InvalidNameError('limit', String(request.limit), `must be an integer from 1 to ${MAX_LIST_LIMIT}`);
    }
    query.set('limit', String(request.limit));
  }
  if (request.continue !== undefined && request.continue !== '') query.set('continue', request.continue);
  if (request.resourceVersion !== undefined && request.resourceVersion !== '') query.set('resourceVersion', request.resourceVersion);
  if (request.resourceVersionMatch !== undefined) query.set('resourceVersionMatch', request.resourceVersionMatch);
  const path = resourcePath(request.resource, request.namespace);
  return query.size > 0 ? `${path}?${query}` : path;
}

/**
 * What identifies a read's answer (the key of the cache and of calls in flight): its path, and
 * for a review the question, which travels in the body.
 */
export function requestIdentity(request: ReadRequest): string {
  if (request.verb !== 'review') return requestPath(request);
  const { verb, group, resource, namespace, name } = request.access;
  return `${SELF_SUBJECT_ACCESS_REVIEWS_PATH} ${JSON.stringify([verb, group, resource, namespace, name])}`;
}

/**
 * Refuses only what cannot be put into one path segment at all: the empty string, `.` and `..`
 * (dot segments that URL handling anywhere on the way may remove), `/`, NUL and a lone surrogate
 * (no UTF-8 for it); percent-encodes everything else, so the API server receives the name the
 * caller gave and answers it itself (authorization first, as always). Kubernetes naming rules are
 * the GraphQL arguments' business, not the adapter's. `@` and `:` stay as they are, as kubectl
 * sends them: `ruby@sha256:...` arrives as `ruby@sha256:...`.
 */
export function encodeSegment(field: 'namespace' | 'name', value: string): string {
  const problem = segmentProblem(value);
  if (problem) throw new InvalidNameError(field, value, problem);
  let encoded: string;
  try {
    encoded = encodeURIComponent(value);
  } catch {
    // encodeURIComponent throws URIError on a lone surrogate.
    throw new InvalidNameError(field, value, 'is not well-formed Unicode');
  }
  return encoded.replace(/%40/g, '@').replace(/%3A/g, ':');
}

function segmentProblem(value: string): string | undefined {
  if (typeof value !== 'string') return `must be a string, got ${typeof value}`;
  if (value === '') return 'must not be empty';
  if (value === '.' || value === '..') return 'must not be "." or ".."';
  if (value.includes('/')) return 'must not contain "/"';
  if (value.includes('\u0000')) return 'must not contain NUL';
  return undefined;
}

/** The path and query of a watch: bookmarks always asked for, so a resumed watch starts close to where it was. */
export function watchPath(request: WatchRequest): string {
  const query = new URLSearchParams({ watch: '1', allowWatchBookmarks: 'true' });
  if (request.resourceVersion !== undefined && request.resourceVersion !== '') query.set('resourceVersion', request.resourceVersion);
  if (request.name !== undefined) query.set('fieldSelector', `metadata.name=${encodeSegment('name', request.name)}`);
  if (request.timeoutSeconds !== undefined) {
    if (!Number.isSafeInteger(request.timeoutSeconds) || request.timeoutSeconds < 1) {
      throw new InvalidNameError('timeoutSeconds', String(request.timeoutSeconds), 'must be a positive integer');
    }
    query.set('timeoutSeconds', String(request.timeoutSeconds));
  }
  return `${resourcePath(request.resource, request.namespace)}?${query}`;
}
