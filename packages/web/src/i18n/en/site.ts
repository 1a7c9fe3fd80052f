import type { SiteFrameTexts } from "../types";

/** The public site's English frame: its name, menu, and the Statistik page while it loads. */
export const site: SiteFrameTexts = {
  appName: "Lapora",
  quickExit: {
    button: "Quick exit",
    hint: "Leaves Lapora at once and wipes what you typed on this phone. Pressing Esc twice does it too.",
  },
  nav: { label: "Main menu", report: "Make a Report", track: "Track a Report", stats: "Statistics" },
  stats: {
    loading: "Loading the statistics…",
    failed: "The statistics could not be loaded. Check your signal and try again.",
  },
  privacy: {
    title: "What data we keep",
    loading: "Loading…",
    failed: "This page could not be loaded. Check your signal and try again.",
  },
  footer: { privacy: "What data we keep" },
};
