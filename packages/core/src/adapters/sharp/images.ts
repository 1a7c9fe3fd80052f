import sharp from "sharp";
import { heifDimensions, sniffImageType } from "../../evidence/magic";
import { DISPLAY_LONG_SIDE } from "../../evidence/rules";
import type { ImageProcessor } from "../../evidence/types";

// A decompression bomb (a tiny file that decodes to gigapixels) is refused before it takes the memory.
const MAX_INPUT_PIXELS = 100_000_000;

/**
 * The image port on sharp (libvips), exported as `@lapora/core/sharp` (only the evidence Lambda and the
 * local runtime load this native module). A display copy is decoded, turned upright by its EXIF orientation,
 * scaled to at most 1600 px and encoded anew as JPEG. sharp writes no metadata unless asked
 * (`withMetadata`, `keepExif`, ...), so the copy has no EXIF, no GPS, no XMP and no ICC profile.
 * sharp's prebuilt libvips cannot decode HEVC: a HEIC is checked by its container and gets no display copy.
 */
export function createSharpImages(): ImageProcessor {
  return {
    async inspect(bytes) {
      if (sniffImageType(bytes) === "image/heic") {
        const size = heifDimensions(bytes);
        if (!size) throw new Error("HEIF without an image size");
        return size;
      }
      const meta = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
      if (!meta.width || !meta.height) throw new Error("image without a size");
      const sideways = (meta.orientation ?? 1) >= 5;
      return sideways
        ? { width: meta.height, height: meta.width }
        : { width: meta.width, height: meta.height };
    },

    async displayCopy(bytes, type) {
      if (type === "image/heic") return undefined;
      const side = DISPLAY_LONG_SIDE;
      return sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS })
        .rotate()
        .resize({ width: side, height: side, fit: "inside", withoutEnlargement: true })
        .jpeg({ quality: 82, mozjpeg: true })
        .toBuffer();
    },
  };
}
