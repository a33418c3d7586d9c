import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { SAMPLES } from '../../src/demo/sample-data';
import { startHarness, type Harness } from '../helpers/gateway-harness';
import { until } from '../helpers/until';

// Apollo Client 4 as a frontend uses it: an InMemoryCache with no typePolicies, which
// normalises every object that has `__typename` and `id` into one entry `<__typename>:<id>`.
// The README's queries, as a newcomer pastes them, fill it with one entry per object.

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
const queries = new Map(
  [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => [/query (\w+)/.exec(match[1] ?? '')?.[1] ?? '', match[1] ?? '']),
);
const readmeQuery = (name: string) => {
  const text = queries.get(name);
  if (!text) throw new Error(`the README has no query ${name}`);
  return gql(text);
};

const id = (plain: string) => Buffer.from(plain, 'utf8').toString('base64url');
type Entries = Record<string, Record<string, unknown>>;
const keysOf = (entries: Entries, type: string) => Object.keys(entries).filter((key) => key.startsWith(`${type}:`)).sort();

describe('the README queries in Apollo Client 4 (InMemoryCache, no typePolicies)', () => {
  let harness: Harness;
  let client: ApolloClient;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.stop());
  beforeEach(() => {
    client = new ApolloClient({ link: new HttpLink({ uri: `${harness.gateway.url}/graphql` }), cache: new InMemoryCache() });
  });

  test('FirstLook normalises into one ImageStream, an ImageStreamImage and an Image per distinct latest image, ROOT_QUERY holding a reference', async () => {
    const { data, error } = await client.query({ query: readmeQuery('FirstLook') });
    expect(error).toBeUndefined();
    const entries = client.cache.extract() as Entries;
    const python = `ImageStream:${id('ImageStream:openshift/python')}`;
    expect(keysOf(entries, 'ImageStream')).toEqual([python]);
    expect(entries.ROOT_QUERY?.['imageStream({"name":"python","namespace":"openshift"})']).toEqual({ __ref: python });
    // Tags 3.11, 3.12 and latest: latest and 3.12 point at the same image.
    const latest = (data as { imageStream: { status: { tags: Array<{ latest: { imageStreamImage: { id: string; image: { id: string } } } }> } } }).imageStream.status.tags.map(
      (tag) => tag.latest.imageStreamImage,
    );
    expect(latest).toHaveLength(3);
    expect(keysOf(entries, 'ImageStreamImage')).toEqual([...new Set(latest.map((isi) => `ImageStreamImage:${isi.id}`))].sort());
    expect(keysOf(entries, 'ImageStreamImage')).toHaveLength(2);
    expect(keysOf(entries, 'Image')).toEqual([...new Set(latest.map((isi) => `Image:${isi.image.id}`))].sort());
    expect(keysOf(entries, 'Image')).toHaveLength(2);
    expect(entries[python]?.__typename).toBe('ImageStream');
  });

  test('SignedImage, asked by a digest prefix, lands in the entry FirstLook made for the same image of the same stream', async () => {
    await client.query({ query: readmeQuery('FirstLook') });
    const before = keysOf(client.cache.extract() as Entries, 'ImageStreamImage');
    await client.query({ query: readmeQuery('SignedImage') });
    const entries = client.cache.extract() as Entries;
    const signed = `ImageStreamImage:${id(`ImageStreamImage:openshift/python@${SAMPLES.signedImage.digest}`)}`;
    expect(keysOf(entries, 'ImageStreamImage')).toEqual(before);
    expect(before).toContain(signed);
    expect(entries.ROOT_QUERY?.[`imageStreamImage({"name":"python@sha256:e882ab8d","namespace":"openshift"})`]).toEqual({ __ref: signed });
    // One Image entry holds the fields of both queries: FirstLook's layers and SignedImage's signatures.
    const image = entries[`Image:${id(`Image:${SAMPLES.signedImage.digest}`)}`];
    expect(Object.keys(image ?? {}).sort()).toEqual(['__typename', 'dockerImageLayers', 'dockerImageMetadata', 'dockerImageReference', 'id', 'metadata', 'signatures']);
  });

  test('Platforms, Streams, History and ClusterImage each normalise their objects by type and id', async () => {
    for (const name of ['Platforms', 'Streams', 'History', 'ClusterImage']) {
      const { error } = await client.query({ query: readmeQuery(name) });
      expect(error).toBeUndefined();
    }
    const entries = client.cache.extract() as Entries;
    expect(keysOf(entries, 'ImageStreamTag')).toEqual([`ImageStreamTag:${id('ImageStreamTag:demo/ubuntu:latest')}`]);
    // Streams (the first 3 of openshift) and History's team-a/ml-training.
    expect(keysOf(entries, 'ImageStream')).toEqual(
      ['openshift/httpd', 'openshift/nodejs', 'openshift/python', 'team-a/ml-training'].map((key) => `ImageStream:${id(`ImageStream:${key}`)}`).sort(),
    );
    // The manifest list's four members through demo/ubuntu, and ml-training:v2's history entries.
    const isis = keysOf(entries, 'ImageStreamImage').map((key) => Buffer.from(key.slice('ImageStreamImage:'.length), 'base64url').toString('utf8'));
    expect(isis.filter((key) => key.startsWith('ImageStreamImage:demo/ubuntu@'))).toHaveLength(4);
    expect(isis.filter((key) => key.startsWith('ImageStreamImage:team-a/ml-training@'))).toHaveLength(isis.length - 4);
    // ClusterImage is the list's amd64 member: the same entry as that member's image read through demo/ubuntu.
    const amd64 = `Image:${id(`Image:${SAMPLES.manifestListMembers.amd64}`)}`;
    expect(entries.ROOT_QUERY?.[`image({"name":"${SAMPLES.manifestListMembers.amd64}"})`]).toEqual({ __ref: amd64 });
    const member = entries[`ImageStreamImage:${id(`ImageStreamImage:demo/ubuntu@${SAMPLES.manifestListMembers.amd64}`)}`];
    expect(member?.image).toEqual({ __ref: amd64 });
    expect(entries[`ImageStreamTag:${id('ImageStreamTag:demo/ubuntu:latest')}`]?.image).toEqual({ __ref: `Image:${id(`Image:${SAMPLES.manifestList.digest}`)}` });
  });
});

describe('an imageStreamChanged event in Apollo Client 4 (InMemoryCache, no typePolicies)', () => {
  // A page's query and a subscription to the same stream, selecting the same fields: the event's
  // stream has the same `ImageStream:<id>`, so the cache merges it into the entry the query made.
  const PAGE = gql`
    query FrontendPage {
      imageStream(namespace: "demo", name: "frontend") { id metadata { name } status { tags { tag latest { image } } } }
    }
  `;
  const CHANGED = gql`
    subscription FrontendChanged {
      imageStreamChanged(namespace: "demo", name: "frontend") { type imageStream { id metadata { name } status { tags { tag latest { image } } } } }
    }
  `;
  type Page = { imageStream: { id: string; status: { tags: Array<{ tag: string; latest: { image: string } | null }> } } };
  const latestOf = (page: Page | null | undefined, tag: string) => page?.imageStream.status.tags.find((t) => t.tag === tag)?.latest?.image;

  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.stop());

  test('updates the stream the page query cached, by its id, with no second query', async () => {
    const queriesSent: string[] = [];
    const http = new HttpLink({
      uri: `${harness.gateway.url}/graphql`,
      fetch: (input, init) => {
        queriesSent.push(String((JSON.parse(String(init?.body)) as { operationName: string }).operationName));
        return fetch(input, init);
      },
    });
    const sockets = createClient({ url: `${harness.gateway.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0 });
    const link = ApolloLink.split(
      ({ query }) => {
        const definition = getMainDefinition(query);
        return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
      },
      new GraphQLWsLink(sockets),
      http,
    );
    const client = new ApolloClient({ link, cache: new InMemoryCache() });
    try {
      const { data: before } = await client.query<Page>({ query: PAGE });
      const streamId = before?.imageStream.id;
      expect(streamId).toBe(id('ImageStream:demo/frontend'));
      const cachedBefore = latestOf(before, 'latest');
      expect(cachedBefore).toMatch(/^sha256:[0-9a-f]{64}$/);
      const queryReads = () => harness.upstreamCalls().filter((url) => url === '/apis/image.openshift.io/v1/namespaces/demo/imagestreams/frontend').length;
      expect(queryReads()).toBe(1);

      const events: string[] = [];
      const subscription = client.subscribe({ query: CHANGED }).subscribe({
        next: ({ data }) => events.push(String((data as { imageStreamChanged: { type: string } } | undefined)?.imageStreamChanged.type)),
      });
      await until('the upstream watch', () => harness.demo.watches.open.length === 1);
      const pushed = harness.demo.changes.pushImage({ namespace: 'demo', stream: 'frontend', tag: 'latest' });
      await until('the event', () => events.length === 1);
      subscription.unsubscribe();

      expect(events).toEqual(['MODIFIED']);
      expect(pushed.digest).not.toBe(cachedBefore);
      // The cache's entry of the stream, read without the network, holds the pushed image.
      const entry = (client.cache.extract() as Entries)[`ImageStream:${streamId}`];
      expect(entry?.id).toBe(streamId);
      const after = client.readQuery<Page>({ query: PAGE });
      expect(latestOf(after, 'latest')).toBe(pushed.digest);
      const { data: cacheOnly } = await client.query<Page>({ query: PAGE, fetchPolicy: 'cache-only' });
      expect(latestOf(cacheOnly, 'latest')).toBe(pushed.digest);
      // One query went out, and the stream was read from the cluster once: nothing was refetched.
      expect(queriesSent).toEqual(['FrontendPage']);
      expect(queryReads()).toBe(1);
    } finally {
      client.stop();
      await sockets.dispose();
    }
  });
});
