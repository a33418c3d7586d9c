import { digestFor, sha256Digest, uidFor } from './digest';
import {
  MEDIA_TYPES,
  type DockerConfig,
  type DockerImageMetadata,
  type Image,
  type ImageLayer,
  type ImageManifest,
  type ImageSignature,
} from './image-types';

export interface LayerRecipe {
  /** Names the (never stored) blob; equal seeds share a layer between images, as base layers do. */
  seed: string;
  size: number;
}

export interface ImageRecipe {
  /** Registry and repository without the digest, e.g. `registry.access.redhat.com/ubi9/python-312`. */
  repository: string;
  /** When the Image object was created (import or push). */
  created: string;
  /** The config's `created`: when the image was built. */
  builtAt: string;
  format?: 'docker' | 'oci';
  architecture?: string;
  layers: LayerRecipe[];
  config: DockerConfig;
  author?: string;
  /** Set for images built by `docker build` (legacy builder); buildah leaves them out. */
  dockerBuild?: { container: string; dockerVersion: string };
  annotations?: Record<string, string>;
  labels?: Record<string, string>;
  /** Keep `dockerImageManifest`/`dockerImageConfig` on the stored object (pre-4.x imports did). */
  storeManifest?: boolean;
  /** A real digest whose manifest bytes the demo does not have: use it instead of hashing ours. */
  digest?: string;
  manifestSize?: number;
  signatures?: (digest: string) => ImageSignature[];
}

export interface BuiltImage {
  image: Image;
  /** What a manifest list needs to point at this image. */
  manifestSize: number;
  mediaType: string;
}

export interface PlatformChild {
  child: BuiltImage;
  os: string;
  architecture: string;
  variant?: string;
}

/** Hands out increasing resourceVersions in build order, like an etcd revision. */
export class RevisionCounter {
  constructor(private next: number) {}

  take(): string {
    const revision = this.next;
    this.next += 1;
    return String(revision);
  }

  get current(): number {
    return this.next - 1;
  }
}

// DockerConfig keys in openshift/api docker10 struct order, so the capitalised JSON reads like a server's.
const DOCKER_CONFIG_KEYS: Array<keyof DockerConfig> = [
  'Hostname',
  'User',
  'ExposedPorts',
  'Env',
  'Cmd',
  'Image',
  'Volumes',
  'WorkingDir',
  'Entrypoint',
  'Labels',
];

export function orderedDockerConfig(config: DockerConfig): DockerConfig {
  const ordered: Record<string, unknown> = {};
  for (const key of DOCKER_CONFIG_KEYS) {
    if (config[key] !== undefined) ordered[key] = config[key];
  }
  return ordered as DockerConfig;
}

/** Registry blobs have nanosecond times; the API's metav1.Time keeps whole seconds. */
function toSeconds(time: string): string {
  return time.replace(/\.\d+Z$/, 'Z');
}

function distinctLayerBytes(layers: ImageLayer[]): number {
  const sizes = new Map<string, number>();
  for (const layer of layers) sizes.set(layer.name, layer.size);
  let total = 0;
  for (const size of sizes.values()) total += size;
  return total;
}

/**
 * Builds an Image the way the importer would from a registry: the config and manifest are
 * real JSON documents, the image name is the sha256 of the manifest bytes, `Id` is the config
 * digest and `Size` is config bytes plus distinct layer bytes (behaviour §5.2).
 */
export function buildImage(recipe: ImageRecipe, revisions: RevisionCounter): BuiltImage {
  const oci = recipe.format === 'oci';
  const architecture = recipe.architecture ?? 'amd64';
  const layerMediaType = oci ? MEDIA_TYPES.ociLayer : MEDIA_TYPES.dockerLayer;
  const layers: ImageLayer[] = recipe.layers.map((layer) => ({
    name: digestFor(`layer:${layer.seed}`),
    size: layer.size,
    mediaType: layerMediaType,
  }));

  const configDocument: Record<string, unknown> = { architecture };
  if (recipe.author) configDocument.author = recipe.author;
  configDocument.config = recipe.config;
  if (recipe.dockerBuild) {
    configDocument.container = recipe.dockerBuild.container;
    configDocument.container_config = { ...recipe.config, Cmd: ['/bin/sh', '-c', '#(nop) ', `CMD ${JSON.stringify(recipe.config.Cmd ?? [])}`] };
  }
  configDocument.created = recipe.builtAt;
  if (recipe.dockerBuild) configDocument.docker_version = recipe.dockerBuild.dockerVersion;
  configDocument.history = recipe.layers.map((layer) => ({ created: recipe.builtAt, created_by: `/bin/sh -c #(nop) ADD ${layer.seed} in /` }));
  configDocument.os = 'linux';
  configDocument.rootfs = { type: 'layers', diff_ids: recipe.layers.map((layer) => digestFor(`diff:${layer.seed}`)) };
  const configText = JSON.stringify(configDocument);
  const configDigest = sha256Digest(configText);

  const manifestMediaType = oci ? MEDIA_TYPES.ociManifest : MEDIA_TYPES.dockerManifest;
  const manifestText = JSON.stringify(
    {
      schemaVersion: 2,
      mediaType: manifestMediaType,
      config: { mediaType: oci ? MEDIA_TYPES.ociConfig : MEDIA_TYPES.dockerConfig, size: Buffer.byteLength(configText), digest: configDigest },
      layers: layers.map((layer) => ({ mediaType: layer.mediaType, size: layer.size, digest: layer.name })),
    },
    null,
    3,
  );
  const digest = recipe.digest ?? sha256Digest(manifestText);

  const dockerImageMetadata: DockerImageMetadata = {
    kind: 'DockerImage',
    apiVersion: 'image.openshift.io/1.0',
    Id: configDigest,
    Created: toSeconds(recipe.builtAt),
    ...(recipe.dockerBuild ? { Container: recipe.dockerBuild.container } : {}),
    ContainerConfig: recipe.dockerBuild
      ? orderedDockerConfig({ Hostname: recipe.dockerBuild.container.slice(0, 12), ...(configDocument.container_config as DockerConfig) })
      : {},
    ...(recipe.dockerBuild ? { DockerVersion: recipe.dockerBuild.dockerVersion } : {}),
    ...(recipe.author ? { Author: recipe.author } : {}),
    Config: orderedDockerConfig(recipe.config),
    Architecture: architecture,
    Size: Buffer.byteLength(configText) + distinctLayerBytes(layers),
  };

  const storeManifest = recipe.storeManifest === true && recipe.digest === undefined;
  const image: Image = {
    metadata: {
      name: digest,
      uid: uidFor(digest),
      resourceVersion: revisions.take(),
      creationTimestamp: recipe.created,
      ...(recipe.labels ? { labels: recipe.labels } : {}),
      annotations: { 'image.openshift.io/dockerLayersOrder': 'ascending', ...recipe.annotations },
    },
    dockerImageReference: `${recipe.repository}@${digest}`,
    dockerImageMetadata,
    dockerImageMetadataVersion: '1.0',
    ...(storeManifest ? { dockerImageManifest: manifestText } : {}),
    dockerImageLayers: layers,
    ...(recipe.signatures ? { signatures: recipe.signatures(digest) } : {}),
    dockerImageManifestMediaType: manifestMediaType,
    ...(storeManifest ? { dockerImageConfig: configText } : {}),
  };

  return { image, manifestSize: recipe.manifestSize ?? Buffer.byteLength(manifestText), mediaType: manifestMediaType };
}

/** The registry document of a manifest list, keys in the order registries print them (fixture style). */
export function manifestListText(children: PlatformChild[]): string {
  const manifests = children.map(({ child, os, architecture, variant }) => ({
    digest: child.image.metadata.name,
    mediaType: child.mediaType,
    platform: { architecture, os, ...(variant ? { variant } : {}) },
    size: child.manifestSize,
  }));
  return `${JSON.stringify({ manifests, mediaType: MEDIA_TYPES.dockerManifestList, schemaVersion: 2 }, null, 2)}\n`;
}

/**
 * A manifest list imported with importMode PreserveOriginal (behaviour §4.2): named by the digest of
 * the list bytes, metadata holds only `Id` and the import time, one `dockerImageManifests` entry
 * per member, no layers.
 */
export function buildManifestList(
  options: { repository: string; created: string; children: PlatformChild[]; resourceVersion?: string },
  revisions: RevisionCounter,
): Image {
  const digest = sha256Digest(manifestListText(options.children));
  const manifests: ImageManifest[] = options.children.map(({ child, os, architecture, variant }) => ({
    digest: child.image.metadata.name,
    mediaType: child.mediaType,
    manifestSize: child.manifestSize,
    architecture,
    os,
    ...(variant ? { variant } : {}),
  }));
  return {
    metadata: {
      name: digest,
      uid: uidFor(digest),
      resourceVersion: options.resourceVersion ?? revisions.take(),
      creationTimestamp: options.created,
    },
    dockerImageReference: `${options.repository}@${digest}`,
    dockerImageMetadata: { kind: 'DockerImage', apiVersion: 'image.openshift.io/1.0', Id: digest, Created: options.created, ContainerConfig: {} },
    dockerImageMetadataVersion: '1.0',
    dockerImageManifestMediaType: MEDIA_TYPES.dockerManifestList,
    dockerImageManifests: manifests,
  };
}
