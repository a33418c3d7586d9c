import { UserInputError } from '../errors';
import {
  imageNameProblem,
  imageStreamImageNameProblem,
  imageStreamTagNameProblem,
  namespaceProblem,
  streamNameProblem,
  type NameProblem,
} from '../kube/object-names';

/** The object types a global id (Relay `Node`) can name. */
export const NODE_TYPES = ['ImageStream', 'ImageStreamTag', 'ImageStreamImage', 'Image'] as const;
export type NodeType = (typeof NODE_TYPES)[number];

/**
 * What a node id holds: the type and the key the API server names the object by. An
 * ImageStreamImage's key is `<stream>@<full image digest>`, whatever prefix it was asked by, so
 * one image of one stream has one id.
 */
export type NodeKey = { type: 'Image'; name: string } | { type: Exclude<NodeType, 'Image'>; namespace: string; name: string };

/** Longer than any id the gateway makes (a namespace of 63, a name of 253 and a digest of 135 characters). */
const MAX_ID_LENGTH = 1024;

const NAME_RULES: Record<NodeType, (name: string) => NameProblem | undefined> = {
  ImageStream: streamNameProblem,
  ImageStreamTag: imageStreamTagNameProblem,
  ImageStreamImage: imageStreamImageNameProblem,
  Image: imageNameProblem,
};

/**
 * The id of the object `key` names: base64url of `<type>:<namespace>/<name>` (`Image:<digest>` for
 * the cluster-scoped images). It depends on nothing but the key, so it is the same across
 * requests, replicas and restarts, and a namespace is part of it, so equal names in two
 * namespaces are two ids. Clients treat it as opaque.
 */
export function encodeNodeId(key: NodeKey): string {
  const plain = key.type === 'Image' ? `Image:${key.name}` : `${key.type}:${key.namespace}/${key.name}`;
  return Buffer.from(plain, 'utf8').toString('base64url');
}

/**
 * The key `id` holds, checked as the field arguments naming the same object are: anything that
 * is not an id this gateway makes is a BAD_USER_INPUT naming `argument`, before any call.
 */
export function decodeNodeId(id: string, argument: string): NodeKey {
  const refuse = (why: string) => new UserInputError(`${argument} must be an id returned by this gateway's \`id\` fields: ${why}`, argument);
  if (id.length === 0 || id.length > MAX_ID_LENGTH || !/^[A-Za-z0-9_-]+$/.test(id)) {
    throw refuse(`expected 1-${MAX_ID_LENGTH} base64url characters, got ${shown(id)}`);
  }
  const plain = Buffer.from(id, 'base64url').toString('utf8');
  // One id per object: trailing bits or invalid UTF-8 would let other strings name it too.
  if (Buffer.from(plain, 'utf8').toString('base64url') !== id) throw refuse(`${shown(id)} is not canonical base64url of UTF-8 text`);
  const colon = plain.indexOf(':');
  const type = plain.slice(0, colon);
  if (colon < 0 || !(NODE_TYPES as readonly string[]).includes(type)) {
    throw refuse(`${shown(id)} names no type of ${NODE_TYPES.join(', ')}`);
  }
  const nodeType = type as NodeType;
  const rest = plain.slice(colon + 1);
  if (nodeType === 'Image') {
    const problem = imageNameProblem(rest);
    if (problem) throw refuse(`its image name ${problem}`);
    return { type: 'Image', name: rest };
  }
  const slash = rest.indexOf('/');
  const namespace = rest.slice(0, Math.max(slash, 0));
  const name = rest.slice(slash + 1);
  const problem = slash < 0 ? 'has no namespace' : namespaceProblem(namespace) ? `its namespace ${namespaceProblem(namespace)}` : nameProblem(nodeType, name);
  if (problem) throw refuse(problem);
  return { type: nodeType, namespace, name };
}

function nameProblem(type: NodeType, name: string): string | undefined {
  const problem = NAME_RULES[type](name);
  return problem ? `its ${type} name ${problem}` : undefined;
}

const shown = (value: string): string => JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
