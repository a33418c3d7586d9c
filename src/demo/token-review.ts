// POST /apis/authentication.k8s.io/v1/tokenreviews: whether a token is one of the demo's, as the
// API server's TokenReview answers it. Only a caller who may do everything (the demo admin, the
// gateway's own credentials in demo mode) may ask, as `create tokenreviews` is an admin right.
import type http from 'node:http';
import type { DemoToken } from './demo-tokens';
import { forbiddenStatus } from '../openshift/status';
import { authenticate } from './demo-auth';
import { badRequest, unauthorized, type DemoResponse } from './demo-status';
import { readReviewBody } from './review-body';

export const TOKEN_REVIEWS_PATH = '/apis/authentication.k8s.io/v1/tokenreviews';

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
  return readReviewBody(req, 'TokenReview').then((read) => {
    if (!('json' in read)) return read;
    const token = (read.json as { spec?: { token?: unknown } } | null)?.spec?.token;
    if (typeof token !== 'string') return badRequest('spec.token: Required value');
    const reviewed = tokens.find((candidate) => candidate.token === token);
    return {
      code: 201,
      body: {
        kind: 'TokenReview',
        apiVersion: 'authentication.k8s.io/v1',
        metadata: { creationTimestamp: null },
        spec: { token },
        status: reviewed ? { authenticated: true, user: { username: reviewed.user, groups: ['system:authenticated'] } } : { user: {} },
      },
    };
  });
}
