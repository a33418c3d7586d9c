// What a Go API server routes on: net/url decodes the path once, so `%40` is `@` and `%2F` is a
// real `/` that starts a new segment. Fastify decodes its parameters per segment instead
// (`a%2Fb` stays one parameter `a/b`), so the REST routes read the raw request target.

export interface RequestPath {
  /** The decoded path, e.g. `/apis/image.openshift.io/v1/namespaces/demo/imagestreamimages/ruby@sha256:ab`. */
  path: string;
  query: URLSearchParams;
}

const HEX_PAIR = /^[0-9A-Fa-f]{2}$/;

/**
 * Splits and decodes a raw request target. A `%` that does not start an escape yields Go's error
 * text; the decoded bytes are read as UTF-8 (an invalid sequence becomes U+FFFD).
 */
export function parseRequestPath(rawTarget: string): RequestPath | { error: string } {
  const queryAt = rawTarget.indexOf('?');
  const rawPath = queryAt < 0 ? rawTarget : rawTarget.slice(0, queryAt);
  const query = new URLSearchParams(queryAt < 0 ? '' : rawTarget.slice(queryAt + 1));
  if (!rawPath.includes('%')) return { path: rawPath, query };

  const chunks: Buffer[] = [];
  let literalFrom = 0;
  for (let at = rawPath.indexOf('%'); at !== -1; at = rawPath.indexOf('%', literalFrom)) {
    const hex = rawPath.slice(at + 1, at + 3);
    if (!HEX_PAIR.test(hex)) return { error: `invalid URL escape ${JSON.stringify(rawPath.slice(at, at + 3))}` };
    chunks.push(Buffer.from(rawPath.slice(literalFrom, at), 'utf8'), Buffer.from([parseInt(hex, 16)]));
    literalFrom = at + 3;
  }
  chunks.push(Buffer.from(rawPath.slice(literalFrom), 'utf8'));
  return { path: Buffer.concat(chunks).toString('utf8'), query };
}
