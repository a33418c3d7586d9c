// The image.openshift.io/v1 JSON the demo cluster stores and serves (behaviour §4, §7). A private
// copy rather than an import of src/kube/types.ts: the demo stands in for the outside world and
// must not move when the gateway's own model does.

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string | null;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface ObjectReference {
  kind: string;
  name: string;
  namespace?: string;
}

export interface TagReference {
  name: string;
  annotations: Record<string, string> | null;
  from?: ObjectReference;
  reference?: boolean;
  generation: number | null;
  importPolicy: { insecure?: boolean; scheduled?: boolean; importMode?: string };
  referencePolicy: { type: string };
}

export interface TagEvent {
  created: string;
  dockerImageReference: string;
  image: string;
  generation: number;
}

export interface TagEventCondition {
  type: string;
  status: string;
  lastTransitionTime: string;
  reason?: string;
  message?: string;
  generation: number;
}

export interface NamedTagEventList {
  tag: string;
  items: TagEvent[] | null;
  conditions?: TagEventCondition[];
}

export interface ImageStream {
  kind: 'ImageStream';
  apiVersion: 'image.openshift.io/v1';
  metadata: ObjectMeta & { namespace: string };
  spec: { lookupPolicy: { local: boolean }; dockerImageRepository?: string; tags?: TagReference[] };
  status: { dockerImageRepository: string; publicDockerImageRepository?: string; tags?: NamedTagEventList[] };
}

export interface ImageLayer {
  name: string;
  size: number;
  mediaType: string;
}

export interface ImageManifest {
  digest: string;
  mediaType: string;
  manifestSize: number;
  architecture: string;
  os: string;
  variant?: string;
}

export interface SignatureCondition {
  type: string;
  status: string;
  lastProbeTime: string | null;
  lastTransitionTime: string | null;
  reason?: string;
  message?: string;
}

export interface ImageSignature {
  metadata: ObjectMeta;
  type: string;
  content: string;
  conditions?: SignatureCondition[];
  imageIdentity?: string;
  signedClaims?: Record<string, string>;
  created?: string;
  issuedBy?: { organization?: string; commonName?: string };
  issuedTo?: { organization?: string; commonName?: string; publicKeyID: string };
}

/** DockerConfig with the capitalised keys of image.openshift.io/1.0 (behaviour §5.1); all omitempty. */
export interface DockerConfig {
  Hostname?: string;
  User?: string;
  ExposedPorts?: Record<string, Record<string, never>>;
  Env?: string[];
  Cmd?: string[];
  Image?: string;
  Volumes?: Record<string, Record<string, never>>;
  WorkingDir?: string;
  Entrypoint?: string[];
  Labels?: Record<string, string>;
}

export interface DockerImageMetadata {
  kind: 'DockerImage';
  apiVersion: 'image.openshift.io/1.0';
  Id: string;
  Parent?: string;
  Created: string | null;
  Container?: string;
  ContainerConfig: DockerConfig;
  DockerVersion?: string;
  Author?: string;
  Config?: DockerConfig;
  Architecture?: string;
  Size?: number;
}

/** Keys are declared in Go struct order: JSON.stringify keeps insertion order, so the wire does too. */
export interface Image {
  metadata: ObjectMeta;
  dockerImageReference: string;
  dockerImageMetadata: DockerImageMetadata;
  dockerImageMetadataVersion: '1.0';
  dockerImageManifest?: string;
  dockerImageLayers?: ImageLayer[];
  signatures?: ImageSignature[];
  dockerImageSignatures?: string[];
  dockerImageManifestMediaType?: string;
  dockerImageConfig?: string;
  dockerImageManifests?: ImageManifest[];
}

export interface ImageStreamImage {
  kind: 'ImageStreamImage';
  apiVersion: 'image.openshift.io/v1';
  metadata: { name: string; namespace: string; creationTimestamp: string | null; annotations?: Record<string, string> };
  image: Image;
}

export interface ImageStreamTag {
  kind: 'ImageStreamTag';
  apiVersion: 'image.openshift.io/v1';
  metadata: ObjectMeta;
  tag: TagReference | null;
  generation: number;
  lookupPolicy: { local: boolean };
  conditions?: TagEventCondition[];
  image: Image;
}

/** core/v1 Namespace, served only so that kubectl can tell a missing namespace from a missing object. */
export interface Namespace {
  kind: 'Namespace';
  apiVersion: 'v1';
  metadata: ObjectMeta;
  spec: { finalizers: string[] };
  status: { phase: string };
}

export const MEDIA_TYPES = {
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerLayer: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayer: 'application/vnd.oci.image.layer.v1.tar+gzip',
} as const;
