// The demo cluster's contents: three namespaces, twelve image streams, fifty-odd images, every
// one derived deterministically (digests are sha256 of the stored documents or of fixed seeds),
// so tests can name them by constant and every start serves the same bytes.
import { digestFor, uidFor } from './digest';
import { RevisionCounter } from './image-builder';
import type { Image, ImageStream, Namespace } from './image-types';
import { bigStream, BIG_STREAM } from './sample-big-stream';
import { BIG_LAYER_SIZE, demoNamespaceImages, openshiftImages, teamAImages } from './sample-images';
import { ubuntuImages, UBUNTU_AMD64_DIGEST, UBUNTU_ARM64_DIGEST, UBUNTU_TWO_PLATFORM_LIST_DIGEST } from './sample-ubuntu';
import { buildStream, historyOf, INTERNAL_REGISTRY_HOST } from './stream-builder';
import { deepFreeze } from './deep-freeze';

export { BIG_STREAM } from './sample-big-stream';
export { BIG_LAYER_SIZE } from './sample-images';

export const NAMESPACES = ['demo', 'openshift', 'team-a'] as const;

export interface SampleData {
  /** Cluster-scoped Image objects, sorted by name. */
  images: readonly Image[];
  /** ImageStreams sorted by namespace, then name (etcd key order). */
  streams: readonly ImageStream[];
  /** Core v1 Namespaces, sorted by name: kubectl reads one to explain a NotFound. */
  namespaces: readonly Namespace[];
  /** The newest resourceVersion handed out; lists report it. */
  resourceVersion: string;
}

const PRUNED_FRONTEND_DIGEST = digestFor('demo/frontend build 1 manifest (pruned)');

function createSampleData() {
  const revisions = new RevisionCounter(482200);
  const os = openshiftImages(revisions);
  const ubuntu = ubuntuImages(revisions);
  const demo = demoNamespaceImages(revisions);
  const teamA = teamAImages(revisions);
  const big = bigStream(revisions);

  const redHatTag = (name: string, repository: string, generation: number, extra: Record<string, string> = {}) => ({
    from: { kind: 'DockerImage', name: `registry.access.redhat.com/ubi9/${repository}:latest` },
    generation,
    annotations: { 'openshift.io/display-name': name, iconClass: 'icon-' + repository.split('-')[0], ...extra },
  });
  const latestOf = (tag: string, generation: number) => ({ from: { kind: 'ImageStreamTag', name: tag }, generation });
  const samplesAnnotations = (displayName: string, checked: string) => ({
    'openshift.io/display-name': displayName,
    'openshift.io/image.dockerRepositoryCheck': checked,
    'openshift.io/provider-display-name': 'Red Hat, Inc.',
    'samples.operator.openshift.io/version': '4.17.12',
  });
  const samplesLabels = { 'samples.operator.openshift.io/managed': 'true' };

  const streams: ImageStream[] = [
    buildStream(
      {
        namespace: 'openshift',
        name: 'wildfly',
        created: '2015-11-05T20:28:34Z',
        annotations: { 'openshift.io/image.dockerRepositoryCheck': '2017-03-20T11:40:02Z' },
        tags: [
          {
            name: '8.1',
            spec: {
              from: { kind: 'DockerImage', name: 'openshift/wildfly-81-centos7:latest' },
              generation: 2,
              annotations: {
                description: 'Build and run Java applications on Wildfly 8.1',
                iconClass: 'icon-wildfly',
                sampleRepo: 'https://github.com/bparees/openshift-jee-sample.git',
                supports: 'wildfly:8.1,jee,java',
                tags: 'builder,wildfly,java',
                version: '8.1',
              },
            },
            history: [{ image: os.wildfly81, created: '2015-11-05T20:28:54Z', generation: 2 }],
          },
          {
            name: '10.1',
            spec: { from: { kind: 'DockerImage', name: 'openshift/wildfly-101-centos7:latest' }, generation: 2 },
            history: [{ image: os.wildfly10, created: '2017-03-20T11:40:02Z', generation: 2 }],
          },
          {
            name: 'latest',
            spec: latestOf('10.1', 2),
            history: historyOf([
              [os.wildfly10, '2017-03-20T11:40:02Z'],
              [os.wildfly81, '2015-11-05T20:28:54Z'],
            ]),
          },
        ],
      },
      revisions,
    ),
    buildStream(
      {
        namespace: 'openshift',
        name: 'python',
        created: '2024-09-10T06:20:00Z',
        annotations: samplesAnnotations('Python', '2025-01-14T18:30:05Z'),
        labels: samplesLabels,
        publicRoute: true,
        tags: [
          { name: '3.11', spec: redHatTag('Python 3.11 (UBI 9)', 'python-311', 3), history: historyOf([[os.python311b, '2024-11-20T06:22:40Z'], [os.python311a, '2024-09-10T06:20:11Z']], 2) },
          { name: '3.12', spec: redHatTag('Python 3.12 (UBI 9)', 'python-312', 3), history: historyOf([[os.python312b, '2025-01-14T18:30:05Z'], [os.python312a, '2024-11-20T06:22:41Z']], 2) },
          { name: 'latest', spec: latestOf('3.12', 3), history: historyOf([[os.python312b, '2025-01-14T18:30:05Z'], [os.python312a, '2024-11-20T06:22:41Z'], [os.python311b, '2024-11-20T06:22:40Z']]) },
        ],
      },
      revisions,
    ),
    buildStream(
      {
        namespace: 'openshift',
        name: 'nodejs',
        created: '2024-06-03T07:00:00Z',
        annotations: samplesAnnotations('Node.js', '2025-01-08T07:03:18Z'),
        labels: samplesLabels,
        tags: [
          {
            name: '18',
            spec: redHatTag('Node.js 18 (UBI 9)', 'nodejs-18', 4, { 'openshift.io/deprecated': 'true' }),
            history: historyOf([[os.nodejs18, '2024-06-03T07:00:12Z']], 3),
            // A later scheduled re-import failed; the old image stays tagged.
            conditions: [
              {
                type: 'ImportSuccess',
                status: 'False',
                lastTransitionTime: '2025-01-08T07:03:16Z',
                reason: 'Unauthorized',
                message: 'you may not have access to the container image "registry.access.redhat.com/ubi9/nodejs-18:latest"',
                generation: 4,
              },
            ],
          },
          { name: '20', spec: redHatTag('Node.js 20 (UBI 9)', 'nodejs-20', 4), history: historyOf([[os.nodejs20b, '2025-01-08T07:03:17Z'], [os.nodejs20a, '2024-10-02T07:01:55Z']], 3) },
          { name: '22', spec: redHatTag('Node.js 22 (UBI 9)', 'nodejs-22', 4), history: historyOf([[os.nodejs22, '2025-01-08T07:03:18Z']], 4) },
          { name: 'latest', spec: latestOf('22', 4), history: historyOf([[os.nodejs22, '2025-01-08T07:03:18Z'], [os.nodejs20b, '2025-01-08T07:03:17Z'], [os.nodejs20a, '2024-10-02T07:01:55Z']], 2) },
        ],
      },
      revisions,
    ),
    buildStream(
      {
        namespace: 'openshift',
        name: 'httpd',
        created: '2024-08-19T05:44:00Z',
        annotations: samplesAnnotations('Apache HTTP Server (httpd)', '2024-12-02T05:45:30Z'),
        labels: samplesLabels,
        tags: [
          { name: '2.4', spec: redHatTag('Apache HTTP Server 2.4 (UBI 9)', 'httpd-24', 2), history: historyOf([[os.httpd2, '2024-12-02T05:45:30Z'], [os.httpd1, '2024-08-19T05:44:09Z']]) },
          { name: 'latest', spec: latestOf('2.4', 2), history: historyOf([[os.httpd2, '2024-12-02T05:45:30Z'], [os.httpd1, '2024-08-19T05:44:09Z']]) },
        ],
      },
      revisions,
    ),
    buildStream(
      {
        namespace: 'demo',
        name: 'ubuntu',
        created: '2024-05-02T09:13:58Z',
        annotations: { 'openshift.io/image.dockerRepositoryCheck': '2024-05-02T09:14:03Z' },
        tags: [
          {
            name: 'bionic',
            spec: { from: { kind: 'DockerImage', name: 'docker.io/library/ubuntu:bionic' }, generation: 2, importMode: 'PreserveOriginal' },
            history: [{ image: ubuntu.twoPlatformList, created: '2024-05-02T09:14:03Z', generation: 2 }],
          },
          {
            name: 'latest',
            spec: { from: { kind: 'DockerImage', name: 'docker.io/library/ubuntu:latest' }, generation: 2, importMode: 'PreserveOriginal' },
            history: [{ image: ubuntu.fourPlatformList, created: '2024-05-02T09:14:03Z', generation: 2 }],
          },
        ],
      },
      revisions,
    ),
    buildStream(
      {
        namespace: 'demo',
        name: 'ruby',
        created: '2024-07-22T10:14:41Z',
        annotations: {
          'kubectl.kubernetes.io/last-applied-configuration':
            '{"apiVersion":"image.openshift.io/v1","kind":"ImageStream","metadata":{"annotations":{},"name":"ruby","namespace":"demo"},"spec":{"tags":[{"from":{"kind":"DockerImage","name":"registry.access.redhat.com/ubi9/ruby-33:latest"},"name":"3.3"}]}}\n',
          'openshift.io/display-name': 'Ruby',
          'openshift.io/image.dockerRepositoryCheck': '2025-01-20T10:17:45Z',
        },
        tags: [
          { name: '3.2', spec: redHatTag('Ruby 3.2 (UBI 9)', 'ruby-32', 1), history: historyOf([[demo.ruby32, '2024-07-22T10:15:00Z']]) },
          { name: '3.3', spec: redHatTag('Ruby 3.3 (UBI 9)', 'ruby-33', 2), history: historyOf([[demo.ruby33b, '2025-01-20T10:17:45Z'], [demo.ruby33a, '2024-10-14T10:16:02Z']]) },
          {
            name: 'latest',
            spec: latestOf('3.3', 3),
            history: historyOf([[demo.ruby33b, '2025-01-20T10:17:45Z'], [demo.ruby33a, '2024-10-14T10:16:02Z'], [demo.ruby32, '2024-07-22T10:15:00Z']]),
          },
        ],
      },
      revisions,
    ),
    buildStream(
      {
        namespace: 'demo',
        name: 'frontend',
        created: '2025-01-29T15:30:12Z',
        annotations: {
          'app.openshift.io/vcs-ref': 'main',
          'app.openshift.io/vcs-uri': 'https://git.example.com/demo/frontend.git?ref=main&path=web',
          'openshift.io/generated-by': 'OpenShiftWebConsole',
        },
        labels: { app: 'frontend', 'app.kubernetes.io/component': 'frontend', 'app.kubernetes.io/part-of': 'storefront' },
        publicRoute: true,
        tags: [
          {
            name: 'latest',
            history: [
              { image: demo.frontend3, created: '2025-02-11T09:02:37Z', generation: 1 },
              { image: demo.frontend2, created: '2025-02-03T13:45:10Z', generation: 1 },
              {
                image: { pruned: PRUNED_FRONTEND_DIGEST, dockerImageReference: `${INTERNAL_REGISTRY_HOST}/demo/frontend@${PRUNED_FRONTEND_DIGEST}` },
                created: '2025-01-29T15:41:09Z',
                generation: 1,
              },
            ],
          },
          {
            name: 'stable',
            spec: { from: { kind: 'ImageStreamImage', name: `frontend@${demo.frontend2.metadata.name}` }, generation: 2, referencePolicy: 'Local' },
            history: [{ image: demo.frontend2, created: '2025-02-04T08:00:00Z', generation: 2 }],
          },
        ],
      },
      revisions,
    ),
    buildStream(
      {
        namespace: 'demo',
        name: 'pending',
        created: '2025-02-18T12:00:00Z',
        annotations: { 'openshift.io/description': 'Spec tag only: the import never ran, so status has no tags' },
        tags: [{ name: '1.0', spec: { from: { kind: 'DockerImage', name: 'quay.io/example/pending:1.0' }, generation: 1 } }],
      },
      revisions,
    ),
    big.stream,
    buildStream(
      {
        namespace: 'team-a',
        name: 'api',
        created: '2024-12-09T16:05:44Z',
        labels: { app: 'api', 'app.kubernetes.io/part-of': 'payments' },
        annotations: { 'openshift.io/image.dockerRepositoryCheck': '2025-02-14T08:59:21Z' },
        tags: [
          { name: 'dev', history: historyOf([[teamA.api3, '2025-02-14T08:59:21Z'], [teamA.api2, '2025-01-27T11:05:43Z'], [teamA.api1, '2024-12-09T16:20:00Z']], 1).map((e) => ({ ...e, generation: 1 })) },
          {
            name: 'prod',
            spec: { from: { kind: 'ImageStreamImage', name: `api@${teamA.api1.metadata.name}` }, generation: 3 },
            history: [{ image: teamA.api1, created: '2024-12-16T09:00:00Z', generation: 3 }],
          },
          {
            name: 'staging',
            spec: { from: { kind: 'ImageStreamImage', name: `api@${teamA.api2.metadata.name}` }, generation: 5 },
            history: historyOf([[teamA.api2, '2025-01-28T09:30:00Z'], [teamA.api1, '2024-12-10T09:30:00Z']], 4),
          },
        ],
      },
      revisions,
    ),
    buildStream(
      {
        namespace: 'team-a',
        name: 'nginx',
        created: '2025-01-06T12:00:20Z',
        annotations: { 'openshift.io/image.dockerRepositoryCheck': '2025-02-10T12:00:00Z' },
        tags: [
          { name: '1.27', spec: { from: { kind: 'DockerImage', name: 'docker.io/library/nginx:1.27' }, generation: 2, scheduled: true }, history: historyOf([[teamA.nginx127, '2025-01-06T12:00:31Z']], 2) },
          { name: 'latest', spec: latestOf('1.27', 2), history: historyOf([[teamA.nginx127, '2025-01-06T12:00:31Z']], 2) },
          {
            name: 'mainline',
            spec: { from: { kind: 'DockerImage', name: 'docker.io/library/nginx:mainline-alpine3.99' }, generation: 3 },
            conditions: [
              {
                type: 'ImportSuccess',
                status: 'False',
                lastTransitionTime: '2025-02-10T12:00:00Z',
                reason: 'NotFound',
                message: 'dockerimage.image.openshift.io "docker.io/library/nginx:mainline-alpine3.99" not found',
                generation: 3,
              },
            ],
          },
        ],
      },
      revisions,
    ),
    buildStream(
      {
        namespace: 'team-a',
        name: 'ml-training',
        created: '2024-11-04T22:09:50Z',
        annotations: { 'openshift.io/image.dockerRepositoryCheck': '2025-02-17T22:41:55Z' },
        tags: [
          { name: 'latest', spec: latestOf('v2', 2), history: historyOf([[teamA.ml2, '2025-02-17T22:41:55Z'], [teamA.ml1, '2024-11-04T22:10:09Z']]) },
          { name: 'v1', spec: { from: { kind: 'DockerImage', name: 'quay.io/team-a/ml-training:v1' }, generation: 1 }, history: historyOf([[teamA.ml1, '2024-11-04T22:10:09Z']]) },
          { name: 'v2', spec: { from: { kind: 'DockerImage', name: 'quay.io/team-a/ml-training:v2' }, generation: 2 }, history: historyOf([[teamA.ml2, '2025-02-17T22:41:55Z']], 2) },
        ],
      },
      revisions,
    ),
  ];

  const namespaceCreated: Record<(typeof NAMESPACES)[number], string> = {
    demo: '2024-05-02T09:10:00Z',
    openshift: '2015-11-05T20:20:00Z',
    'team-a': '2024-11-04T22:00:00Z',
  };
  const namespaces: Namespace[] = NAMESPACES.map((name) => ({
    kind: 'Namespace',
    apiVersion: 'v1',
    metadata: {
      name,
      uid: uidFor(`namespace:${name}`),
      resourceVersion: revisions.take(),
      creationTimestamp: namespaceCreated[name],
      labels: { 'kubernetes.io/metadata.name': name },
      annotations: { 'openshift.io/sa.scc.uid-range': '1000680000/10000' },
    },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  }));

  const images = [...Object.values(os), ...ubuntu.images, ...Object.values(demo), ...Object.values(teamA), ...big.images];
  const data: SampleData = {
    images: [...images].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1)),
    streams: [...streams].sort((a, b) => {
      const ka = `${a.metadata.namespace}/${a.metadata.name}`;
      const kb = `${b.metadata.namespace}/${b.metadata.name}`;
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    }),
    namespaces,
    resourceVersion: String(revisions.current),
  };
  const samples = {
    /** Four platforms (amd64, arm64/v8, ppc64le, s390x); tagged `ubuntu:latest`. Members are in no tag history. */
    manifestList: { namespace: 'demo', stream: 'ubuntu', tag: 'latest', digest: ubuntu.fourPlatformList.metadata.name },
    /** The fixture list (amd64 + arm64/v8), tagged `ubuntu:bionic`; its bytes hash to this digest. */
    twoPlatformList: { namespace: 'demo', stream: 'ubuntu', tag: 'bionic', digest: UBUNTU_TWO_PLATFORM_LIST_DIGEST },
    manifestListMembers: {
      amd64: UBUNTU_AMD64_DIGEST,
      arm64: UBUNTU_ARM64_DIGEST,
      ppc64le: ubuntu.children.ppc64le.metadata.name,
      s390x: ubuntu.children.s390x.metadata.name,
    },
    /** Two signatures: one Trusted=True with identity and issuer, one Trusted=Unknown. */
    signedImage: { namespace: 'openshift', stream: 'python', tag: '3.12', digest: os.python312b.metadata.name },
    /** Has a layer of exactly BIG_LAYER_SIZE bytes. */
    bigLayerImage: { namespace: 'team-a', stream: 'ml-training', tag: 'v2', digest: teamA.ml2.metadata.name, layerSize: BIG_LAYER_SIZE },
    /** Oldest `frontend:latest` entry; its Image object no longer exists. */
    prunedEntry: { namespace: 'demo', stream: 'frontend', tag: 'latest', digest: PRUNED_FRONTEND_DIGEST },
    /** Spec tag `1.0` only; no status tags at all. */
    emptyStream: { namespace: 'demo', stream: 'pending', specTag: '1.0' },
    /** Stored with dockerImageManifest + dockerImageConfig, which ISI and ISTag reads strip. */
    storedManifestImage: { namespace: 'demo', stream: 'ruby', tag: '3.3', digest: demo.ruby33b.metadata.name },
    /** In the history of `8.1` and of `latest` (the fixture ImageStream's digest). */
    sharedImage: { namespace: 'openshift', stream: 'wildfly', tags: ['8.1', 'latest'], digest: os.wildfly81.metadata.name },
    /** Status tag with `items: null` and an ImportSuccess=False condition. */
    failedTag: { namespace: 'team-a', stream: 'nginx', tag: 'mainline' },
    /** Tag that still has history although its last import failed. */
    failedReimportTag: { namespace: 'openshift', stream: 'nodejs', tag: '18' },
    /** A stream without annotations: ISIs from it carry none. */
    streamWithoutAnnotations: { namespace: BIG_STREAM.namespace, stream: BIG_STREAM.name },
  } as const;
  return { data: deepFreeze(data), samples };
}


const created = createSampleData();

/** Shared by every demo cluster; frozen, so a handler that mutates what it serves throws in tests. */
export const SAMPLE_DATA: SampleData = created.data;

/** Where the notable objects are; tests and docs name them through this. */
export const SAMPLES = created.samples;
