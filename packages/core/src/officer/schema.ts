import * as z from "zod/mini";
import { parseIndonesianPhone } from "../phone/phone";
import { desaBelongsTo, findDesa, findKecamatan } from "../region/region";
import { PRIORITIES } from "../report/priority";
import { Nrp } from "./nrp";
import { ROLES } from "./roles";
import { TotpCode } from "./totp";

const phone = z.pipe(
  z.string(),
  z.transform((raw, ctx) => {
    const phone = parseIndonesianPhone(raw);
    if (phone.ok) return phone.e164;
    ctx.issues.push({ code: "custom", message: "Use a valid Indonesian (+62) phone number.", input: raw });
    return z.NEVER;
  }),
);

const fields = {
  name: z
    .pipe(
      z.string(),
      z.transform((s) => s.trim()),
    )
    .check(z.minLength(2), z.maxLength(100)),
  role: z.enum(ROLES),
  kecamatan: z.optional(
    z.string().check(z.refine((c) => findKecamatan(c) !== undefined, "Unknown kecamatan.")),
  ),
  desa: z.optional(
    z
      .array(z.string().check(z.refine((c) => findDesa(c) !== undefined, "Unknown desa.")))
      .check(z.minLength(1), z.maxLength(20)),
  ),
  phone,
  /** Overrides which priorities of new reports the officer gets by SMS; `[]` turns those SMS off. */
  alertPriorities: z.optional(
    z
      .array(z.enum(PRIORITIES))
      .check(z.refine((list) => new Set(list).size === list.length, "Each priority at most once.")),
  ),
};

/** Where each role works: a Kapolsek needs a kecamatan; a Bhabinkamtibmas needs desa within one kecamatan. */
function checkArea(ctx: {
  value: { role: string; kecamatan?: string | undefined; desa?: string[] | undefined };
  issues: z.core.$ZodRawIssue[];
}) {
  const { role, kecamatan, desa } = ctx.value;
  const issue = (path: string, message: string) =>
    ctx.issues.push({ code: "custom", message, path: [path], input: ctx.value });
  if ((role === "kapolsek" || role === "bhabinkamtibmas") && !kecamatan)
    issue("kecamatan", "Required for this role.");
  if (role === "bhabinkamtibmas" && !desa?.length)
    issue("desa", "A Bhabinkamtibmas needs at least one desa.");
  if (role !== "bhabinkamtibmas" && desa?.length) issue("desa", "Only a Bhabinkamtibmas has desa.");
  if (role !== "kapolsek" && role !== "bhabinkamtibmas" && kecamatan)
    issue("kecamatan", "This role covers all areas.");
  if (kecamatan && desa?.some((d) => !desaBelongsTo(d, kecamatan)))
    issue("desa", "Every desa must lie in the kecamatan.");
}

/** `POST /api/admin/officers`: a new officer. The NRP is 8 digits (Polri) or 18 (civil servants). */
export const OfficerInput = z
  .strictObject({
    nrp: Nrp,
    ...fields,
  })
  .check(checkArea);

/** `PATCH /api/admin/officers/{nrp}`: the whole editable record, with the version it was read at. */
export const OfficerUpdate = z
  .strictObject({ ...fields, active: z.boolean(), version: z.number().check(z.int(), z.positive()) })
  .check(checkArea);

export type OfficerInput = z.output<typeof OfficerInput>;
export type OfficerUpdate = z.output<typeof OfficerUpdate>;

const password = z.string().check(z.minLength(1), z.maxLength(256));

/** `POST /api/auth/login`. */
export const SignInBody = z.strictObject({ nrp: Nrp, password });

/** `POST /api/auth/new-password`: the first sign-in with a temporary password. */
export const NewPasswordBody = z.strictObject({
  nrp: Nrp,
  session: z.string().check(z.maxLength(4096)),
  newPassword: password,
});

/**
 * `POST /api/auth/totp`: the code from the officer's authenticator app, with the session of the
 * `totp` or `totp_setup` challenge it answers.
 */
export const TotpBody = z.strictObject({
  nrp: Nrp,
  session: z.string().check(z.minLength(1), z.maxLength(4096)),
  code: TotpCode,
});

/** `POST /api/admin/officers/{nrp}/deactivate`: the version the officer was read at. */
export const VersionBody = z.strictObject({ version: z.number().check(z.int(), z.positive()) });
