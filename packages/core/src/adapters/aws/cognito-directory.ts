import type { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import type { IdentityDirectory } from "../../officer/directory";
import { cognitoSdk, type Lazy } from "./lazy";

/** The Cognito adapter: AdminCreateUser sends the temporary password to the officer's phone by SMS. */
export function createCognitoDirectory(
  client: Lazy<CognitoIdentityProviderClient>,
  userPoolId: string,
): IdentityDirectory {
  return {
    async createLogin(officer) {
      try {
        await (await client()).send(
          new (await cognitoSdk()).AdminCreateUserCommand({
            UserPoolId: userPoolId,
            Username: officer.nrp,
            UserAttributes: [
              { Name: "name", Value: officer.name },
              { Name: "phone_number", Value: officer.phone },
              { Name: "phone_number_verified", Value: "true" },
            ],
            DesiredDeliveryMediums: ["SMS"],
          }),
        );
      } catch (err) {
        // The roster write is retried after a failure here; the account from the first try is fine.
        if ((err as Error).name !== "UsernameExistsException") throw err;
      }
      return {};
    },
    async setEnabled(nrp, enabled) {
      const input = { UserPoolId: userPoolId, Username: nrp };
      try {
        const sdk = await cognitoSdk();
        await (await client()).send(
          enabled ? new sdk.AdminEnableUserCommand(input) : new sdk.AdminDisableUserCommand(input),
        );
      } catch (err) {
        // A roster entry without a Cognito account (added by the seed script before its user) has nothing to switch.
        if ((err as Error).name !== "UserNotFoundException") throw err;
      }
    },
  };
}
