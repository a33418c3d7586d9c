// The demo cluster's users. Each token stands for an RBAC binding a real cluster would have:
// cluster-admin, an editor of two projects, a viewer of one who may read streams by name but
// not list them, and an authenticated user with no bindings at all.

export interface DemoToken {
  token: string;
  user: string;
  namespaces: string[] | '*';
  /** May get/list the cluster-scoped `images` resource. */
  images: boolean;
  /** May list (imagestreams, imagestreamtags, images); `get` is always allowed in its namespaces. */
  list: boolean;
}

export const DEMO_ADMIN_TOKEN = 'demo-admin-token';
export const DEVELOPER_TOKEN = 'developer-token';
export const VIEWER_TOKEN = 'viewer-token';
export const OUTSIDER_TOKEN = 'outsider-token';

export const DEMO_TOKENS: readonly DemoToken[] = Object.freeze([
  { token: DEMO_ADMIN_TOKEN, user: 'demo-admin', namespaces: '*', images: true, list: true },
  { token: DEVELOPER_TOKEN, user: 'developer', namespaces: ['demo', 'team-a'], images: false, list: true },
  { token: VIEWER_TOKEN, user: 'viewer', namespaces: ['demo'], images: false, list: false },
  { token: OUTSIDER_TOKEN, user: 'outsider', namespaces: [], images: false, list: false },
]);
