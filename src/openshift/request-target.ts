// How a Go API server reads the request line: net/url percent-decodes the path once (so `%40`
// is `@` and `%2F` is a real `/` that splits segments), refuses a malformed escape, and parses
// the query separately. Shared by the gateway's REST routes and the demo cluster.

export interface RequestTarget {
  /** The decoded path, e.g. `/apis/image.openshift.io/v1/namespaces/demo/imagestreamimages/ruby@sha256:ab`. */
  path: string;
  query: URLSearchParams;
}

function isHex(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
}

/** Splits and decodes a raw request-target; a malformed `%` escape yields Go's error text. */
export function parseRequestTarget(rawTarget: string): RequestTarget | { error: string } {
  let target = rawTarget;
  // absolute-form (`GET http://host/path`), which proxies send
  const authority = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#]*/.exec(target);
  if (authority) target = target.slice(authority[0].length) || '/';
  const queryAt = target.indexOf('?');
  const rawPath = queryAt < 0 ? target : target.slice(0, queryAt);
  const rawQuery = queryAt < 0 ? '' : target.slice(queryAt + 1);

  const chunks: Buffer[] = [];
  let literalFrom = 0;
  for (let i = 0; i < rawPath.length; i++) {
    if (rawPath.charCodeAt(i) !== 0x25 /* % */) continue;
    if (i + 2 >= rawPath.length || !isHex(rawPath.charCodeAt(i + 1)) || !isHex(rawPath.charCodeAt(i + 2))) {
      return { error: `invalid URL escape ${JSON.stringify(rawPath.slice(i, i + 3))}` };
    }
    chunks.push(Buffer.from(rawPath.slice(literalFrom, i), 'utf8'), Buffer.from([parseInt(rawPath.slice(i + 1, i + 3), 16)]));
    i += 2;
    literalFrom = i + 1;
  }
  chunks.push(Buffer.from(rawPath.slice(literalFrom), 'utf8'));
  return { path: Buffer.concat(chunks).toString('utf8'), query: new URLSearchParams(rawQuery) };
}

// strconv.ParseBool's spellings; anything else is false, as in Go (the error is ignored there).
const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);

/**
 * Whether the API server indents its answer (k8s.io/apiserver's isPrettyPrint): `?pretty=<bool>`
 * when given (non-empty), otherwise when the user agent is curl, Wget or a browser.
 */
export function isPrettyPrint(query: URLSearchParams, userAgent: string | undefined): boolean {
  const pretty = query.get('pretty');
  if (pretty) return TRUE.has(pretty);
  const agent = userAgent ?? '';
  return agent.startsWith('curl') || agent.startsWith('Wget') || agent.startsWith('Mozilla/5.0');
}
