import { Field, ID, InterfaceType } from 'type-graphql';
import { nodeTypeOf } from '../node-lookup';

export const NODE_ID_DESCRIPTION =
  'Opaque global id, the same in every request and on every replica, unique across namespaces; pass it to `Query.node(id:)` to read the object again.';

@InterfaceType({
  description:
    'An object with a global id (Relay object identification): `Query.node(id:)` reads it again, and clients such as Apollo Client and Relay keep one copy of it by `__typename` and `id`.',
  resolveType: (value: object) => nodeTypeOf(value),
})
export abstract class Node {
  @Field(() => ID, { description: NODE_ID_DESCRIPTION })
  id!: string;
}
