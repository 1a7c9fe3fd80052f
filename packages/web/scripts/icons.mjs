// Makes the console's and the public site's app icons (public/icons/*.png) from one drawing: a police badge (shield) with an
// "L". Run once after changing the drawing, and commit the PNGs: `node packages/web/scripts/icons.mjs`.
// Not part of any bundle; the "L" is a path, not text, so the output does not depend on installed fonts.
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import sharp from "sharp";

const OUT = fileURLToPath(new URL("../public/icons/", import.meta.url));
const SLATE = "#1f2937"; // the console's header bar (src/console/styles/base.css --slate)
const BLUE = "#0b3d91"; // Lapora's blue (src/styles/common.css --blue)
const GOLD = "#f2c14e";

// A shield in a 100×100 box, and an "L" inside it.
const SHIELD = "M50 4 L88 16 V46 C88 70 72 86 50 96 C28 86 12 70 12 46 V16 Z";
const L = "M37 26 H49 V62 H66 V73 H37 Z";

/** The badge, scaled by `scale` about the centre of a `size`-pixel square, on `background` (or none). */
function svg({ size, scale, background, fill = BLUE, rim = GOLD, letter = "#fff" }) {
  const offset = (100 - 100 * scale) / 2;
  const bg = background ? `<rect width="100" height="100" fill="${background}"/>` : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 100 100">
${bg}<g transform="translate(${offset} ${offset}) scale(${scale})">
<path d="${SHIELD}" fill="${fill}" stroke="${rim}" stroke-width="4" stroke-linejoin="round"/>
<path d="${L}" fill="${letter}"/>
</g></svg>`;
}

// A monochrome badge for Android's status bar: only the alpha channel counts, so the "L" is cut out.
const badge = `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 100 100">
<path fill-rule="evenodd" d="${SHIELD} ${L}" fill="#fff"/></svg>`;

const ICONS = [
  // "any": the badge itself, nearly full size, on transparency.
  { file: "konsol-192.png", svg: svg({ size: 192, scale: 0.96 }) },
  { file: "konsol-512.png", svg: svg({ size: 512, scale: 0.96 }) },
  // "maskable": full bleed, the badge inside the central 80% safe zone that every mask keeps.
  { file: "konsol-maskable-512.png", svg: svg({ size: 512, scale: 0.62, background: SLATE }) },
  // iOS fills transparency with black and rounds the corners itself.
  { file: "apple-touch-icon.png", svg: svg({ size: 180, scale: 0.78, background: SLATE }) },
  { file: "konsol-badge-96.png", svg: badge },
  // The residents' site (public/manifest.webmanifest): the same badge, on Lapora's blue when masked.
  { file: "lapora-192.png", svg: svg({ size: 192, scale: 0.96 }) },
  { file: "lapora-512.png", svg: svg({ size: 512, scale: 0.96 }) },
  {
    file: "lapora-maskable-512.png",
    svg: svg({ size: 512, scale: 0.62, background: BLUE, fill: "#082c6a" }),
  },
];

mkdirSync(OUT, { recursive: true });
for (const icon of ICONS) {
  await sharp(Buffer.from(icon.svg)).png({ compressionLevel: 9 }).toFile(`${OUT}${icon.file}`);
  console.log(`wrote public/icons/${icon.file}`);
}
