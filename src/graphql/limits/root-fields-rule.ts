import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';
import { selectionWalk } from './selection-walk';

/** Refuses operations with more than `max` top-level fields (fragments at the root included). */
export function rootFieldsRule(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    // Selections are counted, not the response keys execution merges them into: a field spread
    // twice counts twice. Each fragment is summed once per document, so fragments that double
    // at each level cost their number to count, not the 2^n fields they reach.
    const count = selectionWalk(context.getSchema(), (name) => context.getFragment(name) ?? undefined, () => 1);
    return {
      OperationDefinition(operation) {
        const fields = count(operation.selectionSet, undefined);
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
