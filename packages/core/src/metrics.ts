import { PRIORITIES } from "./report/priority";

/**
 * Lapora's own metrics, one definition for the functions that write them (Embedded Metric Format,
 * functions/src/metrics.ts) and the stacks that chart them (stacks/dashboard.ts). Each is a count of an
 * outcome, and every dimension takes its value from a closed list here: no id, tracking code, place,
 * phone or words of a reporter can ever become a dimension.
 */
export const METRICS = {
  /** A new report stored: alerted at once (`accepted`) or held for SPKT's review (`held`). Replays are not counted. */
  ReportsReceived: { priority: PRIORITIES, outcome: ["accepted", "held"] },
  /** Alerts that reached an officer's device (`push`) or phone (`sms`): dispatch, follow-ups and digests. */
  AlertsSent: { channel: ["push", "sms"] },
  /** Escalation steps taken by the every-minute job, by who the step reached. */
  Escalations: { outcome: ["kapolsek", "spkt"] },
  /** Uploaded photos checked by evidence-uploaded: attached to their report, or refused and deleted. */
  Photos: { outcome: ["accepted", "refused"] },
} as const;

export type MetricName = keyof typeof METRICS;
type Catalogue = typeof METRICS;
/** The dimensions of one metric, each with one of its allowed values. */
export type MetricDimensions<N extends MetricName> = {
  -readonly [K in keyof Catalogue[N]]: Catalogue[N][K] extends readonly (infer V)[] ? V : never;
};

/** The metrics port: counts an outcome. EMF in Lambda; nothing locally and in tests (`noMetrics`). */
export interface Metrics {
  count<N extends MetricName>(name: N, dimensions: MetricDimensions<N>, value?: number): void;
}

/** Counts nothing: the local runtime's and the tests' sink. */
export const noMetrics: Metrics = { count() {} };

/** The CloudWatch namespace of a stage's metrics: stages that share an account never mix. */
export const metricsNamespace = (stage: string) => `Lapora/${stage}`;

/** True when every dimension of `name` is present with an allowed value, and there is no other. */
export function isAllowedDimensions(name: string, dimensions: Record<string, unknown>): boolean {
  const allowed = (METRICS as Record<string, Record<string, readonly string[]>>)[name];
  if (!allowed) return false;
  const keys = Object.keys(dimensions);
  return (
    keys.length === Object.keys(allowed).length &&
    keys.every((k) => allowed[k]?.includes(dimensions[k] as string) ?? false)
  );
}

/** Every metric CloudWatch will hold: one per name and combination of dimension values. */
export function metricSeries(): { name: MetricName; dimensions: Record<string, string> }[] {
  return (Object.entries(METRICS) as [MetricName, Record<string, readonly string[]>][]).flatMap(
    ([name, dims]) =>
      Object.entries(dims)
        .reduce<Record<string, string>[]>(
          (sets, [key, values]) => sets.flatMap((set) => values.map((v) => ({ ...set, [key]: v }))),
          [{}],
        )
        .map((dimensions) => ({ name, dimensions })),
  );
}
