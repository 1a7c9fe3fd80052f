import { render } from "preact";
import { App } from "./app";
import { offerUpdate } from "./lib/app-update";
import { registerServiceWorker } from "./lib/service-worker";
import "./styles/base.css";
import "./styles/header.css";
import "./styles/controls.css";
import "./styles/form.css";
import "./styles/choices.css";
import "./styles/report.css";
import "./styles/track.css";

const root = document.getElementById("app");
if (root) {
  root.textContent = "";
  render(<App />, root);
}

registerServiceWorker(offerUpdate);
