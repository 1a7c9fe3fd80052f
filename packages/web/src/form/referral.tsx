import { useLang } from "../i18n/lang";

/**
 * Shown as soon as a sensitive category (KDRT, sexual violence) is chosen: where else she can get help,
 * SAPA 129 and the Polres's Unit PPA, and that nothing of this report stays on the phone. Plain links, so
 * it also works offline (the numbers are in the page).
 */
export function Referral() {
  const { t } = useLang();
  const r = t.referral;
  return (
    <section class="referral" aria-labelledby="referral-title" data-testid="referral">
      <h2 id="referral-title">{r.title}</h2>
      <p>{r.lead}</p>
      <ul>
        <li>
          {r.sapa} <a href="tel:129">129</a> {r.whatsapp}{" "}
          <a href="https://wa.me/628111129129" rel="noopener noreferrer">
            08111-129-129
          </a>
        </li>
        <li>{r.ppa}</li>
        <li>
          <strong>{r.danger}</strong> <a href="tel:110">110</a>
        </li>
      </ul>
      <p class="hint">{r.trace}</p>
    </section>
  );
}
