import { BIG_STREAM, SAMPLES } from '../../src/demo/sample-data';
import { DEVELOPER_TOKEN, VIEWER_TOKEN } from '../../src/demo/demo-tokens';
import {
  ImageByDigestDocument,
  ImageStreamImageDetailsDocument,
  ImageStreamOverviewDocument,
  ImageStreamsPageDocument,
  ImageStreamTagDetailsDocument,
  ManifestListMembersDocument,
  StreamHistoryLayersDocument,
} from '../generated/graphql';
import { encodeCursor } from '../../src/graphql/image-stream-cursor';
import { startHarness, type Harness } from '../helpers/gateway-harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.stop());
beforeEach(() => harness.demo.resetRequests());

describe('imageStreamImage', () => {
  test('returns the signed image with its signatures, issuer key id and conditions', async () => {
    const { signedImage } = SAMPLES;
    const short = signedImage.digest.slice(0, 'sha256:'.length + 12);
    const { status, body } = await harness.run(ImageStreamImageDetailsDocument, {
      namespace: signedImage.namespace,
      name: `${signedImage.stream}@${short}`,
    });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const isi = body.data?.imageStreamImage;
    expect(isi?.metadata.name).toBe(`python@${short}`);
    expect(isi?.metadata.uid).toBeNull();
    expect(isi?.image.metadata.name).toBe(signedImage.digest);
    const [trusted, unverified] = isi?.image.signatures ?? [];
    expect(trusted?.issuedTo).toEqual({
      organization: 'Red Hat, Inc.',
      commonName: 'Red Hat, Inc. (release key 2) <security@redhat.com>',
      publicKeyID: '199E2F91FD431D51',
    });
    expect(trusted?.conditions?.map((c) => [c.type, c.status, c.reason ?? null])).toEqual([
      ['Trusted', 'True', 'Verified'],
      ['ForImage', 'True', null],
    ]);
    expect(trusted?.signedClaims).toMatchObject({ 'docker-manifest-digest': signedImage.digest });
    expect(unverified?.issuedTo).toBeNull();
    expect(unverified?.conditions?.[0]).toMatchObject({ type: 'Trusted', status: 'Unknown', reason: 'UnknownKey' });
    expect(isi?.imageStream?.metadata.name).toBe('python');
  });

  test('returns a layer larger than 4 GiB as the exact integer 5368709120', async () => {
    const { bigLayerImage } = SAMPLES;
    const { body } = await harness.run(ImageStreamImageDetailsDocument, {
      namespace: bigLayerImage.namespace,
      name: `${bigLayerImage.stream}@${bigLayerImage.digest}`,
    });
    const sizes = body.data?.imageStreamImage?.image.dockerImageLayers?.map((l) => l.size) ?? [];
    expect(sizes).toContain(5368709120);
    expect(body.data?.imageStreamImage?.image.dockerImageMetadata?.size).toBeGreaterThan(5368709120);
  });

  test('lists the manifest list platforms with the arm64 variant, and reaches each member through the stream', async () => {
    const { manifestList, manifestListMembers } = SAMPLES;
    const { body } = await harness.run(ManifestListMembersDocument, {
      namespace: manifestList.namespace,
      name: `${manifestList.stream}@${manifestList.digest}`,
    });
    expect(body.errors).toBeUndefined();
    const manifests = body.data?.imageStreamImage?.image.dockerImageManifests ?? [];
    expect(manifests.map((m) => [m.os, m.architecture, m.variant ?? null])).toEqual([
      ['linux', 'amd64', null],
      ['linux', 'arm64', 'v8'],
      ['linux', 'ppc64le', null],
      ['linux', 's390x', null],
    ]);
    expect(manifests.map((m) => m.imageStreamImage?.image.metadata.name)).toEqual([
      manifestListMembers.amd64,
      manifestListMembers.arm64,
      manifestListMembers.ppc64le,
      manifestListMembers.s390x,
    ]);
    expect(manifests.map((m) => m.imageStreamImage?.image.dockerImageMetadata?.architecture)).toEqual(['amd64', 'arm64', 'ppc64le', 's390x']);
    expect(manifests[1]?.imageStreamImage?.metadata.name).toBe(`ubuntu@${manifestListMembers.arm64}`);
  });

  test('answers NOT_FOUND with the upstream Status in extensions.kubernetes', async () => {
    const { body } = await harness.run(ImageStreamImageDetailsDocument, { namespace: 'demo', name: 'ruby@sha256:0123abcd' });
    expect(body.data?.imageStreamImage).toBeNull();
    expect(body.errors?.[0]).toMatchObject({
      message: 'imagestreamimage.image.openshift.io "ruby@sha256:0123abcd" not found',
      path: ['imageStreamImage'],
      extensions: {
        code: 'NOT_FOUND',
        kubernetes: { reason: 'NotFound', code: 404, details: { name: 'ruby@sha256:0123abcd', group: 'image.openshift.io', kind: 'imagestreamimage' } },
      },
    });
    expect(JSON.stringify(body)).not.toMatch(/stack|\.ts:\d+/);
  });
});

describe('imageStream and its navigation', () => {
  test('answers the shared image once per tag history and resolves tag(name) and latest', async () => {
    const { sharedImage } = SAMPLES;
    const { body } = await harness.run(ImageStreamOverviewDocument, { namespace: sharedImage.namespace, name: sharedImage.stream, tag: '8.1' });
    expect(body.errors).toBeUndefined();
    const stream = body.data?.imageStream;
    const sharing = stream?.status?.tags?.filter((t) => t.items?.some((i) => i.image === sharedImage.digest)).map((t) => t.tag);
    expect(sharing).toEqual(expect.arrayContaining([...sharedImage.tags]));
    expect(stream?.tag?.tag).toBe('8.1');
    expect(stream?.tag?.latest?.imageStreamImage?.image.metadata.name).toBe(sharedImage.digest);
    expect(stream?.tag?.latest?.imageStreamImage?.metadata.name).toBe(`wildfly@${sharedImage.digest}`);
    // One GET of the stream, one GET of the ISI behind tag(name: "8.1").
    expect(harness.upstreamCalls()).toEqual([
      '/apis/image.openshift.io/v1/namespaces/openshift/imagestreams/wildfly',
      `/apis/image.openshift.io/v1/namespaces/openshift/imagestreamimages/wildfly@${sharedImage.digest}`,
    ]);
  });

  test('returns null status tags for a stream whose spec tag was never imported', async () => {
    const { emptyStream } = SAMPLES;
    const { body } = await harness.run(ImageStreamOverviewDocument, { namespace: emptyStream.namespace, name: emptyStream.stream, tag: emptyStream.specTag });
    expect(body.errors).toBeUndefined();
    expect(body.data?.imageStream?.spec?.tags?.map((t) => t.name)).toEqual([emptyStream.specTag]);
    expect(body.data?.imageStream?.status?.tags ?? []).toEqual([]);
    expect(body.data?.imageStream?.tag).toBeNull();
  });

  test('fails only the pruned history entry with NOT_FOUND while its siblings resolve', async () => {
    const { prunedEntry } = SAMPLES;
    const { body } = await harness.run(StreamHistoryLayersDocument, { namespace: prunedEntry.namespace, name: prunedEntry.stream });
    const tag = body.data?.imageStream?.status?.tags?.find((t) => t.tag === prunedEntry.tag);
    const items = tag?.items ?? [];
    const pruned = items.findIndex((i) => i.image === prunedEntry.digest);
    expect(pruned).toBeGreaterThan(0);
    expect(items[pruned]?.imageStreamImage).toBeNull();
    expect(items.filter((i, n) => n !== pruned).every((i) => i.imageStreamImage?.image.metadata.name === i.image)).toBe(true);
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]).toMatchObject({
      message: `imagestreamimages.image.openshift.io "${prunedEntry.digest}" not found`,
      extensions: { code: 'NOT_FOUND', kubernetes: { reason: 'NotFound', code: 404 } },
    });
    expect(body.errors?.[0]?.path?.slice(-2)).toEqual([pruned, 'imageStreamImage']);
  });

  test(`costs exactly 1 + ${BIG_STREAM.distinctImages} upstream calls for ${BIG_STREAM.tags} tags x ${BIG_STREAM.entriesPerTag} entries over ${BIG_STREAM.distinctImages} images`, async () => {
    const { body } = await harness.run(StreamHistoryLayersDocument, { namespace: BIG_STREAM.namespace, name: BIG_STREAM.name });
    expect(body.errors).toBeUndefined();
    const items = body.data?.imageStream?.status?.tags?.flatMap((t) => t.items ?? []) ?? [];
    expect(items).toHaveLength(BIG_STREAM.tags * BIG_STREAM.entriesPerTag);
    expect(items.every((i) => (i.imageStreamImage?.image.dockerImageLayers?.length ?? 0) > 0)).toBe(true);
    const calls = harness.upstreamCalls();
    expect(calls).toHaveLength(1 + BIG_STREAM.distinctImages);
    expect(new Set(calls).size).toBe(calls.length);
    expect(calls.filter((c) => c.includes('/imagestreamimages/'))).toHaveLength(BIG_STREAM.distinctImages);
  });
});

describe('imageStreams', () => {
  test('pages through every stream of a namespace exactly once', async () => {
    const seen: string[] = [];
    let after: string | null | undefined;
    let pages = 0;
    do {
      const { body } = await harness.run(ImageStreamsPageDocument, { namespace: 'openshift', first: 2, after });
      expect(body.errors).toBeUndefined();
      const page = body.data?.imageStreams;
      seen.push(...(page?.edges.map((e) => e.node.metadata.name ?? '') ?? []));
      after = page?.pageInfo.hasNextPage ? page.pageInfo.endCursor : undefined;
      pages += 1;
    } while (after && pages < 20);
    expect(seen.length).toBeGreaterThan(2);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort());
    expect(harness.upstreamCalls().every((c) => c.startsWith('/apis/image.openshift.io/v1/namespaces/openshift/imagestreams?limit=2'))).toBe(true);
  });

  test('resumes from an edge cursor in the middle of a page', async () => {
    const first = await harness.run(ImageStreamsPageDocument, { namespace: 'openshift', first: 3 });
    const edges = first.body.data?.imageStreams.edges ?? [];
    const resumed = await harness.run(ImageStreamsPageDocument, { namespace: 'openshift', first: 2, after: edges[0]?.cursor });
    expect(resumed.body.data?.imageStreams.edges.map((e) => e.node.metadata.name)).toEqual(edges.slice(1, 3).map((e) => e.node.metadata.name));
  });

  test('refuses a cursor it did not make and an out-of-range first with BAD_USER_INPUT, before any upstream call', async () => {
    const bad = await harness.run(ImageStreamsPageDocument, { namespace: 'openshift', first: 2, after: 'not-a-cursor' });
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    const big = await harness.run(ImageStreamsPageDocument, { namespace: 'openshift', first: 501 });
    expect(big.body.errors?.[0]?.message).toBe('first must be an integer 1-500, got 501');
    expect(harness.upstreamCalls()).toEqual([]);
  });

  test('answers an expired continue token with BAD_USER_INPUT', async () => {
    const expired = encodeCursor({ namespace: 'openshift', continue: 'eyJleHBpcmVkIjp0cnVlfQ', offset: 0 });
    const { body } = await harness.run(ImageStreamsPageDocument, { namespace: 'openshift', first: 2, after: expired });
    expect(body.errors?.[0]).toMatchObject({
      message: 'after is a cursor that has expired upstream; list again without after',
      extensions: { code: 'BAD_USER_INPUT', argument: 'after' },
    });
  });
});

describe('imageStreamTag and image', () => {
  test('returns the image a tag points at', async () => {
    const { storedManifestImage } = SAMPLES;
    const { body } = await harness.run(ImageStreamTagDetailsDocument, {
      namespace: storedManifestImage.namespace,
      name: `${storedManifestImage.stream}:${storedManifestImage.tag}`,
    });
    expect(body.errors).toBeUndefined();
    expect(body.data?.imageStreamTag?.metadata.name).toBe('ruby:3.3');
    expect(body.data?.imageStreamTag?.image.metadata.name).toBe(storedManifestImage.digest);
  });

  test('returns a cluster-scoped image to a caller who may read images', async () => {
    const { signedImage } = SAMPLES;
    const { body } = await harness.run(ImageByDigestDocument, { name: signedImage.digest });
    expect(body.data?.image?.metadata.name).toBe(signedImage.digest);
    expect(body.data?.image?.dockerImageMetadata?.raw).toMatchObject({ kind: 'DockerImage', apiVersion: 'image.openshift.io/1.0' });
  });

  test('answers FORBIDDEN, and nothing else, to a caller who may not read images', async () => {
    const { signedImage } = SAMPLES;
    const { body } = await harness.run(ImageByDigestDocument, { name: signedImage.digest }, DEVELOPER_TOKEN);
    expect(body.data?.image).toBeNull();
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  test('lets a caller without image rights read the same image through its stream', async () => {
    const { signedImage } = SAMPLES;
    const { body } = await harness.run(
      ImageStreamImageDetailsDocument,
      { namespace: 'demo', name: `ruby@${SAMPLES.storedManifestImage.digest}` },
      VIEWER_TOKEN,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.imageStreamImage?.image.metadata.name).toBe(SAMPLES.storedManifestImage.digest);
    void signedImage;
  });
});
