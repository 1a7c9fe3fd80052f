import { useLang } from "../i18n/lang";
import { lazyRoute } from "../lib/lazy-route";

const Lazy = lazyRoute(() => import("./stats-page").then((m) => m.StatsPage));

/**
 * "Statistik": the heading now, the charts when their chunk arrives. The page, its charts and its texts
 * are one lazily loaded chunk, so the report form never downloads them.
 */
export function StatsRoute({ week }: { week?: string | undefined }) {
  const { t } = useLang();
  return <Lazy title={t.nav.stats} loading={t.stats.loading} failed={t.stats.failed} props={{ week }} />;
}
