import { DockerConfig, DockerImageMetadata } from './docker-image-metadata.type';
import { ImageLookupPolicy } from './image-lookup-policy.type';
import { ImageStreamConnection, ImageStreamEdge } from './image-stream-connection.type';
import { ImageStreamEvent, WatchEventType } from './image-stream-event.type';
import { ImageStreamImage } from './image-stream-image.type';
import { ImageStreamTag } from './image-stream-tag.type';
import { ImageStream, ImageStreamSpec, ImageStreamStatus } from './image-stream.type';
import { Image } from './image.type';
import { Layer } from './layer.type';
import { Manifest } from './manifest.type';
import { Node } from './node.type';
import { ObjectMeta } from './object-meta.type';
import { ObjectReference } from './object-reference.type';
import { PageInfo } from './page-info.type';
import { Signature, SignatureCondition, SignatureIssuer, SignatureSubject } from './signature.type';
import { NamedTagEventList, TagEvent, TagEventCondition } from './tag-event.type';
import { TagImportPolicy, TagReference, TagReferencePolicy } from './tag-reference.type';

export {
  DockerConfig,
  DockerImageMetadata,
  Image,
  ImageLookupPolicy,
  ImageStream,
  ImageStreamConnection,
  ImageStreamEdge,
  ImageStreamEvent,
  ImageStreamImage,
  ImageStreamSpec,
  ImageStreamStatus,
  ImageStreamTag,
  Layer,
  Manifest,
  NamedTagEventList,
  Node,
  ObjectMeta,
  ObjectReference,
  PageInfo,
  Signature,
  SignatureCondition,
  SignatureIssuer,
  SignatureSubject,
  TagEvent,
  TagEventCondition,
  TagImportPolicy,
  TagReference,
  TagReferencePolicy,
  WatchEventType,
};
export { GraphQLJSONObject, GraphQLSafeInt } from './scalars';

// For buildSchema's `orphanedTypes`: types only reachable through fields that other modules add
// (ImageStreamTag, for one) would otherwise be left out of the schema.
export const IMAGE_GRAPH_TYPES = [
  ObjectMeta,
  ObjectReference,
  ImageStream,
  ImageStreamSpec,
  ImageStreamStatus,
  ImageLookupPolicy,
  TagReference,
  TagImportPolicy,
  TagReferencePolicy,
  NamedTagEventList,
  TagEvent,
  TagEventCondition,
  ImageStreamImage,
  Image,
  Layer,
  Manifest,
  Signature,
  SignatureCondition,
  SignatureIssuer,
  SignatureSubject,
  DockerImageMetadata,
  DockerConfig,
  ImageStreamTag,
  ImageStreamConnection,
  ImageStreamEdge,
  PageInfo,
];
