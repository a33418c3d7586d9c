import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Context } from '../context';
import { MissingCredentialsError } from '../kube/errors';

/**
 * A GraphQL request without usable credentials is answered 401 as a whole, before any resolver
 * runs: every field of this schema needs the caller's token upstream.
 */
export function requireCredentials(context: Context): Context {
  if (context.auth instanceof MissingCredentialsError) {
    throw new GraphQLError(context.auth.message, {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: new HeaderMap([['www-authenticate', 'Bearer']]) } },
    });
  }
  return context;
}
