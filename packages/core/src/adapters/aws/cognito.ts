import type { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { cognitoSdk, type Lazy, lazy } from "./lazy";

/** A Cognito user-pool client, made on first use (only sign-in and roster changes need it). */
export function createCognitoClient(options: { region?: string } = {}): Lazy<CognitoIdentityProviderClient> {
  return lazy(async () => {
    const { CognitoIdentityProviderClient } = await cognitoSdk();
    return new CognitoIdentityProviderClient({ region: options.region ?? "ap-southeast-3" });
  });
}
