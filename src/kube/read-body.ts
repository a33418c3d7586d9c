// Reads an answer body as it streams in, so that a misbehaving API server (a huge list, a body
// that never ends) costs the gateway at most the bound plus one chunk, never the whole answer.
import type { Readable } from 'node:stream';
import { UpstreamLimitError } from './errors';
import type { ByteMeter } from './kube-client';

export interface BodyBounds {
  /** Most bytes the body may have; one more fails the read. */
  maxBytes: number;
  /** Told the size of every chunk read; its throw stops the read. */
  meter?: ByteMeter;
  /** `GET <path>`, for the message. */
  what: string;
}

/**
 * The body's text, or why reading it was stopped: an UpstreamLimitError past `maxBytes`, or what
 * the meter threw, as it is. A stop is a result rather than a throw so that the caller cannot
 * mistake it for a failed connection (which is wrapped, and may be retried).
 */
export type BodyRead = { ok: true; text: string } | { ok: false; error: unknown };

/** Stateless between calls (no `stream` option), so one serves every body. */
const UTF8 = new TextDecoder();

/**
 * Reads `body` chunk by chunk. On a stop the body is destroyed, which makes undici drop the
 * connection: a kept-alive connection with unread bytes on it cannot carry the next request.
 * A `content-length` above the bound is refused before a byte is read. Transport errors
 * (a reset, the deadline's abort) reject as they are. Events rather than an async iterator: this
 * runs for every answer, and the iterator costs a few promises per chunk.
 */
export function readBody(body: Readable, contentLength: string | string[] | undefined, bounds: BodyBounds): Promise<BodyRead> {
  const declared = declaredLength(contentLength);
  if (declared !== undefined && declared > bounds.maxBytes) {
    discard(body);
    return Promise.resolve({ ok: false, error: tooLarge(bounds, declared, `its content-length is ${declared}`) });
  }
  return new Promise<BodyRead>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let seen = 0;
    let metered = 0;
    let settled = false;
    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      body.off('data', onData);
      body.off('end', onEnd);
      return true;
    };
    // A stopped answer is dropped: the bytes the meter counted for it are held by nobody.
    const stop = (error: unknown): void => {
      if (!settle()) return;
      discard(body);
      if (metered > 0) bounds.meter?.giveBack?.(metered);
      resolve({ ok: false, error });
    };
    const onData = (chunk: Buffer): void => {
      seen += chunk.length;
      // Checked before the meter: an answer too large is the upstream's fault, and says so even
      // when the same chunk would also exhaust the request's budget.
      if (seen > bounds.maxBytes) return stop(tooLarge(bounds, seen, `reading stopped after ${seen}`));
      try {
        bounds.meter?.take(chunk.length);
      } catch (error) {
        return stop(error);
      }
      metered += chunk.length;
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      if (!settle()) return;
      // TextDecoder drops a leading BOM, as undici's own text() does.
      resolve({ ok: true, text: UTF8.decode(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, seen)) });
    };
    // Kept after the end, so that a late error of a finished body is heard rather than thrown.
    body.on('error', (error) => {
      if (settle()) reject(error);
    });
    // A body destroyed without an error ends with neither 'end' nor 'error'; the read must not wait forever.
    body.on('close', () => {
      if (settle()) reject(new Error(`the answer to ${bounds.what} closed before its end`));
    });
    body.on('data', onData);
    body.on('end', onEnd);
  });
}

/**
 * Count in the error: the bytes read when reading stopped, or the length a content-length
 * declared (nothing was read then, and the declared size is what tells the operator how far off
 * the bound is).
 */
function tooLarge(bounds: BodyBounds, count: number, detail: string): UpstreamLimitError {
  return new UpstreamLimitError(
    'MAX_UPSTREAM_BODY_BYTES',
    bounds.maxBytes,
    count,
    `the API server's answer to ${bounds.what} exceeded ${bounds.maxBytes} bytes: ${detail}`,
  );
}

/** A content-length of digits only; anything else is left to the count of what arrives. */
function declaredLength(value: string | string[] | undefined): number | undefined {
  return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined;
}

/**
 * Destroys the body so undici aborts the request and closes its connection. undici reports its
 * own abort as an `error` event; nobody reads the body any more, so it is only heard, not thrown.
 */
function discard(body: Readable): void {
  body.on('error', () => undefined);
  body.destroy();
}
