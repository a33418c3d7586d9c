import { startDemoCluster, type DemoCluster } from '../../src/demo/demo-cluster';
import type { Image, ImageStream } from '../../src/demo/image-types';
import { decodeContinue, encodeContinue } from '../../src/demo/list-paging';
import { SAMPLE_DATA } from '../../src/demo/sample-data';
import { body, IMAGE_API, request } from './demo-client';

const EXPIRED = {
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message: 'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.',
  reason: 'Expired',
  code: 410,
};

interface Page<T> {
  metadata: { resourceVersion: string; continue?: string; remainingItemCount?: number };
  items: T[];
}

let cluster: DemoCluster;
beforeAll(async () => {
  cluster = await startDemoCluster();
});
afterAll(() => cluster.stop());

async function walk<T>(path: string, limit: number): Promise<Array<Page<T>>> {
  const pages: Array<Page<T>> = [];
  let token: string | undefined;
  do {
    const query = `limit=${limit}${token ? `&continue=${encodeURIComponent(token)}` : ''}`;
    const answer = await request(cluster.url, `${path}?${query}`);
    expect(answer.status).toBe(200);
    const page = body<Page<T>>(answer);
    pages.push(page);
    token = page.metadata.continue;
  } while (token && pages.length < 100);
  return pages;
}

describe('limit and continue', () => {
  it('walks every stream of every namespace exactly once, in key order, 5 at a time', async () => {
    const pages = await walk<ImageStream>(`${IMAGE_API}/imagestreams`, 5);
    expect(pages.map((page) => page.items.length)).toEqual([5, 5, 2]);
    expect(pages.map((page) => page.metadata.remainingItemCount)).toEqual([7, 2, undefined]);
    const keys = pages.flatMap((page) => page.items.map((s) => `${s.metadata.namespace}/${s.metadata.name}`));
    expect(keys).toEqual(SAMPLE_DATA.streams.map((s) => `${s.metadata.namespace}/${s.metadata.name}`));
    expect(new Set(keys).size).toBe(12);
    expect(pages.every((page) => page.metadata.resourceVersion === SAMPLE_DATA.resourceVersion)).toBe(true);
  });

  it('pages one namespace with limit=1 and ends without a continue token', async () => {
    const pages = await walk<ImageStream>(`${IMAGE_API}/namespaces/openshift/imagestreams`, 1);
    expect(pages.map((page) => page.items.map((s) => s.metadata.name))).toEqual([['httpd'], ['nodejs'], ['python'], ['wildfly']]);
    expect(pages.at(-1)?.metadata).toEqual({ resourceVersion: SAMPLE_DATA.resourceVersion });
  });

  it('walks all images exactly once', async () => {
    const pages = await walk<Image>(`${IMAGE_API}/images`, 16);
    const names = pages.flatMap((page) => page.items.map((image) => image.metadata.name));
    expect(names).toEqual(SAMPLE_DATA.images.map((image) => image.metadata.name));
  });

  it('issues opaque base64url tokens that name the last key and the revision', () => {
    const token = encodeContinue('demo/ruby', '42');
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(JSON.parse(Buffer.from(token, 'base64url').toString())).toEqual({ v: 'meta.k8s.io/v1', rv: 42, start: 'demo/ruby\u0000' });
    expect(decodeContinue(token, '42')).toBe('demo/ruby\u0000');
    expect(decodeContinue(token, '43')).toBeUndefined();
  });

  it.each([
    ['garbled', 'not!base64'],
    ['not JSON', Buffer.from('hello').toString('base64url')],
    ['from another revision', encodeContinue('demo/big', '1')],
    ['of another format', Buffer.from(JSON.stringify({ v: 'v0', rv: 1, start: 'x' })).toString('base64url')],
  ])('answers a %s continue token with 410 Expired', async (_case, token) => {
    const answer = await request(cluster.url, `${IMAGE_API}/namespaces/demo/imagestreams?limit=2&continue=${encodeURIComponent(token)}`);
    expect(answer.status).toBe(410);
    expect(body(answer)).toEqual(EXPIRED);
  });

  it('answers a non-numeric limit with 400', async () => {
    const answer = await request(cluster.url, `${IMAGE_API}/imagestreams?limit=ten`);
    expect(answer.status).toBe(400);
    expect(body(answer).message).toBe('strconv.ParseInt: parsing "ten": invalid syntax');
  });

  it('treats limit=0 as no limit', async () => {
    const page = body<Page<ImageStream>>(await request(cluster.url, `${IMAGE_API}/imagestreams?limit=0`));
    expect(page.items).toHaveLength(12);
    expect(page.metadata.continue).toBeUndefined();
  });
});
