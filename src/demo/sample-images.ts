// The single-platform images of the demo cluster, grouped by the stream that tags them. Base
// layers are shared the way UBI images share them, so layer lists overlap between images.
import { createHash } from 'node:crypto';
import { buildImage, type ImageRecipe, type RevisionCounter } from './image-builder';
import type { DockerConfig, Image, ImageSignature } from './image-types';

const REDHAT = 'registry.access.redhat.com/ubi9';
const INTERNAL_REGISTRY = 'image-registry.openshift-image-registry.svc:5000';
const PUSHED = { 'image.openshift.io/manifestBlobStored': 'true', 'openshift.io/image.managed': 'true' };
const UBI9_BASE = { seed: 'ubi9-base-9.4', size: 39432117 };
const UBI9_BASE_NEW = { seed: 'ubi9-base-9.5', size: 39501883 };
const S2I_CORE = { seed: 'ubi9-s2i-core', size: 27341904 };
const S2I_BASE = { seed: 'ubi9-s2i-base', size: 88123454 };
/** Exactly 5 GiB: above 2^32, so byte counts must survive as 53-bit integers end to end. */
export const BIG_LAYER_SIZE = 5368709120;

function s2iConfig(language: string, version: string, release: string, extraEnv: string[] = []): DockerConfig {
  const name = `${language}-${version.replace('.', '')}`;
  return {
    User: '1001',
    ExposedPorts: { '8080/tcp': {} },
    Env: [
      'PATH=/opt/app-root/src/bin:/opt/app-root/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'STI_SCRIPTS_PATH=/usr/libexec/s2i',
      'APP_ROOT=/opt/app-root',
      'HOME=/opt/app-root/src',
      'PLATFORM=el9',
      ...extraEnv,
    ],
    Cmd: ['/bin/sh', '-c', '$STI_SCRIPTS_PATH/usage'],
    WorkingDir: '/opt/app-root/src',
    Entrypoint: ['container-entrypoint'],
    Labels: {
      'com.redhat.component': `${name}-container`,
      'io.k8s.display-name': `${language[0]?.toUpperCase()}${language.slice(1)} ${version}`,
      'io.openshift.expose-services': '8080:http',
      'io.openshift.s2i.scripts-url': 'image:///usr/libexec/s2i',
      'io.openshift.tags': `builder,${language},${name}`,
      maintainer: 'SoftwareCollections.org <sclorg@redhat.com>',
      name: `ubi9/${name}`,
      release,
      summary: `Platform for building & running ${language} ${version} applications`,
      vendor: 'Red Hat, Inc.',
      version: '1',
    },
  };
}

function s2iImage(language: string, version: string, release: string, created: string, revisions: RevisionCounter, extra: Partial<ImageRecipe> = {}): Image {
  const name = `${language}-${version.replace('.', '')}`;
  return buildImage(
    {
      repository: `${REDHAT}/${name}`,
      created,
      builtAt: `${created.slice(0, 10)}T03:12:44.918273645Z`,
      layers: [created < '2024-11-01' ? UBI9_BASE : UBI9_BASE_NEW, S2I_CORE, S2I_BASE, { seed: `${name}-${release}`, size: 61200000 + Number(release) * 1331 }],
      config: s2iConfig(language, version, release, [`${language.toUpperCase()}_VERSION=${version}`]),
      author: 'Red Hat, Inc.',
      ...extra,
    },
    revisions,
  ).image;
}

/** A verified Red Hat signature and one from a key the cluster does not trust (behaviour §4.3). */
function redHatSignatures(identity: string): (digest: string) => ImageSignature[] {
  return (digest) => {
    const signature = (seed: string): { name: string; content: string } => {
      const bytes = createHash('sha512').update(`${seed}:${digest}`).digest();
      return {
        name: `${digest}@${bytes.subarray(0, 16).toString('hex')}`,
        // Real content is an OpenPGP message; 0xa3 0x01 is how those begin.
        content: Buffer.concat([Buffer.from([0xa3, 0x01]), bytes, bytes.subarray(0, 30)]).toString('base64'),
      };
    };
    const trusted = signature('release-key-2');
    const unverified = signature('unknown-key');
    const issuer = { organization: 'Red Hat, Inc.', commonName: 'Red Hat, Inc. (release key 2) <security@redhat.com>' };
    return [
      {
        metadata: { name: trusted.name, creationTimestamp: '2025-01-15T08:00:00Z' },
        type: 'AtomicImageV1',
        content: trusted.content,
        conditions: [
          {
            type: 'Trusted',
            status: 'True',
            lastProbeTime: '2025-01-15T08:01:00Z',
            lastTransitionTime: '2025-01-15T08:01:00Z',
            reason: 'Verified',
            message: 'signed by a trusted key',
          },
          { type: 'ForImage', status: 'True', lastProbeTime: '2025-01-15T08:01:00Z', lastTransitionTime: '2025-01-15T08:01:00Z' },
        ],
        imageIdentity: identity,
        signedClaims: { 'docker-manifest-digest': digest, 'docker-reference': identity.replace(/:[^:/]+$/, '') },
        created: '2025-01-14T16:02:11Z',
        issuedBy: issuer,
        issuedTo: { ...issuer, publicKeyID: '199E2F91FD431D51' },
      },
      {
        metadata: { name: unverified.name, creationTimestamp: '2025-01-15T08:00:00Z' },
        type: 'AtomicImageV1',
        content: unverified.content,
        conditions: [
          { type: 'Trusted', status: 'Unknown', lastProbeTime: '2025-01-15T08:01:00Z', lastTransitionTime: '2025-01-15T08:01:00Z', reason: 'UnknownKey' },
          { type: 'ForImage', status: 'True', lastProbeTime: '2025-01-15T08:01:00Z', lastTransitionTime: '2025-01-15T08:01:00Z' },
        ],
      },
    ];
  };
}

export function openshiftImages(revisions: RevisionCounter) {
  const wildfly81 = buildImage(
    {
      // The digest of the fixture ImageStream (openshift-restclient-java sample); its manifest is not in the fixtures.
      digest: 'sha256:7e4c604e6ffad326607461165ef2f23dff5158e0249a3d4f7c0ef3eea58b1d2f',
      repository: 'docker.io/openshift/wildfly-81-centos7',
      created: '2015-11-05T20:28:54Z',
      builtAt: '2015-10-28T14:03:51.114052887Z',
      layers: [{ seed: 'centos7-2015', size: 70178232 }, { seed: 's2i-base-centos7-2015', size: 96554213 }, { seed: 'wildfly-81', size: 130442519 }],
      config: {
        User: '1001',
        ExposedPorts: { '8080/tcp': {} },
        Env: ['PATH=/opt/app-root/src/bin:/opt/app-root/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'WILDFLY_VERSION=8.1.0.Final'],
        Cmd: ['/usr/libexec/s2i/usage'],
        WorkingDir: '/opt/app-root/src',
        Labels: { 'io.k8s.description': 'Platform for building and running JEE applications on WildFly 8.1.0.Final', 'io.openshift.tags': 'builder,wildfly,wildfly8' },
      },
      author: 'WildFly S2I maintainers <wildfly-s2i@example.com>',
      dockerBuild: { container: 'ad5a6f7f0b5bd1d0b7a13c2fa4be1c2e02b6d6e1c6c5f3a8d2c9e1b0a7f4e3d2', dockerVersion: '1.8.2-el7' },
    },
    revisions,
  ).image;
  const wildfly10 = buildImage(
    {
      repository: 'docker.io/openshift/wildfly-101-centos7',
      created: '2017-03-20T11:40:02Z',
      builtAt: '2017-03-14T09:51:27.661083321Z',
      layers: [{ seed: 'centos7-2017', size: 73385454 }, { seed: 's2i-base-centos7-2017', size: 101230455 }, { seed: 'wildfly-101', size: 148001227 }],
      config: {
        User: '1001',
        ExposedPorts: { '8080/tcp': {} },
        Env: ['PATH=/opt/app-root/src/bin:/opt/app-root/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'WILDFLY_VERSION=10.1.0.Final'],
        Cmd: ['/usr/libexec/s2i/usage'],
        WorkingDir: '/opt/app-root/src',
        Labels: { 'io.k8s.description': 'Platform for building and running JEE applications on WildFly 10.1.0.Final', 'io.openshift.tags': 'builder,wildfly,wildfly10' },
      },
      author: 'WildFly S2I maintainers <wildfly-s2i@example.com>',
      dockerBuild: { container: 'c3e1d7a0f9b8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d2', dockerVersion: '1.12.6' },
    },
    revisions,
  ).image;
  const python311a = s2iImage('python', '3.11', '61', '2024-09-10T06:20:11Z', revisions);
  const python311b = s2iImage('python', '3.11', '72', '2024-11-20T06:22:40Z', revisions);
  const python312a = s2iImage('python', '3.12', '18', '2024-11-20T06:22:41Z', revisions);
  const python312b = s2iImage('python', '3.12', '25', '2025-01-14T18:30:05Z', revisions, {
    signatures: redHatSignatures(`${REDHAT}/python-312:1-25`),
  });
  const nodejs18 = s2iImage('nodejs', '18', '121', '2024-06-03T07:00:12Z', revisions);
  const nodejs20a = s2iImage('nodejs', '20', '48', '2024-10-02T07:01:55Z', revisions);
  const nodejs20b = s2iImage('nodejs', '20', '59', '2025-01-08T07:03:17Z', revisions);
  const nodejs22 = s2iImage('nodejs', '22', '9', '2025-01-08T07:03:18Z', revisions);
  const httpd1 = s2iImage('httpd', '2.4', '101', '2024-08-19T05:44:09Z', revisions);
  const httpd2 = s2iImage('httpd', '2.4', '117', '2024-12-02T05:45:30Z', revisions);
  return { wildfly81, wildfly10, python311a, python311b, python312a, python312b, nodejs18, nodejs20a, nodejs20b, nodejs22, httpd1, httpd2 };
}

/** An image as a build in the cluster pushes it to the internal registry (also what the demo's changes push). */
export function pushedBuild(namespace: string, app: string, build: number, commit: string, created: string, revisions: RevisionCounter, extra: Partial<ImageRecipe> = {}): Image {
  return buildImage(
    {
      repository: `${INTERNAL_REGISTRY}/${namespace}/${app}`,
      created,
      builtAt: created.replace('Z', '.000000000Z'),
      layers: [UBI9_BASE_NEW, S2I_CORE, S2I_BASE, { seed: `${namespace}/${app}:${build}`, size: 4100000 + build * 77777 }],
      config: {
        User: '1001',
        ExposedPorts: { '8080/tcp': {} },
        Env: ['PATH=/opt/app-root/src/bin:/opt/app-root/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', `OPENSHIFT_BUILD_NAME=${app}-${build}`, `OPENSHIFT_BUILD_NAMESPACE=${namespace}`, `OPENSHIFT_BUILD_COMMIT=${commit}`],
        Cmd: ['/usr/libexec/s2i/run'],
        WorkingDir: '/opt/app-root/src',
        Entrypoint: ['container-entrypoint'],
        Labels: {
          'io.openshift.build.commit.id': commit,
          'io.openshift.build.commit.ref': 'main',
          'io.openshift.build.name': `${app}-${build}`,
          'io.openshift.build.namespace': namespace,
          'io.openshift.build.source-location': `https://git.example.com/${namespace}/${app}.git`,
        },
      },
      annotations: PUSHED,
      ...extra,
    },
    revisions,
  ).image;
}

export function demoNamespaceImages(revisions: RevisionCounter) {
  // Ruby 3.3 images were imported by a 3.11 cluster, which kept manifest and config on the object.
  const ruby32 = s2iImage('ruby', '3.2', '130', '2024-07-22T10:15:00Z', revisions);
  const ruby33a = s2iImage('ruby', '3.3', '12', '2024-10-14T10:16:02Z', revisions, { storeManifest: true });
  const ruby33b = s2iImage('ruby', '3.3', '27', '2025-01-20T10:17:45Z', revisions, { storeManifest: true });
  const frontend2 = pushedBuild('demo', 'frontend', 2, '9b2c41e7d5a3f08e6c1b7d24a9f3e5c8b1d60a42', '2025-02-03T13:45:10Z', revisions);
  const frontend3 = pushedBuild('demo', 'frontend', 3, '4e7f0a1b2c3d5e6f708192a3b4c5d6e7f8091a2b', '2025-02-11T09:02:37Z', revisions);
  return { ruby32, ruby33a, ruby33b, frontend2, frontend3 };
}

export function teamAImages(revisions: RevisionCounter) {
  const api1 = pushedBuild('team-a', 'api', 14, '1f2e3d4c5b6a79880716253443526170f8e9dacb', '2024-12-09T16:20:00Z', revisions);
  const api2 = pushedBuild('team-a', 'api', 15, '2a3b4c5d6e7f80911a2b3c4d5e6f708192a3b4c5', '2025-01-27T11:05:43Z', revisions);
  const api3 = pushedBuild('team-a', 'api', 16, '3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e', '2025-02-14T08:59:21Z', revisions);
  const nginx127 = buildImage(
    {
      repository: 'docker.io/library/nginx',
      created: '2025-01-06T12:00:31Z',
      builtAt: '2024-12-24T02:11:37Z',
      format: 'oci',
      layers: [
        { seed: 'debian-bookworm-slim-20241223', size: 28227259 },
        { seed: 'nginx-1.27.3', size: 44140122 },
        { seed: 'nginx-docker-entrypoint', size: 627 },
        { seed: 'nginx-10-listen-on-ipv6', size: 955 },
        { seed: 'nginx-20-envsubst', size: 405 },
      ],
      config: {
        ExposedPorts: { '80/tcp': {} },
        Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'NGINX_VERSION=1.27.3', 'NJS_VERSION=0.8.8', 'PKG_RELEASE=1~bookworm'],
        Cmd: ['nginx', '-g', 'daemon off;'],
        Entrypoint: ['/docker-entrypoint.sh'],
        Labels: { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' },
      },
    },
    revisions,
  ).image;
  const mlBase = [{ seed: 'ubi9-minimal-9.5', size: 38114502 }, { seed: 'cuda-12.4-runtime', size: 2147863211 }];
  const mlConfig = (version: string): DockerConfig => ({
    User: '1001',
    Env: ['PATH=/usr/local/nvidia/bin:/usr/local/cuda/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'NVIDIA_VISIBLE_DEVICES=all', `MODEL_VERSION=${version}`],
    Cmd: ['python3', '-m', 'trainer', '--config', '/etc/trainer/config.yaml'],
    WorkingDir: '/workspace',
    Labels: { 'org.opencontainers.image.source': 'https://git.example.com/team-a/ml-training', 'org.opencontainers.image.version': version },
  });
  const ml1 = buildImage(
    {
      repository: 'quay.io/team-a/ml-training',
      created: '2024-11-04T22:10:09Z',
      builtAt: '2024-11-04T21:37:52.331904118Z',
      format: 'oci',
      layers: [...mlBase, { seed: 'ml-training-weights-v1', size: 1610612736 }],
      config: mlConfig('v1'),
    },
    revisions,
  ).image;
  const ml2 = buildImage(
    {
      repository: 'quay.io/team-a/ml-training',
      created: '2025-02-17T22:41:55Z',
      builtAt: '2025-02-17T21:58:13.004519871Z',
      format: 'oci',
      layers: [...mlBase, { seed: 'ml-training-weights-v2', size: BIG_LAYER_SIZE }, { seed: 'ml-training-code-v2', size: 1893312 }],
      config: mlConfig('v2'),
    },
    revisions,
  ).image;
  return { api1, api2, api3, nginx127, ml1, ml2 };
}
