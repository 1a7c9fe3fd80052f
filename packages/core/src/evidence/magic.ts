import type { ContentType } from "./rules";

const HEIF_BRANDS = new Set(["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"]);

const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, to));

/**
 * The image type the file's first bytes say it is, whatever its name or declared Content-Type:
 * JPEG (FF D8 FF), PNG (its 8-byte signature), WebP (RIFF....WEBP) or HEIC (an ISO-BMFF `ftyp` box with a
 * HEIF brand). Undefined for anything else, a text file renamed `.jpg` included.
 */
export function sniffImageType(bytes: Uint8Array): ContentType | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b)) {
    return "image/png";
  }
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP")
    return "image/webp";
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === "ftyp" && HEIF_BRANDS.has(ascii(bytes, 8, 12))) {
    return "image/heic";
  }
  return undefined;
}

/**
 * Width and height of a HEIF/HEIC image from its `ispe` (image spatial extent) boxes, the largest one
 * (a photo is often a grid of tiles plus the whole). Undefined when there is none: not a usable HEIF.
 * Needed because the prebuilt image library cannot decode HEVC, so it cannot check a HEIC for us.
 */
export function heifDimensions(bytes: Uint8Array): { width: number; height: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let best: { width: number; height: number } | undefined;
  const limit = Math.min(bytes.length - 16, 1 << 20); // the metadata sits at the front
  for (let i = 4; i < limit; i++) {
    if (bytes[i] !== 0x69 || ascii(bytes, i, i + 4) !== "ispe") continue;
    const width = view.getUint32(i + 8);
    const height = view.getUint32(i + 12);
    if (width > 0 && height > 0 && (!best || width * height > best.width * best.height))
      best = { width, height };
  }
  return best;
}
