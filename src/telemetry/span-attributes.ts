// The names of the attributes the gateway's spans carry that are not in OpenTelemetry's stable
// semantic conventions (those come from @opentelemetry/semantic-conventions). The incubating
// conventions are written out here, as that package advises, since they may still be renamed.

/** Incubating semantic conventions the spans use. */
export const ATTR_HTTP_RESPONSE_BODY_SIZE = 'http.response.body.size';
export const ATTR_K8S_NAMESPACE_NAME = 'k8s.namespace.name';
export const ATTR_GRAPHQL_OPERATION_NAME = 'graphql.operation.name';
export const ATTR_GRAPHQL_OPERATION_TYPE = 'graphql.operation.type';

/** The read's verb in the gateway's terms: `get`, `list`, or `path` (an API path read as it is). */
export const ATTR_UPSTREAM_VERB = 'gateway.upstream.verb';
/** The API resource read, e.g. `imagestreams`; absent for a `path` read. */
export const ATTR_UPSTREAM_RESOURCE = 'gateway.upstream.resource';
/**
 * True when the read joined an identical call of the same caller already in flight (for this
 * request or another) instead of making its own: no request of its own went upstream, so no
 * traceparent of this span was sent.
 */
export const ATTR_UPSTREAM_SHARED = 'gateway.upstream.shared';
/** Whether the answer came from the gateway's cache; absent when no cache is configured. */
export const ATTR_CACHE_HIT = 'gateway.cache.hit';
/** The client-facing error codes the request met (GraphQL `extensions.code`, REST likewise), each once. */
export const ATTR_ERROR_CODES = 'gateway.error.codes';
/** True on a server span whose client closed the connection before the response was sent. */
export const ATTR_CLIENT_CLOSED = 'gateway.client.closed';
