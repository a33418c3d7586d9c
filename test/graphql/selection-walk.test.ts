import { Kind, parse, type FragmentDefinitionNode, type GraphQLObjectType, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { buildGatewaySchema } from '../../src/graphql/build-gateway-schema';
import { selectionWalk, type FieldValue } from '../../src/graphql/limits/selection-walk';
import { doublingFragments } from '../helpers/doubling-fragments';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildGatewaySchema();
});

/** The walk's sum over the document's first operation, and the parent type of every field it was asked about. */
function walkDocument(query: string, fieldValue: FieldValue): { sum: number; visited: string[] } {
  const document = parse(query);
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation) throw new Error('no operation');
  const visited: string[] = [];
  const walk = selectionWalk(schema, (name) => fragments.get(name), (field, parent, inside) => {
    visited.push(`${parent?.name ?? '?'}.${field.name.value}`);
    return fieldValue(field, parent, inside);
  });
  return { sum: walk(operation.selectionSet, schema.getQueryType() ?? undefined), visited };
}

describe('selectionWalk', () => {
  test('asks about each field of a fragment doubled 30 levels deep once, and counts each 2^30 times', () => {
    const query = doublingFragments(30, 'Query', 'a: __typename b: __typename', (spread) => `{ ${spread} }`);
    const { sum, visited } = walkDocument(query, () => 1);
    expect(sum).toBe(2 ** 31);
    expect(visited).toEqual(['Query.__typename', 'Query.__typename']);
  }, 2000);

  test('reads a fragment on its type condition, an inline fragment on its own or its parent\'s type', () => {
    const query = `
      { imageStream(namespace: "n", name: "s") { ...M ... { status { __typename } } ... on ImageStream { spec { __typename } } } }
      fragment M on ObjectMeta { name }`;
    const { visited } = walkDocument(query, (field, parent, inside) =>
      parent?.name === 'Query' && field.selectionSet ? inside(field.selectionSet, schema.getType('ImageStream') as GraphQLObjectType) : 1,
    );
    expect(visited).toEqual(['Query.imageStream', 'ObjectMeta.name', 'ImageStream.status', 'ImageStream.spec']);
  });

  test('gives a fragment on a type the schema does not have an undefined parent', () => {
    const { sum, visited } = walkDocument('{ ...X } fragment X on Nope { a }', () => 1);
    expect({ sum, visited }).toEqual({ sum: 1, visited: ['?.a'] });
  });
});
