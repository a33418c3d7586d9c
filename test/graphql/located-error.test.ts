import { buildSchema, graphql, GraphQLError, locatedError, type GraphQLResolveInfo } from 'graphql';
import { DEMO_TOKENS } from '../../src/demo/demo-tokens';
import { WIDE } from '../../src/demo/sample-wide';
import { UpstreamLimitError } from '../../src/kube/errors';
import { locatedAt } from '../../src/graphql/located-error';
import { startHarness } from '../helpers/gateway-harness';

/** The info and located errors of the field `b` of `{ a { b } }`, failing with `error`. */
async function failingField(error: Error): Promise<{ info: GraphQLResolveInfo; fromGraphQL: GraphQLError }> {
  const schema = buildSchema('type A { b: String } type Query { a: A }');
  let info: GraphQLResolveInfo | undefined;
  const result = await graphql({
    schema,
    source: '{\n  a {\n    b\n  }\n}',
    rootValue: { a: {} },
    fieldResolver: (source, _args, _context, fieldInfo) => {
      if (fieldInfo.fieldName !== 'b') return (source as Record<string, unknown>)[fieldInfo.fieldName];
      info = fieldInfo;
      throw error;
    },
  });
  return { info: info!, fromGraphQL: result.errors![0]! };
}

describe('locatedAt', () => {
  test('makes the error graphql-js would locate, with the same message, locations, path, extensions and original error', async () => {
    const error = new UpstreamLimitError('MAX_UPSTREAM_CALLS', 3, 3, 'Upstream call limit of 3 reached');
    const { info, fromGraphQL } = await failingField(error);
    const located = locatedAt(error, info);
    expect(located).toBeInstanceOf(GraphQLError);
    expect(located.toJSON()).toEqual(fromGraphQL.toJSON());
    expect(located.toJSON()).toEqual({ message: 'Upstream call limit of 3 reached', locations: [{ line: 3, column: 5 }], path: ['a', 'b'] });
    expect(located.originalError).toBe(error);
    expect(Object.keys(located)).toEqual(Object.keys(locatedError(error, info.fieldNodes, ['a', 'b'])));
  });

  test('captures no stack of its own, so none is formatted', async () => {
    const { info } = await failingField(new Error('boom'));
    expect(Object.getOwnPropertyDescriptor(locatedAt(new Error('boom'), info), 'stack')).toBeUndefined();
  });

  test('takes an error that is already located as it is', async () => {
    const { info, fromGraphQL } = await failingField(new Error('boom'));
    expect(locatedAt(fromGraphQL, info)).toBe(fromGraphQL);
  });
});

test('a request past its call budget over a 600-entry history formats no stack trace, and each failed field has its own path', async () => {
  const harness = await startHarness({ demo: { wide: { historyLength: 600 }, tokens: DEMO_TOKENS }, server: { limits: { maxUpstreamCalls: 20 } } });
  const formatted: string[] = [];
  const original = Error.prepareStackTrace;
  Error.prepareStackTrace = (error, frames) => {
    formatted.push((error as Error).name);
    return original ? original(error, frames) : String(error);
  };
  try {
    const query = `{ imageStream(namespace: "${WIDE.namespace}", name: "${WIDE.stream}") { tag(name: "${WIDE.tag}") { items { imageStreamImage { metadata { name } } } } } }`;
    const { body } = await harness.graphql(query);
    const failed = body.errors ?? [];
    expect(failed.map((e) => e.extensions?.code)).toEqual(Array(581).fill('UPSTREAM_CALL_LIMIT_EXCEEDED'));
    expect(new Set(failed.map((e) => JSON.stringify(e.path))).size).toBe(581);
    // The stream and 19 images are the 20 calls; every entry from the 20th on failed.
    const failedEntries = failed.map((e) => e.path?.[3] as number).sort((a, b) => a - b);
    expect(failedEntries).toEqual(Array.from({ length: 581 }, (_, i) => 19 + i));
    expect(failed[0]?.path).toEqual(['imageStream', 'tag', 'items', failedEntries.find((entry) => entry === failed[0]?.path?.[3]), 'imageStreamImage']);
    expect(formatted).toEqual([]);
  } finally {
    Error.prepareStackTrace = original;
    await harness.stop();
  }
});
