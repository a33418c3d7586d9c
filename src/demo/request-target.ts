// How a Go API server reads the request line: net/url percent-decodes the path once (so `%40`
// is `@` and `%2F` is a real `/` that splits segments), refuses a malformed escape, and parses
// the query separately. The k8s RequestInfoFactory then reads verb, namespace, resource and name
// from the decoded segments.

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

export interface RequestInfo {
  isResourceRequest: boolean;
  path: string;
  /** get, list, watch, create, update, patch, delete, deletecollection; the lower-case method for non-resource paths. */
  verb: string;
  apiGroup: string;
  apiVersion: string;
  namespace: string;
  resource: string;
  subresource: string;
  name: string;
  /** Segments from the resource on: resource/name/subresource/… */
  parts: string[];
}

const METHOD_VERBS: Record<string, string> = { POST: 'create', GET: 'get', HEAD: 'get', PUT: 'update', PATCH: 'patch', DELETE: 'delete' };

/** k8s.io/apiserver RequestInfoFactory.NewRequestInfo, for the /api and /apis prefixes. */
export function requestInfoFor(method: string, path: string, query: URLSearchParams): RequestInfo {
  const info: RequestInfo = {
    isResourceRequest: false,
    path,
    verb: method.toLowerCase(),
    apiGroup: '',
    apiVersion: '',
    namespace: '',
    resource: '',
    subresource: '',
    name: '',
    parts: [],
  };
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  let parts = trimmed === '' ? [] : trimmed.split('/');
  if (parts.length < 3 || (parts[0] !== 'api' && parts[0] !== 'apis')) return info;
  if (parts[0] === 'apis') {
    if (parts.length < 4) return info;
    info.apiGroup = parts[1] ?? '';
    parts = parts.slice(2);
  } else {
    parts = parts.slice(1);
  }
  info.isResourceRequest = true;
  info.apiVersion = parts[0] ?? '';
  parts = parts.slice(1);
  info.verb = METHOD_VERBS[method] ?? method.toLowerCase();
  if (parts[0] === 'namespaces' && parts.length > 1) {
    info.namespace = parts[1] ?? '';
    if (parts.length > 2) parts = parts.slice(2);
  }
  info.parts = parts;
  info.resource = parts[0] ?? '';
  info.name = parts[1] ?? '';
  info.subresource = parts[2] ?? '';
  if (info.name === '' && info.verb === 'get') info.verb = query.get('watch') === 'true' || query.get('watch') === '1' ? 'watch' : 'list';
  if (info.name === '' && info.verb === 'delete') info.verb = 'deletecollection';
  return info;
}
