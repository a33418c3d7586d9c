import { GraphQLError, Kind, type ASTVisitor, type SelectionSetNode, type ValidationContext } from 'graphql';

/** Refuses operations with more than `max` top-level fields (fragments at the root included). */
export function rootFieldsRule(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    const count = (selectionSet: SelectionSetNode, seen: Set<string>): number =>
      selectionSet.selections.reduce((total, selection) => {
        if (selection.kind === Kind.FIELD) return total + 1;
        if (selection.kind === Kind.INLINE_FRAGMENT) return total + count(selection.selectionSet, seen);
        const fragment = context.getFragment(selection.name.value);
        if (!fragment || seen.has(fragment.name.value)) return total;
        return total + count(fragment.selectionSet, new Set([...seen, fragment.name.value]));
      }, 0);
    return {
      OperationDefinition(operation) {
        const fields = count(operation.selectionSet, new Set());
        if (fields > max) {
          context.reportError(
            new GraphQLError(`Root field limit of ${max} exceeded, found ${fields}.`, {
              nodes: [operation],
              extensions: { code: 'BAD_USER_INPUT', limit: 'MAX_ROOT_FIELDS' },
            }),
          );
        }
      },
    };
  };
}
