import type { SSTConfig } from "sst";
import { Alerts } from "./stacks/Alerts";
import { Api } from "./stacks/Api";
import { Audit } from "./stacks/Audit";
import { Auth } from "./stacks/Auth";
import { functionDefaults } from "./stacks/defaults";
import { Edge } from "./stacks/Edge";
import { Evidence } from "./stacks/Evidence";
import { Jobs } from "./stacks/Jobs";
import { Messaging } from "./stacks/Messaging";
import { Operations } from "./stacks/Operations";
import { Storage } from "./stacks/Storage";
import { Web } from "./stacks/Web";
import { EDGE_REGION } from "./stacks/web-acl";

export default {
  config() {
    return { name: "lapora", region: "ap-southeast-3" };
  },
  stacks(app) {
    app.setDefaultFunctionProps(functionDefaults);
    // CloudFront's web ACL must be in us-east-1, and SST v2 deploys an app in one region: deployed with
    // `--region us-east-1`, the app is the Edge stack alone (docs/deploy.md, before the main deploy).
    if (app.region === EDGE_REGION) {
      app.stack(Edge);
      return;
    }
    app
      .stack(Storage)
      .stack(Messaging)
      .stack(Auth)
      .stack(Jobs)
      .stack(Api)
      .stack(Web)
      .stack(Evidence)
      .stack(Alerts)
      .stack(Audit)
      .stack(Operations);
  },
} satisfies SSTConfig;
