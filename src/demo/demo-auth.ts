// Authentication and authorization as the kube-apiserver filters do them (behaviour §6.4, §6.5,
// §9): both run on the RequestInfo, before any route or storage is consulted, so a caller who
// may not see a namespace learns nothing about what is in it.
import type { DemoToken } from './demo-tokens';
import { forbiddenStatus } from '../openshift/status';
import { IMAGE_GROUP, type DemoResponse } from './demo-status';
import type { RequestInfo } from './request-target';

/** The k8s bearer token authenticator: `Bearer <token>`, scheme case-insensitive. */
export function authenticate(header: string | undefined, tokens: readonly DemoToken[]): DemoToken | undefined {
  if (!header) return undefined;
  const [scheme, token] = header.split(' ', 3);
  if (scheme?.toLowerCase() !== 'bearer' || !token) return undefined;
  return tokens.find((candidate) => candidate.token === token);
}

const READ_VERBS = new Set(['get', 'list', 'watch']);
const LIST_VERBS = new Set(['list', 'watch']);
const CLUSTER_SCOPED = new Set(['images', 'imagesignatures']);

function isClusterAdmin(token: DemoToken): boolean {
  return token.namespaces === '*' && token.images && token.list;
}

function mayUseNamespace(token: DemoToken, namespace: string): boolean {
  return token.namespaces === '*' || token.namespaces.includes(namespace);
}

function allows(token: DemoToken, info: RequestInfo): boolean {
  if (!info.isResourceRequest || isClusterAdmin(token)) return true;
  // Project members may read their own Namespace objects (OpenShift's project self-access).
  if (info.apiGroup === '' && info.resource === 'namespaces' && info.verb === 'get') return mayUseNamespace(token, info.name);
  if (info.apiGroup !== IMAGE_GROUP) return false;
  // A token that may not list is a viewer: it reads objects by name and nothing else.
  if (!READ_VERBS.has(info.verb) && !token.list) return false;
  if (LIST_VERBS.has(info.verb) && !token.list) return false;
  if (CLUSTER_SCOPED.has(info.resource)) return token.images && (info.namespace === '' || mayUseNamespace(token, info.namespace));
  return info.namespace === '' ? token.namespaces === '*' : mayUseNamespace(token, info.namespace);
}

/**
 * What a SelfSubjectAccessReview of `token` answers about `attributes`: the same rule that
 * authorizes the token's requests, so the demo's answers and its behaviour cannot disagree.
 * Writes are answered as the role the token stands for grants them (the developer is an editor),
 * although the demo itself serves no write.
 */
export function mayDo(token: DemoToken, attributes: { verb: string; group: string; resource: string; namespace: string; name: string; subresource: string }): boolean {
  return allows(token, {
    isResourceRequest: true,
    path: '',
    verb: attributes.verb,
    apiGroup: attributes.group,
    apiVersion: '',
    namespace: attributes.namespace,
    resource: attributes.resource,
    subresource: attributes.subresource,
    name: attributes.name,
    parts: [],
  });
}

/** undefined when allowed, else the 403 Status of responsewriters.Forbidden. */
export function authorize(token: DemoToken, info: RequestInfo): DemoResponse | undefined {
  if (allows(token, info)) return undefined;
  const body = forbiddenStatus(token.user, info);
  return { code: body.code, body };
}
