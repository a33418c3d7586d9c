// The ubuntu images are the real documents of the shared fixtures (openshift-apiserver importer
// test data): the amd64 manifest bytes hash to sha256:ca013ac5…, the two-platform list bytes to
// sha256:5020d54e…, so a client can check the demo's digests against the content it stores.
import { buildImage, buildManifestList, type BuiltImage, type PlatformChild, type RevisionCounter } from './image-builder';
import { MEDIA_TYPES, type Image } from './image-types';

export const UBUNTU_AMD64_DIGEST = 'sha256:ca013ac5c09f9a9f6db8370c1b759a29fe997d64d6591e9a75b71748858f7da0';
export const UBUNTU_ARM64_DIGEST = 'sha256:1a06d68cb9117b52965035a5b0fa4c1470ef892e6062ffedb1af1922952e0950';
export const UBUNTU_TWO_PLATFORM_LIST_DIGEST = 'sha256:5020d54ec2de60c4e187128b5a03adda261a7fe78c9c500ffd24ff4af476fb41';
const IMPORTED_AT = '2024-05-02T09:14:03Z';
const CONFIG_DIGEST = 'sha256:a2a15febcdf362f6115e801d37b5e60d6faaeedcb9896155e5fe9d754025be12';
const PARENT_IMAGE = 'sha256:bcbe079849fdbb50b3eb04798547e046bdbc82020b8b780d767cf29f7e60b396';
const CONTAINER = '41b694b9b42f9c5ef7fb40c24272927a727a6d6cb8120bb3eae5849ceb9bee77';
const PATH_ENV = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

const AMD64_LAYERS = [
  { name: 'sha256:35c102085707f703de2d9eaad8752d6fe1b8f02b5d2149f1d8357c9cc7fb7d0a', size: 26687415 },
  { name: 'sha256:251f5509d51d9e4119d4ffb70d4820f8e2d7dc72ad15df3ebd7cd755539e40fd', size: 35366 },
  { name: 'sha256:8e829fe70a46e3ac4334823560e98b257234c23629f19f05460e21a453091e6d', size: 848 },
  { name: 'sha256:6001e1789921cf851f6fb2e5fe05be70f482fe9c2286f66892fe5a3bc404569c', size: 162 },
].map((layer) => ({ ...layer, mediaType: MEDIA_TYPES.dockerLayer }));

/** The fixture `registry-docker-schema2-manifest-linux-amd64.json`, byte for byte (1152 bytes). */
export const UBUNTU_AMD64_MANIFEST = JSON.stringify(
  {
    schemaVersion: 2,
    mediaType: MEDIA_TYPES.dockerManifest,
    config: { mediaType: MEDIA_TYPES.dockerConfig, size: 3409, digest: CONFIG_DIGEST },
    layers: AMD64_LAYERS.map((layer) => ({ mediaType: layer.mediaType, size: layer.size, digest: layer.name })),
  },
  null,
  3,
);

// The fixture config, compacted and with the long RUN lines shortened: stored only so that the
// stripping of `dockerImageConfig` by ISI/ISTag reads is observable.
const UBUNTU_AMD64_CONFIG = JSON.stringify({
  architecture: 'amd64',
  config: { Env: [PATH_ENV], Cmd: ['/bin/bash'], ArgsEscaped: true, Image: PARENT_IMAGE, Volumes: null, WorkingDir: '', Entrypoint: null, OnBuild: null, Labels: null },
  container: CONTAINER,
  container_config: { Hostname: '41b694b9b42f', Env: [PATH_ENV], Cmd: ['/bin/sh', '-c', '#(nop) ', 'CMD ["/bin/bash"]'], ArgsEscaped: true, Image: PARENT_IMAGE, Labels: {} },
  created: '2019-08-15T07:28:14.830150536Z',
  docker_version: '18.06.1-ce',
  history: [
    { created: '2019-08-15T07:28:12.433344678Z', created_by: '/bin/sh -c #(nop) ADD file:c477cb0e95c56b51e0b7353f3805165393689902b82a41bbe77dbef4b31667e1 in / ' },
    { created: '2019-08-15T07:28:13.20852008Z', created_by: '/bin/sh -c [ -z "$(apt-get indextargets)" ]' },
    { created: '2019-08-15T07:28:13.964607567Z', created_by: "/bin/sh -c set -xe && echo '#!/bin/sh' > /usr/sbin/policy-rc.d && echo 'exit 101' >> /usr/sbin/policy-rc.d" },
    { created: '2019-08-15T07:28:14.64282638Z', created_by: "/bin/sh -c mkdir -p /run/systemd && echo 'docker' > /run/systemd/container" },
    { created: '2019-08-15T07:28:14.830150536Z', created_by: '/bin/sh -c #(nop)  CMD ["/bin/bash"]', empty_layer: true },
  ],
  os: 'linux',
  rootfs: {
    type: 'layers',
    diff_ids: [
      'sha256:6cebf3abed5fac58d2e792ce8461454e92c245d5312c42118f02e231a73b317f',
      'sha256:f7eae43028b334123c3a1d778f7bdf9783bbe651c8b15371df0120fd13ec35c5',
      'sha256:7beb13bce073c21c9ee608acb13c7e851845245dc76ce81b418fdf580c45076b',
      'sha256:122be11ab4a29e554786b4a1ec4764dd55656b59d6228a0a3de78eaf5c1f226c',
    ],
  },
});

/** The amd64 member exactly as behaviour §4.1 shows it (plus the manifest and config it was stored with). */
function ubuntuAmd64(): BuiltImage {
  const image: Image = {
    metadata: {
      name: UBUNTU_AMD64_DIGEST,
      uid: '6f1c2f64-2b0e-4a57-9d7e-3e1f5a1d2c11',
      resourceVersion: '482113',
      creationTimestamp: IMPORTED_AT,
      annotations: { 'image.openshift.io/dockerLayersOrder': 'ascending' },
    },
    dockerImageReference: `docker.io/library/ubuntu@${UBUNTU_AMD64_DIGEST}`,
    dockerImageMetadata: {
      kind: 'DockerImage',
      apiVersion: 'image.openshift.io/1.0',
      Id: CONFIG_DIGEST,
      Created: '2019-08-15T07:28:14Z',
      Container: CONTAINER,
      ContainerConfig: { Hostname: '41b694b9b42f', Env: [PATH_ENV], Cmd: ['/bin/sh', '-c', '#(nop) ', 'CMD ["/bin/bash"]'], Image: PARENT_IMAGE },
      DockerVersion: '18.06.1-ce',
      Config: { Env: [PATH_ENV], Cmd: ['/bin/bash'], Image: PARENT_IMAGE },
      Architecture: 'amd64',
      Size: 26727200,
    },
    dockerImageMetadataVersion: '1.0',
    dockerImageManifest: UBUNTU_AMD64_MANIFEST,
    dockerImageLayers: AMD64_LAYERS,
    dockerImageManifestMediaType: MEDIA_TYPES.dockerManifest,
    dockerImageConfig: UBUNTU_AMD64_CONFIG,
  };
  return { image, manifestSize: Buffer.byteLength(UBUNTU_AMD64_MANIFEST), mediaType: MEDIA_TYPES.dockerManifest };
}

function ubuntuChild(architecture: string, layerSize: number, revisions: RevisionCounter, digest?: string): BuiltImage {
  return buildImage(
    {
      repository: 'docker.io/library/ubuntu',
      created: IMPORTED_AT,
      builtAt: '2019-08-15T07:28:14.830150536Z',
      architecture,
      layers: [
        { seed: `ubuntu-bionic-rootfs-${architecture}`, size: layerSize },
        { seed: `ubuntu-bionic-apt-${architecture}`, size: 35366 },
        { seed: `ubuntu-bionic-policy-${architecture}`, size: 848 },
        { seed: `ubuntu-bionic-systemd-${architecture}`, size: 162 },
      ],
      config: { Env: [PATH_ENV], Cmd: ['/bin/bash'] },
      dockerBuild: { container: CONTAINER, dockerVersion: '18.06.1-ce' },
      ...(digest ? { digest, manifestSize: 1152 } : {}),
    },
    revisions,
  );
}

export interface UbuntuImages {
  /** Every Image object, lists and members. */
  images: Image[];
  twoPlatformList: Image;
  fourPlatformList: Image;
  children: { amd64: Image; arm64: Image; ppc64le: Image; s390x: Image };
}

export function ubuntuImages(revisions: RevisionCounter): UbuntuImages {
  const amd64 = ubuntuAmd64();
  const arm64 = ubuntuChild('arm64', 23727476, revisions, UBUNTU_ARM64_DIGEST);
  const ppc64le = ubuntuChild('ppc64le', 29943017, revisions);
  const s390x = ubuntuChild('s390x', 25120391, revisions);
  const pair: PlatformChild[] = [
    { child: amd64, os: 'linux', architecture: 'amd64' },
    { child: arm64, os: 'linux', architecture: 'arm64', variant: 'v8' },
  ];
  const twoPlatformList = buildManifestList(
    { repository: 'docker.io/library/ubuntu', created: IMPORTED_AT, children: pair, resourceVersion: '482110' },
    revisions,
  );
  const fourPlatformList = buildManifestList(
    {
      repository: 'docker.io/library/ubuntu',
      created: IMPORTED_AT,
      children: [
        ...pair,
        { child: ppc64le, os: 'linux', architecture: 'ppc64le' },
        { child: s390x, os: 'linux', architecture: 's390x' },
      ],
    },
    revisions,
  );
  return {
    images: [twoPlatformList, fourPlatformList, amd64.image, arm64.image, ppc64le.image, s390x.image],
    twoPlatformList,
    fourPlatformList,
    children: { amd64: amd64.image, arm64: arm64.image, ppc64le: ppc64le.image, s390x: s390x.image },
  };
}
