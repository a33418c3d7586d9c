import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';

const HEADER = '# Generated from the type-graphql classes in src/graphql by `npm run schema`. Do not edit.\n\n';

/** The committed SDL: sorted, so a diff shows what changed rather than where a class moved. */
export function printGatewaySchema(schema: GraphQLSchema): string {
  return `${HEADER}${printSchema(lexicographicSortSchema(schema))}\n`;
}
