// The non-aggregated discovery documents (behaviour §8). Answering plain application/json to
// client-go's aggregated-discovery Accept makes it fall back to these, which is all kubectl needs.
import { createHash } from 'node:crypto';
import { imageOpenApiV2, imageOpenApiV3, openApiV3Index } from '../openshift/openapi';

const IMAGE_GROUP_VERSION = { groupVersion: 'image.openshift.io/v1', version: 'v1' };
const IMAGE_GROUP = { name: 'image.openshift.io', versions: [IMAGE_GROUP_VERSION], preferredVersion: IMAGE_GROUP_VERSION };

const CRUD = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** openshift-apiserver's image.openshift.io/v1 APIResourceList, verbatim from behaviour §8. */
export const IMAGE_API_RESOURCES = {
  kind: 'APIResourceList',
  apiVersion: 'v1',
  groupVersion: 'image.openshift.io/v1',
  resources: [
    { name: 'images', singularName: 'image', namespaced: false, kind: 'Image', verbs: CRUD, storageVersionHash: 'FX/i8Tt+3Fc=' },
    { name: 'imagesignatures', singularName: 'imagesignature', namespaced: false, kind: 'ImageSignature', verbs: ['create', 'delete'] },
    { name: 'imagestreamimages', singularName: 'imagestreamimage', namespaced: true, kind: 'ImageStreamImage', verbs: ['get'], shortNames: ['isimage'] },
    { name: 'imagestreamimports', singularName: 'imagestreamimport', namespaced: true, kind: 'ImageStreamImport', verbs: ['create'] },
    { name: 'imagestreammappings', singularName: 'imagestreammapping', namespaced: true, kind: 'ImageStreamMapping', verbs: ['create'] },
    {
      name: 'imagestreams',
      singularName: 'imagestream',
      namespaced: true,
      kind: 'ImageStream',
      verbs: CRUD,
      shortNames: ['is'],
      categories: ['all'],
      storageVersionHash: 'mwmf9lCqOiA=',
    },
    { name: 'imagestreams/layers', singularName: '', namespaced: true, kind: 'ImageStreamLayers', verbs: ['get'] },
    { name: 'imagestreams/secrets', singularName: '', namespaced: true, kind: 'SecretList', verbs: ['get'] },
    { name: 'imagestreams/status', singularName: '', namespaced: true, kind: 'ImageStream', verbs: ['get', 'patch', 'update'] },
    {
      name: 'imagestreamtags',
      singularName: 'imagestreamtag',
      namespaced: true,
      kind: 'ImageStreamTag',
      verbs: ['create', 'delete', 'get', 'list', 'patch', 'update'],
      shortNames: ['istag'],
    },
    {
      name: 'imagetags',
      singularName: 'imagetag',
      namespaced: true,
      kind: 'ImageTag',
      verbs: ['create', 'delete', 'get', 'list', 'patch', 'update'],
      shortNames: ['itag'],
    },
  ],
};

export function apiVersions(serverAddress: string) {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
}

/** Of the core group only namespaces are served (read-only): kubectl reads one after a NotFound. */
export const CORE_V1_RESOURCES = {
  kind: 'APIResourceList',
  groupVersion: 'v1',
  resources: [{ name: 'namespaces', singularName: 'namespace', namespaced: false, kind: 'Namespace', verbs: ['get', 'list'], shortNames: ['ns'] }],
};

export const API_GROUP_LIST = { kind: 'APIGroupList', apiVersion: 'v1', groups: [IMAGE_GROUP] };

export const IMAGE_API_GROUP = { kind: 'APIGroup', apiVersion: 'v1', ...IMAGE_GROUP };

/** version.Info of an OpenShift 4.18 control plane (Kubernetes 1.31). */
export const VERSION_INFO = {
  major: '1',
  minor: '31',
  gitVersion: 'v1.31.6',
  gitCommit: '7d2e0aaa1b9b5ec5b5e1f1e7bf4fdfc2f2f6bd14',
  gitTreeState: 'clean',
  buildDate: '2025-02-12T10:21:37Z',
  goVersion: 'go1.22.12 (Red Hat 1.22.12-1.el9_5) X:strictfipsruntime',
  compiler: 'gc',
  platform: 'linux/amd64',
};

const OPENAPI_V2 = imageOpenApiV2();
const OPENAPI_V3 = imageOpenApiV3();
/** The index names each document with a hash of its content, as kube-apiserver does (clients cache by it). */
const OPENAPI_V3_HASH = createHash('sha512').update(JSON.stringify(OPENAPI_V3)).digest('hex').slice(0, 128).toUpperCase();

/** Non-resource paths and the document each answers; GET only. */
export function discoveryDocument(path: string, serverAddress: string): unknown {
  switch (path.replace(/\/+$/, '') || '/') {
    case '/api':
      return apiVersions(serverAddress);
    case '/api/v1':
      return CORE_V1_RESOURCES;
    case '/apis':
      return API_GROUP_LIST;
    case '/apis/image.openshift.io':
      return IMAGE_API_GROUP;
    case '/apis/image.openshift.io/v1':
      return IMAGE_API_RESOURCES;
    case '/version':
      return VERSION_INFO;
    case '/openapi/v2':
      return OPENAPI_V2;
    case '/openapi/v3':
      return openApiV3Index(OPENAPI_V3_HASH);
    case '/openapi/v3/apis/image.openshift.io/v1':
      return OPENAPI_V3;
    default:
      return undefined;
  }
}
