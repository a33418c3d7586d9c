// The Kubernetes discovery documents that let kubectl and client-go find what the gateway serves
// (spec §8). They describe the gateway, not the upstream: one group, one version, one resource.
import type { FastifyInstance } from 'fastify';
import packageJson from '../../package.json';
import { prettyPrint } from './pretty-print';
import { sendJson } from './send-json';

export const IMAGE_GROUP = 'image.openshift.io';
export const IMAGE_GROUP_VERSION = `${IMAGE_GROUP}/v1`;

const groupVersion = { groupVersion: IMAGE_GROUP_VERSION, version: 'v1' };

/**
 * `/api`: no core versions. client-go then skips the core group instead of asking `/api/v1`,
 * which the gateway does not serve.
 */
export const API_VERSIONS = { kind: 'APIVersions', versions: [], serverAddressByClientCIDRs: [] };

/** `/apis/image.openshift.io`. */
export const IMAGE_API_GROUP = {
  kind: 'APIGroup',
  apiVersion: 'v1',
  name: IMAGE_GROUP,
  versions: [groupVersion],
  preferredVersion: groupVersion,
};

/** `/apis`. */
export const API_GROUP_LIST = {
  kind: 'APIGroupList',
  apiVersion: 'v1',
  groups: [{ name: IMAGE_API_GROUP.name, versions: IMAGE_API_GROUP.versions, preferredVersion: IMAGE_API_GROUP.preferredVersion }],
};

/** `/apis/image.openshift.io/v1`: the entry OpenShift lists for imagestreamimages, and only it. */
export const IMAGE_API_RESOURCE_LIST = {
  kind: 'APIResourceList',
  apiVersion: 'v1',
  groupVersion: IMAGE_GROUP_VERSION,
  resources: [
    {
      name: 'imagestreamimages',
      singularName: 'imagestreamimage',
      namespaced: true,
      kind: 'ImageStreamImage',
      verbs: ['get'],
      shortNames: ['isimage'],
    },
  ],
};

/** `/version`: the gateway's own version (it is not a Kubernetes API server). */
export const VERSION_INFO = {
  major: '',
  minor: '',
  gitVersion: `v${packageJson.version}`,
  gitCommit: '',
  gitTreeState: '',
  buildDate: '',
  goVersion: '',
  compiler: 'node',
  platform: `${process.platform}/${process.arch}`,
};

const DOCUMENTS: ReadonlyArray<readonly [string, unknown]> = [
  ['/api', API_VERSIONS],
  ['/apis', API_GROUP_LIST],
  [`/apis/${IMAGE_GROUP}`, IMAGE_API_GROUP],
  [`/apis/${IMAGE_GROUP_VERSION}`, IMAGE_API_RESOURCE_LIST],
  ['/version', VERSION_INFO],
];

/**
 * Serves the discovery documents as plain `application/json`, whatever the Accept header asks
 * for: kubectl asks for aggregated discovery (apidiscovery.k8s.io/v2) first and falls back to
 * these documents when the answer's content type is plain JSON.
 */
export function registerDiscovery(app: FastifyInstance): void {
  for (const [path, document] of DOCUMENTS) {
    app.get(path, (request, reply) => sendJson(reply, 200, document, { pretty: prettyPrint(request) }));
  }
}
