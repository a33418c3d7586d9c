import type { ImageStream, ImageStreamImage } from '../../src/kube/types';
import { negotiateRepresentation } from '../../src/openshift/accept';
import { ago, humanDuration } from '../../src/openshift/human-duration';
import { IMAGE_STREAM_IMAGE_COLUMNS, imageStreamImageTable, imageStreamTable, includeObjectOf, tagsUpToWidth } from '../../src/openshift/table';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('humanDuration (docker/go-units, as OpenShift prints ages)', () => {
  test.each([
    [-5 * SECOND, 'Less than a second'],
    [999, 'Less than a second'],
    [SECOND, '1 second'],
    [59 * SECOND, '59 seconds'],
    [60 * SECOND, 'About a minute'],
    [119 * SECOND, 'About a minute'],
    [2 * MINUTE, '2 minutes'],
    [59 * MINUTE, '59 minutes'],
    [60 * MINUTE, 'About an hour'],
    [89 * MINUTE, 'About an hour'],
    [89 * MINUTE + 59 * SECOND, 'About an hour'],
    [90 * MINUTE, '2 hours'],
    [47 * HOUR + 29 * MINUTE, '47 hours'],
    [47 * HOUR + 30 * MINUTE, '2 days'],
    [47 * HOUR, '47 hours'],
    [48 * HOUR, '2 days'],
    [13 * DAY, '13 days'],
    [14 * DAY, '2 weeks'],
    [59 * DAY, '8 weeks'],
    [60 * DAY, '2 months'],
    [729 * DAY, '24 months'],
    [730 * DAY, '2 years'],
    [Number.MAX_SAFE_INTEGER, '292 years'],
  ])('%d ms is "%s"', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});

test('the Updated cell is the age and " ago", empty without a time', () => {
  const now = Date.parse('2026-12-01T00:00:00Z');
  expect([ago('2026-11-30T23:59:00Z', now), ago('2024-05-01T00:00:00Z', now), ago(undefined, now), ago(null, now)]).toEqual([
    'About a minute ago',
    '2 years ago',
    '',
    '',
  ]);
});

describe('negotiateRepresentation', () => {
  test.each([
    ['application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json', 'v1'],
    ['application/json;as=Table;v=v1beta1;g=meta.k8s.io', 'v1beta1'],
    ['application/json; as=Table; v=v1; g=meta.k8s.io', 'v1'],
    ['application/json, application/json;as=Table;v=v1;g=meta.k8s.io', undefined],
    ['application/json;as=Table;v=v1;g=meta.k8s.io;q=0.5, application/json', undefined],
    ['application/vnd.kubernetes.protobuf;as=Table;v=v1;g=meta.k8s.io, application/json;as=Table;v=v1;g=meta.k8s.io', 'v1'],
    ['application/json;as=Table;v=v2;g=meta.k8s.io, application/json', undefined],
    ['*/*', undefined],
    ['*/*, application/json;as=Table;v=v1;g=meta.k8s.io', 'v1'],
    ['application/*, application/json;as=Table;v=v1beta1;g=meta.k8s.io', 'v1beta1'],
    ['application/json;as=PartialObjectMetadata;v=v1;g=meta.k8s.io, application/json;as=Table;v=v1;g=meta.k8s.io', 'v1'],
    ['text/html', undefined],
    [undefined, undefined],
  ])('%s -> %s', (accept, version) => {
    const representation = negotiateRepresentation(accept);
    expect(representation.kind === 'table' ? representation.version : undefined).toBe(version);
  });
});

describe('imageStreamImageTable', () => {
  const isi: ImageStreamImage = {
    kind: 'ImageStreamImage',
    apiVersion: 'image.openshift.io/v1',
    metadata: { name: 'ruby@sha256:ab', namespace: 'demo', creationTimestamp: '2024-05-02T09:14:03Z', annotations: { a: 'b' } },
    image: { metadata: { name: 'sha256:ab12' }, dockerImageReference: 'quay.io/x/ruby@sha256:ab12' },
  };
  const now = Date.parse('2024-05-02T12:14:03Z');

  test('fills all four cells: name, age, reference, image name', () => {
    const table = imageStreamImageTable(isi, { now, version: 'v1', includeObject: 'Metadata' });
    expect(table.rows[0]?.cells).toEqual(['ruby@sha256:ab', '3 hours ago', 'quay.io/x/ruby@sha256:ab12', 'sha256:ab12']);
    expect(table.rows[0]?.object).toEqual({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: isi.metadata });
  });

  test('carries the whole object, or none, as includeObject asks', () => {
    expect(imageStreamImageTable(isi, { now, version: 'v1', includeObject: 'Object' }).rows[0]?.object).toBe(isi);
    expect(imageStreamImageTable(isi, { now, version: 'v1', includeObject: 'None' }).rows[0]).not.toHaveProperty('object');
  });

  test("uses OpenShift's column definitions, the last two for -o wide", () => {
    expect(IMAGE_STREAM_IMAGE_COLUMNS.map((c) => [c.name, c.format, c.priority, c.description.slice(0, 30)])).toEqual([
      ['Name', 'name', 0, 'Name must be unique within a n'],
      ['Updated', '', 0, 'Last update time.'],
      ['Image Reference', '', 1, 'dockerImageReference is the st'],
      ['Image Name', '', 1, 'image associated with the Imag'],
    ]);
  });

  test('includeObject defaults to Metadata', () => {
    expect([includeObjectOf(undefined), includeObjectOf('bogus'), includeObjectOf('None'), includeObjectOf('Object')]).toEqual(['Metadata', 'Metadata', 'None', 'Object']);
  });
});

describe('imageStreamTable', () => {
  const at = (iso: string) => [{ created: iso, dockerImageReference: 'r', image: 'sha256:1', generation: 1 }];
  const stream = (tags: Array<[string, string]>): ImageStream => ({
    metadata: { name: 'ruby', namespace: 'demo' },
    spec: {},
    status: { dockerImageRepository: 'image-registry.openshift-image-registry.svc:5000/demo/ruby', tags: tags.map(([tag, iso]) => ({ tag, items: at(iso) })) },
  });

  test('prints name, repository, the tags newest first and the newest update', () => {
    const table = imageStreamTable([stream([['2.7', '2024-01-01T00:00:00Z'], ['3.3', '2024-06-01T00:00:00Z'], ['latest', '2024-06-01T00:00:00Z']])], {
      version: 'v1',
      includeObject: 'None',
      now: Date.parse('2024-06-01T00:05:00Z'),
    });
    expect(table.rows).toEqual([{ cells: ['ruby', 'image-registry.openshift-image-registry.svc:5000/demo/ruby', '3.3,latest,2.7', '5 minutes ago'] }]);
  });

  test('shows as many tags as fit in 40 characters, and how many more there are', () => {
    const tags: Array<[string, string]> = Array.from({ length: 12 }, (_, i) => [`tag-${String(i).padStart(2, '0')}`, `2024-01-${String(20 - i).padStart(2, '0')}T00:00:00Z`]);
    expect(tagsUpToWidth(stream(tags), 40)).toBe('tag-00,tag-01,tag-02,tag-03,tag-04 + 7 more...');
    expect(tagsUpToWidth(stream([['a-very-long-tag-name-that-alone-is-over-forty', '2024-01-01T00:00:00Z'], ['b', '2023-01-01T00:00:00Z']]), 40)).toBe(
      'a-very-long-tag-name-that-alone-is-over-forty + 1 more...',
    );
  });
});
