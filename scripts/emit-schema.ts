// `npm run schema`: writes the SDL the code builds to schema/schema.graphql, which is committed
// so reviewers and clients see schema changes; a test fails when the two differ.
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGatewaySchema } from '../src/graphql/build-gateway-schema';
import { printGatewaySchema } from '../src/graphql/print-gateway-schema';

async function main(): Promise<void> {
  const target = join(__dirname, '..', '..', 'schema', 'schema.graphql');
  writeFileSync(target, printGatewaySchema(await buildGatewaySchema()));
  console.log(`wrote ${target}`);
}

void main();
