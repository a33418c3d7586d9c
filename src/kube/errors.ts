import type { Status } from './types';

/** A non-2xx answer of the API server, carried as its `Status` body (behaviour §6). */
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
    /**
     * `protocol`: the answer cannot be used (not JSON, not an object of the kind asked for, too
     * deep). `overloaded`: the gateway itself is at its process-wide bound of upstream work.
     */
    readonly reason: 'timeout' | 'unreachable' | 'aborted' | 'protocol' | 'overloaded',
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The bounds on upstream work, by the setting that sets each. */
export type UpstreamLimit = 'MAX_UPSTREAM_CALLS' | 'MAX_UPSTREAM_BODY_BYTES' | 'MAX_REQUEST_UPSTREAM_BYTES';

/**
 * A bound on upstream work was reached: one answer too large, or one request's calls or bytes
 * used up. The call fails (and the request's later ones for a per-request bound); the rest of
 * the answer stands.
 */
export class UpstreamLimitError extends Error {
  override readonly name = 'UpstreamLimitError';
  constructor(
    readonly limit: UpstreamLimit,
    /** The bound's value. */
    readonly max: number,
    /** What was counted when it was reached: calls, or bytes. */
    readonly count: number,
    message: string,
  ) {
    super(message);
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

/** The request carried no bearer token and the gateway does not lend its own credentials. */
export class MissingCredentialsError extends Error {
  override readonly name = 'MissingCredentialsError';
  constructor(detail = 'expected an "Authorization: Bearer <token>" header') {
    super(`this request needs credentials: ${detail}`);
  }
}

/**
 * A cluster configuration that exists but cannot be used (a broken kubeconfig, an unreadable
 * certificate, DEMO=false with no cluster at all). The message names the source (the file, or
 * `in-cluster`) and the field; the gateway stops rather than fall back to demo data.
 */
export class ClusterConfigError extends Error {
  override readonly name = 'ClusterConfigError';
  constructor(
    /** The kubeconfig file, `in-cluster`, or `KUBECONFIG`. */
    readonly source: string,
    /** The offending field, e.g. `clusters[0].cluster.server`; empty when the whole source is. */
    readonly field: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
