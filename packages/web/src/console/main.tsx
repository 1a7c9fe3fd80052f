import { render } from "preact";
import { ConsoleApp } from "./app";
import { startWorker } from "./push/worker";
import "./styles/base.css";
import "../styles/controls.css";
import "./styles/controls.css";
import "./styles/layout.css";
import "./styles/queue.css";
import "../styles/report.css";
import "./styles/detail.css";
import "./styles/stats.css";
import "./styles/push.css";

const root = document.getElementById("app");
if (root) {
  root.textContent = "";
  render(<ConsoleApp />, root);
}
startWorker();
