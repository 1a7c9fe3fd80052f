import { type ContentType, isContentType, MAX_BYTES } from "@lapora/core/browser";

/** The long side of a photo as sent: enough to see a face or a number plate, a few hundred KB as JPEG. */
export const SEND_LONG_SIDE = 1600;
const JPEG_QUALITY = 0.8;

export interface PreparedPhoto {
  blob: Blob;
  type: ContentType;
  width?: number;
  height?: number;
}

/**
 * Makes a photo fit to send over a weak link: decoded (upright, by its EXIF orientation), scaled to at most
 * 1600 px on the long side and encoded as JPEG. Drawing on a canvas keeps only pixels, so the EXIF of the
 * camera, GPS included, does not leave the phone. A photo this browser cannot decode (HEIC on most
 * Android browsers) is sent as it is if the server takes its type and size; otherwise this throws.
 */
export async function preparePhoto(file: File): Promise<PreparedPhoto> {
  try {
    const bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
    const scale = Math.min(1, SEND_LONG_SIDE / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("no canvas");
    ctx.imageSmoothingQuality = "high";
    ctx.drawImage(bitmap, 0, 0, width, height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) =>
      canvas.toBlob(resolve, "image/jpeg", JPEG_QUALITY),
    );
    if (!blob) throw new Error("no jpeg");
    return { blob, type: "image/jpeg", width, height };
  } catch {
    if (isContentType(file.type) && file.size > 0 && file.size <= MAX_BYTES)
      return { blob: file, type: file.type };
    throw new Error("unsupported photo");
  }
}
