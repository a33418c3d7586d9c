import type { Status } from './types';

/** A non-2xx answer of the API server, carried as its `Status` body (spec §6). */
export class KubeApiError extends Error {
  override readonly name = 'KubeApiError';
  constructor(
    /** The HTTP status code of the answer. */
    readonly httpStatus: number,
    /** The Status body; synthesised (with `reason` `Unknown`) when the body was not a Status. */
    readonly status: Status,
    /** The `Retry-After` header in seconds, when the server sent one. */
    readonly retryAfterSeconds?: number,
  ) {
    super(status.message ?? `the API server answered HTTP ${httpStatus}`);
  }
}

/** The API server could not be reached, did not answer in time, or the call was cancelled. */
export class UpstreamUnavailableError extends Error {
  override readonly name = 'UpstreamUnavailableError';
  constructor(
    message: string,
    readonly reason: 'timeout' | 'unreachable' | 'aborted' | 'protocol',
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A namespace or name that cannot be put into a request path; refused before any request. */
export class InvalidNameError extends Error {
  override readonly name = 'InvalidNameError';
  constructor(
    /** Which argument: `namespace`, `name`. */
    readonly field: string,
    readonly value: string,
    readonly reason: string,
  ) {
    super(`${field} ${JSON.stringify(value)} is invalid: ${reason}`);
  }
}
