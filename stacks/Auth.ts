import { Duration, RemovalPolicy } from "aws-cdk-lib";
import { AccountRecovery } from "aws-cdk-lib/aws-cognito";
import { NagSuppressions } from "cdk-nag";
import { Cognito, type StackContext } from "sst/constructs";

/** Officers' passwords: Cognito's own lockout also applies, and the API throttles failed sign-ins. */
export const PASSWORD_POLICY = {
  minLength: 12,
  requireLowercase: true,
  requireUppercase: true,
  requireDigits: true,
  requireSymbols: true,
  // AdminCreateUser SMS-es a temporary password; an officer who has not used it in 3 days gets a new one.
  tempPasswordValidity: Duration.days(3),
};

/**
 * Officers' sign-in: a Cognito user pool whose usernames are NRPs (8 or 18 digits; the API checks the
 * shape before AdminCreateUser), and the console's app client. The roster in DynamoDB, not Cognito, says
 * what an officer may do.
 */
export function Auth({ app, stack }: StackContext) {
  const keep = app.stage === "prod";

  const auth = new Cognito(stack, "officers", {
    login: ["username"],
    // No identity pool: officers never get AWS credentials, only tokens the API checks.
    identityPoolFederation: false,
    cdk: {
      userPool: {
        // Admins create officers through the API (AdminCreateUser); nobody signs themselves up.
        selfSignUpEnabled: false,
        signInAliases: { username: true },
        signInCaseSensitive: false,
        standardAttributes: {
          fullname: { required: true, mutable: true },
          phoneNumber: { required: true, mutable: true },
        },
        passwordPolicy: PASSWORD_POLICY,
        // Officers have no e-mail in the pool; a forgotten password is reset by a code sent to the phone.
        accountRecovery: AccountRecovery.PHONE_ONLY_WITHOUT_MFA,
        // Cognito sends the invitation and recovery codes by SMS through SNS, with a role of its own.
        enableSmsRole: true,
        // Also the message of a password-reset code.
        userVerification: { smsMessage: "Lapora: kode verifikasi Anda {####}." },
        userInvitation: {
          smsMessage:
            "Lapora: akun petugas {username}, kata sandi sementara {####}. Ganti saat masuk pertama.",
        },
        deletionProtection: keep,
        removalPolicy: keep ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      },
      userPoolClient: {
        // The API calls InitiateAuth/RespondToAuthChallenge itself; a public client has no secret.
        generateSecret: false,
        authFlows: { userPassword: true },
        // No hosted UI, so no OAuth flows or callback URLs (CDK would add example.com ones).
        disableOAuth: true,
        idTokenValidity: Duration.hours(1),
        accessTokenValidity: Duration.hours(1),
        // About one shift.
        refreshTokenValidity: Duration.hours(12),
        // "Incorrect username or password" either way: no probing which NRPs have accounts.
        preventUserExistenceErrors: true,
        enableTokenRevocation: true,
      },
    },
  });

  const userPool = auth.cdk.userPool;
  NagSuppressions.addResourceSuppressions(userPool, [
    { id: "AwsSolutions-COG2", reason: "Officers' TOTP MFA: issue 17 (MFA), not yet built." },
    {
      id: "AwsSolutions-COG3",
      reason: "Cognito's threat protection (advanced security): issue 17, not yet built.",
    },
  ]);
  NagSuppressions.addResourceSuppressions(userPool.node.findChild("smsRole"), [
    {
      id: "AwsSolutions-IAM5",
      reason:
        "CDK's SMS role for the pool (enableSmsRole): Cognito publishes straight to phone numbers, which IAM names no resource for; only this pool may assume it (sts:ExternalId).",
      appliesTo: ["Resource::*"],
    },
  ]);
  /** What the API's JWT authorizer and the API's own token check both compare `iss` with. */
  const issuer = `https://cognito-idp.${stack.region}.amazonaws.com/${userPool.userPoolId}`;

  stack.addOutputs({ UserPoolId: userPool.userPoolId, UserPoolClientId: auth.userPoolClientId });

  return { userPool, clientId: auth.userPoolClientId, issuer };
}
