// The oversize fault (demo-faults.ts `oversizeRate`): a 200 answer whose object (or a list's
// first item) carries one annotation so long that the body is `oversizeBytes` in all. The
// padding is streamed chunk by chunk from one shared buffer, waiting for the socket to drain, so
// the demo never holds the body, and it stops as soon as the client goes away. No content-length
// is sent: the body is chunked, as Go's server sends an answer larger than its buffer.
import type { ServerResponse } from 'node:http';
import { goJson } from '../openshift/go-json';
import type { DemoResponse } from './demo-status';

export const PADDING_ANNOTATION = 'demo.openshift.io/padding';
/** The padding is this character, repeated. */
export const PADDING_CHARACTER = 'x';

const MARKER = 'demo-padding-marker-6f1d2c';
const CHUNK = Buffer.alloc(64 * 1024, PADDING_CHARACTER);

export interface PaddedParts {
  /** Everything before the padding: the JSON up to the annotation's opening quote. */
  head: string;
  padBytes: number;
  /** Everything after it, from the closing quote. */
  tail: string;
}

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The body split around its padding, so that head + padBytes + tail is `totalBytes` (or the body, if longer); undefined when it has no metadata to annotate. */
export function paddedParts(body: unknown, pretty: boolean, totalBytes: number): PaddedParts | undefined {
  const marked = withMarker(body);
  if (marked === undefined) return undefined;
  const text = goJson(marked, pretty);
  const at = text.indexOf(MARKER);
  const head = text.slice(0, at);
  const tail = text.slice(at + MARKER.length);
  return { head, padBytes: Math.max(0, totalBytes - Buffer.byteLength(head) - Buffer.byteLength(tail)), tail };
}

function withMarker(body: unknown): unknown {
  if (!isObject(body)) return undefined;
  const items = body.items;
  if (Array.isArray(items) && items.length > 0) {
    const [first, ...rest] = items as unknown[];
    return isObject(first) && isObject(first.metadata) ? { ...body, items: [annotated(first), ...rest] } : undefined;
  }
  return isObject(body.metadata) ? annotated(body) : undefined;
}

function annotated(object: JsonObject): JsonObject {
  const metadata = object.metadata as JsonObject;
  const annotations = isObject(metadata.annotations) ? metadata.annotations : {};
  return { ...object, metadata: { ...metadata, annotations: { ...annotations, [PADDING_ANNOTATION]: MARKER } } };
}

/**
 * Starts streaming `answer` padded to `totalBytes`; false (nothing written) when the answer
 * has nothing to pad or the response is already gone, and the caller sends it as it is.
 */
export function sendPadded(res: ServerResponse, answer: DemoResponse, pretty: boolean, totalBytes: number): boolean {
  if (res.destroyed || res.headersSent) return false;
  const parts = paddedParts(answer.body, pretty, totalBytes);
  if (!parts) return false;
  res.writeHead(answer.code, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', ...answer.headers });
  void stream(res, parts);
  return true;
}

async function stream(res: ServerResponse, { head, padBytes, tail }: PaddedParts): Promise<void> {
  let closed = false;
  res.once('close', () => (closed = true));
  res.write(head);
  for (let left = padBytes; left > 0 && !closed; ) {
    const size = Math.min(left, CHUNK.length);
    left -= size;
    if (!res.write(size === CHUNK.length ? CHUNK : CHUNK.subarray(0, size))) await drained(res);
  }
  if (!closed) res.end(tail);
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
