import { parse, validate, type GraphQLSchema } from 'graphql';
import { buildGatewaySchema } from '../../src/graphql/build-gateway-schema';
import { rootFieldsRule } from '../../src/graphql/limits/root-fields-rule';
import { doublingFragments } from '../helpers/doubling-fragments';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildGatewaySchema();
});

// The rule alone: graphql-js's own rules (NoFragmentCycles among them) are not what is tested.
const refusals = (query: string, max = 20): string[] => validate(schema, parse(query), [rootFieldsRule(max)]).map((error) => error.message);

describe('rootFieldsRule', () => {
  test('20 root fields are accepted and 21 refused with the count', () => {
    const fields = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    expect(refusals(fields(20))).toEqual([]);
    expect(refusals(fields(21))).toEqual(['Root field limit of 20 exceeded, found 21.']);
  });

  test('fields of fragments and inline fragments at the root count, fields below the root do not', () => {
    const query = `
      query { ...A ... on Query { c: __typename d: __typename } imageStream(namespace: "n", name: "s") { metadata { name } status { __typename } } }
      fragment A on Query { a: __typename b: __typename }`;
    expect(refusals(query, 4)).toEqual(['Root field limit of 4 exceeded, found 5.']);
  });

  test('a fragment doubled 30 levels deep at the root is refused with its exact count of 2^30 root fields', () => {
    const query = doublingFragments(30, 'Query', '__typename', (spread) => `query { ${spread} }`);
    expect(refusals(query)).toEqual(['Root field limit of 20 exceeded, found 1073741824.']);
  }, 2000);

  test('a fragment doubled 30 levels deep below one root field is one root field', () => {
    const query = doublingFragments(30, 'ImageStream', 'metadata { name }', (spread) => `query { imageStream(namespace: "n", name: "s") { ${spread} } }`);
    expect(refusals(query, 0)).toEqual(['Root field limit of 0 exceeded, found 1.']);
  }, 2000);

  test('a fragment cycle, which validation refuses anyway, counts the fields on it once and ends', () => {
    const query = 'query { ...A } fragment A on Query { ...B a: __typename } fragment B on Query { ...A b: __typename }';
    expect(refusals(query, 0)).toEqual(['Root field limit of 0 exceeded, found 2.']);
  });

  test('each operation of a document is counted on its own', () => {
    const query = 'query One { ...A } query Two { ...A ...A } fragment A on Query { a: __typename b: __typename }';
    expect(refusals(query, 3)).toEqual(['Root field limit of 3 exceeded, found 4.']);
  });
});
