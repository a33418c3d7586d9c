import type { Context } from '../context';
import type * as kube from '../kube/types';
import { decodeNodeId, type NodeKey, type NodeType } from './node-id';

type NodeValue = kube.ImageStream | kube.ImageStreamTag | kube.ImageStreamImage | kube.Image;

/**
 * The type of each object `Query.node` and `Query.nodes` answered, for the `Node` interface's
 * resolveType: upstream JSON does not reliably say (list items carry no `kind`), the id it was
 * loaded by does. Weak: an entry lives as long as the object, which a cache may share between
 * requests, and an object is only ever of one type.
 */
const nodeTypes = new WeakMap<object, NodeType>();

export function nodeTypeOf(value: object): NodeType | undefined {
  return nodeTypes.get(value);
}

/** The object `key` names, through the request's loaders (so many ids batch and share loads like fields do). */
function loadKey(key: NodeKey, ctx: Context): Promise<NodeValue> {
  switch (key.type) {
    case 'ImageStream':
      return ctx.loaders.imageStream.load({ namespace: key.namespace, name: key.name });
    case 'ImageStreamTag':
      return ctx.loaders.imageStreamTag.load({ namespace: key.namespace, name: key.name });
    case 'ImageStreamImage':
      return ctx.loaders.imageStreamImage.load({ namespace: key.namespace, name: key.name });
    case 'Image':
      return ctx.loaders.image.load(key.name);
  }
}

/**
 * The object a node id names, read with the caller's token: an object the caller may not read
 * fails with the API server's own refusal (FORBIDDEN, NOT_FOUND), as the field naming it would.
 */
export async function loadNode(id: string, argument: string, ctx: Context): Promise<NodeValue> {
  const key = decodeNodeId(id, argument);
  const value = await loadKey(key, ctx);
  nodeTypes.set(value, key.type);
  return value;
}
