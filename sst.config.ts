import type { SSTConfig } from "sst";
import { Alerts } from "./stacks/Alerts";
import { Api } from "./stacks/Api";
import { Auth } from "./stacks/Auth";
import { functionDefaults } from "./stacks/defaults";
import { Evidence } from "./stacks/Evidence";
import { Jobs } from "./stacks/Jobs";
import { Messaging } from "./stacks/Messaging";
import { Storage } from "./stacks/Storage";
import { Web } from "./stacks/Web";

export default {
  config() {
    return { name: "lapora", region: "ap-southeast-3" };
  },
  stacks(app) {
    app.setDefaultFunctionProps(functionDefaults);
    app
      .stack(Storage)
      .stack(Messaging)
      .stack(Auth)
      .stack(Jobs)
      .stack(Api)
      .stack(Web)
      .stack(Evidence)
      .stack(Alerts);
  },
} satisfies SSTConfig;
