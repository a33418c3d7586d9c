import type { IncomingHttpHeaders } from 'node:http';
import { KubeApiError, UpstreamUnavailableError } from './errors';
import type { ReadRequest } from './kube-client';
import type { Status } from './types';

/** How much of an unexpected body an error message quotes. */
const QUOTE_LENGTH = 200;

/**
 * Deepest JSON an answer may nest (objects and arrays). image.openshift.io objects nest about 10
 * levels; anything far deeper is not an answer, and would make the recursive code after the
 * adapter (serialisers, resolvers) overflow the stack.
 */
export const MAX_JSON_DEPTH = 100;

/**
 * Longest `message` of a Status passed on; an upstream's message goes to clients and logs. Longer
 * than any request line Node accepts (16 KiB of headers), so a message that quotes the name the
 * client asked for passes whole, as the API server wrote it; only a flood is cut.
 */
export const MAX_STATUS_MESSAGE_LENGTH = 32_768;

/** What a credential is replaced with wherever an answer quotes it. */
export const REDACTED = '[redacted]';

/**
 * What the 2xx answer must be: `object` (a get: a JSON object with a `metadata` object), `list`
 * (also an `items` array of such objects), or `document` (any JSON object but a Status: discovery
 * documents have no metadata).
 */
export type AnswerShape = 'object' | 'list' | 'document';

/** The shape each kind of read must answer with: a get an object, a list a list, a raw path or a review any document. */
export const READ_SHAPES = { get: 'object', list: 'list', path: 'document', review: 'document' } as const satisfies Record<ReadRequest['verb'], AnswerShape>;

export interface UpstreamAnswer {
  statusCode: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface AnswerContext {
  /** `GET <path>`, for messages. */
  what: string;
  shape: AnswerShape;
  /** The credential the request carried; replaced by REDACTED in whatever the error quotes. */
  secret?: string;
}

/**
 * Turns an API server answer into its JSON object (2xx), a KubeApiError (any other status; the
 * Status body when there is one, a synthesised one with reason `Unknown` otherwise), or an
 * UpstreamUnavailableError `protocol` (a 2xx that is not JSON, nests deeper than MAX_JSON_DEPTH,
 * is a Status, or is not of the shape asked for).
 */
export function interpretAnswer(answer: UpstreamAnswer, context: AnswerContext): unknown {
  const { statusCode, headers, body } = answer;
  const contentType = headers['content-type']?.split(';')[0]?.trim().toLowerCase() || undefined;
  // Content types other than JSON are not parsed: an HTML error page is not an answer.
  const parsed = contentType === undefined || contentType === 'application/json' || contentType.endsWith('+json') ? parseJson(body) : NOT_JSON;

  if (statusCode >= 200 && statusCode < 300) {
    const problem =
      parsed === TOO_DEEP
        ? `JSON nested deeper than ${MAX_JSON_DEPTH} levels`
        : !isObject(parsed)
          ? `${describe(contentType, body, context.secret)}, not a JSON object`
          : shapeProblem(parsed, context.shape);
    if (problem === undefined) return parsed;
    throw new UpstreamUnavailableError(`the API server answered ${context.what} with HTTP ${statusCode} and ${problem}`, 'protocol');
  }

  const retryAfterSeconds = retryAfter(headers['retry-after']);
  if (isObject(parsed) && parsed.kind === 'Status') {
    // Fill what a well-formed Status always has, so consumers can rely on the type.
    const status = safeStatus({ apiVersion: 'v1', metadata: {}, status: 'Failure', code: statusCode, ...parsed } as Status, context.secret);
    throw new KubeApiError(statusCode, status, retryAfterSeconds ?? status.details?.retryAfterSeconds);
  }
  const status: Status = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `the API server answered HTTP ${statusCode} with ${describe(contentType, body, context.secret)}`,
    reason: 'Unknown',
    code: statusCode,
  };
  throw new KubeApiError(statusCode, safeStatus(status, context.secret), retryAfterSeconds);
}

const NOT_JSON = Symbol('not JSON');
const TOO_DEEP = Symbol('too deep');

/**
 * The parsed body, NOT_JSON, or TOO_DEEP. V8's JSON.parse does not recurse, but another engine's
 * may: its RangeError on a deep body means the same as the depth check.
 */
function parseJson(body: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    return error instanceof RangeError ? TOO_DEEP : NOT_JSON;
  }
  return nestedDeeperThan(value, MAX_JSON_DEPTH) ? TOO_DEEP : value;
}

/**
 * Whether objects and arrays nest more than `max` levels. It recurses at most `max` deep, so the
 * stack is bounded, and allocates nothing: it runs on every answer.
 */
function nestedDeeperThan(value: unknown, max: number, depth = 1): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (depth > max) return true;
  if (Array.isArray(value)) {
    for (const item of value) if (nestedDeeperThan(item, max, depth + 1)) return true;
    return false;
  }
  for (const key in value) if (nestedDeeperThan((value as Record<string, unknown>)[key], max, depth + 1)) return true;
  return false;
}

/**
 * Why a parsed 2xx body is not of `shape` ("<what it is>, not <what was expected>"), or undefined
 * when it is. Consumers read `metadata.name` and iterate `items` without checking; an answer that
 * would make them throw later is refused here, where the upstream can be blamed.
 */
function shapeProblem(value: Record<string, unknown>, shape: AnswerShape): string | undefined {
  // A Status in a 2xx answer is a report of something, never the object that a GET asked for.
  if (value.kind === 'Status') return 'a Status object, not the object asked for';
  if (shape === 'document') return undefined;
  if (!isObject(value.metadata)) return `an object whose metadata is ${kindOf(value.metadata)}, not an object`;
  if (shape === 'object') return undefined;
  if (!Array.isArray(value.items)) return `a list whose items is ${kindOf(value.items)}, not an array`;
  const bad = value.items.findIndex((item) => !isObject(item) || !isObject(item.metadata));
  if (bad === -1) return undefined;
  const item: unknown = value.items[bad];
  return isObject(item)
    ? `a list whose items[${bad}].metadata is ${kindOf(item.metadata)}, not an object`
    : `a list whose items[${bad}] is ${kindOf(item)}, not an object`;
}

/** `missing`, `null`, `an array`, `a string` …: what a JSON value is, never what it says. */
function kindOf(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * The Status as it may go to clients and logs: the credential blanked out of every string (the
 * API server, or a proxy in front of it, may echo the request's headers), and the message cut to
 * MAX_STATUS_MESSAGE_LENGTH. The body passed the depth check, so recursion here is bounded.
 */
function safeStatus(status: Status, secret: string | undefined): Status {
  const clean = secret ? (redact(status, secret) as Status) : status;
  return typeof clean.message === 'string' ? { ...clean, message: cut(clean.message, MAX_STATUS_MESSAGE_LENGTH) } : clean;
}

function redact(value: unknown, secret: string): unknown {
  if (typeof value === 'string') return value.replaceAll(secret, REDACTED);
  if (Array.isArray(value)) return value.map((item) => redact(item, secret));
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key.replaceAll(secret, REDACTED), redact(item, secret)]));
}

/** `text`, or its first `max - 1` characters and `…`; a surrogate pair is not split. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  if (/[\ud800-\udbff]/.test(text.charAt(end - 1))) end--;
  return `${text.slice(0, end)}…`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The content type and the start of the body, the credential redacted before it is quoted. */
function describe(contentType: string | undefined, body: string, secret: string | undefined): string {
  if (body === '') return 'an empty body';
  const text = secret ? body.replaceAll(secret, REDACTED) : body;
  const quote = JSON.stringify(text.length > QUOTE_LENGTH ? `${text.slice(0, QUOTE_LENGTH)}…` : text);
  return `${contentType ?? 'no content type'}: ${quote}`;
}

/** `Retry-After` as seconds: a number of seconds, or an HTTP date. */
function retryAfter(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
