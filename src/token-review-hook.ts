import type { FastifyInstance } from 'fastify';
import { callerAuth } from './context';
import { MissingCredentialsError } from './kube/errors';
import { answerRefusal } from './http-refusals';
import type { TokenReviewer } from './upstream/token-reviewer';

/** The paths whose every answer needs the caller's credentials upstream. */
const REVIEWED = /^\/(graphql|api|apis)(\/|\?|$)/;

/**
 * TOKEN_REVIEW=true: a bearer token the API server does not authenticate is refused 401 before
 * the request's body is read, its document parsed or any call made for it. Requests without a
 * token are left to the usual rules (401, or lent credentials in demo mode).
 */
export function registerTokenReview(app: FastifyInstance, reviewer: TokenReviewer, lendCredentials: boolean): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!REVIEWED.test(request.url)) return;
    const auth = callerAuth(request.headers.authorization, lendCredentials);
    if (auth instanceof MissingCredentialsError || auth.kind !== 'bearer') return;
    let authenticated: boolean;
    try {
      authenticated = await reviewer.authenticated(auth.token);
    } catch (error) {
      return answerRefusal(request, reply, error);
    }
    if (!authenticated) {
      return answerRefusal(request, reply, new MissingCredentialsError('the API server does not accept the bearer token (TokenReview)'));
    }
  });
}
