// The shared validation schema (zod/mini and libphonenumber's Indonesia metadata), as its own chunk:
// the form loads it right after first paint (validate.ts), so it never delays the page.
export { parseReportInput } from "@lapora/core/browser";
