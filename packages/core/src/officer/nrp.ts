import * as z from "zod/mini";

/** An NRP: 8 digits (Polri officers) or 18 (civil servants, NIP). It is also the sign-in name. */
export const NRP_PATTERN = /^(\d{8}|\d{18})$/;

/** An NRP field, with the message the console and the API show. */
export const Nrp = z.string().check(z.regex(NRP_PATTERN, "An NRP is 8 or 18 digits."));
