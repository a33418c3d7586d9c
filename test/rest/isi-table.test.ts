import type { ImageStreamImage } from '../../src/kube/types';
import { acceptedTableVersion, humanDuration, imageStreamImageTable, includeObjectOf } from '../../src/rest/isi-table';

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
    [90 * MINUTE, '2 hours'],
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

describe('acceptedTableVersion', () => {
  test.each([
    ['application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json', 'v1'],
    ['application/json;as=Table;v=v1beta1;g=meta.k8s.io', 'v1beta1'],
    ['application/json; as=Table; v=v1; g=meta.k8s.io', 'v1'],
    ['application/json, application/json;as=Table;v=v1;g=meta.k8s.io', undefined],
    ['application/json;as=Table;v=v1;g=meta.k8s.io;q=0.5, application/json', undefined],
    ['application/vnd.kubernetes.protobuf;as=Table;v=v1;g=meta.k8s.io, application/json;as=Table;v=v1;g=meta.k8s.io', 'v1'],
    ['application/json;as=Table;v=v2;g=meta.k8s.io, application/json', undefined],
    ['*/*', undefined],
    [undefined, undefined],
  ])('%s -> %s', (accept, version) => {
    expect(acceptedTableVersion(accept)).toBe(version);
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

  test('includeObject defaults to Metadata', () => {
    expect([includeObjectOf(undefined), includeObjectOf('bogus'), includeObjectOf('None'), includeObjectOf('Object')]).toEqual(['Metadata', 'Metadata', 'None', 'Object']);
  });
});
