import { NotFoundError } from "../errors";
import type { OpenDataStore } from "./publishing";
import { parseWeek } from "./week";

export type OpenDataFormat = "json" | "csv";

const CONTENT_TYPE: Record<OpenDataFormat, string> = {
  json: "application/json; charset=utf-8",
  csv: "text/csv; charset=utf-8",
};

/** Where a week's open-data file is kept in the open-data bucket. */
export const openDataKey = (week: string, format: OpenDataFormat) => `stats/${week}.${format}`;

/** The content type of an open-data file. */
export const openDataType = (format: OpenDataFormat) => CONTENT_TYPE[format];

const FILE_NAME = /^(\d{4}-W\d{2})\.(json|csv)$/;

/**
 * One published open-data file by its public name (`2026-W47.json` or `2026-W47.csv`), for
 * `GET /api/stats/files/{file}`: its body, content type and download name. A name of another shape, or a
 * week not published, is NotFound.
 */
export async function getOpenDataFile(files: OpenDataStore, name: string) {
  const m = FILE_NAME.exec(name);
  const week = m?.[1];
  const format = m?.[2] as OpenDataFormat | undefined;
  if (!week || !format || !parseWeek(week)) {
    throw new NotFoundError("Files are named like 2026-W47.json or 2026-W47.csv.");
  }
  const body = await files.get(openDataKey(week, format));
  if (body === undefined) throw new NotFoundError(`No open data for ${week}.`);
  return { body, contentType: openDataType(format), downloadName: `lapora-${name}` };
}
