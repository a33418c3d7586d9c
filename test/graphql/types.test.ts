import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { graphql, isObjectType, printSchema, type GraphQLSchema } from 'graphql';
import { Arg, buildSchema, Query, Resolver } from 'type-graphql';
import type {
  Image as ImageJson,
  ImageStream as ImageStreamJson,
  ImageStreamImage as ImageStreamImageJson,
  ImageStreamTag as ImageStreamTagJson,
} from '../../src/kube/types';
import { DockerImageMetadataResolver } from '../../src/graphql/docker-image-metadata.resolver';
import {
  IMAGE_GRAPH_TYPES,
  ImageStream,
  ImageStreamConnection,
  ImageStreamImage,
  ImageStreamTag,
} from '../../src/graphql/types';

const samples = path.resolve(__dirname, '../fixtures/openshift-samples');
const readSample = <T>(file: string): T => JSON.parse(readFileSync(path.join(samples, file), 'utf8')) as T;

const FIVE_GIB = 5368709120;

const wildfly = readSample<ImageStreamJson>('imagestream-wildfly-with-status-tag-history.json');

// A 3.x-era server: layers without mediaType, dockerImageMetadata apiVersion "1.0".
const importResponse = readSample<{ status: { images: Array<{ image: ImageJson }> } }>(
  'imagestreamimport-response-with-image-metadata-and-layers.json',
);
const swarmImage = importResponse.status.images[0]!.image;

const minimalImage = readSample<ImageJson>('image-minimal-origin-test-image.json');

const swarmIsi: ImageStreamImageJson = {
  kind: 'ImageStreamImage',
  apiVersion: 'image.openshift.io/v1',
  metadata: { name: 'newapp@sha256:445d9593', namespace: 'hello-world', creationTimestamp: null },
  image: swarmImage,
};

const minimalIsi: ImageStreamImageJson = {
  metadata: { name: 'ruby@test', namespace: 'openshift', creationTimestamp: null },
  image: minimalImage,
};

// Spec §4.2: the manifest list stored with importMode PreserveOriginal.
const manifestListIsi: ImageStreamImageJson = {
  kind: 'ImageStreamImage',
  apiVersion: 'image.openshift.io/v1',
  metadata: { name: 'ubuntu@sha256:5020d54e', namespace: 'demo', creationTimestamp: '2024-05-02T09:14:03Z' },
  image: {
    metadata: {
      name: 'sha256:5020d54ec2de60c4e187128b5a03adda261a7fe78c9c500ffd24ff4af476fb41',
      resourceVersion: '482110',
      creationTimestamp: '2024-05-02T09:14:03Z',
    },
    dockerImageReference:
      'docker.io/library/ubuntu@sha256:5020d54ec2de60c4e187128b5a03adda261a7fe78c9c500ffd24ff4af476fb41',
    dockerImageMetadata: {
      kind: 'DockerImage',
      apiVersion: 'image.openshift.io/1.0',
      Id: 'sha256:5020d54ec2de60c4e187128b5a03adda261a7fe78c9c500ffd24ff4af476fb41',
      Created: '2024-05-02T09:14:03Z',
      ContainerConfig: {},
    },
    dockerImageMetadataVersion: '1.0',
    dockerImageManifestMediaType: 'application/vnd.docker.distribution.manifest.list.v2+json',
    dockerImageManifests: [
      {
        digest: 'sha256:ca013ac5c09f9a9f6db8370c1b759a29fe997d64d6591e9a75b71748858f7da0',
        mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
        manifestSize: 1152,
        architecture: 'amd64',
        os: 'linux',
      },
      {
        digest: 'sha256:1a06d68cb9117b52965035a5b0fa4c1470ef892e6062ffedb1af1922952e0950',
        mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
        manifestSize: 1152,
        architecture: 'arm64',
        os: 'linux',
        variant: 'v8',
      },
    ],
  },
};

const bigImageMetadata = {
  kind: 'DockerImage',
  apiVersion: 'image.openshift.io/1.0',
  Id: 'sha256:a2a15febcdf362f6115e801d37b5e60d6faaeedcb9896155e5fe9d754025be12',
  Created: '2019-08-15T07:28:14Z',
  ContainerConfig: {},
  Config: {
    Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    Cmd: ['/bin/bash'],
    Labels: { 'io.openshift.tags': 'big' },
    ExposedPorts: { '8080/tcp': {} },
    WorkingDir: '/opt/app',
    User: '1001',
  },
  Architecture: 'amd64',
  Size: FIVE_GIB + 3409,
  ArgsEscaped: true,
};

// Spec §4.3 shape (no real signature fixture exists), carried by an image with a 5 GiB layer.
const bigSignedIsi: ImageStreamImageJson = {
  metadata: { name: 'big@sha256:ca013ac5', namespace: 'demo', creationTimestamp: '2024-05-02T09:14:03Z' },
  image: {
    metadata: { name: 'sha256:ca013ac5c09f9a9f6db8370c1b759a29fe997d64d6591e9a75b71748858f7da0' },
    dockerImageReference: 'registry.example.com/demo/big@sha256:ca013ac5c09f9a9f6db8370c1b759a29fe997d64d6591e9a75b71748858f7da0',
    dockerImageMetadata: bigImageMetadata,
    dockerImageMetadataVersion: '1.0',
    dockerImageLayers: [
      {
        name: 'sha256:35c102085707f703de2d9eaad8752d6fe1b8f02b5d2149f1d8357c9cc7fb7d0a',
        size: FIVE_GIB,
        mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
      },
    ],
    signatures: [
      {
        metadata: {
          name: 'sha256:ca013ac5c09f9a9f6db8370c1b759a29fe997d64d6591e9a75b71748858f7da0@9f3c1d0e5a7b4c2d8e6f1a0b3c5d7e9f',
          creationTimestamp: '2024-05-02T09:20:00Z',
        },
        type: 'AtomicImageV1',
        content: 'b3duIGJ5dGVz',
        conditions: [
          {
            type: 'Trusted',
            status: 'True',
            lastProbeTime: '2024-05-02T09:21:00Z',
            lastTransitionTime: '2024-05-02T09:21:00Z',
            reason: 'Verified',
            message: 'signed by a trusted key',
          },
          { type: 'ForImage', status: 'True', lastProbeTime: null, lastTransitionTime: null },
        ],
        imageIdentity: 'registry.example.com/demo/big:1.0',
        signedClaims: { 'docker-manifest-digest': 'sha256:ca013ac5c09f9a9f6db8370c1b759a29fe997d64d6591e9a75b71748858f7da0' },
        created: '2024-05-01T00:00:00Z',
        issuedBy: { organization: 'Example Inc.', commonName: 'Example release key' },
        issuedTo: { organization: 'Example Inc.', commonName: 'Example release key', publicKeyID: '0123456789ABCDEF' },
      },
    ],
    dockerImageSignatures: ['ZXlKaGJHY2lPaUpGVXpJMU5pSjk='],
    dockerImageManifestMediaType: 'application/vnd.docker.distribution.manifest.v2+json',
  },
};

const pushedOnlyTag: ImageStreamTagJson = {
  metadata: { name: 'big:latest', namespace: 'demo' },
  tag: null,
  generation: 2,
  lookupPolicy: { local: false },
  image: bigSignedIsi.image,
};

const isis: Record<string, ImageStreamImageJson> = {
  [swarmIsi.metadata.name!]: swarmIsi,
  [minimalIsi.metadata.name!]: minimalIsi,
  [manifestListIsi.metadata.name!]: manifestListIsi,
  [bigSignedIsi.metadata.name!]: bigSignedIsi,
};

// The declared return types are the GraphQL classes while the values are the raw kube JSON: this
// only compiles while the kube types stay assignable to the classes, as real resolvers need.
@Resolver()
class FixtureResolver {
  @Query(() => ImageStreamImage, { nullable: true })
  imageStreamImage(@Arg('name', () => String) name: string): ImageStreamImage | undefined {
    return isis[name];
  }

  @Query(() => ImageStream)
  imageStream(): ImageStream {
    return wildfly;
  }

  @Query(() => ImageStreamTag)
  imageStreamTag(): ImageStreamTag {
    return pushedOnlyTag;
  }

  @Query(() => ImageStreamConnection)
  imageStreams(): ImageStreamConnection {
    return { edges: [{ cursor: 'c1', node: wildfly }], pageInfo: { hasNextPage: false, endCursor: 'c1' } };
  }
}

let schema: GraphQLSchema;

beforeAll(async () => {
  schema = await buildSchema({
    resolvers: [FixtureResolver, DockerImageMetadataResolver],
    orphanedTypes: IMAGE_GRAPH_TYPES,
    validate: false,
  });
});

async function run(source: string, variableValues?: Record<string, unknown>): Promise<Record<string, unknown>> {
  const result = await graphql({ schema, source, variableValues });
  expect(result.errors).toBeUndefined();
  return JSON.parse(JSON.stringify(result.data)) as Record<string, unknown>;
}

const isiQuery = (selection: string) => `query ($name: String!) { imageStreamImage(name: $name) { ${selection} } }`;

describe('image graph object types', () => {
  it('exposes the capitalised dockerImageMetadata keys as camelCase fields read from the raw JSON', async () => {
    const data = await run(
      isiQuery(`image { dockerImageMetadata {
        id parent created container dockerVersion author architecture size
        containerConfig { hostname exposedPorts cmd }
        config { labels env cmd image exposedPorts }
      } }`),
      { name: 'newapp@sha256:445d9593' },
    );
    expect(data).toEqual({
      imageStreamImage: {
        image: {
          dockerImageMetadata: {
            id: '711e5ec1e370b6e7ab7d59bd3e7dd28b43d4f06c64ae50051622a2d59e82ecab',
            parent: 'dfe03d2d4a3eb77e50a3b8f7604b05f974b3a89e673af19efc6d5ac2d2c5c626',
            created: '2016-02-23T14:52:02Z',
            container: '26817295d7d6193ca4fafec76ac02367dd1cd85049f285741ddb8a1b7c8b443b',
            dockerVersion: '1.8.2-fc22',
            author: 'burrsutter@gmail.com',
            architecture: 'amd64',
            size: 448325253,
            containerConfig: {
              hostname: '82f7a8302f48',
              exposedPorts: { '8080/tcp': {} },
              cmd: ['/bin/sh', '-c', '#(nop) CMD ["/bin/sh" "-c" "java -jar swarm-helloworld-1.0-SNAPSHOT-swarm.jar"]'],
            },
            config: {
              labels: { 'build-date': '2016-02-17', license: 'GPLv2', name: 'CentOS Base Image', vendor: 'CentOS' },
              env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
              cmd: ['/bin/sh', '-c', 'java -jar swarm-helloworld-1.0-SNAPSHOT-swarm.jar'],
              image: 'dfe03d2d4a3eb77e50a3b8f7604b05f974b3a89e673af19efc6d5ac2d2c5c626',
              exposedPorts: { '8080/tcp': {} },
            },
          },
        },
      },
    });
  });

  it('names the renamed fields only in camelCase in the schema', () => {
    const metadata = schema.getType('DockerImageMetadata');
    const config = schema.getType('DockerConfig');
    if (!isObjectType(metadata) || !isObjectType(config)) throw new Error('DockerImageMetadata/DockerConfig missing');
    expect(Object.keys(metadata.getFields()).sort()).toEqual(
      [
        'architecture', 'author', 'comment', 'config', 'container', 'containerConfig', 'created', 'dockerVersion',
        'id', 'parent', 'raw', 'size',
      ].sort(),
    );
    expect(Object.keys(config.getFields()).every((name) => /^[a-z]/.test(name))).toBe(true);
    expect(Object.keys(config.getFields())).toEqual(expect.arrayContaining(['workingDir', 'onBuild', 'exposedPorts', 'labels']));
  });

  it('returns a 5 GiB layer size and the image size beyond it exactly (SafeInt)', async () => {
    const data = await run(isiQuery('image { dockerImageLayers { name size mediaType } dockerImageMetadata { size } }'), {
      name: 'big@sha256:ca013ac5',
    });
    expect(data).toEqual({
      imageStreamImage: {
        image: {
          dockerImageLayers: [
            {
              name: 'sha256:35c102085707f703de2d9eaad8752d6fe1b8f02b5d2149f1d8357c9cc7fb7d0a',
              size: 5368709120,
              mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
            },
          ],
          dockerImageMetadata: { size: 5368712529 },
        },
      },
    });
    const sizeType = schema.getType('Layer');
    if (!isObjectType(sizeType)) throw new Error('Layer missing');
    expect(String(sizeType.getFields().size!.type)).toBe('SafeInt!');
  });

  it('answers null for the layer mediaType that 3.x servers did not send', async () => {
    const data = await run(isiQuery('image { dockerImageLayers { size mediaType } }'), { name: 'newapp@sha256:445d9593' });
    const layers = (data.imageStreamImage as { image: { dockerImageLayers: unknown[] } }).image.dockerImageLayers;
    expect(layers).toHaveLength(9);
    expect(layers[1]).toEqual({ size: 196610919, mediaType: null });
  });

  it('lists the members of a manifest list with their platform variant', async () => {
    const data = await run(
      isiQuery(`metadata { name namespace creationTimestamp }
        image { dockerImageManifestMediaType dockerImageLayers { name }
          dockerImageManifests { digest mediaType manifestSize architecture os variant } }`),
      { name: 'ubuntu@sha256:5020d54e' },
    );
    expect(data).toEqual({
      imageStreamImage: {
        metadata: { name: 'ubuntu@sha256:5020d54e', namespace: 'demo', creationTimestamp: '2024-05-02T09:14:03Z' },
        image: {
          dockerImageManifestMediaType: 'application/vnd.docker.distribution.manifest.list.v2+json',
          dockerImageLayers: null,
          dockerImageManifests: [
            {
              digest: 'sha256:ca013ac5c09f9a9f6db8370c1b759a29fe997d64d6591e9a75b71748858f7da0',
              mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
              manifestSize: 1152,
              architecture: 'amd64',
              os: 'linux',
              variant: null,
            },
            {
              digest: 'sha256:1a06d68cb9117b52965035a5b0fa4c1470ef892e6062ffedb1af1922952e0950',
              mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
              manifestSize: 1152,
              architecture: 'arm64',
              os: 'linux',
              variant: 'v8',
            },
          ],
        },
      },
    });
  });

  it('returns signatures with their conditions, claims, issuer and subject', async () => {
    const data = await run(
      isiQuery(`image {
        dockerImageSignatures
        signatures {
          metadata { name } type content imageIdentity signedClaims created
          conditions { type status lastProbeTime lastTransitionTime reason message }
          issuedBy { organization commonName }
          issuedTo { organization commonName publicKeyID }
        } }`),
      { name: 'big@sha256:ca013ac5' },
    );
    const image = (data.imageStreamImage as { image: Record<string, unknown> }).image;
    expect(image.dockerImageSignatures).toEqual(['ZXlKaGJHY2lPaUpGVXpJMU5pSjk=']);
    expect(image.signatures).toEqual([
      {
        metadata: {
          name: 'sha256:ca013ac5c09f9a9f6db8370c1b759a29fe997d64d6591e9a75b71748858f7da0@9f3c1d0e5a7b4c2d8e6f1a0b3c5d7e9f',
        },
        type: 'AtomicImageV1',
        content: 'b3duIGJ5dGVz',
        imageIdentity: 'registry.example.com/demo/big:1.0',
        signedClaims: { 'docker-manifest-digest': 'sha256:ca013ac5c09f9a9f6db8370c1b759a29fe997d64d6591e9a75b71748858f7da0' },
        created: '2024-05-01T00:00:00Z',
        conditions: [
          {
            type: 'Trusted',
            status: 'True',
            lastProbeTime: '2024-05-02T09:21:00Z',
            lastTransitionTime: '2024-05-02T09:21:00Z',
            reason: 'Verified',
            message: 'signed by a trusted key',
          },
          { type: 'ForImage', status: 'True', lastProbeTime: null, lastTransitionTime: null, reason: null, message: null },
        ],
        issuedBy: { organization: 'Example Inc.', commonName: 'Example release key' },
        issuedTo: { organization: 'Example Inc.', commonName: 'Example release key', publicKeyID: '0123456789ABCDEF' },
      },
    ]);
  });

  it('returns the dockerImageMetadata document as sent in raw, unmodelled keys included', async () => {
    const data = await run(isiQuery('image { dockerImageMetadata { raw } }'), { name: 'big@sha256:ca013ac5' });
    expect(data).toEqual({ imageStreamImage: { image: { dockerImageMetadata: { raw: bigImageMetadata } } } });

    const swarm = await run(isiQuery('image { dockerImageMetadata { raw } }'), { name: 'newapp@sha256:445d9593' });
    expect(swarm).toEqual({ imageStreamImage: { image: { dockerImageMetadata: { raw: swarmImage.dockerImageMetadata } } } });
  });

  it('reads the smallest valid image: empty Id, empty layer list, null creationTimestamp', async () => {
    const data = await run(
      isiQuery(`image { metadata { name creationTimestamp uid } dockerImageReference dockerImageMetadataVersion
        dockerImageLayers { name } signatures { type } dockerImageMetadata { id created config { env labels } containerConfig { cmd } } }`),
      { name: 'ruby@test' },
    );
    expect(data).toEqual({
      imageStreamImage: {
        image: {
          metadata: { name: 'test', creationTimestamp: null, uid: null },
          dockerImageReference: 'image-registry.openshift-image-registry.svc:5000/openshift/ruby:2.7',
          dockerImageMetadataVersion: '1.0',
          dockerImageLayers: [],
          signatures: null,
          dockerImageMetadata: { id: '', created: null, config: { env: null, labels: null }, containerConfig: { cmd: null } },
        },
      },
    });
  });

  it('reads an image stream with spec tags and status tag history', async () => {
    const data = await run(`{ imageStream {
      metadata { name namespace uid resourceVersion creationTimestamp annotations labels }
      spec { lookupPolicy { local } dockerImageRepository
        tags { name annotations reference generation from { kind name namespace } importPolicy { insecure } referencePolicy { type } } }
      status { dockerImageRepository publicDockerImageRepository
        tags { tag conditions { type } items { created dockerImageReference image generation } } }
    } }`);
    const stream = data.imageStream as {
      metadata: unknown;
      spec: { lookupPolicy: unknown; tags: unknown[] };
      status: { dockerImageRepository: string; publicDockerImageRepository: unknown; tags: unknown[] };
    };
    expect(stream.metadata).toEqual({
      name: 'wildfly',
      namespace: 'openshift',
      uid: 'c92f9f1b-83fb-11e5-9995-fa163e0f2c20',
      resourceVersion: '2072',
      creationTimestamp: '2015-11-05T20:28:34Z',
      annotations: { 'openshift.io/image.dockerRepositoryCheck': '2015-11-05T20:28:54Z' },
      labels: null,
    });
    expect(stream.spec.lookupPolicy).toBeNull();
    expect(stream.spec.tags[1]).toEqual({
      name: 'latest',
      annotations: null,
      reference: null,
      generation: null,
      from: { kind: 'ImageStreamTag', name: '8.1', namespace: null },
      importPolicy: null,
      referencePolicy: null,
    });
    expect(stream.status.dockerImageRepository).toBe('172.30.224.48:5000/openshift/wildfly');
    expect(stream.status.tags[0]).toEqual({
      tag: '8.1',
      conditions: null,
      items: [
        {
          created: '2015-11-05T20:28:54Z',
          dockerImageReference:
            'docker.io/openshift/wildfly-81-centos7@sha256:7e4c604e6ffad326607461165ef2f23dff5158e0249a3d4f7c0ef3eea58b1d2f',
          image: 'sha256:7e4c604e6ffad326607461165ef2f23dff5158e0249a3d4f7c0ef3eea58b1d2f',
          generation: null,
        },
      ],
    });
  });

  it('reads an image stream tag that has no spec tag, and a connection of image streams', async () => {
    const data = await run(`{
      imageStreamTag { metadata { name } tag { name } generation lookupPolicy { local } conditions { type } image { metadata { name } } }
      imageStreams { edges { cursor node { metadata { name } } } pageInfo { hasNextPage endCursor } }
    }`);
    expect(data).toEqual({
      imageStreamTag: {
        metadata: { name: 'big:latest' },
        tag: null,
        generation: 2,
        lookupPolicy: { local: false },
        conditions: null,
        image: { metadata: { name: 'sha256:ca013ac5c09f9a9f6db8370c1b759a29fe997d64d6591e9a75b71748858f7da0' } },
      },
      imageStreams: {
        edges: [{ cursor: 'c1', node: { metadata: { name: 'wildfly' } } }],
        pageInfo: { hasNextPage: false, endCursor: 'c1' },
      },
    });
  });

  it('declares the nullability of note', () => {
    const typeOf = (type: string, field: string): string => {
      const object = schema.getType(type);
      if (!isObjectType(object)) throw new Error(`${type} missing`);
      const found = object.getFields()[field];
      if (!found) throw new Error(`${type}.${field} missing`);
      return String(found.type);
    };
    expect(typeOf('Image', 'dockerImageLayers')).toBe('[Layer!]');
    expect(typeOf('Image', 'dockerImageSignatures')).toBe('[String!]');
    expect(typeOf('Manifest', 'manifestSize')).toBe('SafeInt!');
    expect(typeOf('Manifest', 'variant')).toBe('String');
    expect(typeOf('DockerImageMetadata', 'size')).toBe('SafeInt');
    expect(typeOf('NamedTagEventList', 'items')).toBe('[TagEvent!]');
    expect(typeOf('ImageStreamTag', 'tag')).toBe('TagReference');
    expect(typeOf('SignatureSubject', 'publicKeyID')).toBe('String!');
    expect(typeOf('ObjectMeta', 'labels')).toBe('JSONObject');
    expect(typeOf('ImageStreamConnection', 'edges')).toBe('[ImageStreamEdge!]!');
    expect(typeOf('ImageStreamConnection', 'pageInfo')).toBe('PageInfo!');
    expect(typeOf('ImageStreamEdge', 'node')).toBe('ImageStream!');
    expect(typeOf('PageInfo', 'endCursor')).toBe('String');
  });

  it('describes every image graph type and field, with the API reference wording', () => {
    const names = IMAGE_GRAPH_TYPES.map((type) => type.name);
    expect(names).toHaveLength(26);
    for (const name of names) {
      const type = schema.getType(name);
      if (!isObjectType(type)) throw new Error(`${name} is not an object type in the schema`);
      expect([name, Boolean(type.description)]).toEqual([name, true]);
      for (const field of Object.values(type.getFields())) {
        expect([`${name}.${field.name}`, Boolean(field.description)]).toEqual([`${name}.${field.name}`, true]);
      }
    }
    const sdl = printSchema(schema);
    // printSchema writes short descriptions on one line and long ones as a block: accept both.
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const documented = (description: string, field: string) =>
      new RegExp(`"""\\s*${escape(description)}\\s*"""\\s*${escape(field)}\\n`);
    expect(sdl).toMatch(
      documented('DockerImageReference is the string that can be used to pull this image.', 'dockerImageReference: String'),
    );
    expect(sdl).toMatch(documented('Size of the layer in bytes as defined by the underlying store.', 'size: SafeInt!'));
    expect(sdl).toMatch(documented('Signatures holds all signatures of the image.', 'signatures: [Signature!]'));
    expect(sdl).toMatch(documented('Tag is the tag for which the history is recorded.', 'tag: String!'));
  });

  it('leaves the manifest and config blobs and the cross-object fields to other modules', () => {
    const fieldsOf = (name: string): string[] => {
      const type = schema.getType(name);
      return isObjectType(type) ? Object.keys(type.getFields()) : [];
    };
    expect(fieldsOf('Image')).not.toContain('dockerImageManifest');
    expect(fieldsOf('Image')).not.toContain('dockerImageConfig');
    expect(fieldsOf('ImageStream')).not.toContain('tag');
    expect(fieldsOf('NamedTagEventList')).not.toContain('latest');
    expect(fieldsOf('TagEvent')).not.toContain('imageStreamImage');
    expect(fieldsOf('Manifest')).not.toContain('imageStreamImage');
    expect(fieldsOf('ImageStreamImage')).not.toContain('imageStream');
  });
});
