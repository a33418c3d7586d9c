// How the gateway answers GET imagestreamimages/<name> for every input, so that the caller sees
// what the API server would have answered (spec §2, §3, §6) and no upstream call is made for an
// answer that follows from the input alone.
import { badRequestAnswer, failureStatus, type StatusAnswer } from '../errors';
import { KubeApiError } from '../kube/errors';
import { splitImageStreamImageName } from '../kube/object-names';
import { encodeSegment } from '../kube/resource-path';
import type { Status } from '../kube/types';
import { goQuote } from './go-json';

export type ImageStreamImageGetPlan =
  /** The answer follows from the input: no upstream call. */
  | { kind: 'answer'; answer: StatusAnswer }
  /** Load the ISI as named. */
  | { kind: 'load'; name: string }
  /**
   * The name cannot be put into an upstream path (the gateway's adapter refuses `%`, control
   * characters and names over 253 characters), but its id can match no image, so the answer is
   * §6.2 or §6.3 or a refusal, depending on the stream and the caller. Load `probeName`, the same
   * stream with an id that matches nothing, and answer with `rewrite` of what comes back.
   */
  | { kind: 'probe'; probeName: string; rewrite: (error: unknown) => unknown }
  /** The gateway cannot ask for this name and cannot tell the answer; the adapter's refusal stands. */
  | { kind: 'refuse'; error: unknown };

/** library-go's one message for any name that is not `<stream>@<id>` (spec §2, §6.1). */
export const MALFORMED_NAME_MESSAGE = 'ImageStreamImages must be retrieved with <name>@<id>';

/** An id no image name starts with, neither as a whole nor as a digest's hex part. */
const PROBE_ID = '-';

const GROUP = 'image.openshift.io';

/**
 * The 404 of a stream that does not exist, as the ISI route reports it: the resource of the
 * request (plural), the stream name alone (spec §6.3).
 */
export function noSuchStreamAnswer(stream: string): StatusAnswer {
  return notFoundAnswer('imagestreamimages', stream);
}

/** The 404 of a stream in which no image matches the id: singular resource, whole name (spec §6.2). */
export function noMatchAnswer(name: string): StatusAnswer {
  return notFoundAnswer('imagestreamimage', name);
}

function notFoundAnswer(resource: string, name: string): StatusAnswer {
  return {
    httpStatus: 404,
    status: failureStatus(404, 'NotFound', `${resource}.${GROUP} ${goQuote(name)} not found`, { name, group: GROUP, kind: resource }),
  };
}

/**
 * k8s path.IsValidPathSegmentName, which the generic store applies to the stream name after the
 * name has parsed: `Name parameter invalid: "<n>": <why>` (spec §2).
 */
export function invalidPathSegmentAnswer(segment: string): StatusAnswer | undefined {
  const reasons =
    segment === '.' || segment === '..'
      ? [`may not be '${segment}'`]
      : [...(segment.includes('/') ? ["may not contain '/'"] : []), ...(segment.includes('%') ? ["may not contain '%'"] : [])];
  return reasons.length > 0 ? badRequestAnswer(`Name parameter invalid: ${goQuote(segment)}: ${reasons.join(';')}`) : undefined;
}

/** Whether `id` can be the start of an image name (`sha256:<hex>`, ...) or of a digest's hex part. */
export function idCanMatchADigest(id: string): boolean {
  if (/^[0-9a-f]{1,128}$/.test(id)) return true;
  for (const [algorithm, hexLength] of [['sha256:', 64], ['sha384:', 96], ['sha512:', 128]] as const) {
    if (algorithm.startsWith(id)) return true;
    const hex = id.slice(algorithm.length);
    if (id.startsWith(algorithm) && hex.length <= hexLength && /^[0-9a-f]*$/.test(hex)) return true;
  }
  return false;
}

function forwardable(field: 'namespace' | 'name', value: string): unknown {
  try {
    encodeSegment(field, value);
    return undefined;
  } catch (error) {
    return error;
  }
}

/**
 * The plan for `GET namespaces/<namespace>/imagestreamimages/<name>`, in the API server's order:
 * parse the name, check the stream part as a path segment, look the stream up, match the id.
 */
export function planImageStreamImageGet(namespace: string, name: string): ImageStreamImageGetPlan {
  const parsed = splitImageStreamImageName(name);
  if (!parsed) return { kind: 'answer', answer: badRequestAnswer(MALFORMED_NAME_MESSAGE) };
  const { stream, id } = parsed;
  const invalidStream = invalidPathSegmentAnswer(stream);
  if (invalidStream) return { kind: 'answer', answer: invalidStream };

  // A namespace that cannot be a path segment cannot exist, so neither can the stream.
  if (forwardable('namespace', namespace) !== undefined) return { kind: 'answer', answer: noSuchStreamAnswer(stream) };
  const refusal = forwardable('name', name);
  if (refusal === undefined) return { kind: 'load', name };
  // Names the adapter refuses: over-long or with control characters, or a `%` in the id.
  if (forwardable('name', stream) !== undefined) return { kind: 'answer', answer: noSuchStreamAnswer(stream) };
  const probeName = `${stream}@${PROBE_ID}`;
  if (idCanMatchADigest(id) || forwardable('name', probeName) !== undefined) return { kind: 'refuse', error: refusal };
  return { kind: 'probe', probeName, rewrite: (error) => renameProbe(error, probeName, name, id) };
}

/**
 * The upstream's answer about the probe, told about the requested name instead: the probe name
 * where a 404 or 403 message quotes it and in `details.name`; a legacy (OpenShift <= 4.12)
 * no-match 404 names the bare id instead.
 */
function renameProbe(error: unknown, probeName: string, name: string, id: string): unknown {
  if (!(error instanceof KubeApiError)) return error;
  const [from, to] = error.status.details?.name === PROBE_ID ? [PROBE_ID, id] : [probeName, name];
  const quoted = (value: string, rest: string): string => `${goQuote(value)} ${rest}`;
  let message = error.status.message;
  for (const rest of ['not found', 'is forbidden']) message = message?.split(quoted(from, rest)).join(quoted(to, rest));
  const details = error.status.details?.name === from ? { ...error.status.details, name: to } : error.status.details;
  const status: Status = { ...error.status, ...(message !== undefined ? { message } : {}), ...(details ? { details } : {}) };
  return new KubeApiError(error.httpStatus, status, error.retryAfterSeconds);
}
