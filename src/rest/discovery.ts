// The Kubernetes discovery documents that let kubectl and client-go find what the gateway serves
// (behaviour §8). They describe the gateway, not the upstream: one group, one version, one resource.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { prettyPrint } from './pretty-print';
import { sendJson } from './send-json';

export const IMAGE_GROUP = 'image.openshift.io';
export const IMAGE_GROUP_VERSION = `${IMAGE_GROUP}/v1`;

const groupVersion = { groupVersion: IMAGE_GROUP_VERSION, version: 'v1' };

/**
 * `/api`: no core versions, as the gateway serves nothing there. client-go then leaves the core
 * group out; announcing `v1` with an empty resource list instead makes its memory cache report
 * "received empty response for: v1" as a discovery failure on every kubectl call.
 */
export function apiVersions(serverAddress: string) {
  return { kind: 'APIVersions', versions: [], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
}

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

function serverAddressOf(request: FastifyRequest): string {
  const { localAddress = '', localPort } = request.socket;
  return `${localAddress.includes(':') ? `[${localAddress}]` : localAddress}:${localPort}`;
}

const DOCUMENTS: ReadonlyArray<readonly [string, (request: FastifyRequest) => unknown]> = [
  // The address the client reached, from the socket: the Host header is the client's to choose.
  ['/api', (request) => apiVersions(serverAddressOf(request))],
  ['/apis', () => API_GROUP_LIST],
  [`/apis/${IMAGE_GROUP}`, () => IMAGE_API_GROUP],
  [`/apis/${IMAGE_GROUP_VERSION}`, () => IMAGE_API_RESOURCE_LIST],
];

/**
 * Serves the discovery documents as plain `application/json`, whatever the Accept header asks
 * for: kubectl asks for aggregated discovery (apidiscovery.k8s.io/v2) first and falls back to
 * these documents when the answer's content type is plain JSON.
 */
export function registerDiscovery(app: FastifyInstance): void {
  for (const [path, document] of DOCUMENTS) {
    app.get(path, (request, reply) => sendJson(reply, 200, document(request), { pretty: prettyPrint(request) }));
  }
}
