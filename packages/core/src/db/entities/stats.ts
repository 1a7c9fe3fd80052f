/**
 * Published weekly statistics (see ../README.md for every access pattern; a week's reports come from the
 * report entity's day index, gsi1, one Query per WIB day, never a Scan):
 * - figures of a week:     pk = $lapora#week_{yyyy-Www}, sk = $weeklystats_1
 * - all published weeks:   gsi3pk = weekly-stats, gsi3sk = $weeklystats_1#week_{yyyy-Www}
 */
import { Entity } from "electrodb";
import { TABLE } from "../table";
import { type Binding, primary } from "./keys";

export function statsEntities(binding: Binding) {
  const weeklyStats = new Entity(
    {
      model: { entity: "weeklyStats", version: "1", service: "lapora" },
      attributes: {
        week: { type: "string", required: true, readOnly: true },
        figures: { type: "any", required: true },
      },
      indexes: {
        byWeek: {
          ...primary,
          pk: { ...primary.pk, composite: ["week"] },
          sk: { ...primary.sk, composite: [] },
        },
        all: {
          index: TABLE.gsi3.name,
          pk: { field: TABLE.gsi3.partitionKey, composite: [], template: "weekly-stats" },
          sk: { field: TABLE.gsi3.sortKey, composite: ["week"] },
        },
      },
    },
    binding,
  );

  return { weeklyStats };
}
