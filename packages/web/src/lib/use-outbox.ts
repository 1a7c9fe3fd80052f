import { useEffect, useState } from "preact/hooks";
import { drainOutbox, listOutbox, OUTBOX_CHANGED, type OutboxEntry, removeFromOutbox } from "./outbox";
import { rememberSecret } from "./reporter-secrets";

/**
 * The outbox as the page shows it: the entries, refreshed when the service worker or this page sent
 * some, and sent from here too on open, when the phone comes back online, and on "Kirim sekarang".
 */
export function useOutbox() {
  const [entries, setEntries] = useState<OutboxEntry[]>([]);
  const [sending, setSending] = useState(false);
  const refresh = async () => setEntries(await listOutbox());
  const send = async () => {
    if (!navigator.onLine) return refresh();
    setSending(true);
    try {
      await drainOutbox();
    } finally {
      setSending(false);
      await refresh();
    }
  };
  useEffect(() => {
    void send();
    const online = () => void send();
    const changed = (e: MessageEvent) => {
      if (e.data === OUTBOX_CHANGED) void refresh();
    };
    window.addEventListener("online", online);
    navigator.serviceWorker?.addEventListener("message", changed);
    return () => {
      window.removeEventListener("online", online);
      navigator.serviceWorker?.removeEventListener("message", changed);
    };
  }, []);
  /** She has noted the code and secret: the secret is kept like a receipt's, the entry goes. */
  const dismiss = async (entry: OutboxEntry) => {
    if (entry.receipt?.reporterSecret)
      rememberSecret(entry.receipt.trackingCode, entry.receipt.reporterSecret);
    await removeFromOutbox(entry.key);
    await refresh();
  };
  /** A waiting report she no longer wants sent. */
  const discard = async (entry: OutboxEntry) => {
    await removeFromOutbox(entry.key);
    await refresh();
  };
  return { entries, sending, send, refresh, dismiss, discard };
}

export type Outbox = ReturnType<typeof useOutbox>;
