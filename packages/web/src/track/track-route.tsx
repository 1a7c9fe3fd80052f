import { useLang } from "../i18n/lang";
import { lazyRoute } from "../lib/lazy-route";

const Lazy = lazyRoute(() => import("./track-page").then((m) => m.TrackPage));

/** "Lacak Laporan": the heading now, the code box and the report when their chunk arrives. */
export function TrackRoute({ code }: { code?: string | undefined }) {
  const { t } = useLang();
  return <Lazy title={t.track.title} loading={t.track.loading} failed={t.track.failed} props={{ code }} />;
}
