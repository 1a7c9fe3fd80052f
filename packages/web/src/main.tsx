import { render } from "preact";
import { App } from "./app";
import { initialLang, loadLang } from "./i18n/lang";
import { offerUpdate } from "./lib/app-update";
import { earlyChanges, replayChanges } from "./lib/prerendered";
import { registerServiceWorker } from "./lib/service-worker";
import { ensureStyles } from "./lib/styles";
// The page's stylesheet: the build inlines it into index.html and app.html (vite.config.ts), so the
// prerendered form paints with the HTML. The tracking page brings its own with its chunk (styles/track.css).
import "./styles/base.css";
import "./styles/header.css";
import "./styles/controls.css";
import "./styles/form.css";
import "./styles/choices.css";
import "./styles/report.css";
import "./styles/photos.css";

const root = document.getElementById("app");
// A reader who chose English gets it from the first paint: its texts (a chunk of their own) come first.
// Without them (offline before the shell was cached) the page shows in Indonesian rather than not at all.
const start = () => {
  ensureStyles();
  if (!root) return;
  // The form prerendered in index.html (lib/prerendered.ts): the app takes over its elements and keeps
  // what the resident already chose or typed. Any other page starts from an empty frame.
  const prerendered = root.hasAttribute("data-prerendered") && window.location.pathname === "/";
  const early = prerendered ? earlyChanges(root) : [];
  if (!prerendered) root.textContent = "";
  root.removeAttribute("data-prerendered");
  render(<App />, root);
  replayChanges(root, early);
};
loadLang(initialLang()).then(start, start);

registerServiceWorker(offerUpdate);
