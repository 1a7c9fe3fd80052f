/**
 * `npm run seed:admin -- --table <TableName> --user-pool <UserPoolId> --nrp 80012345 --name "Aipda ..." --phone 0812...`
 *
 * Puts the first admin officer on the roster in AWS and creates their Cognito sign-in (Cognito texts the
 * temporary password to the phone). After that, admins add everyone else from the console. Uses the AWS
 * credentials and region of the shell (AWS_PROFILE / AWS_REGION); the names come from `npm run deploy`'s outputs.
 */
import { parseArgs } from "node:util";
import { Officer } from "@lapora/core";
import * as Aws from "@lapora/core/aws";
import * as Dynamo from "@lapora/core/dynamo";

const { values } = parseArgs({
  options: {
    table: { type: "string" },
    "user-pool": { type: "string" },
    nrp: { type: "string" },
    name: { type: "string" },
    phone: { type: "string" },
    region: { type: "string", default: process.env.AWS_REGION ?? "ap-southeast-3" },
  },
});
const missing = ["table", "user-pool", "nrp", "name", "phone"].filter(
  (k) => !values[k as keyof typeof values],
);
if (missing.length > 0) {
  console.error(
    `Missing ${missing.map((m) => `--${m}`).join(", ")}: see the header of scripts/seed-admin.ts.`,
  );
  process.exit(1);
}
try {
  const input = Officer.Roster.parseInput({
    nrp: values.nrp,
    name: values.name,
    role: "admin",
    phone: values.phone,
  });
  const client = Aws.createDocumentClient({ region: values.region });
  const directory = Aws.createCognitoDirectory(
    Aws.createCognitoClient({ region: values.region }),
    values["user-pool"] ?? "",
  );
  const store = Dynamo.createDynamoOfficerStore(client, values.table ?? "");
  const { officer } = await Officer.Roster.add(store, directory, { nrp: "seed-admin", role: "admin" }, input);
  console.log(
    `Added admin ${officer.name} (${officer.nrp}); Cognito has sent the temporary password to ${officer.phone}.`,
  );
} catch (err) {
  console.error(`Could not add the admin: ${(err as Error).message}`);
  process.exit(1);
}
