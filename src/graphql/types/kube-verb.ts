import { registerEnumType } from 'type-graphql';

/** The Kubernetes verbs a UI asks about; the values are the verbs as the API server spells them. */
export enum KubeVerb {
  GET = 'get',
  LIST = 'list',
  WATCH = 'watch',
  CREATE = 'create',
  UPDATE = 'update',
  PATCH = 'patch',
  DELETE = 'delete',
}

registerEnumType(KubeVerb, {
  name: 'KubeVerb',
  description: 'A Kubernetes API verb, as RBAC rules name them (in upper case here).',
});
