import { ApolloServer } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { Context } from '../../src/context';
import { buildGatewaySchema } from '../../src/graphql/build-gateway-schema';
import { upstreamCallBudgetPlugin } from '../../src/graphql/limits/upstream-call-budget.plugin';
import { DEFAULT_LIMITS } from '../../src/server';

let schema: GraphQLSchema;
let apollo: ApolloServer<Context>;
beforeAll(async () => {
  schema = await buildGatewaySchema();
  apollo = new ApolloServer<Context>({ schema, plugins: [upstreamCallBudgetPlugin(DEFAULT_LIMITS.maxUpstreamCalls)] });
  await apollo.start();
});
afterAll(async () => {
  await apollo?.stop();
});

// An empty namespace: an operation the budget lets through is answered without a cluster.
const contextValue = {
  loaders: { imageStreamPage: async () => ({ list: { metadata: {}, items: [] }, cut: false }) },
} as unknown as Context;

async function errorsOf(query: string, variables?: Record<string, unknown>) {
  const response = await apollo.executeOperation({ query, variables }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult.errors ?? [];
}

const PAGED_WITH_DEFAULT = (n: number) =>
  `query($n: Int = ${n}) { imageStreams(namespace: "x", first: $n) { edges { node { status { tags { latest { imageStreamImage { metadata { name } } } } } } } } }`;

describe('upstreamCallBudgetPlugin at the default limit of 500', () => {
  test('refuses a variable default of 500 items with a navigation field each, estimated at 501', async () => {
    expect(DEFAULT_LIMITS.maxUpstreamCalls).toBe(500);
    const errors = await errorsOf(PAGED_WITH_DEFAULT(500));
    expect(errors.map((error) => error.message)).toEqual([
      'Upstream call budget of 500 exceeded: this operation could cause about 501 Kubernetes API calls. Ask for fewer items (first) or fewer navigation fields per item.',
    ]);
    expect(errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'MAX_UPSTREAM_CALLS', estimate: 501 });
  });

  test('accepts a variable default of 2 items, and the request\'s value overrides a default of 500', async () => {
    expect(await errorsOf(PAGED_WITH_DEFAULT(2))).toEqual([]);
    expect(await errorsOf(PAGED_WITH_DEFAULT(500), { n: 2 })).toEqual([]);
  });

  test('follows fragments named like properties of Object.prototype', async () => {
    const query = `
      query { imageStreams(namespace: "x", first: 500) { edges { node { ...constructor ...__proto__ } } } }
      fragment constructor on ImageStream { metadata { name } }
      fragment __proto__ on ImageStream { status { tags { latest { imageStreamImage { metadata { name } } } } } }`;
    const errors = await errorsOf(query);
    expect(errors[0]?.extensions).toMatchObject({ limit: 'MAX_UPSTREAM_CALLS', estimate: 501 });
  });
});
