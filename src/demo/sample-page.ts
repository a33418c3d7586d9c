// The `page` namespace, added only on request (DemoClusterOptions.page): the namespace a
// frontend's image-streams page shows, as a team that builds on shared base images has it. Base
// images are mirrored into more than one stream and builds are promoted by tagging them into
// other streams, so the 31 tags' newest entries are 31 distinct `<stream>@<digest>` names over
// only 19 images: the page query reads the same image through several streams, each stream with
// annotations of its own (which its ImageStreamImage carries). The default sample data never
// includes it (tests count that data).
import { digestFor, uidFor } from './digest';
import { buildImage, RevisionCounter, type LayerRecipe } from './image-builder';
import type { Image, Namespace, ObjectReference } from './image-types';
import type { SampleData } from './sample-data';
import { buildStream, INTERNAL_REGISTRY_HOST, type HistoryEntry, type StreamRecipe, type TagRecipe } from './stream-builder';
import { deepFreeze } from './deep-freeze';

/** What the page namespace holds; the test counts it over HTTP. */
export const PAGE = { namespace: 'page', streams: 20, tags: 31, distinctLatestImages: 19, stream: 'frontend' } as const;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** When the newest build of every line was made; older builds are a day apart. */
const NEWEST_BUILD = Date.UTC(2026, 10, 24, 9, 30, 0);
const REDHAT = 'registry.access.redhat.com/ubi9';
const PUSHED = { 'image.openshift.io/manifestBlobStored': 'true', 'openshift.io/image.managed': 'true' };
const isoSeconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A deterministic size in [min, min + spread) for a layer seed, so layers look unequal. */
function sizeFor(seed: string, min: number, spread: number): number {
  return min + (parseInt(digestFor(`size:${seed}`).slice(7, 15), 16) % spread);
}

type LineName =
  | 'ubi-minimal-9.5'
  | 'ubi-minimal-9.4'
  | 'nodejs-20'
  | 'python-312'
  | 'openjdk-21'
  | 'nginx-124'
  | 'frontend'
  | 'api'
  | 'worker'
  | 'scheduler'
  | 'auth'
  | 'billing'
  | 'reports'
  | 'docs'
  | 'gateway'
  | 'notifier';

/** Builds of one repository; `base` names the line whose newest image it is built on. */
interface Line {
  repository: string;
  /** Build names, newest first: a release suffix for base images, a build number for ours. */
  builds: readonly string[];
  base?: LineName;
  /** Size range of the line's own layer. */
  own: { min: number; spread: number };
  cmd: string[];
  /** Pushed by an OpenShift build into the internal registry (rather than imported). */
  pushed?: boolean;
}

const builtHere = (app: string, builds: number[], base: LineName, own: Line['own'], cmd: string[]): Line => ({
  repository: `${INTERNAL_REGISTRY_HOST}/page/${app}`,
  builds: builds.map(String),
  base,
  own,
  cmd,
  pushed: true,
});

// In dependency order: a line's base comes before it.
const LINES: Record<LineName, Line> = {
  'ubi-minimal-9.5': { repository: `${REDHAT}/ubi-minimal`, builds: ['1736404155', '1733767867', '1731517889'], own: { min: 38_000_000, spread: 1_500_000 }, cmd: ['/bin/bash'] },
  'ubi-minimal-9.4': { repository: `${REDHAT}/ubi-minimal`, builds: ['1729773476', '1727255302'], own: { min: 37_000_000, spread: 1_500_000 }, cmd: ['/bin/bash'] },
  'nodejs-20': { repository: `${REDHAT}/nodejs-20`, builds: ['1736312201', '1733844405', '1731470088'], base: 'ubi-minimal-9.5', own: { min: 61_000_000, spread: 4_000_000 }, cmd: ['/bin/sh', '-c', '$STI_SCRIPTS_PATH/usage'] },
  'python-312': { repository: `${REDHAT}/python-312`, builds: ['1736311050', '1733843390'], base: 'ubi-minimal-9.5', own: { min: 92_000_000, spread: 6_000_000 }, cmd: ['/bin/sh', '-c', '$STI_SCRIPTS_PATH/usage'] },
  'openjdk-21': { repository: `${REDHAT}/openjdk-21-runtime`, builds: ['1736335112', '1733850010', '1731474415'], base: 'ubi-minimal-9.5', own: { min: 128_000_000, spread: 8_000_000 }, cmd: ['/opt/jboss/container/java/run/run-java.sh'] },
  'nginx-124': { repository: `${REDHAT}/nginx-124`, builds: ['1736320077', '1733846001'], base: 'ubi-minimal-9.5', own: { min: 24_000_000, spread: 2_000_000 }, cmd: ['nginx', '-g', 'daemon off;'] },
  frontend: builtHere('frontend', [42, 41, 40], 'nodejs-20', { min: 3_000_000, spread: 900_000 }, ['npm', 'run', 'start']),
  api: builtHere('api', [108, 107, 106], 'openjdk-21', { min: 41_000_000, spread: 2_000_000 }, ['java', '-jar', '/deployments/api.jar']),
  worker: builtHere('worker', [77, 76], 'python-312', { min: 12_000_000, spread: 1_000_000 }, ['python', '-m', 'worker']),
  scheduler: builtHere('scheduler', [15, 14, 13], 'python-312', { min: 6_000_000, spread: 800_000 }, ['python', '-m', 'scheduler']),
  auth: builtHere('auth', [230, 229], 'openjdk-21', { min: 33_000_000, spread: 2_000_000 }, ['java', '-jar', '/deployments/auth.jar']),
  billing: builtHere('billing', [12, 11, 10], 'openjdk-21', { min: 29_000_000, spread: 2_000_000 }, ['java', '-jar', '/deployments/billing.jar']),
  reports: builtHere('reports', [5, 4], 'python-312', { min: 9_000_000, spread: 900_000 }, ['python', '-m', 'reports']),
  docs: builtHere('docs', [88, 87], 'nginx-124', { min: 14_000_000, spread: 1_200_000 }, ['nginx', '-g', 'daemon off;']),
  gateway: builtHere('gateway', [20, 19, 18], 'nodejs-20', { min: 5_000_000, spread: 700_000 }, ['node', 'dist/main.js']),
  notifier: builtHere('notifier', [61, 60], 'nodejs-20', { min: 2_000_000, spread: 500_000 }, ['node', 'dist/notifier.js']),
};

/** A tag's newest entry is build `at` of `line` (0 newest); `depth` entries follow it back. */
interface TagPlan {
  name: string;
  line: LineName;
  at: number;
  depth: 2 | 3;
  /** Where the spec tag comes from; absent for tags that builds push to. */
  from?: 'registry' | { tagOf: string } | { imageOf: LineName };
}

interface StreamPlan {
  name: string;
  annotations: Record<string, string>;
  tags: TagPlan[];
}

const owned = (displayName: string, description: string, owner: string, extra: Record<string, string> = {}) => ({
  'openshift.io/display-name': displayName,
  'openshift.io/description': description,
  'page.example.com/owner': owner,
  ...extra,
});
const vcs = (app: string) => ({ 'app.openshift.io/vcs-uri': `https://git.example.com/page/${app}.git` });

const STREAMS: StreamPlan[] = [
  {
    name: 'ubi9-minimal',
    annotations: owned('UBI 9 minimal', 'Mirror of the Red Hat UBI 9 minimal base image', 'platform', { 'openshift.io/image.dockerRepositoryCheck': '2026-11-24T06:00:00Z' }),
    tags: [
      { name: '9.5', line: 'ubi-minimal-9.5', at: 0, depth: 3, from: 'registry' },
      { name: '9.4', line: 'ubi-minimal-9.4', at: 0, depth: 2, from: 'registry' },
    ],
  },
  {
    name: 'base-runtime',
    annotations: owned('Base runtime', 'The base every Dockerfile of the team starts FROM', 'platform'),
    tags: [
      { name: 'latest', line: 'ubi-minimal-9.5', at: 0, depth: 2, from: { tagOf: 'ubi9-minimal:9.5' } },
      { name: 'previous', line: 'ubi-minimal-9.4', at: 0, depth: 2, from: { tagOf: 'ubi9-minimal:9.4' } },
    ],
  },
  { name: 'nodejs', annotations: owned('Node.js 20', 'Builder image for the Node.js services', 'platform'), tags: [{ name: '20-ubi9', line: 'nodejs-20', at: 0, depth: 3, from: 'registry' }] },
  { name: 'python', annotations: owned('Python 3.12', 'Builder image for the Python services', 'platform'), tags: [{ name: '3.12-ubi9', line: 'python-312', at: 0, depth: 2, from: 'registry' }] },
  { name: 'openjdk', annotations: owned('OpenJDK 21', 'Runtime image for the Java services', 'platform'), tags: [{ name: '21-ubi9', line: 'openjdk-21', at: 0, depth: 3, from: 'registry' }] },
  { name: 'nginx', annotations: owned('NGINX 1.24', 'Static file server', 'platform'), tags: [{ name: '1.24-ubi9', line: 'nginx-124', at: 0, depth: 2, from: 'registry' }] },
  {
    name: 'frontend',
    annotations: owned('Frontend', 'The web console of the shop', 'web', vcs('frontend')),
    tags: [
      { name: 'latest', line: 'frontend', at: 0, depth: 3 },
      { name: 'stable', line: 'frontend', at: 1, depth: 2, from: { imageOf: 'frontend' } },
    ],
  },
  { name: 'frontend-prod', annotations: owned('Frontend (production)', 'What production runs', 'web', { 'page.example.com/environment': 'production' }), tags: [{ name: 'latest', line: 'frontend', at: 1, depth: 2, from: { imageOf: 'frontend' } }] },
  {
    name: 'api',
    annotations: owned('API', 'The public REST API', 'backend', vcs('api')),
    tags: [
      { name: 'latest', line: 'api', at: 0, depth: 3 },
      { name: 'stable', line: 'api', at: 1, depth: 2, from: { imageOf: 'api' } },
    ],
  },
  { name: 'api-prod', annotations: owned('API (production)', 'What production runs', 'backend', { 'page.example.com/environment': 'production' }), tags: [{ name: 'latest', line: 'api', at: 1, depth: 2, from: { imageOf: 'api' } }] },
  { name: 'worker', annotations: owned('Worker', 'Queue consumers', 'backend', vcs('worker')), tags: [{ name: 'latest', line: 'worker', at: 0, depth: 2 }] },
  { name: 'worker-prod', annotations: owned('Worker (production)', 'What production runs', 'backend', { 'page.example.com/environment': 'production' }), tags: [{ name: 'latest', line: 'worker', at: 0, depth: 2, from: { imageOf: 'worker' } }] },
  { name: 'scheduler', annotations: owned('Scheduler', 'Periodic jobs', 'backend', vcs('scheduler')), tags: [{ name: 'latest', line: 'scheduler', at: 0, depth: 3 }] },
  { name: 'auth', annotations: owned('Auth', 'Sign-in and tokens', 'identity', vcs('auth')), tags: [{ name: 'latest', line: 'auth', at: 0, depth: 2 }] },
  { name: 'billing', annotations: owned('Billing', 'Invoices and payments', 'payments', vcs('billing')), tags: [{ name: 'latest', line: 'billing', at: 0, depth: 3 }] },
  { name: 'reports', annotations: owned('Reports', 'Monthly reports', 'payments', vcs('reports')), tags: [{ name: 'latest', line: 'reports', at: 0, depth: 2 }] },
  { name: 'docs', annotations: owned('Docs', 'The documentation site', 'web', vcs('docs')), tags: [{ name: 'latest', line: 'docs', at: 0, depth: 2 }] },
  {
    name: 'gateway',
    annotations: owned('Gateway', 'The edge proxy', 'web', vcs('gateway')),
    tags: [
      { name: 'canary', line: 'gateway', at: 0, depth: 3 },
      { name: 'latest', line: 'gateway', at: 1, depth: 2, from: { imageOf: 'gateway' } },
    ],
  },
  { name: 'notifier', annotations: owned('Notifier', 'E-mail and chat notifications', 'identity', vcs('notifier')), tags: [{ name: 'latest', line: 'notifier', at: 0, depth: 2 }] },
  {
    // One tag per service of the release, each the build that was promoted.
    name: 'release',
    annotations: owned('Release 2026.11', 'The images of the November release', 'release-team', { 'page.example.com/release': '2026.11' }),
    tags: [
      { name: 'api', line: 'api', at: 1, depth: 2, from: { imageOf: 'api' } },
      { name: 'auth', line: 'auth', at: 0, depth: 2, from: { imageOf: 'auth' } },
      { name: 'billing', line: 'billing', at: 0, depth: 2, from: { imageOf: 'billing' } },
      { name: 'frontend', line: 'frontend', at: 1, depth: 2, from: { imageOf: 'frontend' } },
      { name: 'gateway', line: 'gateway', at: 1, depth: 2, from: { imageOf: 'gateway' } },
      { name: 'reports', line: 'reports', at: 0, depth: 2, from: { imageOf: 'reports' } },
      { name: 'worker', line: 'worker', at: 0, depth: 2, from: { imageOf: 'worker' } },
    ],
  },
];

/** Every build of every line, oldest first within a line, so resourceVersions grow with time. */
function buildLines(revisions: RevisionCounter): Map<LineName, Image[]> {
  const built = new Map<LineName, Image[]>();
  // The layers of each line's newest build: what a build on that line inherits (same seeds, same digests).
  const newestLayers = new Map<LineName, LayerRecipe[]>();
  for (const [order, [name, line]] of (Object.entries(LINES) as Array<[LineName, Line]>).entries()) {
    const inherited = line.base ? (newestLayers.get(line.base) ?? []) : [];
    const images: Image[] = [];
    for (let at = line.builds.length - 1; at >= 0; at--) {
      const build = line.builds[at]!;
      const builtAt = NEWEST_BUILD - at * DAY - order * HOUR;
      const own = `${name}-${build}`;
      const layers = [...inherited, { seed: own, size: sizeFor(own, line.own.min, line.own.spread) }];
      if (at === 0) newestLayers.set(name, layers);
      images[at] = buildImage(
        {
          repository: line.repository,
          created: isoSeconds(builtAt + 90_000),
          builtAt: new Date(builtAt).toISOString(),
          layers,
          config: {
            User: '1001',
            Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', ...(line.pushed ? [`OPENSHIFT_BUILD_NAME=${name}-${build}`] : [])],
            Cmd: line.cmd,
            Labels: line.pushed
              ? { 'io.openshift.build.name': `${name}-${build}`, 'io.openshift.build.commit.id': digestFor(`commit:${own}`).slice(7, 47) }
              : { name: line.repository.replace(`${REDHAT}/`, 'ubi9/'), release: build, vendor: 'Red Hat, Inc.' },
          },
          ...(line.pushed ? { annotations: PUSHED } : { author: 'Red Hat, Inc.' }),
        },
        revisions,
      ).image;
    }
    built.set(name, images);
  }
  return built;
}

function planTag(plan: TagPlan, streamIndex: number, built: Map<LineName, Image[]>): TagRecipe {
  const images = built.get(plan.line) ?? [];
  const newest = images[plan.at];
  if (newest === undefined || images.length < plan.at + plan.depth) {
    throw new Error(`page: ${plan.line} has ${images.length} builds, tag ${plan.name} wants ${plan.at + plan.depth}`);
  }
  // Tagged a little after the build, later for streams further down the promotion path.
  const history: HistoryEntry[] = images.slice(plan.at, plan.at + plan.depth).map((image, e) => ({
    image,
    created: isoSeconds(NEWEST_BUILD - (plan.at + e) * DAY + (10 + streamIndex) * 60_000),
    generation: plan.depth - e,
  }));
  const from: ObjectReference | undefined =
    plan.from === undefined
      ? undefined
      : plan.from === 'registry'
        ? { kind: 'DockerImage', name: `${LINES[plan.line].repository}:${/^\d+(\.\d+)*$/.test(plan.name) ? plan.name : 'latest'}` }
        : 'tagOf' in plan.from
          ? { kind: 'ImageStreamTag', name: plan.from.tagOf }
          : { kind: 'ImageStreamImage', name: `${plan.from.imageOf}@${newest.metadata.name}` };
  return {
    name: plan.name,
    ...(from ? { spec: { from, generation: plan.depth, ...(plan.from === 'registry' ? { scheduled: true } : {}) } } : {}),
    history,
  };
}

const built = new WeakMap<SampleData, SampleData>();

/** `base` plus namespace `page` (PAGE): 20 streams, 31 tags, 19 distinct newest images. Built once per base; frozen. */
export function withPageNamespace(base: SampleData): SampleData {
  const cached = built.get(base);
  if (cached) return cached;
  const revisions = new RevisionCounter(Number(base.resourceVersion) + 1);
  const lines = buildLines(revisions);
  const streams = STREAMS.map((plan, index) => {
    const recipe: StreamRecipe = {
      namespace: PAGE.namespace,
      name: plan.name,
      created: isoSeconds(NEWEST_BUILD - 30 * DAY + index * HOUR),
      annotations: plan.annotations,
      labels: { app: plan.name, 'app.kubernetes.io/part-of': 'shop' },
      tags: plan.tags.map((tag) => planTag(tag, index, lines)),
    };
    return buildStream(recipe, revisions);
  });
  const namespace: Namespace = {
    kind: 'Namespace',
    apiVersion: 'v1',
    metadata: {
      name: PAGE.namespace,
      uid: uidFor(`namespace:${PAGE.namespace}`),
      resourceVersion: revisions.take(),
      creationTimestamp: isoSeconds(NEWEST_BUILD - 31 * DAY),
      labels: { 'kubernetes.io/metadata.name': PAGE.namespace },
      annotations: { 'openshift.io/sa.scc.uid-range': '1000700000/10000' },
    },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
  const images = [...lines.values()].flat();
  const byKey = <T>(key: (item: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  const data: SampleData = deepFreeze({
    images: [...base.images, ...images].sort(byKey((image) => image.metadata.name)),
    streams: [...base.streams, ...streams].sort(byKey((s) => `${s.metadata.namespace}/${s.metadata.name}`)),
    namespaces: [...base.namespaces, namespace].sort(byKey((n) => n.metadata.name)),
    resourceVersion: String(revisions.current),
  });
  built.set(base, data);
  return data;
}

