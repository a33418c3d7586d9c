// The image.openshift.io/v1 JSON as the API server sends it (behaviour §7). Every field is optional
// unless the API always emits it: the gateway reads what it models and passes the rest through.

export interface ObjectMeta {
  name?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string | null;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  [key: string]: unknown;
}

export interface ListMeta {
  resourceVersion?: string;
  continue?: string;
  remainingItemCount?: number;
}

export interface ObjectReference {
  kind?: string;
  name?: string;
  namespace?: string;
}

export interface TagImportPolicy {
  insecure?: boolean;
  scheduled?: boolean;
  importMode?: string;
}

export interface TagReferencePolicy {
  type?: string;
}

export interface TagReference {
  name: string;
  annotations?: Record<string, string> | null;
  from?: ObjectReference;
  reference?: boolean;
  generation?: number | null;
  importPolicy?: TagImportPolicy;
  referencePolicy?: TagReferencePolicy;
}

export interface ImageStreamSpec {
  lookupPolicy?: { local?: boolean };
  dockerImageRepository?: string;
  tags?: TagReference[];
}

export interface TagEvent {
  created: string;
  dockerImageReference: string;
  image: string;
  generation?: number;
}

export interface TagEventCondition {
  type: string;
  status: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
  generation?: number;
}

export interface NamedTagEventList {
  tag: string;
  items: TagEvent[] | null;
  conditions?: TagEventCondition[];
}

export interface ImageStreamStatus {
  dockerImageRepository?: string;
  publicDockerImageRepository?: string;
  tags?: NamedTagEventList[];
}

export interface ImageStream {
  kind?: 'ImageStream';
  apiVersion?: string;
  metadata: ObjectMeta;
  spec?: ImageStreamSpec;
  status?: ImageStreamStatus;
}

export interface ImageStreamList {
  kind?: 'ImageStreamList';
  apiVersion?: string;
  metadata: ListMeta;
  items: ImageStream[];
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
  lastProbeTime?: string | null;
  lastTransitionTime?: string | null;
  reason?: string;
  message?: string;
}

export interface SignatureIssuer {
  organization?: string;
  commonName?: string;
}

export interface SignatureSubject extends SignatureIssuer {
  publicKeyID: string;
}

export interface ImageSignature {
  metadata?: ObjectMeta;
  type: string;
  content: string;
  conditions?: SignatureCondition[];
  imageIdentity?: string;
  signedClaims?: Record<string, string>;
  created?: string | null;
  issuedBy?: SignatureIssuer;
  issuedTo?: SignatureSubject;
}

/** Docker config with the capitalised keys of image.openshift.io/1.0 (behaviour §5). */
export interface DockerConfig {
  Hostname?: string;
  Domainname?: string;
  User?: string;
  Env?: string[];
  Cmd?: string[];
  Entrypoint?: string[];
  WorkingDir?: string;
  Labels?: Record<string, string>;
  ExposedPorts?: Record<string, unknown>;
  Volumes?: Record<string, unknown>;
  Image?: string;
  [key: string]: unknown;
}

export interface DockerImageMetadata {
  kind?: string;
  apiVersion?: string;
  Id?: string;
  Parent?: string;
  Comment?: string;
  Created?: string | null;
  Container?: string;
  ContainerConfig?: DockerConfig;
  DockerVersion?: string;
  Author?: string;
  Config?: DockerConfig;
  Architecture?: string;
  Size?: number;
  [key: string]: unknown;
}

export interface Image {
  kind?: 'Image';
  apiVersion?: string;
  metadata: ObjectMeta;
  dockerImageReference?: string;
  dockerImageMetadata?: DockerImageMetadata;
  dockerImageMetadataVersion?: string;
  dockerImageManifest?: string;
  dockerImageLayers?: ImageLayer[];
  signatures?: ImageSignature[];
  dockerImageSignatures?: string[];
  dockerImageManifestMediaType?: string;
  dockerImageConfig?: string;
  dockerImageManifests?: ImageManifest[];
}

export interface ImageList {
  kind?: 'ImageList';
  apiVersion?: string;
  metadata: ListMeta;
  items: Image[];
}

export interface ImageStreamImage {
  kind?: 'ImageStreamImage';
  apiVersion?: string;
  metadata: ObjectMeta;
  image: Image;
}

export interface ImageStreamTag {
  kind?: 'ImageStreamTag';
  apiVersion?: string;
  metadata: ObjectMeta;
  tag: TagReference | null;
  generation: number;
  lookupPolicy: { local: boolean };
  conditions?: TagEventCondition[];
  image: Image;
}

export interface ImageStreamTagList {
  kind?: 'ImageStreamTagList';
  apiVersion?: string;
  metadata: ListMeta;
  items: ImageStreamTag[];
}

/** metav1.Status, the body of every non-2xx answer of the API server (behaviour §6). */
export type { Status } from '../openshift/status';

/** The resources of image.openshift.io/v1 the adapter reads, and their object types. */
export interface ResourceTypes {
  images: { item: Image; list: ImageList; namespaced: false };
  imagestreams: { item: ImageStream; list: ImageStreamList; namespaced: true };
  imagestreamimages: { item: ImageStreamImage; list: never; namespaced: true };
  imagestreamtags: { item: ImageStreamTag; list: ImageStreamTagList; namespaced: true };
}

export type Resource = keyof ResourceTypes;
