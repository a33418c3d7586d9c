// The OpenAPI v3 document of image.openshift.io/v1 as far as an ImageStreamImage reaches, the part
// `kubectl explain imagestreamimage` reads: the ISI, its image and layers, with the field
// documentation the GraphQL schema uses (./field-docs). The demo cluster serves it.
import { IMAGE_DOC, IMAGE_LAYER_DOC, IMAGE_STREAM_IMAGE_DOC } from './field-docs';

const PREFIX = 'com.github.openshift.api.image.v1';
const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';
const ref = (name: string) => ({ allOf: [{ $ref: `#/components/schemas/${name}` }] });
const text = (description: string) => ({ type: 'string', description, default: '' });

/** The group version's OpenAPI v3 document. */
export function imageOpenApiV3() {
  return {
    openapi: '3.0.0',
    info: { title: 'OpenShift', version: 'v1' },
    paths: {
      '/apis/image.openshift.io/v1/namespaces/{namespace}/imagestreamimages/{name}': {
        get: {
          tags: ['imageOpenshiftIo_v1'],
          description: 'read the specified ImageStreamImage',
          operationId: 'readImageOpenshiftIoV1NamespacedImageStreamImage',
          responses: { '200': { description: 'OK', content: { 'application/json': { schema: { $ref: `#/components/schemas/${PREFIX}.ImageStreamImage` } } } } },
          'x-kubernetes-action': 'get',
          'x-kubernetes-group-version-kind': { group: 'image.openshift.io', version: 'v1', kind: 'ImageStreamImage' },
        },
        parameters: [
          { name: 'name', in: 'path', description: 'name of the ImageStreamImage', required: true, schema: { type: 'string', uniqueItems: true } },
          { name: 'namespace', in: 'path', description: 'object name and auth scope, such as for teams and projects', required: true, schema: { type: 'string', uniqueItems: true } },
        ],
      },
    },
    components: {
      schemas: {
        [`${PREFIX}.ImageStreamImage`]: {
          description: IMAGE_STREAM_IMAGE_DOC[''],
          type: 'object',
          required: ['image'],
          properties: {
            apiVersion: text('APIVersion defines the versioned schema of this representation of an object.'),
            kind: text('Kind is a string value representing the REST resource this object represents.'),
            metadata: { description: IMAGE_STREAM_IMAGE_DOC.metadata, default: {}, ...ref(OBJECT_META) },
            image: { description: IMAGE_STREAM_IMAGE_DOC.image, default: {}, ...ref(`${PREFIX}.Image`) },
          },
          'x-kubernetes-group-version-kind': [{ group: 'image.openshift.io', kind: 'ImageStreamImage', version: 'v1' }],
        },
        [`${PREFIX}.Image`]: {
          description: IMAGE_DOC[''],
          type: 'object',
          properties: {
            metadata: { description: IMAGE_DOC.metadata, default: {}, ...ref(OBJECT_META) },
            dockerImageReference: { type: 'string', description: IMAGE_DOC.dockerImageReference },
            dockerImageMetadata: { type: 'object', description: IMAGE_DOC.dockerImageMetadata },
            dockerImageMetadataVersion: { type: 'string', description: IMAGE_DOC.dockerImageMetadataVersion },
            dockerImageLayers: { type: 'array', description: IMAGE_DOC.dockerImageLayers, items: { default: {}, ...ref(`${PREFIX}.ImageLayer`) } },
            signatures: { type: 'array', description: IMAGE_DOC.signatures, items: { type: 'object' } },
            dockerImageSignatures: { type: 'array', description: IMAGE_DOC.dockerImageSignatures, items: { type: 'string', format: 'byte' } },
            dockerImageManifestMediaType: { type: 'string', description: IMAGE_DOC.dockerImageManifestMediaType },
            dockerImageManifests: { type: 'array', description: IMAGE_DOC.dockerImageManifests, items: { type: 'object' } },
          },
        },
        [`${PREFIX}.ImageLayer`]: {
          description: IMAGE_LAYER_DOC[''],
          type: 'object',
          required: ['name', 'size', 'mediaType'],
          properties: {
            name: text(IMAGE_LAYER_DOC.name),
            size: { type: 'integer', format: 'int64', description: IMAGE_LAYER_DOC.size, default: 0 },
            mediaType: text(IMAGE_LAYER_DOC.mediaType),
          },
        },
        [OBJECT_META]: {
          description: 'ObjectMeta is metadata that all persisted resources must have.',
          type: 'object',
          properties: {
            name: { type: 'string', description: 'Name must be unique within a namespace.' },
            namespace: { type: 'string', description: 'Namespace defines the space within which each name must be unique.' },
            creationTimestamp: { type: 'string', format: 'date-time', description: 'CreationTimestamp is a timestamp representing the server time when this object was created.' },
            annotations: { type: 'object', additionalProperties: { type: 'string', default: '' }, description: 'Annotations is an unstructured key value map.' },
          },
        },
      },
    },
  };
}

/** The `/openapi/v3` index: where each group version's document is, with a hash of its content. */
export function openApiV3Index(hash: string) {
  return { paths: { 'apis/image.openshift.io/v1': { serverRelativeURL: `/openapi/v3/apis/image.openshift.io/v1?hash=${hash}` } } };
}

/**
 * The same part of the API as a Swagger 2.0 document (`/openapi/v2`), which older clients
 * (openshift-rest-client, kubernetes-client) read at start-up to build their calls from its paths.
 */
export function imageOpenApiV2() {
  const v3 = imageOpenApiV3();
  // Swagger 2.0 names schemas under definitions and refers to them without allOf.
  const definitions = JSON.parse(JSON.stringify(v3.components.schemas).replaceAll('#/components/schemas/', '#/definitions/')) as Record<string, unknown>;
  return {
    swagger: '2.0',
    info: v3.info,
    paths: {
      '/apis/image.openshift.io/v1/namespaces/{namespace}/imagestreamimages/{name}': {
        get: {
          description: 'read the specified ImageStreamImage',
          consumes: ['*/*'],
          produces: ['application/json'],
          schemes: ['https'],
          tags: ['imageOpenshiftIo_v1'],
          operationId: 'readImageOpenshiftIoV1NamespacedImageStreamImage',
          responses: { '200': { description: 'OK', schema: { $ref: '#/definitions/com.github.openshift.api.image.v1.ImageStreamImage' } }, '401': { description: 'Unauthorized' } },
          'x-kubernetes-action': 'get',
          'x-kubernetes-group-version-kind': { group: 'image.openshift.io', version: 'v1', kind: 'ImageStreamImage' },
        },
        parameters: [
          { uniqueItems: true, type: 'string', description: 'name of the ImageStreamImage', name: 'name', in: 'path', required: true },
          { uniqueItems: true, type: 'string', description: 'object name and auth scope, such as for teams and projects', name: 'namespace', in: 'path', required: true },
        ],
      },
    },
    definitions,
  };
}
