import * as z from "zod/mini";

// Apart from form.ts, which the browser loads: a zod schema at module level would pull zod into the form
// page's first chunk, which must stay small (the report form on a rural 3G link).

/** What the form tells about itself: the honeypot field (people leave it empty) and the seconds it was open. */
export const FormMeta = z.object({
  website: z.optional(z.string().check(z.maxLength(500))),
  fillSeconds: z.optional(z.number().check(z.minimum(0))),
});
