// POST /apis/authorization.k8s.io/v1/selfsubjectaccessreviews: whether the caller may do
// something, answered from the token table as the API server's authorizer answers it. Every
// authenticated user may ask about themselves (OpenShift's basic-user role).
import type http from 'node:http';
import type { DemoToken } from './demo-tokens';
import { authenticate, mayDo } from './demo-auth';
import { status, unauthorized, type DemoResponse } from './demo-status';
import { readReviewBody } from './review-body';

export const SELF_SUBJECT_ACCESS_REVIEWS_PATH = '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export function reviewAccess(req: http.IncomingMessage, tokens: readonly DemoToken[]): Promise<DemoResponse> {
  const caller = authenticate(req.headers.authorization, tokens);
  if (!caller) {
    req.resume();
    return Promise.resolve(unauthorized());
  }
  return readReviewBody(req, 'SelfSubjectAccessReview').then((read) => {
    if (!('json' in read)) return read;
    const spec = (read.json as { spec?: { resourceAttributes?: Record<string, unknown>; nonResourceAttributes?: Record<string, unknown> } } | null)?.spec;
    const resource = spec?.resourceAttributes;
    const nonResource = spec?.nonResourceAttributes;
    if (!resource === !nonResource) {
      return status(422, 'Invalid', 'SelfSubjectAccessReview.authorization.k8s.io "" is invalid: spec.resourceAttributes: Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified');
    }
    // Non-resource paths (discovery, /version) are open to every authenticated user here.
    const allowed = resource
      ? mayDo(caller, {
          verb: text(resource.verb),
          group: text(resource.group),
          resource: text(resource.resource),
          namespace: text(resource.namespace),
          name: text(resource.name),
          subresource: text(resource.subresource),
        })
      : true;
    return {
      code: 201,
      body: {
        kind: 'SelfSubjectAccessReview',
        apiVersion: 'authorization.k8s.io/v1',
        metadata: { creationTimestamp: null },
        spec,
        status: { allowed },
      },
    };
  });
}
