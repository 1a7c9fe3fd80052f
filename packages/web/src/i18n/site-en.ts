import { common } from "./en/common";
import { form } from "./en/form";
import { site } from "./en/site";
import { track } from "./en/track";
import type { SiteTexts } from "./types";

/** The public site's English texts, loaded only when a reader asks for English (lang.tsx). */
export const SITE_EN: SiteTexts = { ...common, ...site, ...form, ...track };
