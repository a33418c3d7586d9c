import {
  ROOT_CONTEXT,
  SpanKind,
  defaultTextMapGetter,
  defaultTextMapSetter,
  trace,
  type Attributes,
  type Context,
  type Span,
  type TimeInput,
  type Tracer,
  type TracerProvider,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import packageJson from '../../package.json';

/** How long the shutdown waits for the last spans to be exported. */
export const SHUTDOWN_EXPORT_MS = 2_000;

/** A tracer provider the gateway can also flush and stop (the SDK's, or a test's). */
export interface FlushingTracerProvider extends TracerProvider {
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

/**
 * The gateway's tracing, when it is on: the tracer every span comes from, the W3C trace-context
 * propagator, and the server span of each HTTP exchange in progress.
 *
 * Spans are parented explicitly, never on OpenTelemetry's active context: the gateway registers
 * no context manager, so a span made by a DataLoader batch that some resolver happened to
 * trigger still has the request's span as its parent (see startChild). When tracing is off there
 * is no Tracing object at all, and nothing on the request path asks for one.
 */
export class Tracing {
  readonly tracer: Tracer;
  private readonly propagator = new W3CTraceContextPropagator();
  /** Keyed by the exchange's response: the one object every surface hands to createContext. */
  private readonly exchanges = new WeakMap<object, Span>();

  constructor(
    private readonly provider: FlushingTracerProvider,
    /** What startup logs about where spans go, e.g. `http/json to http://collector:4318/v1/traces`. */
    readonly description = 'a tracer provider of its own',
  ) {
    this.tracer = provider.getTracer(packageJson.name, packageJson.version);
  }

  /**
   * Starts the SERVER span of one HTTP exchange, continuing the caller's trace when its headers
   * carry a valid `traceparent` (and `tracestate`); a malformed one starts a new trace.
   */
  startServerSpan(exchange: object, name: string, headers: Record<string, string | string[] | undefined>, attributes: Attributes): Span {
    const parent = this.propagator.extract(ROOT_CONTEXT, headers, defaultTextMapGetter);
    const span = this.tracer.startSpan(name, { kind: SpanKind.SERVER, attributes }, parent);
    this.exchanges.set(exchange, span);
    return span;
  }

  /** The server span of the exchange answered by `exchange`, while it lasts. */
  serverSpan(exchange: object): Span | undefined {
    return this.exchanges.get(exchange);
  }

  /** The exchange's server span, taken so that it is ended once. */
  takeServerSpan(exchange: object): Span | undefined {
    const span = this.exchanges.get(exchange);
    this.exchanges.delete(exchange);
    return span;
  }

  /** The context to parent spans on `span` with (made once per request, not once per span). */
  contextOf(span: Span): Context {
    return trace.setSpan(ROOT_CONTEXT, span);
  }

  /** Starts a span under `parent` (from contextOf), whatever context happens to be active. */
  startChild(name: string, kind: SpanKind, parent: Context, attributes: Attributes, startTime?: TimeInput): Span {
    return this.tracer.startSpan(name, { kind, attributes, ...(startTime !== undefined ? { startTime } : {}) }, parent);
  }

  /** The `traceparent` (and `tracestate`) headers that make `span` the parent of the call they go with. */
  traceHeaders(span: Span): Record<string, string> {
    const headers: Record<string, string> = {};
    this.propagator.inject(trace.setSpan(ROOT_CONTEXT, span), headers, defaultTextMapSetter);
    return headers;
  }

  /** Exports every span ended so far. */
  flush(): Promise<void> {
    return this.provider.forceFlush();
  }

  /**
   * Exports what is left and stops exporting (the process's shutdown). Resolves true once done,
   * false when `withinMs` passed first: a collector that is down must not hold up the exit (the
   * exporter would retry for its whole timeout).
   */
  async shutdown(withinMs = SHUTDOWN_EXPORT_MS): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), withinMs);
    });
    try {
      return await Promise.race([this.provider.shutdown().then(() => true as const), late]);
    } finally {
      clearTimeout(timer);
    }
  }
}
