// The shared validation schema (zod/mini and core's phone check on Indonesia's metadata), as its own
// chunk: the form loads it at the resident's first touch (use-report-form.ts), so it never delays the page.
export { parseReportInput } from "@lapora/core/browser";
