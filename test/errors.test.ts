import { codeForHttpStatus, toGraphQLError, toStatusAnswer } from '../src/errors';
import { KubeApiError, MissingCredentialsError, UpstreamUnavailableError } from '../src/kube/errors';
import type { Status } from '../src/kube/types';

const notFound: Status = {
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message: 'imagestreamimages.image.openshift.io "ruby" not found',
  reason: 'NotFound',
  details: { name: 'ruby', group: 'image.openshift.io', kind: 'imagestreamimages' },
  code: 404,
};

describe('client-facing errors', () => {
  test.each([
    [401, 'UNAUTHENTICATED'],
    [403, 'FORBIDDEN'],
    [404, 'NOT_FOUND'],
    [409, 'CONFLICT'],
    [400, 'BAD_USER_INPUT'],
    [410, 'BAD_USER_INPUT'],
    [429, 'UPSTREAM_UNAVAILABLE'],
    [503, 'UPSTREAM_UNAVAILABLE'],
    [500, 'UPSTREAM_ERROR'],
  ])('maps upstream HTTP %i to %s', (status, code) => {
    expect(codeForHttpStatus(status)).toBe(code);
  });

  test('carries the upstream Status reason, code and details in extensions.kubernetes', () => {
    const error = toGraphQLError(new KubeApiError(404, notFound));
    expect(error.message).toBe('imagestreamimages.image.openshift.io "ruby" not found');
    expect(error.extensions).toEqual({
      code: 'NOT_FOUND',
      kubernetes: { reason: 'NotFound', code: 404, details: notFound.details },
    });
  });

  test('hides an unknown error behind a fixed message', () => {
    const error = toGraphQLError(new TypeError('secret internals at /src/x.ts:1'));
    expect(error.message).toBe('internal server error');
    expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });

  test('passes an upstream Status through unchanged on the REST side', () => {
    expect(toStatusAnswer(new KubeApiError(404, notFound))).toEqual({ httpStatus: 404, status: notFound, retryAfterSeconds: undefined });
  });

  test('answers missing credentials with the API server 401 Status', () => {
    expect(toStatusAnswer(new MissingCredentialsError())).toEqual({
      httpStatus: 401,
      status: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 },
    });
  });

  test('tells a client that the upstream is unavailable without naming its address', () => {
    const error = new UpstreamUnavailableError('connect ECONNREFUSED 10.0.0.1:6443 (https://api.internal:6443)', 'unreachable');
    expect(toGraphQLError(error).message).toBe('the Kubernetes API server cannot be reached; try again later');
    expect(toStatusAnswer(error).status.message).toBe('the Kubernetes API server cannot be reached; try again later');
  });

  test('answers an unreachable upstream with 503 and a timed-out one with 504, both with Retry-After', () => {
    const down = toStatusAnswer(new UpstreamUnavailableError('connect ECONNREFUSED', 'unreachable'));
    expect([down.httpStatus, down.status.reason, down.retryAfterSeconds]).toEqual([503, 'ServiceUnavailable', 1]);
    const slow = toStatusAnswer(new UpstreamUnavailableError('timed out', 'timeout'));
    expect([slow.httpStatus, slow.status.reason, slow.retryAfterSeconds]).toEqual([504, 'Timeout', 1]);
  });
});
