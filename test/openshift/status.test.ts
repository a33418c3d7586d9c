import { goJson } from '../../src/openshift/go-json';
import {
  ambiguousPrefixStatus,
  badRequestStatus,
  forbiddenStatus,
  internalErrorStatus,
  methodNotAllowedStatus,
  noMatchingImageStatus,
  noSuchStreamStatus,
  notFoundStatus,
  routeNotFoundStatus,
  serverTimeoutStatus,
  unauthorizedStatus,
} from '../../src/openshift/status';

// Each shape of behaviour §6, as the bytes the API server writes.
test.each([
  ['6.1 a malformed name', badRequestStatus('ImageStreamImages must be retrieved with <name>@<id>'), '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"ImageStreamImages must be retrieved with \\u003cname\\u003e@\\u003cid\\u003e","reason":"BadRequest","code":400}\n'],
  ['6.2 no image matches', noMatchingImageStatus('ruby@sha256:0123abcd'), '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"imagestreamimage.image.openshift.io \\"ruby@sha256:0123abcd\\" not found","reason":"NotFound","details":{"name":"ruby@sha256:0123abcd","group":"image.openshift.io","kind":"imagestreamimage"},"code":404}\n'],
  ['6.3 no such stream', noSuchStreamStatus('ruby'), '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"imagestreamimages.image.openshift.io \\"ruby\\" not found","reason":"NotFound","details":{"name":"ruby","group":"image.openshift.io","kind":"imagestreamimages"},"code":404}\n'],
  ['6.3b the image gone', notFoundStatus('imagestreamimages', 'sha256:ca01'), '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"imagestreamimages.image.openshift.io \\"sha256:ca01\\" not found","reason":"NotFound","details":{"name":"sha256:ca01","group":"image.openshift.io","kind":"imagestreamimages"},"code":404}\n'],
  ['6.4 no usable token', unauthorizedStatus(), '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}\n'],
  [
    '6.5 not allowed',
    forbiddenStatus('system:anonymous', { verb: 'get', apiGroup: 'image.openshift.io', resource: 'imagestreamimages', namespace: 'demo', name: 'ruby@sha256:0123abcd' }),
    '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"imagestreamimages.image.openshift.io \\"ruby@sha256:0123abcd\\" is forbidden: User \\"system:anonymous\\" cannot get resource \\"imagestreamimages\\" in API group \\"image.openshift.io\\" in the namespace \\"demo\\"","reason":"Forbidden","details":{"name":"ruby@sha256:0123abcd","group":"image.openshift.io","kind":"imagestreamimages"},"code":403}\n',
  ],
  ['6.6 the router: no route', routeNotFoundStatus(), '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the server could not find the requested resource","reason":"NotFound","details":{},"code":404}\n'],
  ['6.6 the router: another method', methodNotAllowedStatus(), '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the server does not allow this method on the requested resource","reason":"MethodNotAllowed","details":{},"code":405}\n'],
  ['6.7 the image cache not ready', serverTimeoutStatus(), '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"The get operation against imagestreams.image.openshift.io could not be completed at this time, please try again.","reason":"ServerTimeout","details":{"name":"get","group":"image.openshift.io","kind":"imagestreams","retryAfterSeconds":2},"code":500}\n'],
  ['6.8 a plain error', internalErrorStatus('manifest is corrupt'), '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"manifest is corrupt","code":500}\n'],
  ['6.9 an ambiguous prefix (4.12 and older)', ambiguousPrefixStatus('sha256:ab', ['sha256:ab34', 'sha256:ab12']), '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Operation cannot be fulfilled on imagestreamimage.image.openshift.io \\"sha256:ab\\": multiple images match the prefix \\"sha256:ab\\": sha256:ab12, sha256:ab34","reason":"Conflict","details":{"name":"sha256:ab","group":"image.openshift.io","kind":"imagestreamimage"},"code":409}\n'],
])('%s', (_what, status, wire) => {
  expect(goJson(status)).toBe(wire);
});

test('escapes &, < and > of a forbidden message as entities, as responsewriters.Forbidden does', () => {
  const status = forbiddenStatus('a<b>&c', { verb: 'get', apiGroup: 'image.openshift.io', resource: 'imagestreamimages', namespace: 'demo' });
  expect(status.message).toBe('imagestreamimages.image.openshift.io is forbidden: User "a&lt;b&gt;&amp;c" cannot get resource "imagestreamimages" in API group "image.openshift.io" in the namespace "demo"');
  expect(status.details).toEqual({ group: 'image.openshift.io', kind: 'imagestreamimages' });
});
