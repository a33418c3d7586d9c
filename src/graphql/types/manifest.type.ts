import { Field, ObjectType } from 'type-graphql';
import { GraphQLSafeInt } from './scalars';
import { UPSTREAM_DATA } from './upstream-data';

@ObjectType({
  ...UPSTREAM_DATA,
  description:
    'ImageManifest represents sub-manifests of a manifest list. The Digest field points to a regular Image object.',
})
export class Manifest {
  @Field(() => String, {
    description: 'Digest is the unique identifier for the manifest. It refers to an Image object.',
  })
  digest!: string;

  @Field(() => String, {
    description:
      'MediaType defines the type of the manifest, possible values are application/vnd.oci.image.manifest.v1+json, ' +
      'application/vnd.docker.distribution.manifest.v2+json or application/vnd.docker.distribution.manifest.v1+json.',
  })
  mediaType!: string;

  @Field(() => GraphQLSafeInt, {
    description: 'ManifestSize represents the size of the raw object contents, in bytes.',
  })
  manifestSize!: number;

  @Field(() => String, {
    description: 'Architecture specifies the supported CPU architecture, for example `amd64` or `ppc64le`.',
  })
  architecture!: string;

  @Field(() => String, { description: 'OS specifies the operating system, for example `linux`.' })
  os!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Variant is an optional field representing a variant of the CPU, for example v6 to specify a particular CPU variant of the ARM CPU.',
  })
  variant?: string;
}
