// POST /apis/authentication.k8s.io/v1/tokenreviews: whether a token is one of the demo's, as the
// API server's TokenReview answers it. Only a caller who may do everything (the demo admin, the
// gateway's own credentials in demo mode) may ask, as `create tokenreviews` is an admin right.
import type http from 'node:http';
import type { DemoToken } from './demo-tokens';
import { forbiddenStatus } from '../openshift/status';
import { authenticate } from './demo-auth';
import { badRequest, status, unauthorized, type DemoResponse } from './demo-status';

export const TOKEN_REVIEWS_PATH = '/apis/authentication.k8s.io/v1/tokenreviews';

/** A review body is a few hundred bytes; more is refused rather than read. */
const MAX_REVIEW_BYTES = 64 * 1024;

export function reviewToken(req: http.IncomingMessage, tokens: readonly DemoToken[]): Promise<DemoResponse> {
  const caller = authenticate(req.headers.authorization, tokens);
  if (!caller) {
    req.resume();
    return Promise.resolve(unauthorized());
  }
  if (caller.namespaces !== '*' || !caller.images || !caller.list) {
    req.resume();
    const body = forbiddenStatus(caller.user, { verb: 'create', apiGroup: 'authentication.k8s.io', resource: 'tokenreviews' });
    return Promise.resolve({ code: body.code, body });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_REVIEW_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_REVIEW_BYTES) return resolve(status(413, 'RequestEntityTooLarge', 'the request body is too large'));
      let token: unknown;
      try {
        token = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { spec?: { token?: unknown } }).spec?.token;
      } catch {
        return resolve(badRequest('the request body is not a TokenReview'));
      }
      if (typeof token !== 'string') return resolve(badRequest('spec.token: Required value'));
      const reviewed = tokens.find((candidate) => candidate.token === token);
      resolve({
        code: 201,
        body: {
          kind: 'TokenReview',
          apiVersion: 'authentication.k8s.io/v1',
          metadata: { creationTimestamp: null },
          spec: { token },
          status: reviewed ? { authenticated: true, user: { username: reviewed.user, groups: ['system:authenticated'] } } : { user: {} },
        },
      });
    });
  });
}
