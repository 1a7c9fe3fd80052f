import { OPEN_STATUSES, PRIORITIES, type Priority, STATUSES, type Status } from "@lapora/core/browser";

/** The queue's filters, kept in the address (`/konsol?status=diterima&sort=urgent`) so back and reload keep them. */
export interface Filters {
  sort: "newest" | "urgent";
  status?: Status;
  priority?: Priority;
  kecamatan?: string;
  desa?: string;
  from?: string;
  to?: string;
  /** Only open reports past a service target they missed. */
  overdue?: "true";
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const pick = <T extends string>(list: readonly T[], v: string | null): T | undefined =>
  list.find((x) => x === v);

/** Filters read from a query string; anything unknown is dropped rather than sent. */
export function parseFilters(search: string): Filters {
  const q = new URLSearchParams(search);
  const f: Filters = { sort: q.get("sort") === "urgent" ? "urgent" : "newest" };
  const status = pick(f.sort === "urgent" ? OPEN_STATUSES : STATUSES, q.get("status"));
  const priority = pick(PRIORITIES, q.get("priority"));
  if (status) f.status = status;
  if (priority) f.priority = priority;
  for (const key of ["kecamatan", "desa"] as const) {
    const v = q.get(key);
    if (v && /^[\d.]+$/.test(v)) f[key] = v;
  }
  for (const key of ["from", "to"] as const) {
    const v = q.get(key);
    if (v && DAY.test(v)) f[key] = v;
  }
  if (q.get("overdue") === "true") f.overdue = "true";
  return f;
}

/** The query string of these filters, in a fixed order, without defaults. */
export function toSearch(f: Filters): string {
  const q = new URLSearchParams();
  if (f.sort === "urgent") q.set("sort", "urgent");
  for (const key of ["status", "priority", "kecamatan", "desa", "from", "to", "overdue"] as const) {
    const v = f[key];
    if (v) q.set(key, v);
  }
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** How many filters narrow the list (the order is not one). */
export function activeCount(f: Filters): number {
  return (["status", "priority", "kecamatan", "desa", "from", "to", "overdue"] as const).filter((k) => f[k])
    .length;
}

/** The API query for one page of the queue. */
export function apiQuery(f: Filters, cursor?: string): string {
  const q = new URLSearchParams(toSearch(f));
  q.set("sort", f.sort);
  q.set("limit", "20");
  if (cursor) q.set("cursor", cursor);
  return `/api/officer/reports?${q.toString()}`;
}

/** Where the queue was last left, for the report page's "back" link. */
let lastSearch = "";
export const rememberQueueSearch = (search: string) => {
  lastSearch = search;
};
export const queueSearch = () => lastSearch;
