import { Field, ObjectType } from 'type-graphql';
import { GraphQLJSONObject, GraphQLSafeInt } from './scalars';

// The API sends these two objects with Docker's capitalised keys (image.openshift.io/1.0). Each
// property keeps the JSON key, so the default resolver reads the raw object, while `name` gives the
// schema the camelCase used everywhere else. This relies on type-graphql's own field resolver
// (root[propertyName]); `simpleResolvers: true` would fall back to graphql-js's, which reads
// root[schemaName] and returns null for every renamed field.

@ObjectType({
  description:
    'DockerConfig is the list of configuration options used when creating a container (Docker API keys, capitalised in the JSON).',
})
export class DockerConfig {
  @Field(() => String, { name: 'hostname', nullable: true, description: 'Hostname of the container (Hostname).' })
  Hostname?: string;

  @Field(() => String, { name: 'domainname', nullable: true, description: 'Domain name of the container (Domainname).' })
  Domainname?: string;

  @Field(() => String, {
    name: 'user',
    nullable: true,
    description: 'User (name or UID, optionally with group) that commands run as inside the container (User).',
  })
  User?: string;

  @Field(() => GraphQLSafeInt, { name: 'memory', nullable: true, description: 'Memory limit in bytes (Memory).' })
  Memory?: number;

  @Field(() => GraphQLSafeInt, {
    name: 'memorySwap',
    nullable: true,
    description: 'Total memory plus swap limit in bytes (MemorySwap).',
  })
  MemorySwap?: number;

  @Field(() => GraphQLSafeInt, { name: 'cpuShares', nullable: true, description: 'Relative CPU weight (CpuShares).' })
  CpuShares?: number;

  @Field(() => String, { name: 'cpuset', nullable: true, description: 'CPUs in which execution is allowed (Cpuset).' })
  Cpuset?: string;

  @Field(() => Boolean, { name: 'attachStdin', nullable: true, description: 'Whether standard input is attached (AttachStdin).' })
  AttachStdin?: boolean;

  @Field(() => Boolean, {
    name: 'attachStdout',
    nullable: true,
    description: 'Whether standard output is attached (AttachStdout).',
  })
  AttachStdout?: boolean;

  @Field(() => Boolean, {
    name: 'attachStderr',
    nullable: true,
    description: 'Whether standard error is attached (AttachStderr).',
  })
  AttachStderr?: boolean;

  @Field(() => [String], { name: 'portSpecs', nullable: true, description: 'Legacy port specifications (PortSpecs).' })
  PortSpecs?: string[];

  @Field(() => GraphQLJSONObject, {
    name: 'exposedPorts',
    nullable: true,
    description: 'Ports the image exposes, as a map from "port/protocol" (e.g. "8080/tcp") to an empty object (ExposedPorts).',
  })
  ExposedPorts?: Record<string, unknown>;

  @Field(() => Boolean, { name: 'tty', nullable: true, description: 'Whether a TTY is allocated (Tty).' })
  Tty?: boolean;

  @Field(() => Boolean, { name: 'openStdin', nullable: true, description: 'Whether standard input is kept open (OpenStdin).' })
  OpenStdin?: boolean;

  @Field(() => Boolean, {
    name: 'stdinOnce',
    nullable: true,
    description: 'Whether standard input is closed after the first client detaches (StdinOnce).',
  })
  StdinOnce?: boolean;

  @Field(() => [String], {
    name: 'env',
    nullable: true,
    description: 'Environment variables, each "NAME=value" (Env).',
  })
  Env?: string[];

  @Field(() => [String], { name: 'cmd', nullable: true, description: 'Default command and arguments (Cmd).' })
  Cmd?: string[];

  @Field(() => [String], { name: 'dns', nullable: true, description: 'DNS servers (Dns).' })
  Dns?: string[];

  @Field(() => String, {
    name: 'image',
    nullable: true,
    description: 'Image the container was created from (Image).',
  })
  Image?: string;

  @Field(() => GraphQLJSONObject, {
    name: 'volumes',
    nullable: true,
    description: 'Volume mount points, as a map from path to an empty object (Volumes).',
  })
  Volumes?: Record<string, unknown>;

  @Field(() => String, { name: 'volumesFrom', nullable: true, description: 'Container to take volumes from (VolumesFrom).' })
  VolumesFrom?: string;

  @Field(() => String, {
    name: 'workingDir',
    nullable: true,
    description: 'Working directory of the command (WorkingDir).',
  })
  WorkingDir?: string;

  @Field(() => [String], {
    name: 'entrypoint',
    nullable: true,
    description: 'Entrypoint the command is run with (Entrypoint).',
  })
  Entrypoint?: string[];

  @Field(() => Boolean, {
    name: 'networkDisabled',
    nullable: true,
    description: 'Whether networking is disabled (NetworkDisabled).',
  })
  NetworkDisabled?: boolean;

  @Field(() => [String], { name: 'securityOpts', nullable: true, description: 'Security options (SecurityOpts).' })
  SecurityOpts?: string[];

  @Field(() => [String], {
    name: 'onBuild',
    nullable: true,
    description: 'Build instructions run when the image is used as the base of another build (OnBuild).',
  })
  OnBuild?: string[];

  @Field(() => GraphQLJSONObject, {
    name: 'labels',
    nullable: true,
    description: 'Image labels, a map of string keys and values (Labels).',
  })
  Labels?: Record<string, string>;
}

@ObjectType({
  description:
    'DockerImage is the type representing a container image and its various properties when retrieved from the Docker client API ' +
    '(dockerImageMetadata, kind DockerImage, apiVersion image.openshift.io/1.0). The JSON keys are capitalised; `raw` returns the document as sent.',
})
export class DockerImageMetadata {
  @Field(() => String, {
    name: 'id',
    nullable: true,
    description:
      'Image ID (Id): the config digest for schema 2 and OCI images, the v1 ID for schema 1 images, the list digest for manifest lists. May be empty.',
  })
  Id?: string;

  @Field(() => String, { name: 'parent', nullable: true, description: 'ID of the parent image (Parent).' })
  Parent?: string;

  @Field(() => String, { name: 'comment', nullable: true, description: 'Comment recorded with the image (Comment).' })
  Comment?: string;

  @Field(() => String, {
    name: 'created',
    nullable: true,
    description:
      'Time the image was created (Created, RFC 3339); the import time for manifest lists. Null when unset.',
  })
  Created?: string | null;

  @Field(() => String, {
    name: 'container',
    nullable: true,
    description: 'ID of the container the image was committed from (Container).',
  })
  Container?: string;

  @Field(() => DockerConfig, {
    name: 'containerConfig',
    nullable: true,
    description: 'Configuration of the container the image was committed from (ContainerConfig).',
  })
  ContainerConfig?: DockerConfig;

  @Field(() => String, {
    name: 'dockerVersion',
    nullable: true,
    description: 'Version of Docker that built the image (DockerVersion).',
  })
  DockerVersion?: string;

  @Field(() => String, { name: 'author', nullable: true, description: 'Author of the image (Author).' })
  Author?: string;

  @Field(() => DockerConfig, {
    name: 'config',
    nullable: true,
    description: 'Configuration a container started from this image runs with: env, command, labels, ports (Config).',
  })
  Config?: DockerConfig;

  @Field(() => String, {
    name: 'architecture',
    nullable: true,
    description: 'CPU architecture the image is built for, for example `amd64` (Architecture).',
  })
  Architecture?: string;

  @Field(() => GraphQLSafeInt, {
    name: 'size',
    nullable: true,
    description:
      'Size of the image in bytes (Size), computed by the server: the config size plus the sizes of the distinct layers.',
  })
  Size?: number;
}
