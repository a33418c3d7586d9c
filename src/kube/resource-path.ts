import { InvalidNameError } from './errors';
import type { Resource, ResourceTypes } from './types';

export const API_GROUP_PATH = '/apis/image.openshift.io/v1';

/** Whether each resource lives in a namespace; typed so it cannot disagree with ResourceTypes. */
export const NAMESPACED: { readonly [R in Resource]: ResourceTypes[R]['namespaced'] } = {
  images: false,
  imagestreams: true,
  imagestreamimages: true,
  imagestreamtags: true,
};

/** Kubernetes' limits: a DNS subdomain for names, a DNS label for namespaces. */
const MAX_LENGTH = { namespace: 63, name: 253 } as const;

/**
 * The API path of a collection (no `name`) or an object of image.openshift.io/v1, each segment
 * checked and then percent-encoded. Throws InvalidNameError before anything is sent.
 */
export function resourcePath(resource: Resource, namespace: string | undefined, name?: string): string {
  if (!Object.hasOwn(NAMESPACED, resource)) {
    throw new InvalidNameError('resource', String(resource), `is not one of ${Object.keys(NAMESPACED).join(', ')}`);
  }
  let path = API_GROUP_PATH;
  if (NAMESPACED[resource]) {
    if (namespace === undefined) throw new InvalidNameError('namespace', '', `${resource} are namespaced: a namespace is required`);
    path += `/namespaces/${encodeSegment('namespace', namespace)}`;
  } else if (namespace !== undefined) {
    throw new InvalidNameError('namespace', namespace, `${resource} are cluster-scoped: no namespace may be given`);
  }
  path += `/${resource}`;
  if (name !== undefined) path += `/${encodeSegment('name', name)}`;
  return path;
}

/**
 * Refuses what would change the meaning of the path (empty, `.`, `..`, `/`), what would be
 * decoded twice (`%`), control characters and over-long values; encodes the rest. `@` and `:`
 * stay as they are, as kubectl sends them: `ruby@sha256:...` arrives as `ruby@sha256:...`.
 */
export function encodeSegment(field: 'namespace' | 'name', value: string): string {
  const problem = segmentProblem(value, MAX_LENGTH[field]);
  if (problem) throw new InvalidNameError(field, value, problem);
  let encoded: string;
  try {
    encoded = encodeURIComponent(value);
  } catch {
    // encodeURIComponent throws URIError on a lone surrogate.
    throw new InvalidNameError(field, value, 'is not well-formed Unicode');
  }
  return encoded.replace(/%40/g, '@').replace(/%3A/g, ':');
}

function segmentProblem(value: string, maxLength: number): string | undefined {
  if (typeof value !== 'string') return `must be a string, got ${typeof value}`;
  if (value === '') return 'must not be empty';
  if (value === '.' || value === '..') return 'must not be "." or ".."';
  if (value.includes('/')) return 'must not contain "/"';
  if (value.includes('%')) return 'must not contain "%"';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(value)) return 'must not contain control characters';
  if (value.length > maxLength) return `must be at most ${maxLength} characters, got ${value.length}`;
  return undefined;
}
