import { Kind, parse, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { buildGatewaySchema } from '../../src/graphql/build-gateway-schema';
import { estimateUpstreamCalls } from '../../src/graphql/limits/upstream-call-estimate';
import { doublingFragments } from '../helpers/doubling-fragments';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildGatewaySchema();
});

function estimate(query: string, variables?: Record<string, unknown>): number {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  if (!operation) throw new Error('no operation');
  return estimateUpstreamCalls(schema, operation, fragments, variables);
}

describe('estimateUpstreamCalls', () => {
  test('counts one call per root field', () => {
    expect(estimate('{ a: imageStream(namespace: "n", name: "a") { metadata { name } } b: image(name: "x") { dockerImageReference } }')).toBe(2);
  });

  test('counts each navigation field under a stream once, whatever the lists between', () => {
    expect(
      estimate('{ imageStream(namespace: "n", name: "a") { status { tags { items { imageStreamImage { imageStream { metadata { name } } } } } } } }'),
    ).toBe(3);
  });

  test('multiplies navigation under imageStreams by first, from a literal or a variable', () => {
    const query = 'query($first: Int) { imageStreams(namespace: "n", first: $first) { edges { node { status { tags { latest { imageStreamImage { image { metadata { name } } } } } } } } } }';
    expect(estimate(query, { first: 100 })).toBe(101);
    expect(estimate(query.replace('query($first: Int) ', '').replace('first: $first', 'first: 7'))).toBe(8);
  });

  test('counts nodes once per id, its own load and the navigation under it, from a literal list or a variable', () => {
    const query = 'query($ids: [ID!]!) { nodes(ids: $ids) { id ... on ImageStream { status { tags { latest { imageStreamImage { metadata { name } } } } } } } }';
    expect(estimate(query, { ids: Array(20).fill('x') })).toBe(20 * 2);
    expect(estimate(query.replace('query($ids: [ID!]!) ', '').replace('$ids', '["a", "b", "c"]'))).toBe(3 * 2);
    // Input coercion makes a single id a list of one.
    expect(estimate(query, { ids: 'x' })).toBe(2);
    expect(estimate('{ node(id: "x") { id ... on ImageStreamImage { imageStream { metadata { name } } } } }')).toBe(2);
  });

  test('takes the default page size of 50 when first is not given', () => {
    expect(estimate('{ imageStreams(namespace: "n") { edges { node { status { tags { latest { imageStreamImage { metadata { name } } } } } } } } }')).toBe(51);
  });

  test('follows fragments and inline fragments', () => {
    const query = `
      query { imageStreams(namespace: "n", first: 10) { edges { node { ...S } } } }
      fragment S on ImageStream { status { tags { items { ... on TagEvent { imageStreamImage { ...I } } } } } }
      fragment I on ImageStreamImage { imageStream { metadata { name } } }`;
    expect(estimate(query)).toBe(1 + 10 * 2);
  });

  test('a fragment doubled 30 levels deep at the root is estimated at exactly 2^30 calls', () => {
    const query = doublingFragments(30, 'Query', 'imageStream(namespace: "n", name: "s") { metadata { name } }', (spread) => `query { ${spread} }`);
    expect(estimate(query)).toBe(2 ** 30);
  }, 2000);

  test('a fragment doubled 30 levels deep under imageStream is estimated at exactly 1 + 2^30 calls', () => {
    const query = doublingFragments(
      30,
      'ImageStream',
      'status { tags { items { imageStreamImage { metadata { name } } } } }',
      (spread) => `query { imageStream(namespace: "n", name: "s") { ${spread} } }`,
    );
    expect(estimate(query)).toBe(1 + 2 ** 30);
  }, 2000);

  test('a fragment spread under a paged field counts once per item wherever else it is spread', () => {
    const query = `
      query { imageStream(namespace: "n", name: "a") { ...S } imageStreams(namespace: "n", first: 10) { edges { node { ...S } } } }
      fragment S on ImageStream { status { tags { latest { imageStreamImage { metadata { name } } } } } }`;
    expect(estimate(query)).toBe(1 + 1 + 1 + 10 * 1);
  });

  test('a fragment cycle, which validation refuses anyway, ends with the calls on it counted once', () => {
    const query = `
      query { imageStream(namespace: "n", name: "a") { ...A } }
      fragment A on ImageStream { ...B status { tags { latest { imageStreamImage { metadata { name } } } } } }
      fragment B on ImageStream { ...A status { tags { items { imageStreamImage { metadata { name } } } } } }`;
    expect(estimate(query)).toBe(3);
  });
});

describe('estimateUpstreamCalls: the page size', () => {
  const paged = (header: string, first: string) =>
    `query${header} { imageStreams(namespace: "x"${first}) { edges { node { status { tags { latest { imageStreamImage { metadata { name } } } } } } } } }`;

  test('is the default of the operation\'s variable when the request sets none: 500', () => {
    expect(estimate(paged('($n: Int = 500)', ', first: $n'))).toBe(1 + 500);
  });

  test('is the default of the operation\'s variable when the request sets none: 2', () => {
    expect(estimate(paged('($n: Int = 2)', ', first: $n'))).toBe(1 + 2);
  });

  test('is the request\'s variable over the operation\'s default', () => {
    expect(estimate(paged('($n: Int = 500)', ', first: $n'), { n: 3 })).toBe(1 + 3);
  });

  test('is the schema\'s default of first, 50, without first, or with a variable that is neither set nor defaulted', () => {
    expect(estimate(paged('', ''))).toBe(1 + 50);
    expect(estimate(paged('($n: Int)', ', first: $n'))).toBe(1 + 50);
  });

  test('is the schema\'s default, 50, for a value the resolver refuses (null or 0)', () => {
    expect(estimate(paged('($n: Int)', ', first: $n'), { n: null })).toBe(1 + 50);
    expect(estimate(paged('', ', first: 0'))).toBe(1 + 50);
  });
});
