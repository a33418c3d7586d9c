// The import direction of DESIGN.md, enforced rather than remembered:
// openshift, config <- kube <- upstream <- loaders <- context <- graphql/rest/live <- server <- main; demo stands alone.
// telemetry (OpenTelemetry's setup and the gateway's span vocabulary) imports nothing of src/; upstream, server and main use it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importPlugin from 'eslint-plugin-import';

// `except` paths are relative to `from`.
const zone = (target, from, message, except) => ({ target, from, message, ...(except ? { except } : {}) });

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/generated/**', 'tmp-scratch/**'] },
  js.configs.recommended,
  { files: ['**/*.js', '**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', process: 'readonly' } } },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { import: importPlugin },
    settings: {
      'import/resolver': { typescript: { project: './tsconfig.json' }, node: true },
      'import/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    rules: {
      'import/no-cycle': 'error',
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            zone('./src', './test', 'src/ never imports test/.'),
            zone('./src', './bench', 'src/ never imports bench/.'),
            zone('./src/demo', './src', 'src/demo stands in for the outside world: it imports nothing else from src/ but openshift/.', ['./demo', './openshift']),
            zone('./src/openshift', './src', 'openshift/ is OpenShift\'s wire behaviour, shared by the gateway and the demo: it imports nothing else from src/.', ['./openshift']),
            zone('./src/config', './src', 'config/ imports nothing else in src/.', ['./config']),
            zone('./src/kube', './src', 'kube/ may import only config/ (types), openshift/ and itself.', ['./kube', './config', './openshift']),
            zone('./src/telemetry', './src', 'telemetry/ imports nothing else from src/: it is OpenTelemetry\'s setup, used by upstream/, server and main.', ['./telemetry']),
            zone('./src/upstream', './src', 'upstream/ may import only kube/, openshift/, telemetry/ and itself.', ['./upstream', './kube', './config', './openshift', './telemetry']),
            zone('./src/loaders', './src', 'loaders/ may import only upstream/, kube/, openshift/ and itself.', ['./loaders', './upstream', './kube', './config', './openshift']),
            zone('./src/errors.ts', './src', 'errors.ts may import only kube/errors.ts, kube/types.ts (types) and openshift/.', ['./errors.ts', './kube/errors.ts', './kube/types.ts', './openshift']),
            zone('./src/context.ts', './src', 'context.ts may import loaders/, upstream/, kube/ and errors.ts.', ['./context.ts', './loaders', './upstream', './kube', './config', './errors.ts', './request-report.ts']),
            zone('./src/request-report.ts', './src', 'request-report.ts may import only errors.ts.', ['./request-report.ts', './errors.ts', './kube/errors.ts', './kube/types.ts']),
            zone('./src/graphql', './src', 'graphql/ may import context, errors, loaders/, kube/ and openshift/.', ['./graphql', './context.ts', './errors.ts', './loaders', './kube', './config', './openshift']),
            zone('./src/live', './src', 'live/ may import context, errors, loaders/, upstream/, kube/ and openshift/.', ['./live', './context.ts', './errors.ts', './loaders', './upstream', './kube', './config', './openshift', './request-report.ts']),
            zone('./src/explorer', './src', 'explorer/ may import only config/ (types) and itself.', ['./explorer', './config']),
            zone('./src/rest', './src', 'rest/ may import context, errors, loaders/, kube/ and openshift/.', ['./rest', './context.ts', './errors.ts', './loaders', './kube', './config', './openshift']),
            zone('./src', './src/main.ts', 'main.ts is the process entry; nothing imports it.'),
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
