import {
  getNamedType,
  isCompositeType,
  isInputType,
  Kind,
  typeFromAST,
  valueFromAST,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { selectionWalk, type SelectionWalk } from './selection-walk';
import { upstreamCostOf } from './upstream-cost';

/**
 * An estimate of the upstream calls an operation can cause, before any is made, from the costs
 * the schema's fields declare (`upstreamCostOf`): each field's own calls, plus the calls under it
 * times the number of items of a paged field; a field counted by a list argument (`nodes(ids:)`)
 * counts once per item of the list, its own calls included.
 *
 * What it cannot know: lists the API does not page (tags, history items, manifest-list members)
 * count once, since their lengths are known only once fetched; loaders fetching what several
 * paths share once are not credited either, nor are selections that execution merges (a field
 * spread twice) or skips (`@skip`, `@include`): there the estimate errs high. The bound that
 * holds whatever the estimate says is the per-request count of calls enforced as they are made.
 *
 * A page size is the argument's literal, else the variable's value, else the variable's default
 * in the operation, else the argument's default in the schema: as graphql-js will resolve it.
 * A value the resolver will refuse (null, 0) counts as the schema's default.
 */
export function estimateUpstreamCalls(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> = {},
): number {
  // A subscription's selections run once per event: the estimate is of one event.
  const root = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : null;
  if (!root) return 0;
  const values = operationVariables(schema, operation, variables);

  const walk = callWalk(schema, (name) => (Object.hasOwn(fragments, name) ? fragments[name] : undefined), values);
  return walk(operation.selectionSet, root);
}

/** Per field selections, per execution (its variables): the calls under one item. */
const perItem = new WeakMap<readonly FieldNode[], WeakMap<object, number>>();

/**
 * The calls the selections under one item of the list `info`'s field resolves can cause, as the
 * estimate counts them; known once the list is, so a list of 2000 entries can be weighed before
 * its entries' fields run. Made once per field and execution, however many lists it resolves.
 */
export function estimateCallsPerItem(info: GraphQLResolveInfo): number {
  let byExecution = perItem.get(info.fieldNodes);
  if (!byExecution) perItem.set(info.fieldNodes, (byExecution = new WeakMap()));
  const known = byExecution.get(info.variableValues);
  if (known !== undefined) return known;
  const type = getNamedType(info.returnType);
  let calls = 0;
  if (isCompositeType(type)) {
    const walk = callWalk(info.schema, (name) => (Object.hasOwn(info.fragments, name) ? info.fragments[name] : undefined), info.variableValues);
    for (const node of info.fieldNodes) if (node.selectionSet) calls += walk(node.selectionSet, type);
  }
  byExecution.set(info.variableValues, calls);
  return calls;
}

/**
 * The walk that sums calls: every term is a field's own calls or the calls under it times a page
 * size, so a fragment's estimate does not depend on where it is spread, and the walk sums each
 * fragment once.
 */
function callWalk(schema: GraphQLSchema, fragment: (name: string) => FragmentDefinitionNode | undefined, values: Record<string, unknown>): SelectionWalk {
  return selectionWalk(schema, fragment, (selection, parent, walkInside) => {
    // Unions have no fields to cost but __typename.
    if (!parent || !('getFields' in parent)) return 0;
    const field = parent.getFields()[selection.name.value];
    if (!field) return 0;
    const cost = upstreamCostOf(field);
    const type = getNamedType(field.type);
    const inside = selection.selectionSet && isCompositeType(type) ? walkInside(selection.selectionSet, type) : 0;
    if (cost.countedBy) return listLength(field, selection, cost.countedBy, values) * ((cost.upstreamCalls ?? 0) + inside);
    const items = cost.pagedBy ? pageSize(field, selection, cost.pagedBy, values) : 1;
    return (cost.upstreamCalls ?? 0) + items * inside;
  });
}

/** The operation's variables as execution will see them: the request's, else the defaults the operation declares. */
function operationVariables(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown>): Record<string, unknown> {
  // No prototype: a variable may be named `__proto__` or `constructor`.
  const values = Object.create(null) as Record<string, unknown>;
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (Object.hasOwn(variables, name)) {
      values[name] = variables[name];
    } else if (definition.defaultValue) {
      const type = typeFromAST(schema, definition.type);
      if (type && isInputType(type)) values[name] = valueFromAST(definition.defaultValue, type);
    }
  }
  return values;
}

/** The value execution will give the argument `argumentName` of `selection`; undefined when the field has no such argument. */
function argumentValue(field: GraphQLField<unknown, unknown>, selection: FieldNode, argumentName: string, values: Record<string, unknown>): unknown {
  const definition = field.args.find((a) => a.name === argumentName);
  if (!definition) return undefined;
  const argument = selection.arguments?.find((a) => a.name.value === argumentName);
  if (argument?.value.kind === Kind.VARIABLE) {
    const name = argument.value.name.value;
    // graphql-js, too, takes the argument's default for a variable the request does not set.
    return name in values ? values[name] : definition.defaultValue;
  }
  return argument ? valueFromAST(argument.value, definition.type, values) : definition.defaultValue;
}

/**
 * The number of items of a list argument, as input coercion makes them: a single value given
 * for a list is a list of one; a missing or null list is none (validation refuses a missing
 * required one).
 */
function listLength(field: GraphQLField<unknown, unknown>, selection: FieldNode, argumentName: string, values: Record<string, unknown>): number {
  const value = argumentValue(field, selection, argumentName, values);
  if (Array.isArray(value)) return value.length;
  return value === undefined || value === null ? 0 : 1;
}

function pageSize(field: GraphQLField<unknown, unknown>, selection: FieldNode, argumentName: string, values: Record<string, unknown>): number {
  const definition = field.args.find((a) => a.name === argumentName);
  if (!definition) return 1;
  const value = argumentValue(field, selection, argumentName, values);
  if (isPageSize(value)) return value;
  // Without a default the count is unknown; test/graphql/upstream-cost.test.ts requires one.
  return isPageSize(definition.defaultValue) ? definition.defaultValue : 1;
}

const isPageSize = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value > 0;
