// The Containerfile, linted and read fact by fact. hadolint is not packaged by Debian, so the
// syntax is checked by dockerfile-utils (the validator behind editors' Dockerfile support) and the
// rules the image must keep are checked here on dockerfile-ast's parse. Building the image needs
// the base images' registry, which this machine cannot reach: these checks are what runs here.
import fs from 'node:fs';
import path from 'node:path';
import type { V1Container } from '@kubernetes/client-node';
import { DockerfileParser, type Copy, type Dockerfile, type ImageTemplate } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { CONFIG_VARIABLES, loadConfig } from '../../src/config';
import { DEPLOY_DIR, REPO_ROOT, renderKustomization, whyNoKustomize } from './render-kustomization';

const text = fs.readFileSync(path.join(REPO_ROOT, 'Containerfile'), 'utf8');
const containerfile: Dockerfile = DockerfileParser.parse(text);
const stages = containerfile.getFROMs();
/** Each stage, found as the image that holds its FROM line. */
const stageImages: ImageTemplate[] = stages.map((from) => {
  const stage = containerfile.getContainingImage(from.getRange().start);
  if (!stage) throw new Error(`Containerfile: no stage holds the FROM at line ${from.getRange().start.line + 1}`);
  return stage;
});
const finalStage = stageImages[stageImages.length - 1]!;
const WORKDIR = '/opt/app-root/src';

const flagOf = (instruction: Copy, name: string) => instruction.getFlags().find((flag) => flag.getName() === name)?.getValue() ?? null;
const keywordsOf = (stage: ImageTemplate) => stage.getInstructions().map((instruction) => instruction.getKeyword());
const argumentsOf = (stage: ImageTemplate, keyword: string) =>
  stage
    .getInstructions()
    .filter((instruction) => instruction.getKeyword() === keyword)
    .map((instruction) => instruction.getArgumentsContent() ?? '');

test('passes dockerfile-utils validation with no diagnostic', () => {
  expect(validate(text)).toEqual([]);
});

test('the validator is live: a broken EXPOSE is reported', () => {
  expect(validate('FROM scratch\nEXPOSE 4000/tcpx\n').map((diagnostic) => diagnostic.message)).toEqual(['Invalid proto: tcpx']);
});

test('builds in two stages from Red Hat\'s maintained UBI 9 Node.js 20 images, each with a version tag', () => {
  expect(stages.map((from) => [from.getRegistry(), from.getImageName(), from.getImageTag(), from.getBuildStage()])).toEqual([
    ['registry.access.redhat.com', 'ubi9/nodejs-20', '9.7', 'builder'],
    ['registry.access.redhat.com', 'ubi9/nodejs-20-minimal', '9.7', null],
  ]);
});

test('the builder installs every dependency and compiles; the final stage installs production dependencies only', () => {
  expect(argumentsOf(stageImages[0]!, 'RUN')).toEqual(['npm ci --ignore-scripts --no-audit --no-fund', 'npm run build']);
  expect(argumentsOf(finalStage, 'RUN')).toEqual(['npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force']);
});

test('the final stage takes only the compiled gateway from the builder', () => {
  const copies = finalStage.getCOPYs().map((copy) => [flagOf(copy, 'from'), copy.getArgumentsContent()]);
  expect(copies).toEqual([
    [null, 'package.json package-lock.json ./'],
    ['builder', `${WORKDIR}/dist/package.json ./dist/package.json`],
    ['builder', `${WORKDIR}/dist/src ./dist/src`],
  ]);
  // Owned by 1001 in group 0: readable by OpenShift's arbitrary user ids, which are in group 0.
  expect(finalStage.getCOPYs().map((copy) => flagOf(copy, 'chown'))).toEqual([
    '1001:0',
    '1001:0',
    '1001:0',
  ]);
  expect(argumentsOf(finalStage, 'WORKDIR')).toEqual([WORKDIR]);
});

test('every file outside src/ that src/ imports is in what the final stage copies', () => {
  // tsc writes src/ to dist/src/ and a JSON file it imports from outside src/ to dist/ likewise.
  const copied = finalStage
    .getCOPYs()
    .filter((copy) => flagOf(copy, 'from') === 'builder')
    .map((copy) => path.posix.relative(WORKDIR, copy.getArguments()[0]?.getValue() ?? ''));
  const outside = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (file.endsWith('.ts')) {
        for (const match of fs.readFileSync(file, 'utf8').matchAll(/(?:from |import\()'(\.{1,2}\/[^']+)'/g)) {
          const target = path.relative(REPO_ROOT, path.resolve(path.dirname(file), match[1]!));
          if (!target.startsWith(`src${path.sep}`)) outside.add(target);
        }
      }
    }
  };
  walk(path.join(REPO_ROOT, 'src'));
  expect([...outside]).toEqual(['package.json']);
  const covered = (file: string) => copied.some((root) => `dist/${file}` === root || `dist/${file}`.startsWith(`${root}/`));
  expect([...outside, 'src/main.ts'].map((file) => [file, covered(file.replace(/\.ts$/, '.js'))])).toEqual([
    ['package.json', true],
    ['src/main.ts', true],
  ]);
});

test('runs as the numeric non-root user 1001', () => {
  expect(argumentsOf(finalStage, 'USER')).toEqual(['1001']);
});

test('has no HEALTHCHECK: the Deployment\'s probes check health', () => {
  expect(stageImages.flatMap((stage) => keywordsOf(stage)).filter((keyword) => keyword === 'HEALTHCHECK')).toEqual([]);
});

test('EXPOSEs 4000, the port the gateway listens on by default', () => {
  expect(argumentsOf(finalStage, 'EXPOSE')).toEqual(['4000']);
  expect(loadConfig({}).port).toBe(4000);
});

test('sets NODE_ENV=production, and no variable the gateway does not read', () => {
  const env = finalStage.getENVs().flatMap((instruction) => instruction.getProperties().map((property) => [property.getName(), property.getValue()]));
  expect(env).toEqual([['NODE_ENV', 'production']]);
  for (const [name] of env) expect(CONFIG_VARIABLES.map((variable) => variable.name)).toContain(name);
});

test('starts node on dist/src/main.js in exec form: no npm, which would build and write its logs', () => {
  expect(finalStage.getCMDs().map((cmd) => cmd.getJSONStrings().map((argument) => argument.getJSONValue()))).toEqual([['node', 'dist/src/main.js']]);
  expect(finalStage.getENTRYPOINTs()).toEqual([]);
  expect(stageImages.flatMap((stage) => keywordsOf(stage)).filter((keyword) => keyword === 'VOLUME')).toEqual([]);
});

test('.dockerignore keeps local builds, dependencies, history and secrets out of the build context', () => {
  const ignored = fs
    .readFileSync(path.join(REPO_ROOT, '.dockerignore'), 'utf8')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'));
  expect(ignored).toEqual(expect.arrayContaining(['.git', 'node_modules', 'dist', '.env', '.env.*', '**/.kube']));
  // What the builder compiles must stay in the context.
  for (const needed of ['src', 'test', 'bench', 'scripts', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json']) {
    expect([needed, ignored.includes(needed)]).toEqual([needed, false]);
  }
});

const noKustomize = whyNoKustomize();
if (noKustomize) console.warn(`test/deploy/containerfile.test.ts: the Deployment is not compared with the image (${noKustomize})`);
(noKustomize ? describe.skip : describe)('the image and the Deployment', () => {
  let container: V1Container;
  beforeAll(() => {
    container = renderKustomization(path.join(DEPLOY_DIR, 'base')).container;
  });

  test('the Deployment runs the image\'s command, with a heap flag for node', () => {
    const cmd = finalStage.getCMDs()[0]!.getJSONStrings().map((argument) => argument.getJSONValue());
    const command = container.command ?? [];
    expect(command.filter((arg) => !arg.startsWith('--max-old-space-size='))).toEqual(cmd);
  });

  test('the container port is the port the image EXPOSEs', () => {
    expect(container.ports?.map((port) => String(port.containerPort))).toEqual(argumentsOf(finalStage, 'EXPOSE'));
  });
});
