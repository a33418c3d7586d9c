import { isObjectType, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { buildGatewaySchema } from '../../src/graphql/build-gateway-schema';
import { upstreamCostOf } from '../../src/graphql/limits/upstream-cost';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildGatewaySchema();
});

/** `Type.field` → what the field declares, for every field of the schema that declares a cost. */
function declaredCosts(): Record<string, ReturnType<typeof upstreamCostOf>> {
  const costs: Record<string, ReturnType<typeof upstreamCostOf>> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const cost = upstreamCostOf(field);
      if (Object.keys(cost).length > 0) costs[`${type.name}.${field.name}`] = cost;
    }
  }
  return costs;
}

/**
 * `Type.field` of every resolver method that takes the request context: the context is a
 * resolver's only way to the loaders, so these are the fields that may call the API server.
 */
type Target = ReturnType<typeof getMetadataStorage>['params'][number]['target'];

function fieldsWhoseResolversTakeTheContext(): string[] {
  const storage = getMetadataStorage();
  const takesContext = (target: Target, methodName: string) =>
    storage.params.some((param) => param.target === target && param.methodName === methodName && param.kind === 'context');
  const typeName = (target: Target) => storage.objectTypes.find((type) => type.target === target)?.name ?? target.name;
  return [
    ...storage.queries.filter((query) => takesContext(query.target, query.methodName)).map((query) => `Query.${query.schemaName}`),
    ...storage.fieldResolvers
      .filter((resolver) => takesContext(resolver.target, resolver.methodName))
      .map((resolver) => {
        const objectType = resolver.getObjectType?.() ?? resolver.resolverClassMetadata?.getObjectType();
        if (!objectType) throw new Error(`no object type for ${resolver.target.name}.${resolver.methodName}`);
        return `${typeName(objectType as Target)}.${resolver.schemaName}`;
      }),
  ].sort();
}

describe('the upstream cost model, read from the schema', () => {
  test('exactly the navigation fields cost one upstream call each, the unpaged lists none, imageStreams is paged by first and nodes counted by its ids', () => {
    expect(declaredCosts()).toEqual({
      'Query.imageStreamImage': { upstreamCalls: 1 },
      'Query.imageStream': { upstreamCalls: 1 },
      'Query.imageStreams': { upstreamCalls: 1, pagedBy: 'first' },
      'Query.imageStreamTag': { upstreamCalls: 1 },
      'Query.image': { upstreamCalls: 1 },
      'Query.node': { upstreamCalls: 1 },
      'Query.nodes': { upstreamCalls: 1, countedBy: 'ids' },
      'TagEvent.imageStreamImage': { upstreamCalls: 1 },
      'Manifest.imageStreamImage': { upstreamCalls: 1 },
      'ImageStreamImage.imageStream': { upstreamCalls: 1 },
      // One SelfSubjectAccessReview each.
      'ImageStream.viewerCan': { upstreamCalls: 1 },
      'ImageStreamTag.viewerCan': { upstreamCalls: 1 },
      'ImageStreamImage.viewerCan': { upstreamCalls: 1 },
      // Lists the API does not page: no call of their own, their items admitted before they run.
      'ImageStreamStatus.tags': { upstreamCalls: 0 },
      'NamedTagEventList.items': { upstreamCalls: 0 },
      'Image.dockerImageManifests': { upstreamCalls: 0 },
    });
  });

  // A new resolver that takes the context must declare its cost (`upstreamCalls: 0` if it loads
  // nothing), or the budget would let through operations it never counted.
  test('every field whose resolver takes the context, and only such a field, declares upstreamCalls', () => {
    const declared = Object.entries(declaredCosts())
      .filter(([, cost]) => cost.upstreamCalls !== undefined)
      .map(([name]) => name)
      .sort();
    expect(fieldsWhoseResolversTakeTheContext()).toEqual(declared);
    expect(declared).toHaveLength(16);
  });

  test('every paging argument exists and has a page size as its schema default', () => {
    const paging = Object.entries(declaredCosts()).filter(([, cost]) => cost.pagedBy !== undefined);
    const defaults = paging.map(([name, cost]) => {
      const [typeName = '', fieldName = ''] = name.split('.');
      const type = schema.getType(typeName);
      const argument = isObjectType(type) ? type.getFields()[fieldName]?.args.find((a) => a.name === cost.pagedBy) : undefined;
      return [name, argument?.defaultValue];
    });
    expect(defaults).toEqual([['Query.imageStreams', 50]]);
  });

  test('every counting argument exists and is a required list', () => {
    const counting = Object.entries(declaredCosts()).filter(([, cost]) => cost.countedBy !== undefined);
    const types = counting.map(([name, cost]) => {
      const [typeName = '', fieldName = ''] = name.split('.');
      const type = schema.getType(typeName);
      const argument = isObjectType(type) ? type.getFields()[fieldName]?.args.find((a) => a.name === cost.countedBy) : undefined;
      return [name, argument?.type.toString()];
    });
    expect(types).toEqual([['Query.nodes', '[ID!]!']]);
  });
});
