// The limits a query meets at POST /graphql, applied to a subscription's document before it is
// subscribed: tokens while parsing, selections once fragments are expanded, the validation rules
// (depth, aliases, root fields, directives), and the upstream-call budget of one event.
import {
  getOperationAST,
  GraphQLError,
  Kind,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { errorCode } from '../../errors';
import { selectionWalk } from './selection-walk';
import { estimateUpstreamCalls } from './upstream-call-estimate';

export interface SubscriptionLimits {
  maxTokens: number;
  maxSelections: number;
  maxUpstreamCalls: number;
  /** The rules of the query path beyond graphql-js's own (armor's depth and aliases, root fields). */
  rules: readonly ValidationRule[];
}

export interface SubscriptionRequest {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

export interface CheckedSubscription {
  document: DocumentNode;
  operationName?: string;
  variableValues?: Record<string, unknown>;
}

const refusal = (message: string, code: 'GRAPHQL_PARSE_FAILED' | 'GRAPHQL_VALIDATION_FAILED' | 'BAD_REQUEST' | 'BAD_USER_INPUT', extensions: Record<string, unknown> = {}): GraphQLError[] => [
  new GraphQLError(message, { extensions: { code: errorCode(code), ...extensions } }),
];

/** The document ready to subscribe, or the errors that refuse it (each with its code). */
export function checkSubscription(schema: GraphQLSchema, request: SubscriptionRequest, limits: SubscriptionLimits): CheckedSubscription | GraphQLError[] {
  if (typeof request.query !== 'string') return refusal('expected "query" to be a string holding a GraphQL document', 'BAD_REQUEST');
  const variables = request.variables ?? undefined;
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) {
    return refusal('expected "variables" to be an object', 'BAD_REQUEST');
  }
  const operationName = typeof request.operationName === 'string' ? request.operationName : undefined;
  let document: DocumentNode;
  try {
    document = parse(request.query, { maxTokens: limits.maxTokens });
  } catch (error) {
    const message = error instanceof GraphQLError ? error.message : String(error);
    return refusal(/Document contains more th/.test(message) ? `Token limit of ${limits.maxTokens} exceeded (MAX_TOKENS): the document has more tokens.` : message, 'GRAPHQL_PARSE_FAILED');
  }
  const fragments = Object.create(null) as Record<string, FragmentDefinitionNode>;
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  const count = selectionWalk(schema, (name) => (Object.hasOwn(fragments, name) ? fragments[name] : undefined), (field, _parent, walk) => 1 + (field.selectionSet ? walk(field.selectionSet, undefined) : 0));
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const selections = count(definition.selectionSet, undefined);
    if (selections > limits.maxSelections) {
      return refusal(`Maximum selections limit of ${limits.maxSelections} exceeded (MAX_SELECTIONS), found ${selections}.`, 'GRAPHQL_VALIDATION_FAILED');
    }
  }
  const errors = validate(schema, document, [...specifiedRules, ...limits.rules]);
  if (errors.length > 0) {
    return errors.map((error) => new GraphQLError(error.message, { nodes: error.nodes, extensions: { ...error.extensions, code: errorCode('GRAPHQL_VALIDATION_FAILED') } }));
  }
  const operation = getOperationAST(document, operationName);
  if (!operation) return refusal(operationName ? `no operation named "${operationName}" in the document` : 'the document must hold exactly one operation, or name one with operationName', 'BAD_REQUEST');
  if (operation.operation !== 'subscription') {
    return refusal(`this endpoint serves subscriptions; send a ${operation.operation} to POST /graphql`, 'BAD_REQUEST');
  }
  const estimate = estimateUpstreamCalls(schema, operation, fragments, (variables ?? {}) as Record<string, unknown>);
  if (estimate > limits.maxUpstreamCalls) {
    return refusal(
      `Upstream call budget of ${limits.maxUpstreamCalls} exceeded: each event of this subscription could cause about ${estimate} Kubernetes API calls. Ask for fewer navigation fields.`,
      'BAD_USER_INPUT',
      { limit: 'MAX_UPSTREAM_CALLS', estimate },
    );
  }
  return { document, ...(operationName ? { operationName } : {}), ...(variables ? { variableValues: variables as Record<string, unknown> } : {}) };
}
