// A stand-in for an OpenTelemetry collector's OTLP/HTTP receiver, on loopback: it keeps every
// POST /v1/traces (or any path) it gets and decodes its spans, from JSON or from protobuf.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import protobuf from 'protobufjs';

export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
}

export interface ReceivedExport {
  path: string;
  contentType: string | undefined;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** service.name etc. of the first resource */
  resource: Record<string, unknown>;
  spans: ReceivedSpan[];
}

// The part of OTLP's ExportTraceServiceRequest the tests read, with the field numbers of its
// published .proto files; fields left out are skipped by the decoder.
const OTLP_TRACES = protobuf.parse(`
  syntax = "proto3";
  message ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
  message ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; }
  message Resource { repeated KeyValue attributes = 1; }
  message ScopeSpans { repeated Span spans = 2; }
  message Span { bytes trace_id = 1; bytes span_id = 2; bytes parent_span_id = 4; string name = 5; int32 kind = 6; repeated KeyValue attributes = 9; }
  message KeyValue { string key = 1; AnyValue value = 2; }
  message AnyValue { oneof value { string string_value = 1; bool bool_value = 2; int64 int_value = 3; double double_value = 4; } }
`).root.lookupType('ExportTraceServiceRequest');

interface WireKeyValue { key: string; value?: { stringValue?: string; boolValue?: boolean; intValue?: number | string; doubleValue?: number } }
interface WireSpan { traceId: string; spanId: string; parentSpanId?: string; name: string; kind: number; attributes?: WireKeyValue[] }
interface WireRequest { resourceSpans?: Array<{ resource?: { attributes?: WireKeyValue[] }; scopeSpans?: Array<{ spans?: WireSpan[] }> }> }

function valueOf(value: WireKeyValue['value']): unknown {
  if (!value) return undefined;
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.intValue !== undefined) return Number(value.intValue);
  return value.doubleValue;
}

const attributesOf = (list: WireKeyValue[] = []): Record<string, unknown> => Object.fromEntries(list.map((kv) => [kv.key, valueOf(kv.value)]));

/** Both encodings as one shape: OTLP/JSON has hex ids and camelCase names, protobuf bytes. */
function decode(contentType: string | undefined, body: Buffer): WireRequest {
  if (contentType === 'application/json') return JSON.parse(body.toString('utf8')) as WireRequest;
  const message = OTLP_TRACES.decode(body);
  return OTLP_TRACES.toObject(message, { bytes: String, longs: Number, oneofs: false }) as WireRequest;
}

export async function startOtlpReceiver(): Promise<{ url: string; exports: ReceivedExport[]; close(): Promise<void> }> {
  const exports: ReceivedExport[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const contentType = req.headers['content-type'];
      const wire = decode(contentType, body);
      // protobufjs gives bytes as base64; OTLP/JSON gives them as hex.
      const id = (raw: string | undefined): string => (contentType === 'application/json' ? (raw ?? '') : Buffer.from(raw ?? '', 'base64').toString('hex'));
      exports.push({
        path: req.url ?? '',
        contentType,
        headers: req.headers,
        body,
        resource: attributesOf(wire.resourceSpans?.[0]?.resource?.attributes),
        spans: (wire.resourceSpans ?? []).flatMap((resource) =>
          (resource.scopeSpans ?? []).flatMap((scope) =>
            (scope.spans ?? []).map((span) => ({
              traceId: id(span.traceId),
              spanId: id(span.spanId),
              parentSpanId: id(span.parentSpanId),
              name: span.name,
              kind: span.kind,
              attributes: attributesOf(span.attributes),
            })),
          ),
        ),
      });
      res.writeHead(200, { 'content-type': contentType ?? 'application/json' });
      res.end(contentType === 'application/json' ? '{}' : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, exports, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
