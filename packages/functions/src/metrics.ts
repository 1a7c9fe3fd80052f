import { MetricUnit, Metrics as Powertools } from "@aws-lambda-powertools/metrics";
import { Metrics } from "@lapora/core";

/**
 * The metrics port (core/metrics.ts) on Powertools Metrics: each count is one Embedded Metric Format line
 * on stdout, which CloudWatch Logs turns into a metric of the stage's namespace. The dimensions are
 * exactly the catalogue's (Powertools' `service` dimension is dropped, so the dashboard and the alarms
 * name every dimension), and a count whose dimensions are not in the catalogue is never written: no
 * reporter data can reach a metric, even from a bug. Without a namespace (locally, in tests) nothing is
 * written.
 */
export function createMetrics(namespace: string | undefined): Metrics.Metrics {
  if (!namespace) return Metrics.noMetrics;
  const emf = new Powertools({ namespace });
  emf.clearDefaultDimensions();
  return {
    count(name, dimensions, value = 1) {
      if (value <= 0 || !Metrics.isAllowedDimensions(name, dimensions)) return;
      emf.addDimensions(dimensions as Record<string, string>);
      emf.addMetric(name, MetricUnit.Count, value);
      emf.publishStoredMetrics();
    },
  };
}

/** Counts, as the functions see them: each outcome of a batch, summed by its dimensions. */
export function countEach<N extends Metrics.MetricName>(
  metrics: Metrics.Metrics,
  name: N,
  each: readonly Metrics.MetricDimensions<N>[],
): void {
  const sums = new Map<string, { dimensions: Metrics.MetricDimensions<N>; n: number }>();
  for (const dimensions of each) {
    const key = JSON.stringify(dimensions);
    const sum = sums.get(key) ?? { dimensions, n: 0 };
    sum.n++;
    sums.set(key, sum);
  }
  for (const { dimensions, n } of sums.values()) metrics.count(name, dimensions, n);
}
