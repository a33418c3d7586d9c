import {
  getNamedType,
  isCompositeType,
  Kind,
  valueFromAST,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** Fields that cost one upstream call each time they are resolved. */
export const NAVIGATION_FIELDS = new Set([
  'Query.imageStreamImage',
  'Query.imageStream',
  'Query.imageStreams',
  'Query.imageStreamTag',
  'Query.image',
  'TagEvent.imageStreamImage',
  'Manifest.imageStreamImage',
  'ImageStreamImage.imageStream',
]);

/** Fields whose selections repeat once per item of a page of `first` items. */
const PAGED_FIELDS: Record<string, { argument: string; fallback: number }> = {
  'Query.imageStreams': { argument: 'first', fallback: 50 },
};

/**
 * An estimate of the upstream calls an operation can cause, before any is made: every navigation
 * field counts one call, times the `first` of each paged list above it. Lists the API does not
 * page (tags, history items, manifests) count once: their lengths are not known in advance, and
 * loaders fetch what they share once.
 */
export function estimateUpstreamCalls(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> = {},
): number {
  const root = operation.operation === 'query' ? schema.getQueryType() : null;
  if (!root) return 0;

  const walk = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, multiplier: number, seen: Set<string>): number => {
    let calls = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments[selection.name.value];
        // A fragment cycle is refused by validation; guard anyway so the estimate always ends.
        if (!fragment || seen.has(fragment.name.value)) continue;
        const type = schema.getType(fragment.typeCondition.name.value);
        if (type && isCompositeType(type)) {
          calls += walk(fragment.selectionSet, type, multiplier, new Set([...seen, fragment.name.value]));
        }
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (type && isCompositeType(type)) calls += walk(selection.selectionSet, type, multiplier, seen);
        continue;
      }
      if (!('getFields' in parent)) continue;
      const field = parent.getFields()[selection.name.value];
      if (!field) continue;
      const key = `${parent.name}.${field.name}`;
      if (NAVIGATION_FIELDS.has(key)) calls += multiplier;
      let inner = multiplier;
      const paged = PAGED_FIELDS[key];
      if (paged) {
        const argument = selection.arguments?.find((a) => a.name.value === paged.argument);
        const definition = field.args.find((a) => a.name === paged.argument);
        const value = argument && definition ? valueFromAST(argument.value, definition.type, variables) : undefined;
        inner = multiplier * (typeof value === 'number' && value > 0 ? value : paged.fallback);
      }
      const type = getNamedType(field.type);
      if (selection.selectionSet && isCompositeType(type)) calls += walk(selection.selectionSet, type, inner, seen);
    }
    return calls;
  };

  return walk(operation.selectionSet, root, 1, new Set());
}
