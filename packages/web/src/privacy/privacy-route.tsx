import { useLang } from "../i18n/lang";
import { lazyRoute } from "../lib/lazy-route";

const Lazy = lazyRoute(() => import("./privacy-page").then((m) => m.PrivacyPage));

/** "Data kami simpan": the page and its texts in both languages are one lazily loaded chunk. */
export function PrivacyRoute() {
  const { t } = useLang();
  return <Lazy title={t.privacy.title} loading={t.privacy.loading} failed={t.privacy.failed} props={{}} />;
}
