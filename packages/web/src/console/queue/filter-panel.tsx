import { findKecamatan, listKecamatan, OPEN_STATUSES, PRIORITIES, STATUSES } from "@lapora/core/browser";
import { useState } from "preact/hooks";
import { useT } from "../../i18n/console-lang";
import type { Officer } from "../lib/types";
import { activeCount, type Filters } from "./filters";

/** The desa an officer can filter by, given the filters: their own, their kecamatan's, or the chosen one's. */
function desaChoices(officer: Officer, kecamatan: string | undefined) {
  if (officer.role === "bhabinkamtibmas") {
    const k = findKecamatan(officer.kecamatan ?? "");
    return (k?.desa ?? []).filter((d) => officer.desa?.includes(d.code));
  }
  return findKecamatan(kecamatan ?? "")?.desa ?? [];
}

/** Sort, status, priority, place and dates, folded away on a phone; every change applies at once. */
export function FilterPanel({
  officer,
  filters,
  onChange,
}: {
  officer: Officer;
  filters: Filters;
  onChange(next: Filters): void;
}) {
  const { t } = useT();
  const q = t.queue;
  const areaFixed = officer.role === "kapolsek" || officer.role === "bhabinkamtibmas";
  const kecamatan = areaFixed ? officer.kecamatan : filters.kecamatan;
  const desa = desaChoices(officer, kecamatan);
  const set = (patch: Partial<Filters>) => {
    const next: Filters = { ...filters, ...patch };
    for (const key of Object.keys(next) as (keyof Filters)[]) if (next[key] === "") delete next[key];
    if (next.sort === "urgent" && next.status && !OPEN_STATUSES.includes(next.status)) delete next.status;
    onChange(next);
  };
  const statuses = filters.sort === "urgent" ? OPEN_STATUSES : STATUSES;
  const n = activeCount(filters);
  // Open at first when the address already filters, then left as the officer leaves it.
  const [open, setOpen] = useState(n > 0);
  return (
    <details class="filters" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {q.filters} <span class="filters-count">({q.activeFilters(n)})</span>
      </summary>
      <div class="filters-body">
        <fieldset class="field sort">
          <legend class="field-label">{q.sort}</legend>
          <div class="segmented">
            {(["newest", "urgent"] as const).map((sort) => (
              <label key={sort}>
                <input
                  type="radio"
                  name="queue-sort"
                  value={sort}
                  checked={filters.sort === sort}
                  onChange={() => set({ sort })}
                />
                <span>{sort === "newest" ? q.newest : q.urgent}</span>
              </label>
            ))}
          </div>
          {filters.sort === "urgent" && <p class="hint">{q.urgentHint}</p>}
        </fieldset>
        <label class="field overdue">
          <input
            type="checkbox"
            checked={filters.overdue === "true"}
            onChange={(e) => set(e.currentTarget.checked ? { overdue: "true" } : { overdue: undefined })}
          />{" "}
          {q.overdue}
        </label>
        <div class="filter-grid">
          <label class="field">
            <span class="field-label">{q.status}</span>
            <select
              value={filters.status ?? ""}
              onChange={(e) => set({ status: e.currentTarget.value as Filters["status"] })}
            >
              <option value="">{filters.sort === "urgent" ? q.allOpen : q.allStatuses}</option>
              {statuses.map((s) => (
                <option key={s} value={s}>
                  {t.statuses[s]}
                </option>
              ))}
            </select>
          </label>
          <label class="field">
            <span class="field-label">{q.priority}</span>
            <select
              value={filters.priority ?? ""}
              onChange={(e) => set({ priority: e.currentTarget.value as Filters["priority"] })}
            >
              <option value="">{q.allPriorities}</option>
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {t.priorities[p]}
                </option>
              ))}
            </select>
          </label>
          {!areaFixed && (
            <label class="field">
              <span class="field-label">{q.kecamatan}</span>
              <select
                value={filters.kecamatan ?? ""}
                onChange={(e) => set({ kecamatan: e.currentTarget.value, desa: "" })}
              >
                <option value="">{q.allKecamatan}</option>
                {listKecamatan().map((k) => (
                  <option key={k.code} value={k.code}>
                    {k.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          {desa.length > 0 && (
            <label class="field">
              <span class="field-label">{q.desa}</span>
              <select value={filters.desa ?? ""} onChange={(e) => set({ desa: e.currentTarget.value })}>
                <option value="">{q.allDesa}</option>
                {desa.map((d) => (
                  <option key={d.code} value={d.code}>
                    {d.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label class="field">
            <span class="field-label">{q.from}</span>
            <input
              type="date"
              value={filters.from ?? ""}
              max={filters.to}
              onChange={(e) => set({ from: e.currentTarget.value })}
            />
          </label>
          <label class="field">
            <span class="field-label">{q.to}</span>
            <input
              type="date"
              value={filters.to ?? ""}
              min={filters.from}
              onChange={(e) => set({ to: e.currentTarget.value })}
            />
          </label>
        </div>
        {n > 0 && (
          <button type="button" class="button-link" onClick={() => onChange({ sort: filters.sort })}>
            {q.reset}
          </button>
        )}
      </div>
    </details>
  );
}
