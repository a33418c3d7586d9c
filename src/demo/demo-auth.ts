// Authentication and authorization as the kube-apiserver filters do them (spec §6.4, §6.5,
// §9): both run on the RequestInfo, before any route or storage is consulted, so a caller who
// may not see a namespace learns nothing about what is in it.
import type { DemoToken } from './demo-tokens';
import { goQuote } from './go-json';
import { IMAGE_GROUP, status, type DemoResponse } from './demo-status';
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

// &, < and > are entity-escaped before the message is encoded (responsewriters.Forbidden).
const sanitize = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** undefined when allowed, else the 403 Status of responsewriters.Forbidden. */
export function authorize(token: DemoToken, info: RequestInfo): DemoResponse | undefined {
  if (allows(token, info)) return undefined;
  const resource = info.subresource ? `${info.resource}/${info.subresource}` : info.resource;
  const scope = info.namespace ? `in the namespace ${goQuote(info.namespace)}` : 'at the cluster scope';
  const reason = sanitize(
    `User ${goQuote(token.user)} cannot ${info.verb} resource ${goQuote(resource)} in API group ${goQuote(info.apiGroup)} ${scope}`,
  );
  const qualified = info.apiGroup ? `${info.resource}.${info.apiGroup}` : info.resource;
  const message = info.name ? `${qualified} ${goQuote(info.name)} is forbidden: ${reason}` : `${qualified} is forbidden: ${reason}`;
  return status(403, 'Forbidden', message, { name: info.name, group: info.apiGroup, kind: info.resource });
}
