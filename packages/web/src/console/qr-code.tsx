import { useEffect, useState } from "preact/hooks";

/** One path of every dark module: `M{x} {y}h1v1h-1z` per module, in module units. */
function modulesPath(data: boolean[][]): string {
  const parts: string[] = [];
  data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) parts.push(`M${x} ${y}h1v1h-1z`);
    });
  });
  return parts.join("");
}

/**
 * A QR code as SVG elements (no canvas, no inline style or script, so the console's CSP allows it). The
 * encoder loads as its own chunk when a new officer enrols, the only time a QR code is shown; without it
 * (no signal) nothing is drawn and the key beside it still works.
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const [qr, setQr] = useState<{ size: number; path: string }>();
  useEffect(() => {
    let live = true;
    import("uqr").then(
      ({ encode }) => {
        // A quiet zone of 4 modules, as the standard asks; level M survives a smudged screen.
        const { size, data } = encode(text, { ecc: "M", border: 4 });
        if (live) setQr({ size, path: modulesPath(data) });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [text]);
  if (!qr) return null;
  return (
    <svg
      class="qr-code"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${qr.size} ${qr.size}`}
      shape-rendering="crispEdges"
      data-testid="totp-qr"
    >
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={qr.path} fill="#000" />
    </svg>
  );
}
