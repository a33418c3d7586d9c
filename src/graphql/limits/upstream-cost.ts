import type { GraphQLField } from 'graphql';

/**
 * What resolving a field costs in Kubernetes API calls, declared on the field itself as
 * type-graphql extensions (`@Extensions({ upstreamCalls: 1 })`) so the estimate reads the schema
 * rather than a list of names that must be kept in step with the resolvers.
 */
export interface UpstreamCost {
  /** Calls one resolution of the field can make (one load through the request's loaders). */
  upstreamCalls?: number;
  /**
   * The argument that sets how many items the field answers; the selections under the field
   * then count once per item. Its default in the schema is the count when a request gives none.
   */
  pagedBy?: string;
  /**
   * The list argument whose length sets how many times the field counts, its own calls included:
   * a field that loads one object per id costs what that many fields would.
   */
  countedBy?: string;
}

/** The cost a field declares; an empty cost for fields that make no call and repeat nothing. */
export function upstreamCostOf(field: GraphQLField<unknown, unknown>): UpstreamCost {
  const { upstreamCalls, pagedBy, countedBy } = field.extensions as UpstreamCost;
  return {
    ...(typeof upstreamCalls === 'number' ? { upstreamCalls } : {}),
    ...(typeof pagedBy === 'string' ? { pagedBy } : {}),
    ...(typeof countedBy === 'string' ? { countedBy } : {}),
  };
}
