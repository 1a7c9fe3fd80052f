import { SIGN_IN_SESSION_MINUTES } from "@lapora/core/infra";
import { Duration, RemovalPolicy } from "aws-cdk-lib";
import { AccountRecovery, FeaturePlan, Mfa, StandardThreatProtectionMode } from "aws-cdk-lib/aws-cognito";
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
 * Cognito's threat protection (compromised-credential checks, risk-based blocking), per stage with
 * `LAPORA_COGNITO_THREAT_PROTECTION=on|off`: on in prod, off elsewhere by default. It needs the Plus
 * feature plan, which AWS bills per monthly active user with no free tier; off keeps the Essentials plan
 * every new pool gets.
 */
export function threatProtection(stage: string, value = process.env.LAPORA_COGNITO_THREAT_PROTECTION) {
  const setting = value ?? (stage === "prod" ? "on" : "off");
  if (setting !== "on" && setting !== "off")
    throw new Error(`LAPORA_COGNITO_THREAT_PROTECTION must be on or off, not "${setting}".`);
  return setting === "on";
}

/**
 * Officers' sign-in: a Cognito user pool whose usernames are NRPs (8 or 18 digits; the API checks the
 * shape before AdminCreateUser), and the console's app client. The roster in DynamoDB, not Cognito, says
 * what an officer may do.
 */
export function Auth({ app, stack }: StackContext) {
  const keep = app.stage === "prod";
  const guarded = threatProtection(app.stage);

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
        // Every officer signs in with a code from an authenticator app (TOTP), enrolled at the first
        // sign-in (MFA_SETUP). Never SMS codes: they cost money per sign-in and a SIM can be swapped.
        mfa: Mfa.REQUIRED,
        mfaSecondFactor: { otp: true, sms: false },
        // No self-service recovery: a code by SMS alone must not open an account that sees reporters'
        // names, phones and photos, and officers have no e-mail in the pool. An admin, who created the
        // officer, resets the password (and a lost authenticator) by hand: docs/deploy.md.
        accountRecovery: AccountRecovery.NONE,
        ...(guarded
          ? {
              featurePlan: FeaturePlan.PLUS,
              standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
            }
          : { featurePlan: FeaturePlan.ESSENTIALS }),
        // Cognito sends the invitation (the temporary password) by SMS through SNS, with a role of its own.
        enableSmsRole: true,
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
        // From the password to the code: time for a new officer to install an authenticator app and scan.
        authSessionValidity: Duration.minutes(SIGN_IN_SESSION_MINUTES),
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
  if (!guarded)
    NagSuppressions.addResourceSuppressions(userPool, [
      {
        id: "AwsSolutions-COG3",
        reason:
          "LAPORA_COGNITO_THREAT_PROTECTION=off for this stage: the Plus plan's price per active user was not wanted here; TOTP MFA and the API's sign-in throttle still apply.",
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
