import { GatewayMetrics, MAX_OPERATION_NAMES } from '../src/metrics';

const operationSamples = async (metrics: GatewayMetrics) =>
  (await metrics.registry.getSingleMetricAsString('gateway_graphql_operations_total')).split('\n').filter((line) => !line.startsWith('#'));

describe('the operation label of gateway_graphql_operations_total', () => {
  test(`keeps the first ${MAX_OPERATION_NAMES} names seen and folds every later one into (other)`, async () => {
    const metrics = new GatewayMetrics();
    for (let i = 0; i < MAX_OPERATION_NAMES + 10; i++) metrics.observeOperation({ name: `Op${i}`, resolved: true, outcome: 'ok' });
    // A name kept is counted under its own label however late it comes back.
    metrics.observeOperation({ name: 'Op0', resolved: true, outcome: 'failed' });
    const samples = await operationSamples(metrics);
    expect(samples).toHaveLength(MAX_OPERATION_NAMES + 2);
    expect(samples[0]).toBe('gateway_graphql_operations_total{operation="Op0",outcome="ok"} 1');
    expect(samples[MAX_OPERATION_NAMES - 1]).toBe(`gateway_graphql_operations_total{operation="Op${MAX_OPERATION_NAMES - 1}",outcome="ok"} 1`);
    expect(samples.slice(MAX_OPERATION_NAMES)).toEqual([
      'gateway_graphql_operations_total{operation="(other)",outcome="ok"} 10',
      'gateway_graphql_operations_total{operation="Op0",outcome="failed"} 1',
    ]);
  });

  test('folds a name longer than 100 characters into (other) without taking a place', async () => {
    const metrics = new GatewayMetrics();
    metrics.observeOperation({ name: 'N'.repeat(101), resolved: true, outcome: 'ok' });
    metrics.observeOperation({ name: 'N'.repeat(100), resolved: true, outcome: 'ok' });
    expect(await operationSamples(metrics)).toEqual([
      'gateway_graphql_operations_total{operation="(other)",outcome="ok"} 1',
      `gateway_graphql_operations_total{operation="${'N'.repeat(100)}",outcome="ok"} 1`,
    ]);
  });

  test('labels operations without a name (anonymous) and documents that resolved to none (unresolved), whatever name came with them', async () => {
    const metrics = new GatewayMetrics();
    metrics.observeOperation({ name: undefined, resolved: true, outcome: 'partial' });
    metrics.observeOperation({ name: 'Sent', resolved: false, outcome: 'failed' });
    expect(await operationSamples(metrics)).toEqual([
      'gateway_graphql_operations_total{operation="(anonymous)",outcome="partial"} 1',
      'gateway_graphql_operations_total{operation="(unresolved)",outcome="failed"} 1',
    ]);
  });
});
