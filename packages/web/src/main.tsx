import { render } from "preact";
import { App } from "./app";
import { initialLang, loadLang } from "./i18n/lang";
import { offerUpdate } from "./lib/app-update";
import { earlyChanges, replayChanges } from "./lib/prerendered";
import { registerServiceWorker } from "./lib/service-worker";
// What the prerendered form needs to paint: the HTML links these, render-blocking. The receipt and the
// tracking page bring their own styles with their code (styles/receipt.css, styles/track.css).
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
