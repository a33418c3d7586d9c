import { FieldResolver, Resolver, Root } from 'type-graphql';
import type { DockerImageMetadata as DockerImageMetadataJson } from '../kube/types';
import { DockerImageMetadata } from './types/docker-image-metadata.type';
import { GraphQLJSONObject } from './types/scalars';

@Resolver(() => DockerImageMetadata)
export class DockerImageMetadataResolver {
  // Lets clients read keys the typed fields do not model (kind, apiVersion, any future key)
  // without the gateway having to follow every addition to image.openshift.io/1.0.
  @FieldResolver(() => GraphQLJSONObject, {
    nullable: true,
    description:
      'The whole dockerImageMetadata document exactly as the API server sent it, capitalised keys included (kind, apiVersion, Id, Config, ...).',
  })
  raw(@Root() root: DockerImageMetadataJson): DockerImageMetadataJson {
    return root;
  }
}
