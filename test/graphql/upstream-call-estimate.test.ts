import { Kind, parse, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { buildGatewaySchema } from '../../src/graphql/build-gateway-schema';
import { estimateUpstreamCalls } from '../../src/graphql/limits/upstream-call-estimate';

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
});
