// The tracing layer of the upstream session: one span per read, child of the request's server
// span. Made only when tracing is on; a session without it never reaches this file.
import { SpanKind, SpanStatusCode, type Attributes, type Context, type Span } from '@opentelemetry/api';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_REQUEST_RESEND_COUNT,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_URL_FULL,
} from '@opentelemetry/semantic-conventions';
import { KubeApiError, UpstreamUnavailableError } from '../kube/errors';
import type { CallOptions, ReadRequest, UpstreamBody } from '../kube/kube-client';
import { requestPath } from '../kube/resource-path';
import {
  ATTR_CACHE_HIT,
  ATTR_HTTP_RESPONSE_BODY_SIZE,
  ATTR_K8S_NAMESPACE_NAME,
  ATTR_UPSTREAM_RESOURCE,
  ATTR_UPSTREAM_SHARED,
  ATTR_UPSTREAM_VERB,
} from '../telemetry/span-attributes';
import type { Tracing } from '../telemetry/tracing';

/** What every read span of one request shares: the tracer, the parent, the server's address. */
export class SessionTrace {
  private readonly parent: Context;
  private readonly server: Attributes;

  constructor(
    readonly tracing: Tracing,
    requestSpan: Span,
    /** The API server's base URL (KubeClient.server). */
    readonly serverUrl: string,
    /** Whether the session has a cache to look in (then every span says hit or miss). */
    readonly cached: boolean,
  ) {
    this.parent = tracing.contextOf(requestSpan);
    this.server = serverAttributes(serverUrl);
  }

  /** A read has started (before its budget, its turn and the cache). */
  startRead(request: ReadRequest): ReadSpan {
    return new ReadSpan(this, request);
  }

  /** @internal Starts the span of a read; its parent is the request's span, never the active context. */
  begin(name: string, kind: SpanKind, attributes: Attributes, startTime: number): Span {
    return this.tracing.startChild(name, kind, this.parent, { ...this.server, ...attributes }, startTime);
  }
}

/**
 * The span of one read through the session. A read that goes upstream (or joins an identical
 * call in flight) is a CLIENT span with `gateway.cache.hit` false; one answered from the cache is
 * an INTERNAL span with `gateway.cache.hit` true, so that a trace shows every read a request made
 * and how long each took, including the hits. Retries of one read are one span, their count in
 * `http.request.resend_count`, every attempt carrying the same `traceparent`. A read refused
 * before anything was looked up (the request's budget, no credentials) is an INTERNAL span in error.
 */
export class ReadSpan {
  private span: Span | undefined;
  private kind: SpanKind | undefined;
  private readonly started = performance.now();
  private attempts = 0;
  private statusCode: number | undefined;
  /** Whether this read made the call rather than joining one in flight. */
  private led = false;

  constructor(
    private readonly trace: SessionTrace,
    private readonly request: ReadRequest,
  ) {}

  /** The answer (or a kept refusal) comes from the cache. */
  fromCache(): void {
    this.begin(SpanKind.INTERNAL, true);
  }

  /** The read goes upstream: the call made for it, or one in flight it joins. */
  goesUpstream(): void {
    this.begin(SpanKind.CLIENT, false);
  }

  /** This read makes the call itself: what its call options get (the trace headers, the attempts' report). */
  lead(): Pick<CallOptions, 'traceHeaders' | 'onAttempt'> {
    this.led = true;
    return {
      traceHeaders: this.span ? this.trace.tracing.traceHeaders(this.span) : undefined,
      onAttempt: (attempt, statusCode) => {
        this.attempts = attempt;
        this.statusCode = statusCode;
      },
    };
  }

  succeed(body: UpstreamBody): void {
    const span = this.span ?? this.begin(SpanKind.INTERNAL, undefined);
    if (span.isRecording()) span.setAttribute(ATTR_HTTP_RESPONSE_BODY_SIZE, Buffer.byteLength(body.text));
    this.end(span);
  }

  fail(error: unknown): void {
    const span = this.span ?? this.begin(SpanKind.INTERNAL, undefined);
    if (error instanceof KubeApiError) this.statusCode ??= error.httpStatus;
    span.setAttribute(ATTR_ERROR_TYPE, errorType(error, this.statusCode));
    span.setStatus({ code: SpanStatusCode.ERROR, ...(error instanceof Error ? { message: error.message } : {}) });
    this.end(span);
  }

  private begin(kind: SpanKind, hit: boolean | undefined): Span {
    const request = this.request;
    // A review is a POST that changes nothing on the server (a SelfSubjectAccessReview).
    const attributes: Attributes = { [ATTR_HTTP_REQUEST_METHOD]: request.verb === 'review' ? 'POST' : 'GET' };
    // A request whose path cannot be built failed for that reason, and has no URL to show.
    const path = pathOf(request);
    if (path !== undefined) attributes[ATTR_URL_FULL] = this.trace.serverUrl + path;
    attributes[ATTR_UPSTREAM_VERB] = request.verb;
    if (request.verb === 'review') {
      attributes[ATTR_UPSTREAM_RESOURCE] = 'selfsubjectaccessreviews';
      attributes[ATTR_K8S_NAMESPACE_NAME] = request.access.namespace;
    } else if (request.verb !== 'path') {
      attributes[ATTR_UPSTREAM_RESOURCE] = request.resource;
      if (request.namespace !== undefined) attributes[ATTR_K8S_NAMESPACE_NAME] = request.namespace;
    }
    if (hit !== undefined && this.trace.cached) attributes[ATTR_CACHE_HIT] = hit;
    const name = request.verb === 'path' ? 'get path' : request.verb === 'review' ? 'create selfsubjectaccessreviews' : `${request.verb} ${request.resource}`;
    this.kind = kind;
    this.span = this.trace.begin(name, kind, attributes, this.started);
    return this.span;
  }

  private end(span: Span): void {
    // Only a call has an answer status: a kept refusal served from the cache says it in error.type.
    if (this.statusCode !== undefined && this.kind === SpanKind.CLIENT) span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, this.statusCode);
    if (this.attempts > 1) span.setAttribute(ATTR_HTTP_REQUEST_RESEND_COUNT, this.attempts - 1);
    if (this.kind === SpanKind.CLIENT && !this.led) span.setAttribute(ATTR_UPSTREAM_SHARED, true);
    span.end(performance.now());
  }
}

function pathOf(request: ReadRequest): string | undefined {
  try {
    return requestPath(request);
  } catch {
    return undefined;
  }
}

function serverAttributes(serverUrl: string): Attributes {
  const url = new URL(serverUrl);
  return { [ATTR_SERVER_ADDRESS]: url.hostname, [ATTR_SERVER_PORT]: Number(url.port || (url.protocol === 'https:' ? 443 : 80)) };
}

/** `error.type` as the conventions want it: the HTTP status when one came, else what went wrong. */
function errorType(error: unknown, statusCode: number | undefined): string {
  if (statusCode !== undefined) return String(statusCode);
  if (error instanceof UpstreamUnavailableError) return error.reason;
  return error instanceof Error ? error.name : 'unknown';
}
