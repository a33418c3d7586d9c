// The body of a watch answer, turned into events line by line as it streams in. A watch has no
// length: what is bounded is each line (one event holds one object), so a server that never
// sends a newline costs at most the bound.
import type { Readable } from 'node:stream';
import { UpstreamUnavailableError } from './errors';
import type { WatchEvent } from './kube-client';

const EVENT_TYPES = new Set(['ADDED', 'MODIFIED', 'DELETED', 'BOOKMARK', 'ERROR']);

/**
 * The events of `body`, one per line of JSON. A line longer than `maxLineBytes`, or one that is
 * not an event, fails the watch with an UpstreamUnavailableError `protocol` (`what` names it).
 */
export async function* watchEvents(body: Readable, maxLineBytes: number, what: string): AsyncGenerator<WatchEvent> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    let start = 0;
    for (let newline = chunk.indexOf(10, start); newline >= 0; newline = chunk.indexOf(10, start)) {
      const part = chunk.subarray(start, newline);
      pendingBytes += part.length;
      if (pendingBytes > maxLineBytes) throw tooLong(what, maxLineBytes);
      pending.push(part);
      const line = Buffer.concat(pending, pendingBytes).toString('utf8');
      pending = [];
      pendingBytes = 0;
      start = newline + 1;
      if (line.trim() !== '') yield parseEvent(line, what);
    }
    const rest = chunk.subarray(start);
    pendingBytes += rest.length;
    if (pendingBytes > maxLineBytes) throw tooLong(what, maxLineBytes);
    if (rest.length > 0) pending.push(rest);
  }
  const last = Buffer.concat(pending, pendingBytes).toString('utf8');
  if (last.trim() !== '') yield parseEvent(last, what);
}

function tooLong(what: string, max: number): UpstreamUnavailableError {
  return new UpstreamUnavailableError(`the API server sent a watch event of more than ${max} bytes (${what})`, 'protocol');
}

function parseEvent(line: string, what: string): WatchEvent {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new UpstreamUnavailableError(`the API server sent a watch line that is not JSON (${what})`, 'protocol');
  }
  const event = value as Partial<WatchEvent> | null;
  if (typeof event !== 'object' || event === null || typeof event.type !== 'string' || !EVENT_TYPES.has(event.type)) {
    throw new UpstreamUnavailableError(`the API server sent a watch line that is not an event of a known type (${what})`, 'protocol');
  }
  if (typeof event.object !== 'object' || event.object === null || Array.isArray(event.object)) {
    throw new UpstreamUnavailableError(`the API server sent a ${event.type} watch event without an object (${what})`, 'protocol');
  }
  return event as WatchEvent;
}
