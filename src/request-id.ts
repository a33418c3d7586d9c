import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The header a request's id is taken from and returned in. */
export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * What a caller's id may be: 1-128 letters, digits and `.`, `_`, `:`, `-`. That takes the ids
 * proxies and clients make (UUIDs, ULIDs, W3C trace ids, nginx's hex `$request_id`, Envoy's
 * UUIDs) and refuses what could do harm where the id is written: no space, comma (Node joins a
 * repeated header with `, `), quote, `<`, `=` or control character, so it can split no log line,
 * forge no header and inject nothing into a page that shows logs; and 128 bounds what a client
 * adds to every line of its request.
 */
const VALID_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Fastify's `genReqId`: the caller's `X-Request-Id` when it is one valid id, so that its own
 * logs and the gateway's meet on one value; otherwise a fresh UUID. An id that is not valid is
 * never echoed and never an error (a proxy's odd id must not cost its request an answer), and
 * repeated headers are treated as none: which one the caller meant is unknowable.
 */
export function requestIdOf(request: Pick<IncomingMessage, 'headers'>): string {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && VALID_REQUEST_ID.test(given) ? given : randomUUID();
}
