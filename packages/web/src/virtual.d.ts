declare module "virtual:phone-metadata-id" {
  import type { MetadataJson } from "libphonenumber-js/core";

  const metadata: MetadataJson;
  export default metadata;
}
