// Stands in for `libphonenumber-js/min` in the browser build (see vite.config.ts): the same parser,
// with Indonesia's metadata only.
import metadata from "virtual:phone-metadata-id";
import {
  type CountryCode,
  type PhoneNumber,
  parsePhoneNumberFromString as parseWithMetadata,
} from "libphonenumber-js/core";

export function parsePhoneNumberFromString(text: string, country?: CountryCode): PhoneNumber | undefined {
  return country ? parseWithMetadata(text, country, metadata) : parseWithMetadata(text, metadata);
}
