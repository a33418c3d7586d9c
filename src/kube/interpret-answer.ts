import type { IncomingHttpHeaders } from 'node:http';
import { KubeApiError, UpstreamUnavailableError } from './errors';
import type { Status } from './types';

/** How much of an unexpected body an error message quotes. */
const QUOTE_LENGTH = 200;

/**
 * Turns an API server answer into its JSON object (2xx), a KubeApiError (any other status; the
 * Status body when there is one, a synthesised one with reason `Unknown` otherwise), or an
 * UpstreamUnavailableError `protocol` (2xx that is not a JSON object).
 */
export function interpretAnswer(statusCode: number, headers: IncomingHttpHeaders, body: string, what: string): unknown {
  const contentType = headers['content-type']?.split(';')[0]?.trim().toLowerCase() || undefined;
  // Content types other than JSON are not parsed: an HTML error page is not an answer.
  const parsed = contentType === undefined || contentType === 'application/json' || contentType.endsWith('+json') ? parseJson(body) : undefined;

  if (statusCode >= 200 && statusCode < 300) {
    if (isObject(parsed)) return parsed;
    throw new UpstreamUnavailableError(`the API server answered ${what} with HTTP ${statusCode} and ${describe(contentType, body)}, not a JSON object`, 'protocol');
  }

  if (isObject(parsed) && parsed.kind === 'Status') {
    // Fill what a well-formed Status always has, so consumers can rely on the type.
    const status = { apiVersion: 'v1', metadata: {}, status: 'Failure', code: statusCode, ...parsed } as Status;
    throw new KubeApiError(statusCode, status, retryAfter(headers['retry-after']) ?? status.details?.retryAfterSeconds);
  }
  const status: Status = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `the API server answered HTTP ${statusCode} with ${describe(contentType, body)}`,
    reason: 'Unknown',
    code: statusCode,
  };
  throw new KubeApiError(statusCode, status, retryAfter(headers['retry-after']));
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(contentType: string | undefined, body: string): string {
  if (body === '') return 'an empty body';
  const quote = JSON.stringify(body.length > QUOTE_LENGTH ? `${body.slice(0, QUOTE_LENGTH)}…` : body);
  return `${contentType ?? 'no content type'}: ${quote}`;
}

/** `Retry-After` as seconds: a number of seconds, or an HTTP date. */
function retryAfter(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
