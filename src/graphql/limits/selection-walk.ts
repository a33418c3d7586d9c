import {
  isCompositeType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

/**
 * Sums `fieldValue` over the fields of `selectionSet`, read as selections on `parent` (undefined
 * where the document names a type the schema does not have), through inline fragments and
 * fragment spreads.
 */
export type SelectionWalk = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType | undefined) => number;

/**
 * The value of one field selection. A field that looks inside itself calls `walk` on its own
 * selection set, and may scale the result: the walk is then linear in the document only because
 * a fragment's value does not depend on where it is spread, so it must depend on nothing but the
 * field, its parent type and what `walk` returns.
 */
export type FieldValue = (field: FieldNode, parent: GraphQLCompositeType | undefined, walk: SelectionWalk) => number;

/**
 * A walk of one document's selections in which each named fragment is summed once, however often
 * it is spread: `fragment F1 { ...F2 ...F2 }` down 30 levels is 2^30 paths, but 30 fragments.
 * Make one per document (the memo is keyed by fragment name).
 */
export function selectionWalk(
  schema: GraphQLSchema,
  fragment: (name: string) => FragmentDefinitionNode | undefined,
  fieldValue: FieldValue,
): SelectionWalk {
  const sums = new Map<string, number>();
  const inProgress = new Set<string>();

  const typeNamed = (name: string): GraphQLCompositeType | undefined => {
    const type = schema.getType(name);
    return type && isCompositeType(type) ? type : undefined;
  };

  const fragmentSum = (name: string): number => {
    const known = sums.get(name);
    if (known !== undefined) return known;
    const definition = fragment(name);
    // A fragment cycle is refused by validation, but rules and plugins may see the document
    // before or without that verdict: a fragment met again inside itself adds nothing.
    if (!definition || inProgress.has(name)) return 0;
    inProgress.add(name);
    const sum = walk(definition.selectionSet, typeNamed(definition.typeCondition.name.value));
    inProgress.delete(name);
    sums.set(name, sum);
    return sum;
  };

  const walk: SelectionWalk = (selectionSet, parent) => {
    let sum = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) sum += fieldValue(selection, parent, walk);
      else if (selection.kind === Kind.FRAGMENT_SPREAD) sum += fragmentSum(selection.name.value);
      else sum += walk(selection.selectionSet, selection.typeCondition ? typeNamed(selection.typeCondition.name.value) : parent);
    }
    return sum;
  };

  return walk;
}
