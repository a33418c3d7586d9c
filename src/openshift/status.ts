// metav1.Status bodies exactly as the API server writes them (behaviour §6): key order kind,
// apiVersion, metadata, status, message, reason, details, code; details order name, group, kind,
// uid, causes, retryAfterSeconds; empty fields left out as Go's omitempty does. Shared by the
// gateway and the demo cluster.
import { goQuote } from './go-json';

export const IMAGE_GROUP = 'image.openshift.io';

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: Array<{ reason?: string; message?: string; field?: string }>;
  retryAfterSeconds?: number;
}

export interface Status {
  kind: 'Status';
  /** `v1`; kept a string, as an upstream's Status is passed on as it came. */
  apiVersion: string;
  metadata: Record<string, unknown>;
  status: 'Failure' | 'Success';
  message?: string;
  reason?: string;
  details?: StatusDetails;
  code: number;
}

const STATUS_KEYS = ['kind', 'apiVersion', 'metadata', 'status', 'message', 'reason', 'details', 'code'] as const;
const DETAILS_KEYS = ['name', 'group', 'kind', 'uid', 'causes', 'retryAfterSeconds'] as const;

/** `object` with `order`'s keys first, in that order, then any others as they came. */
function inOrder<T extends object>(object: T, order: readonly string[]): T {
  const ordered: Record<string, unknown> = {};
  for (const key of order) if (Object.hasOwn(object, key)) ordered[key] = (object as Record<string, unknown>)[key];
  return Object.assign(ordered, object) as T;
}

/** A Status (one the API server sent, perhaps completed) in the key order Go writes. */
export function goOrderedStatus<S extends { details?: object }>(status: S): S {
  const ordered = inOrder(status, STATUS_KEYS);
  return status.details ? { ...ordered, details: inOrder(status.details, DETAILS_KEYS) } : ordered;
}

/** A Failure Status; details without their empty fields. */
export function failureStatus(code: number, reason: string | undefined, message: string, details?: StatusDetails): Status {
  const kept = details ? Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined && value !== '')) : undefined;
  return goOrderedStatus({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    ...(reason ? { reason } : {}),
    ...(kept ? { details: kept } : {}),
    code,
  });
}

/** `<resource>.image.openshift.io "<name>" not found`: the resource is the store's or the request's (§6.2, §6.3). */
export const notFoundStatus = (resource: string, name: string): Status =>
  failureStatus(404, 'NotFound', `${resource}.${IMAGE_GROUP} ${goQuote(name)} not found`, { name, group: IMAGE_GROUP, kind: resource });

/** §6.3: no such stream, as the ImageStreamImage storage reports it (the request's plural resource). */
export const noSuchStreamStatus = (stream: string): Status => notFoundStatus('imagestreamimages', stream);

/** §6.2: no image of the stream matches the id (the singular resource, the whole name). */
export const noMatchingImageStatus = (name: string): Status => notFoundStatus('imagestreamimage', name);

export const badRequestStatus = (message: string): Status => failureStatus(400, 'BadRequest', message);

export const unauthorizedStatus = (): Status => failureStatus(401, 'Unauthorized', 'Unauthorized');

// &, < and > are entity-escaped before the message is encoded (responsewriters.Forbidden).
const sanitize = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** What the authorizer was asked, as the API server's RequestInfo has it. */
export interface AuthorizationAttributes {
  verb: string;
  apiGroup: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

/**
 * §6.5, responsewriters.Forbidden: `<resource>.<group> "<name>" is forbidden: User "<user>"
 * cannot <verb> resource "<resource>" in API group "<group>" in the namespace "<ns>"`.
 */
export function forbiddenStatus(user: string, attributes: AuthorizationAttributes): Status {
  const { verb, apiGroup, resource, subresource, namespace, name } = attributes;
  const scope = namespace ? `in the namespace ${goQuote(namespace)}` : 'at the cluster scope';
  const reason = sanitize(`User ${goQuote(user)} cannot ${verb} resource ${goQuote(subresource ? `${resource}/${subresource}` : resource)} in API group ${goQuote(apiGroup)} ${scope}`);
  const qualified = apiGroup ? `${resource}.${apiGroup}` : resource;
  const message = name ? `${qualified} ${goQuote(name)} is forbidden: ${reason}` : `${qualified} is forbidden: ${reason}`;
  return failureStatus(403, 'Forbidden', message, { name, group: apiGroup, kind: resource });
}

/** §6.7: the image cache not ready yet (right after a restart); with `Retry-After: 2`. */
export const serverTimeoutStatus = (): Status =>
  failureStatus(500, 'ServerTimeout', 'The get operation against imagestreams.image.openshift.io could not be completed at this time, please try again.', {
    name: 'get',
    group: IMAGE_GROUP,
    kind: 'imagestreams',
    retryAfterSeconds: 2,
  });

/** §6.8: a plain error of the server: no reason, its text as the message. */
export const internalErrorStatus = (message: string): Status => failureStatus(500, undefined, message);

/** §6.9 (OpenShift 4.12 and older): a prefix that matches several images. */
export const ambiguousPrefixStatus = (id: string, matches: readonly string[]): Status =>
  failureStatus(
    409,
    'Conflict',
    `Operation cannot be fulfilled on imagestreamimage.${IMAGE_GROUP} ${goQuote(id)}: multiple images match the prefix ${goQuote(id)}: ${[...matches].sort().join(', ')}`,
    { name: id, group: IMAGE_GROUP, kind: 'imagestreamimage' },
  );

/** §6.6: the generic router, for a path no route serves; `details` is an empty object. */
export const routeNotFoundStatus = (): Status => failureStatus(404, 'NotFound', 'the server could not find the requested resource', {});

/** §6.6: the generic router, for a served path and another method. */
export const methodNotAllowedStatus = (): Status =>
  failureStatus(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource', {});
