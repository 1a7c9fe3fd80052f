import type { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { cognitoSdk, type Lazy } from "../aws/lazy";
import type { Officer } from "./types";

/**
 * Where officers' sign-in accounts live: a Cognito user pool in AWS, a local issuer on one machine.
 * The roster (DynamoDB) says who an officer is and what they may do; the directory only says who
 * they are when they sign in. The NRP is the username in both.
 */
export interface IdentityDirectory {
  /** Creates the sign-in; locally it returns a temporary password to hand over, in AWS Cognito sends it by SMS. */
  createLogin(officer: Officer): Promise<{ temporaryPassword?: string }>;
  setEnabled(nrp: string, enabled: boolean): Promise<void>;
}

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
