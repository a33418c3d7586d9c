import { uidFor } from './digest';
import type { RevisionCounter } from './image-builder';
import type { Image, ImageStream, NamedTagEventList, ObjectReference, TagEventCondition, TagReference } from './image-types';

export const INTERNAL_REGISTRY_HOST = 'image-registry.openshift-image-registry.svc:5000';
export const PUBLIC_REGISTRY_HOST = 'default-route-openshift-image-registry.apps.demo.example.com';

/** A history entry: an Image, or only the name and reference of one that has since been pruned. */
export interface HistoryEntry {
  image: Image | { pruned: string; dockerImageReference: string };
  created: string;
  generation: number;
}

export interface TagRecipe {
  name: string;
  /** Absent for tags that only exist because something pushed to them. */
  spec?: {
    from: ObjectReference;
    generation: number;
    annotations?: Record<string, string>;
    importMode?: 'Legacy' | 'PreserveOriginal';
    scheduled?: boolean;
    referencePolicy?: 'Source' | 'Local';
  };
  /** Newest first, as the server keeps it. */
  history?: HistoryEntry[];
  conditions?: TagEventCondition[];
}

export interface StreamRecipe {
  namespace: string;
  name: string;
  created: string;
  annotations?: Record<string, string>;
  labels?: Record<string, string>;
  publicRoute?: boolean;
  tags: TagRecipe[];
}

const byName = <T>(key: (item: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/**
 * Builds an ImageStream as the v1 API prints it: spec and status tags sorted by name (the
 * internal type keeps maps), TagReference fields that are never omitted written out, items
 * `null` for a tag that only has failure conditions.
 */
export function buildStream(recipe: StreamRecipe, revisions: RevisionCounter): ImageStream {
  const specTags: TagReference[] = recipe.tags
    .filter((tag) => tag.spec !== undefined)
    .sort(byName((tag) => tag.name))
    .map(({ name, spec }) => ({
      name,
      annotations: spec?.annotations ?? null,
      ...(spec ? { from: spec.from } : {}),
      generation: spec?.generation ?? null,
      importPolicy: { ...(spec?.scheduled ? { scheduled: true } : {}), importMode: spec?.importMode ?? 'Legacy' },
      referencePolicy: { type: spec?.referencePolicy ?? 'Source' },
    }));
  const statusTags: NamedTagEventList[] = recipe.tags
    .filter((tag) => (tag.history?.length ?? 0) > 0 || (tag.conditions?.length ?? 0) > 0)
    .sort(byName((tag) => tag.name))
    .map(({ name, history, conditions }) => ({
      tag: name,
      items:
        history && history.length > 0
          ? history.map((entry) => ({
              created: entry.created,
              dockerImageReference: entry.image.dockerImageReference,
              image: 'pruned' in entry.image ? entry.image.pruned : entry.image.metadata.name,
              generation: entry.generation,
            }))
          : null,
      ...(conditions ? { conditions } : {}),
    }));
  const generation = Math.max(1, ...specTags.map((tag) => tag.generation ?? 1));
  const key = `${recipe.namespace}/${recipe.name}`;
  return {
    kind: 'ImageStream',
    apiVersion: 'image.openshift.io/v1',
    metadata: {
      name: recipe.name,
      namespace: recipe.namespace,
      uid: uidFor(`imagestream:${key}`),
      resourceVersion: revisions.take(),
      generation,
      creationTimestamp: recipe.created,
      ...(recipe.labels ? { labels: recipe.labels } : {}),
      ...(recipe.annotations ? { annotations: recipe.annotations } : {}),
    },
    spec: { lookupPolicy: { local: false }, ...(specTags.length > 0 ? { tags: specTags } : {}) },
    status: {
      dockerImageRepository: `${INTERNAL_REGISTRY_HOST}/${key}`,
      ...(recipe.publicRoute ? { publicDockerImageRepository: `${PUBLIC_REGISTRY_HOST}/${key}` } : {}),
      ...(statusTags.length > 0 ? { tags: statusTags } : {}),
    },
  };
}

/** One history entry per image, newest first, one generation each. */
export function historyOf(entries: Array<[Image, string]>, firstGeneration = 1): HistoryEntry[] {
  return entries.map(([image, created], index) => ({ image, created, generation: firstGeneration + entries.length - 1 - index }));
}
