import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGatewaySchema } from '../../src/graphql/build-gateway-schema';
import { printGatewaySchema } from '../../src/graphql/print-gateway-schema';

test('schema/schema.graphql is exactly what the code builds (run `npm run schema` after a schema change)', async () => {
  const committed = readFileSync(join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8');
  expect(printGatewaySchema(await buildGatewaySchema())).toBe(committed);
});

// Argument order is not part of a GraphQL signature (arguments are passed by name), so the
// arguments are compared sorted.
test('the query fields and arguments clients depend on are in the schema', async () => {
  const query = (await buildGatewaySchema()).getQueryType()?.getFields() ?? {};
  const signature = (name: string) => {
    const field = query[name];
    return field && `${[...field.args].sort((a, b) => a.name.localeCompare(b.name)).map((a) => `${a.name}: ${a.type.toString()}${a.defaultValue !== undefined ? ` = ${String(a.defaultValue)}` : ''}`).join(', ')} -> ${field.type.toString()}`;
  };
  expect(signature('imageStreamImage')).toBe('name: String!, namespace: String! -> ImageStreamImage');
  expect(signature('imageStream')).toBe('name: String!, namespace: String! -> ImageStream');
  expect(signature('imageStreams')).toBe('after: String, first: Int = 50, namespace: String! -> ImageStreamConnection!');
  expect(signature('imageStreamTag')).toBe('name: String!, namespace: String! -> ImageStreamTag');
  expect(signature('image')).toBe('name: String! -> Image');
});
