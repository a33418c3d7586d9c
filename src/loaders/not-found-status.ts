import { KubeApiError } from '../kube/errors';

/**
 * The 404 a GET of `<resource>/<name>` would have answered, for an object that a LIST showed to be
 * absent: a client cannot tell whether the gateway read it with a GET or a LIST.
 */
export function notFoundError(resource: string, name: string): KubeApiError {
  return new KubeApiError(404, {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `${resource}.image.openshift.io "${name}" not found`,
    reason: 'NotFound',
    details: { name, group: 'image.openshift.io', kind: resource },
    code: 404,
  });
}
