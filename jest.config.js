// swc compiles TypeScript (with the legacy decorators and metadata type-graphql needs) and the
// ESM-only @kubernetes/client-node into CommonJS, so Jest on Node 20 can load both. The OTLP
// exporter's `import('http')` is turned into a require the same way: Jest's CommonJS runtime
// cannot run a dynamic import without --experimental-vm-modules.
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
    module: { type: 'commonjs' },
  },
];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j|mj|cj)s$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(@kubernetes/client-node|@opentelemetry/otlp-exporter-base|openid-client|oauth4webapi|jose|p-limit|yocto-queue)/)'],
  setupFiles: ['reflect-metadata'],
  testTimeout: 20000,
};
