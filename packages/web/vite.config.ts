import { fileURLToPath } from "node:url";
import preact from "@preact/preset-vite";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [preact()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2019",
    // Keep every asset a separate file: the CSP allows no inline script or style.
    assetsInlineLimit: 0,
    // The officers' console (/konsol) is its own page, so none of its code or CSS weighs on the form.
    rollupOptions: {
      input: {
        index: fileURLToPath(new URL("./index.html", import.meta.url)),
        console: fileURLToPath(new URL("./console.html", import.meta.url)),
      },
    },
  },
});
