/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** The `JSONObject` scalar type represents JSON objects as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
  /** The `SafeInt` scalar type represents non-fractional signed whole numeric values that are considered safe as defined by the ECMAScript specification. */
  SafeInt: { input: number; output: number; }
};

/** DockerConfig is the list of configuration options used when creating a container (Docker API keys, capitalised in the JSON). */
export type DockerConfig = {
  __typename?: 'DockerConfig';
  /** Whether standard error is attached (AttachStderr). */
  attachStderr?: Maybe<Scalars['Boolean']['output']>;
  /** Whether standard input is attached (AttachStdin). */
  attachStdin?: Maybe<Scalars['Boolean']['output']>;
  /** Whether standard output is attached (AttachStdout). */
  attachStdout?: Maybe<Scalars['Boolean']['output']>;
  /** Default command and arguments (Cmd). */
  cmd?: Maybe<Array<Scalars['String']['output']>>;
  /** Relative CPU weight (CpuShares). */
  cpuShares?: Maybe<Scalars['SafeInt']['output']>;
  /** CPUs in which execution is allowed (Cpuset). */
  cpuset?: Maybe<Scalars['String']['output']>;
  /** DNS servers (Dns). */
  dns?: Maybe<Array<Scalars['String']['output']>>;
  /** Domain name of the container (Domainname). */
  domainname?: Maybe<Scalars['String']['output']>;
  /** Entrypoint the command is run with (Entrypoint). */
  entrypoint?: Maybe<Array<Scalars['String']['output']>>;
  /** Environment variables, each "NAME=value" (Env). */
  env?: Maybe<Array<Scalars['String']['output']>>;
  /** Ports the image exposes, as a map from "port/protocol" (e.g. "8080/tcp") to an empty object (ExposedPorts). */
  exposedPorts?: Maybe<Scalars['JSONObject']['output']>;
  /** Hostname of the container (Hostname). */
  hostname?: Maybe<Scalars['String']['output']>;
  /** Image the container was created from (Image). */
  image?: Maybe<Scalars['String']['output']>;
  /** Image labels, a map of string keys and values (Labels). */
  labels?: Maybe<Scalars['JSONObject']['output']>;
  /** Memory limit in bytes (Memory). */
  memory?: Maybe<Scalars['SafeInt']['output']>;
  /** Total memory plus swap limit in bytes (MemorySwap). */
  memorySwap?: Maybe<Scalars['SafeInt']['output']>;
  /** Whether networking is disabled (NetworkDisabled). */
  networkDisabled?: Maybe<Scalars['Boolean']['output']>;
  /** Build instructions run when the image is used as the base of another build (OnBuild). */
  onBuild?: Maybe<Array<Scalars['String']['output']>>;
  /** Whether standard input is kept open (OpenStdin). */
  openStdin?: Maybe<Scalars['Boolean']['output']>;
  /** Legacy port specifications (PortSpecs). */
  portSpecs?: Maybe<Array<Scalars['String']['output']>>;
  /** Security options (SecurityOpts). */
  securityOpts?: Maybe<Array<Scalars['String']['output']>>;
  /** Whether standard input is closed after the first client detaches (StdinOnce). */
  stdinOnce?: Maybe<Scalars['Boolean']['output']>;
  /** Whether a TTY is allocated (Tty). */
  tty?: Maybe<Scalars['Boolean']['output']>;
  /** User (name or UID, optionally with group) that commands run as inside the container (User). */
  user?: Maybe<Scalars['String']['output']>;
  /** Volume mount points, as a map from path to an empty object (Volumes). */
  volumes?: Maybe<Scalars['JSONObject']['output']>;
  /** Container to take volumes from (VolumesFrom). */
  volumesFrom?: Maybe<Scalars['String']['output']>;
  /** Working directory of the command (WorkingDir). */
  workingDir?: Maybe<Scalars['String']['output']>;
};

/** DockerImage is the type representing a container image and its various properties when retrieved from the Docker client API (dockerImageMetadata, kind DockerImage, apiVersion image.openshift.io/1.0). The JSON keys are capitalised; `raw` returns the document as sent. */
export type DockerImageMetadata = {
  __typename?: 'DockerImageMetadata';
  /** CPU architecture the image is built for, for example `amd64` (Architecture). */
  architecture?: Maybe<Scalars['String']['output']>;
  /** Author of the image (Author). */
  author?: Maybe<Scalars['String']['output']>;
  /** Comment recorded with the image (Comment). */
  comment?: Maybe<Scalars['String']['output']>;
  /** Configuration a container started from this image runs with: env, command, labels, ports (Config). */
  config?: Maybe<DockerConfig>;
  /** ID of the container the image was committed from (Container). */
  container?: Maybe<Scalars['String']['output']>;
  /** Configuration of the container the image was committed from (ContainerConfig). */
  containerConfig?: Maybe<DockerConfig>;
  /** Time the image was created (Created, RFC 3339); the import time for manifest lists. Null when unset. */
  created?: Maybe<Scalars['String']['output']>;
  /** Version of Docker that built the image (DockerVersion). */
  dockerVersion?: Maybe<Scalars['String']['output']>;
  /** Image ID (Id): the config digest for schema 2 and OCI images, the v1 ID for schema 1 images, the list digest for manifest lists. May be empty. */
  id?: Maybe<Scalars['String']['output']>;
  /** ID of the parent image (Parent). */
  parent?: Maybe<Scalars['String']['output']>;
  /** The whole dockerImageMetadata document exactly as the API server sent it, capitalised keys included (kind, apiVersion, Id, Config, ...). */
  raw?: Maybe<Scalars['JSONObject']['output']>;
  /** Size of the image in bytes (Size), computed by the server: the config size plus the sizes of the distinct layers. */
  size?: Maybe<Scalars['SafeInt']['output']>;
};

/** Image is an immutable representation of a container image and metadata at a point in time. Images are named by taking a hash of their contents (metadata and content) and any change in format, content, or metadata results in a new name. End users access images via the imagestreamtags or imagestreamimages resources. */
export type Image = Node & {
  __typename?: 'Image';
  /** DockerImageLayers represents the layers in the image. May not be set if the image does not define that data or if the image represents a manifest list. */
  dockerImageLayers?: Maybe<Array<Layer>>;
  /** DockerImageManifestMediaType specifies the mediaType of manifest. This is a part of manifest schema v2. */
  dockerImageManifestMediaType?: Maybe<Scalars['String']['output']>;
  /** DockerImageManifests holds information about sub-manifests when the image represents a manifest list. When this field is present, no DockerImageLayers should be specified. */
  dockerImageManifests?: Maybe<Array<Manifest>>;
  /** DockerImageMetadata contains metadata about this image. */
  dockerImageMetadata?: Maybe<DockerImageMetadata>;
  /** DockerImageMetadataVersion conveys the version of the object, which if empty defaults to "1.0". */
  dockerImageMetadataVersion?: Maybe<Scalars['String']['output']>;
  /** DockerImageReference is the string that can be used to pull this image. */
  dockerImageReference?: Maybe<Scalars['String']['output']>;
  /** DockerImageSignatures provides the signatures as opaque blobs (base64-encoded). This is a part of manifest schema v1. */
  dockerImageSignatures?: Maybe<Array<Scalars['String']['output']>>;
  /** Opaque global id, the same in every request and on every replica, unique across namespaces; pass it to `Query.node(id:)` to read the object again. */
  id: Scalars['ID']['output'];
  /** metadata is the standard object's metadata. The name is the image digest (sha256:...). */
  metadata: ObjectMeta;
  /** Signatures holds all signatures of the image. */
  signatures?: Maybe<Array<Signature>>;
};

/** ImageLookupPolicy describes how an image stream can be used to override the image references used by pods, builds, and other resources in a namespace. */
export type ImageLookupPolicy = {
  __typename?: 'ImageLookupPolicy';
  /** local will change the docker short image references (like "mysql" or "php:latest") on objects in this namespace to the image ID whenever they match this image stream, instead of reaching out to a remote registry. The name will be fully qualified to an image ID if found. The tag's referencePolicy is taken into account on the replaced value. Only works within the current namespace. */
  local?: Maybe<Scalars['Boolean']['output']>;
};

/** An ImageStream stores a mapping of tags to images, metadata overrides that are applied when images are tagged in a stream, and an optional reference to a container image repository on a registry. The history of images applied to a tag is visible in the status.tags field. */
export type ImageStream = Node & {
  __typename?: 'ImageStream';
  /** Opaque global id, the same in every request and on every replica, unique across namespaces; pass it to `Query.node(id:)` to read the object again. */
  id: Scalars['ID']['output'];
  /** metadata is the standard object's metadata. */
  metadata: ObjectMeta;
  /** Spec describes the desired state of this stream. */
  spec?: Maybe<ImageStreamSpec>;
  /** Status describes the current state of this stream. */
  status?: Maybe<ImageStreamStatus>;
  /** The history of one tag, by tag name; null when the stream has no such tag in its status. */
  tag?: Maybe<NamedTagEventList>;
  /** Whether the caller may do `verb` to this object (imagestreams.image.openshift.io, its namespace and name), as the API server answers a SelfSubjectAccessReview made with the caller's token. Each distinct question is asked once per request, and answers are cached per caller like reads. */
  viewerCan: Scalars['Boolean']['output'];
};


/** An ImageStream stores a mapping of tags to images, metadata overrides that are applied when images are tagged in a stream, and an optional reference to a container image repository on a registry. The history of images applied to a tag is visible in the status.tags field. */
export type ImageStreamTagArgs = {
  name: Scalars['String']['input'];
};


/** An ImageStream stores a mapping of tags to images, metadata overrides that are applied when images are tagged in a stream, and an optional reference to a container image repository on a registry. The history of images applied to a tag is visible in the status.tags field. */
export type ImageStreamViewerCanArgs = {
  verb: KubeVerb;
};

/** A page of image streams (Relay connection). */
export type ImageStreamConnection = {
  __typename?: 'ImageStreamConnection';
  /** The image streams of this page, in the order the API server lists them. */
  edges: Array<ImageStreamEdge>;
  /** Where this page ends and whether another follows. */
  pageInfo: PageInfo;
  /** The list's resourceVersion: pass it to `imageStreamChanged` to receive every change made after this page was read, with nothing lost in between. */
  resourceVersion?: Maybe<Scalars['String']['output']>;
};

/** An image stream in a page of image streams, with the cursor that points at it. */
export type ImageStreamEdge = {
  __typename?: 'ImageStreamEdge';
  /** Opaque cursor of this edge; pass it as `after` to continue after this image stream. */
  cursor: Scalars['String']['output'];
  /** The image stream. */
  node: ImageStream;
};

/** One change of an image stream, as a subscription delivers it. */
export type ImageStreamEvent = {
  __typename?: 'ImageStreamEvent';
  /** Tags whose history or spec changed against the previous state, sorted (every tag for ADDED and DELETED). */
  changedTags: Array<Scalars['String']['output']>;
  /** The stream after the change (before it, for DELETED); its navigation fields work as in a query, read with the caller's token when the event is sent. */
  imageStream: ImageStream;
  /** How the stream changed. */
  type: WatchEventType;
};

/** ImageStreamImage represents an Image that is retrieved by image name from an ImageStream. User interfaces and regular users can use this resource to access the metadata details of a tagged image in the image stream history for viewing, since Image resources are not directly accessible to end users. The name of an image stream image is in the form "<STREAM>@<DIGEST>", where the digest is the content addressible identifier for the image (sha256:xxxxx...). */
export type ImageStreamImage = Node & {
  __typename?: 'ImageStreamImage';
  /** Opaque global id, the same in every request and on every replica, unique across namespaces; pass it to `Query.node(id:)` to read the object again. */
  id: Scalars['ID']['output'];
  /** Image is an immutable representation of a container image and metadata at a point in time (without the raw manifest and config blobs). */
  image: Image;
  /** The image stream this image was read through. */
  imageStream?: Maybe<ImageStream>;
  /** metadata is the standard object's metadata: the requested name, the namespace, the image's creation time and the stream's annotations. */
  metadata: ObjectMeta;
  /** Whether the caller may do `verb` to this object (imagestreamimages.image.openshift.io, its namespace and name), as the API server answers a SelfSubjectAccessReview made with the caller's token. Each distinct question is asked once per request, and answers are cached per caller like reads. */
  viewerCan: Scalars['Boolean']['output'];
};


/** ImageStreamImage represents an Image that is retrieved by image name from an ImageStream. User interfaces and regular users can use this resource to access the metadata details of a tagged image in the image stream history for viewing, since Image resources are not directly accessible to end users. The name of an image stream image is in the form "<STREAM>@<DIGEST>", where the digest is the content addressible identifier for the image (sha256:xxxxx...). */
export type ImageStreamImageViewerCanArgs = {
  verb: KubeVerb;
};

/** ImageStreamSpec represents options for ImageStreams. */
export type ImageStreamSpec = {
  __typename?: 'ImageStreamSpec';
  /** dockerImageRepository is optional, if specified this stream is backed by a container repository on this server. Deprecated: specify the source for the tags to be imported in each tag via the spec.tags.from reference instead. */
  dockerImageRepository?: Maybe<Scalars['String']['output']>;
  /** lookupPolicy controls how other resources reference images within this namespace. */
  lookupPolicy?: Maybe<ImageLookupPolicy>;
  /** tags map arbitrary string values to specific image locators. */
  tags?: Maybe<Array<TagReference>>;
};

/** ImageStreamStatus contains information about the state of this image stream. */
export type ImageStreamStatus = {
  __typename?: 'ImageStreamStatus';
  /** DockerImageRepository represents the effective location this stream may be accessed at. May be empty until the server determines where the repository is located. */
  dockerImageRepository?: Maybe<Scalars['String']['output']>;
  /** PublicDockerImageRepository represents the public location from where the image can be pulled outside the cluster. This field may be empty if the administrator has not exposed the integrated registry externally. */
  publicDockerImageRepository?: Maybe<Scalars['String']['output']>;
  /** Tags are a historical record of images associated with each tag. The first entry in the TagEvent array is the currently tagged image. */
  tags?: Maybe<Array<NamedTagEventList>>;
};

/** ImageStreamTag represents an Image that is retrieved by tag name from an ImageStream. The image associated with this resource is the most recently successfully tagged, imported, or pushed image (as described in the image stream status.tags.items list for this tag). If an import is in progress or has failed the previous image will be shown. */
export type ImageStreamTag = Node & {
  __typename?: 'ImageStreamTag';
  /** conditions is an array of conditions that apply to the image stream tag. */
  conditions?: Maybe<Array<TagEventCondition>>;
  /** generation is the current generation of the tagged image - if tag is provided and this value is not equal to the tag generation, a user has requested an import that has not completed, or conditions will be filled out indicating any error. */
  generation: Scalars['Int']['output'];
  /** Opaque global id, the same in every request and on every replica, unique across namespaces; pass it to `Query.node(id:)` to read the object again. */
  id: Scalars['ID']['output'];
  /** image associated with the ImageStreamTag. */
  image: Image;
  /** lookupPolicy indicates whether this tag will handle image references in this namespace. */
  lookupPolicy: ImageLookupPolicy;
  /** metadata is the standard object's metadata; the name is <stream>:<tag>. */
  metadata: ObjectMeta;
  /** tag is the spec tag associated with this image stream tag, and it may be null if only pushes have occurred to this image stream. */
  tag?: Maybe<TagReference>;
  /** Whether the caller may do `verb` to this object (imagestreamtags.image.openshift.io, its namespace and name), as the API server answers a SelfSubjectAccessReview made with the caller's token. Each distinct question is asked once per request, and answers are cached per caller like reads. */
  viewerCan: Scalars['Boolean']['output'];
};


/** ImageStreamTag represents an Image that is retrieved by tag name from an ImageStream. The image associated with this resource is the most recently successfully tagged, imported, or pushed image (as described in the image stream status.tags.items list for this tag). If an import is in progress or has failed the previous image will be shown. */
export type ImageStreamTagViewerCanArgs = {
  verb: KubeVerb;
};

/** A Kubernetes API verb, as RBAC rules name them (in upper case here). */
export type KubeVerb =
  | 'CREATE'
  | 'DELETE'
  | 'GET'
  | 'LIST'
  | 'PATCH'
  | 'UPDATE'
  | 'WATCH';

/** ImageLayer represents a single layer of the image. Some images may have multiple layers. Some may have none. */
export type Layer = {
  __typename?: 'Layer';
  /** MediaType of the referenced object. May be empty or absent on images stored by old servers. */
  mediaType?: Maybe<Scalars['String']['output']>;
  /** Name of the layer as defined by the underlying store (the blob digest). */
  name: Scalars['String']['output'];
  /** Size of the layer in bytes as defined by the underlying store. */
  size: Scalars['SafeInt']['output'];
};

/** ImageManifest represents sub-manifests of a manifest list. The Digest field points to a regular Image object. */
export type Manifest = {
  __typename?: 'Manifest';
  /** Architecture specifies the supported CPU architecture, for example `amd64` or `ppc64le`. */
  architecture: Scalars['String']['output'];
  /** Digest is the unique identifier for the manifest. It refers to an Image object. */
  digest: Scalars['String']['output'];
  /** This manifest-list member as an image, read through the stream the list was read from. */
  imageStreamImage?: Maybe<ImageStreamImage>;
  /** ManifestSize represents the size of the raw object contents, in bytes. */
  manifestSize: Scalars['SafeInt']['output'];
  /** MediaType defines the type of the manifest, possible values are application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json or application/vnd.docker.distribution.manifest.v1+json. */
  mediaType: Scalars['String']['output'];
  /** OS specifies the operating system, for example `linux`. */
  os: Scalars['String']['output'];
  /** Variant is an optional field representing a variant of the CPU, for example v6 to specify a particular CPU variant of the ARM CPU. */
  variant?: Maybe<Scalars['String']['output']>;
};

/** NamedTagEventList relates a tag to its image history. */
export type NamedTagEventList = {
  __typename?: 'NamedTagEventList';
  /** Conditions is an array of conditions that apply to the tag event list. */
  conditions?: Maybe<Array<TagEventCondition>>;
  /** The images this tag has pointed at, newest first: the first entry is the currently tagged image. Null when the tag has only failure conditions. */
  items?: Maybe<Array<TagEvent>>;
  /** The newest history entry of this tag (the first item). */
  latest?: Maybe<TagEvent>;
  /** Tag is the tag for which the history is recorded. */
  tag: Scalars['String']['output'];
};

/** An object with a global id (Relay object identification): `Query.node(id:)` reads it again, and clients such as Apollo Client and Relay keep one copy of it by `__typename` and `id`. */
export type Node = {
  /** Opaque global id, the same in every request and on every replica, unique across namespaces; pass it to `Query.node(id:)` to read the object again. */
  id: Scalars['ID']['output'];
};

/** ObjectMeta is metadata that all persisted resources must have, which includes all objects users must create. Synthesised objects such as ImageStreamImage carry only some of these fields. */
export type ObjectMeta = {
  __typename?: 'ObjectMeta';
  /** Annotations is an unstructured key value map stored with a resource that may be set by external tools to store and retrieve arbitrary metadata. */
  annotations?: Maybe<Scalars['JSONObject']['output']>;
  /** CreationTimestamp is a timestamp representing the server time when this object was created (RFC 3339). Null when the server sent none. */
  creationTimestamp?: Maybe<Scalars['String']['output']>;
  /** A sequence number representing a specific generation of the desired state. Populated by the system. Read-only. */
  generation?: Maybe<Scalars['Int']['output']>;
  /** Map of string keys and values that can be used to organize and categorize (scope and select) objects. */
  labels?: Maybe<Scalars['JSONObject']['output']>;
  /** Name must be unique within a namespace. For images it is the image digest (sha256:...); for image stream images it is <stream>@<digest> as requested. */
  name?: Maybe<Scalars['String']['output']>;
  /** Namespace defines the space within which each name must be unique. Empty for cluster-scoped objects such as images. */
  namespace?: Maybe<Scalars['String']['output']>;
  /** An opaque value that represents the internal version of this object that can be used by clients to determine when objects have changed. Clients must treat it as opaque. */
  resourceVersion?: Maybe<Scalars['String']['output']>;
  /** UID is the unique in time and space value for this object. It is typically generated by the server on successful creation of a resource and is not allowed to change on PUT operations. */
  uid?: Maybe<Scalars['String']['output']>;
};

/** ObjectReference contains enough information to let you inspect or modify the referred object. */
export type ObjectReference = {
  __typename?: 'ObjectReference';
  /** Kind of the referent: DockerImage, ImageStreamTag or ImageStreamImage for a spec tag. */
  kind?: Maybe<Scalars['String']['output']>;
  /** Name of the referent. */
  name?: Maybe<Scalars['String']['output']>;
  /** Namespace of the referent. Empty means the namespace of the referring object. */
  namespace?: Maybe<Scalars['String']['output']>;
};

/** Information about the current page of a Relay connection. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last edge of this page, to pass as `after` for the next page; null when the page is empty. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether more edges follow the last one of this page. */
  hasNextPage: Scalars['Boolean']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** A cluster-scoped image by digest. Most users may not read these (FORBIDDEN); read images through `imageStreamImage` instead. */
  image?: Maybe<Image>;
  /** One image stream of a namespace. */
  imageStream?: Maybe<ImageStream>;
  /** An image as seen through an image stream: `name` is `<stream>@<digest>` or a unique digest prefix. Works for callers who may read the namespace but not cluster-scoped images. */
  imageStreamImage?: Maybe<ImageStreamImage>;
  /** The image a tag of a stream points at: `name` is `<stream>:<tag>`. */
  imageStreamTag?: Maybe<ImageStreamTag>;
  /** A namespace's image streams, a page at a time (Relay connection over Kubernetes `limit`/`continue`). A cursor expires with the upstream's continue token (about 5 minutes); an expired one is a BAD_USER_INPUT error. */
  imageStreams: ImageStreamConnection;
  /** The object a global id names (an `id` of ImageStream, ImageStreamTag, ImageStreamImage or Image), read again with the caller's token. A malformed id is BAD_USER_INPUT; an object the caller may not read is the API server's answer (FORBIDDEN, NOT_FOUND). */
  node?: Maybe<Node>;
  /** The objects of up to 100 global ids, in their order, loaded together as the same fields would be (batched, each distinct object read once); an id that fails is null with its error at its index. */
  nodes: Array<Maybe<Node>>;
};


export type QueryImageArgs = {
  name: Scalars['String']['input'];
};


export type QueryImageStreamArgs = {
  name: Scalars['String']['input'];
  namespace: Scalars['String']['input'];
};


export type QueryImageStreamImageArgs = {
  name: Scalars['String']['input'];
  namespace: Scalars['String']['input'];
};


export type QueryImageStreamTagArgs = {
  name: Scalars['String']['input'];
  namespace: Scalars['String']['input'];
};


export type QueryImageStreamsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  namespace: Scalars['String']['input'];
};


export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};

/** ImageSignature holds a signature of an image. It allows to verify image identity and possibly other claims as long as the signature is trusted. Based on this information it is possible to restrict runnable images to those matching cluster-wide policy. Mandatory fields should be parsed by clients doing image verification. The others are parsed from signature's content by the server. They serve just an informative purpose. */
export type Signature = {
  __typename?: 'Signature';
  /** Conditions represent the latest available observations of a signature's current state. */
  conditions?: Maybe<Array<SignatureCondition>>;
  /** Required: An opaque binary string which is an image's signature, base64-encoded. */
  content: Scalars['String']['output'];
  /** If specified, it is the time of signature's creation (RFC 3339). */
  created?: Maybe<Scalars['String']['output']>;
  /** A human readable string representing image's identity. It could be a product name and version, or an image pull spec (e.g. "registry.access.redhat.com/rhel7/rhel:7.2"). */
  imageIdentity?: Maybe<Scalars['String']['output']>;
  /** SignatureIssuer holds information about an issuer of signing certificate or key. */
  issuedBy?: Maybe<SignatureIssuer>;
  /** SignatureSubject holds information about a person or entity who created the signature. */
  issuedTo?: Maybe<SignatureSubject>;
  /** metadata is the standard object's metadata; the name is <image digest>@<signature name>. */
  metadata?: Maybe<ObjectMeta>;
  /** Contains claims from the signature. */
  signedClaims?: Maybe<Scalars['JSONObject']['output']>;
  /** Required: Describes a type of stored blob (AtomicImageV1). */
  type: Scalars['String']['output'];
};

/** SignatureCondition describes an image signature condition of particular kind at particular probe time. */
export type SignatureCondition = {
  __typename?: 'SignatureCondition';
  /** Last time the condition was checked (RFC 3339). */
  lastProbeTime?: Maybe<Scalars['String']['output']>;
  /** Last time the condition transit from one status to another (RFC 3339). */
  lastTransitionTime?: Maybe<Scalars['String']['output']>;
  /** Human readable message indicating details about last transition. */
  message?: Maybe<Scalars['String']['output']>;
  /** (brief) reason for the condition's last transition. */
  reason?: Maybe<Scalars['String']['output']>;
  /** Status of the condition, one of True, False, Unknown. */
  status: Scalars['String']['output'];
  /** Type of signature condition: Trusted or ForImage. */
  type: Scalars['String']['output'];
};

/** SignatureIssuer holds information about an issuer of signing certificate or key. */
export type SignatureIssuer = {
  __typename?: 'SignatureIssuer';
  /** Common name (e.g. openshift-signing-service). */
  commonName?: Maybe<Scalars['String']['output']>;
  /** Organization name. */
  organization?: Maybe<Scalars['String']['output']>;
};

/** SignatureSubject holds information about a person or entity who created the signature. */
export type SignatureSubject = {
  __typename?: 'SignatureSubject';
  /** Common name (e.g. openshift-signing-service). */
  commonName?: Maybe<Scalars['String']['output']>;
  /** Organization name. */
  organization?: Maybe<Scalars['String']['output']>;
  /** If present, it is a human readable key id of public key belonging to the subject used to verify image signature. It should contain at least 64 lowest bits of public key's fingerprint (e.g. 0x685ebe62bf278440). */
  publicKeyID: Scalars['String']['output'];
};

export type Subscription = {
  __typename?: 'Subscription';
  /** Changes of one stream (name given) or of every stream of a namespace; from `resourceVersion` on when given (the value a query returned), else from now. */
  imageStreamChanged: ImageStreamEvent;
};


export type SubscriptionImageStreamChangedArgs = {
  name?: InputMaybe<Scalars['String']['input']>;
  namespace: Scalars['String']['input'];
  resourceVersion?: InputMaybe<Scalars['String']['input']>;
};

/** TagEvent is used by ImageStreamStatus to keep a historical record of images associated with a tag. */
export type TagEvent = {
  __typename?: 'TagEvent';
  /** Created holds the time the TagEvent was created (RFC 3339). */
  created: Scalars['String']['output'];
  /** DockerImageReference is the string that can be used to pull this image. */
  dockerImageReference: Scalars['String']['output'];
  /** Generation is the spec tag generation that resulted in this tag being updated. Absent on servers that predate it. */
  generation?: Maybe<Scalars['Int']['output']>;
  /** Image is the image: the name (digest) of the Image object. */
  image: Scalars['String']['output'];
  /** The image behind this history entry, read as `<stream>@<image>` through its stream, so callers who may not read cluster-scoped images see it too. */
  imageStreamImage?: Maybe<ImageStreamImage>;
};

/** TagEventCondition contains condition information for a tag event. */
export type TagEventCondition = {
  __typename?: 'TagEventCondition';
  /** Generation is the spec tag generation that this status corresponds to. */
  generation?: Maybe<Scalars['Int']['output']>;
  /** LastTransitionTime is the time the condition transitioned from one status to another (RFC 3339). */
  lastTransitionTime?: Maybe<Scalars['String']['output']>;
  /** Message is a human readable description of the details about last transition, complementing reason. */
  message?: Maybe<Scalars['String']['output']>;
  /** Reason is a brief machine readable explanation for the condition's last transition. */
  reason?: Maybe<Scalars['String']['output']>;
  /** Status of the condition, one of True, False, Unknown. */
  status: Scalars['String']['output'];
  /** Type of tag event condition, currently only ImportSuccess. */
  type: Scalars['String']['output'];
};

/** TagImportPolicy controls how images related to this tag will be imported. */
export type TagImportPolicy = {
  __typename?: 'TagImportPolicy';
  /** ImportMode describes how to import an image manifest: Legacy (only the manifest for the cluster architecture) or PreserveOriginal (the whole manifest list). Absent on servers that predate it. */
  importMode?: Maybe<Scalars['String']['output']>;
  /** Insecure is true if the server may bypass certificate verification or connect directly over HTTP during image import. */
  insecure?: Maybe<Scalars['Boolean']['output']>;
  /** Scheduled indicates to the server that this tag should be periodically checked to ensure it is up to date, and imported. */
  scheduled?: Maybe<Scalars['Boolean']['output']>;
};

/** TagReference specifies optional annotations for images using this tag and an optional reference to an ImageStreamTag, ImageStreamImage, or DockerImage this tag should track. */
export type TagReference = {
  __typename?: 'TagReference';
  /** Optional; if specified, annotations that are applied to images retrieved via ImageStreamTags. */
  annotations?: Maybe<Scalars['JSONObject']['output']>;
  /** Optional; if specified, a reference to another image that this tag should point to. Valid values are ImageStreamTag, ImageStreamImage, and DockerImage. ImageStreamTag references can only reference a tag within this same ImageStream. */
  from?: Maybe<ObjectReference>;
  /** Generation is a counter that tracks mutations to the spec tag (user intent). When a tag reference is changed the generation is set to match the current stream generation (which is incremented every time spec is changed). Other processes in the system like the image importer observe that the generation of spec tag is newer than the generation recorded in the status and use that as a trigger to import the newest remote tag. */
  generation?: Maybe<Scalars['Int']['output']>;
  /** ImportPolicy is information that controls how images may be imported by the server. */
  importPolicy?: Maybe<TagImportPolicy>;
  /** Name of the tag. */
  name: Scalars['String']['output'];
  /** Reference states if the tag will be imported. Default value is false, which means the tag will be imported. */
  reference?: Maybe<Scalars['Boolean']['output']>;
  /** ReferencePolicy defines how other components should consume the image. Absent on servers that predate it. */
  referencePolicy?: Maybe<TagReferencePolicy>;
};

/** TagReferencePolicy describes how pull-specs for images in this image stream tag are generated when image change triggers in deployment configs or builds are resolved. This allows the image stream author to control how images are accessed. */
export type TagReferencePolicy = {
  __typename?: 'TagReferencePolicy';
  /** Type determines how the image pull spec should be transformed when the image stream tag is used in deployment config triggers or new builds. The default value is `Source`, indicating the original location of the image should be used (if imported). The user may also specify `Local`, indicating that the pull spec should point to the integrated container image registry and leverage the registry's ability to proxy the pull to an upstream registry. */
  type?: Maybe<Scalars['String']['output']>;
};

/** How an image stream changed. */
export type WatchEventType =
  /** The stream was created (or is new to this subscription). */
  | 'ADDED'
  /** The stream was deleted; `imageStream` is its last state. */
  | 'DELETED'
  /** The stream changed: a tag was pushed to, imported, added or removed, or its metadata changed. */
  | 'MODIFIED';

export type ImageStreamImageDetailsQueryVariables = Exact<{
  namespace: string;
  name: string;
}>;


export type ImageStreamImageDetailsQuery = { imageStreamImage: { metadata: { name: string | null, namespace: string | null, creationTimestamp: string | null, annotations: Record<string, unknown> | null, uid: string | null }, image: { dockerImageReference: string | null, dockerImageMetadataVersion: string | null, dockerImageManifestMediaType: string | null, metadata: { name: string | null, uid: string | null, creationTimestamp: string | null, annotations: Record<string, unknown> | null }, dockerImageMetadata: { id: string | null, created: string | null, architecture: string | null, author: string | null, size: number | null, config: { env: Array<string> | null, cmd: Array<string> | null, entrypoint: Array<string> | null, workingDir: string | null, user: string | null, labels: Record<string, unknown> | null, exposedPorts: Record<string, unknown> | null } | null } | null, dockerImageLayers: Array<{ name: string, size: number, mediaType: string | null }> | null, dockerImageManifests: Array<{ digest: string, mediaType: string, manifestSize: number, architecture: string, os: string, variant: string | null }> | null, signatures: Array<{ type: string, imageIdentity: string | null, signedClaims: Record<string, unknown> | null, created: string | null, metadata: { name: string | null } | null, issuedBy: { organization: string | null, commonName: string | null } | null, issuedTo: { organization: string | null, commonName: string | null, publicKeyID: string } | null, conditions: Array<{ type: string, status: string, reason: string | null, message: string | null, lastProbeTime: string | null, lastTransitionTime: string | null }> | null }> | null }, imageStream: { metadata: { name: string | null, namespace: string | null } } | null } | null };

export type ImageStreamTagDetailsQueryVariables = Exact<{
  namespace: string;
  name: string;
}>;


export type ImageStreamTagDetailsQuery = { imageStreamTag: { generation: number, metadata: { name: string | null, namespace: string | null }, lookupPolicy: { local: boolean | null }, tag: { name: string, from: { kind: string | null, name: string | null } | null } | null, image: { dockerImageReference: string | null, metadata: { name: string | null }, dockerImageLayers: Array<{ name: string, size: number }> | null } } | null };

export type ImageStreamOverviewQueryVariables = Exact<{
  namespace: string;
  name: string;
  tag: string;
}>;


export type ImageStreamOverviewQuery = { imageStream: { metadata: { name: string | null, namespace: string | null, uid: string | null, resourceVersion: string | null, creationTimestamp: string | null, labels: Record<string, unknown> | null, annotations: Record<string, unknown> | null }, spec: { lookupPolicy: { local: boolean | null } | null, tags: Array<{ name: string, annotations: Record<string, unknown> | null, generation: number | null, reference: boolean | null, from: { kind: string | null, name: string | null, namespace: string | null } | null, importPolicy: { insecure: boolean | null, scheduled: boolean | null, importMode: string | null } | null, referencePolicy: { type: string | null } | null }> | null } | null, status: { dockerImageRepository: string | null, tags: Array<{ tag: string, items: Array<{ created: string, dockerImageReference: string, image: string, generation: number | null }> | null, conditions: Array<{ type: string, status: string, reason: string | null, message: string | null, generation: number | null, lastTransitionTime: string | null }> | null, latest: { image: string } | null }> | null } | null, tag: { tag: string, latest: { image: string, imageStreamImage: { metadata: { name: string | null }, image: { metadata: { name: string | null } } } | null } | null } | null } | null };

export type ImageStreamsPageQueryVariables = Exact<{
  namespace: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ImageStreamsPageQuery = { imageStreams: { edges: Array<{ cursor: string, node: { metadata: { name: string | null, namespace: string | null } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ImageByDigestQueryVariables = Exact<{
  name: string;
}>;


export type ImageByDigestQuery = { image: { dockerImageReference: string | null, metadata: { name: string | null }, dockerImageMetadata: { id: string | null, architecture: string | null, raw: Record<string, unknown> | null } | null } | null };

export type ManifestListMembersQueryVariables = Exact<{
  namespace: string;
  name: string;
}>;


export type ManifestListMembersQuery = { imageStreamImage: { image: { metadata: { name: string | null }, dockerImageManifests: Array<{ digest: string, architecture: string, os: string, variant: string | null, imageStreamImage: { metadata: { name: string | null }, image: { metadata: { name: string | null }, dockerImageMetadata: { architecture: string | null } | null } } | null }> | null } } | null };

export type StreamHistoryLayersQueryVariables = Exact<{
  namespace: string;
  name: string;
}>;


export type StreamHistoryLayersQuery = { imageStream: { status: { tags: Array<{ tag: string, items: Array<{ image: string, imageStreamImage: { image: { metadata: { name: string | null }, dockerImageLayers: Array<{ size: number }> | null } } | null }> | null }> | null } | null } | null };


export const ImageStreamImageDetailsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ImageStreamImageDetails"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"namespace"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"imageStreamImage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"namespace"},"value":{"kind":"Variable","name":{"kind":"Name","value":"namespace"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metadata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"namespace"}},{"kind":"Field","name":{"kind":"Name","value":"creationTimestamp"}},{"kind":"Field","name":{"kind":"Name","value":"annotations"}},{"kind":"Field","name":{"kind":"Name","value":"uid"}}]}},{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metadata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"uid"}},{"kind":"Field","name":{"kind":"Name","value":"creationTimestamp"}},{"kind":"Field","name":{"kind":"Name","value":"annotations"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dockerImageReference"}},{"kind":"Field","name":{"kind":"Name","value":"dockerImageMetadataVersion"}},{"kind":"Field","name":{"kind":"Name","value":"dockerImageManifestMediaType"}},{"kind":"Field","name":{"kind":"Name","value":"dockerImageMetadata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"architecture"}},{"kind":"Field","name":{"kind":"Name","value":"author"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"config"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"env"}},{"kind":"Field","name":{"kind":"Name","value":"cmd"}},{"kind":"Field","name":{"kind":"Name","value":"entrypoint"}},{"kind":"Field","name":{"kind":"Name","value":"workingDir"}},{"kind":"Field","name":{"kind":"Name","value":"user"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"exposedPorts"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"dockerImageLayers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"mediaType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dockerImageManifests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"digest"}},{"kind":"Field","name":{"kind":"Name","value":"mediaType"}},{"kind":"Field","name":{"kind":"Name","value":"manifestSize"}},{"kind":"Field","name":{"kind":"Name","value":"architecture"}},{"kind":"Field","name":{"kind":"Name","value":"os"}},{"kind":"Field","name":{"kind":"Name","value":"variant"}}]}},{"kind":"Field","name":{"kind":"Name","value":"signatures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metadata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"imageIdentity"}},{"kind":"Field","name":{"kind":"Name","value":"signedClaims"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"issuedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"}},{"kind":"Field","name":{"kind":"Name","value":"commonName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"issuedTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"}},{"kind":"Field","name":{"kind":"Name","value":"commonName"}},{"kind":"Field","name":{"kind":"Name","value":"publicKeyID"}}]}},{"kind":"Field","name":{"kind":"Name","value":"conditions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"lastProbeTime"}},{"kind":"Field","name":{"kind":"Name","value":"lastTransitionTime"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"imageStream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metadata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"namespace"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ImageStreamImageDetailsQuery, ImageStreamImageDetailsQueryVariables>;
export const ImageStreamTagDetailsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ImageStreamTagDetails"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"namespace"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"imageStreamTag"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"namespace"},"value":{"kind":"Variable","name":{"kind":"Name","value":"namespace"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metadata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"namespace"}}]}},{"kind":"Field","name":{"kind":"Name","value":"generation"}},{"kind":"Field","name":{"kind":"Name","value":"lookupPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"local"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tag"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metadata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dockerImageReference"}},{"kind":"Field","name":{"kind":"Name","value":"dockerImageLayers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"size"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ImageStreamTagDetailsQuery, ImageStreamTagDetailsQueryVariables>;
export const ImageStreamOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ImageStreamOverview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"namespace"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tag"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"imageStream"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"namespace"},"value":{"kind":"Variable","name":{"kind":"Name","value":"namespace"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metadata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"namespace"}},{"kind":"Field","name":{"kind":"Name","value":"uid"}},{"kind":"Field","name":{"kind":"Name","value":"resourceVersion"}},{"kind":"Field","name":{"kind":"Name","value":"creationTimestamp"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"annotations"}}]}},{"kind":"Field","name":{"kind":"Name","value":"spec"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lookupPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"local"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"annotations"}},{"kind":"Field","name":{"kind":"Name","value":"generation"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"namespace"}}]}},{"kind":"Field","name":{"kind":"Name","value":"importPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"insecure"}},{"kind":"Field","name":{"kind":"Name","value":"scheduled"}},{"kind":"Field","name":{"kind":"Name","value":"importMode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"referencePolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dockerImageRepository"}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tag"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"dockerImageReference"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"generation"}}]}},{"kind":"Field","name":{"kind":"Name","value":"conditions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"generation"}},{"kind":"Field","name":{"kind":"Name","value":"lastTransitionTime"}}]}},{"kind":"Field","name":{"kind":"Name","value":"latest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"image"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"tag"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tag"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tag"}},{"kind":"Field","name":{"kind":"Name","value":"latest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"imageStreamImage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metadata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metadata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ImageStreamOverviewQuery, ImageStreamOverviewQueryVariables>;
export const ImageStreamsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ImageStreamsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"namespace"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"imageStreams"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"namespace"},"value":{"kind":"Variable","name":{"kind":"Name","value":"namespace"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metadata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"namespace"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ImageStreamsPageQuery, ImageStreamsPageQueryVariables>;
export const ImageByDigestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ImageByDigest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"image"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metadata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dockerImageReference"}},{"kind":"Field","name":{"kind":"Name","value":"dockerImageMetadata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"architecture"}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]}}]}}]} as unknown as DocumentNode<ImageByDigestQuery, ImageByDigestQueryVariables>;
export const ManifestListMembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ManifestListMembers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"namespace"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"imageStreamImage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"namespace"},"value":{"kind":"Variable","name":{"kind":"Name","value":"namespace"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metadata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dockerImageManifests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"digest"}},{"kind":"Field","name":{"kind":"Name","value":"architecture"}},{"kind":"Field","name":{"kind":"Name","value":"os"}},{"kind":"Field","name":{"kind":"Name","value":"variant"}},{"kind":"Field","name":{"kind":"Name","value":"imageStreamImage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metadata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metadata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dockerImageMetadata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"architecture"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ManifestListMembersQuery, ManifestListMembersQueryVariables>;
export const StreamHistoryLayersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StreamHistoryLayers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"namespace"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"imageStream"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"namespace"},"value":{"kind":"Variable","name":{"kind":"Name","value":"namespace"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tag"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"imageStreamImage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metadata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dockerImageLayers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"size"}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<StreamHistoryLayersQuery, StreamHistoryLayersQueryVariables>;