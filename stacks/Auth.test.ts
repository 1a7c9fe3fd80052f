import { Match, type Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import config from "../sst.config";
import { threatProtection } from "./Auth";
import { createTestApp, templateOf } from "./test-app";

let t: Template;

function only(template: Template, type: string) {
  const found = Object.values(template.findResources(type));
  expect(found).toHaveLength(1);
  return found[0]?.Properties;
}

beforeAll(async () => {
  const app = await createTestApp();
  await config.stacks(app);
  t = templateOf(app, "Auth");
});

describe("Auth stack: officers' user pool", () => {
  it("lets only admins create accounts: no self sign-up", () => {
    expect(only(t, "AWS::Cognito::UserPool").AdminCreateUserConfig).toMatchObject({
      AllowAdminCreateUserOnly: true,
    });
    t.hasResourceProperties("AWS::Cognito::UserPool", { UserPoolName: "test-lapora-officers" });
  });

  it("signs in by username (the NRP) only, never by e-mail or phone", () => {
    const pool = only(t, "AWS::Cognito::UserPool");
    // Neither UsernameAttributes (e-mail/phone instead of a username) nor AliasAttributes (extra ways in).
    expect(pool.UsernameAttributes).toBeUndefined();
    expect(pool.AliasAttributes).toBeUndefined();
    expect(pool.UsernameConfiguration).toEqual({ CaseSensitive: false });
  });

  it("requires a name and a phone number and has no e-mail attribute", () => {
    const schema = only(t, "AWS::Cognito::UserPool").Schema as { Name: string; Required: boolean }[];
    expect(schema.map((a) => [a.Name, a.Required]).sort()).toEqual([
      ["name", true],
      ["phone_number", true],
    ]);
  });

  it("requires strong passwords of at least 12 characters", () => {
    expect(only(t, "AWS::Cognito::UserPool").Policies.PasswordPolicy).toEqual({
      MinimumLength: 12,
      RequireLowercase: true,
      RequireUppercase: true,
      RequireNumbers: true,
      RequireSymbols: true,
      TemporaryPasswordValidityDays: 3,
    });
  });

  it("requires a TOTP authenticator app of every officer, and never SMS codes", () => {
    const pool = only(t, "AWS::Cognito::UserPool");
    expect(pool.MfaConfiguration).toBe("ON");
    expect(pool.EnabledMfas).toEqual(["SOFTWARE_TOKEN_MFA"]);
  });

  it("has no self-service recovery (an SMS code alone opens nothing), and sends invitations by SMS", () => {
    const pool = only(t, "AWS::Cognito::UserPool");
    expect(pool.AccountRecoverySetting).toEqual({
      RecoveryMechanisms: [{ Name: "admin_only", Priority: 1 }],
    });
    // Cognito sends SMS through SNS as a role that only it may assume, with the pool's external id.
    const role = pool.SmsConfiguration.SnsCallerArn["Fn::GetAtt"][0];
    expect(t.toJSON().Resources[role].Properties.AssumeRolePolicyDocument.Statement).toEqual([
      {
        Action: "sts:AssumeRole",
        Effect: "Allow",
        Principal: { Service: "cognito-idp.amazonaws.com" },
        Condition: { StringEquals: { "sts:ExternalId": pool.SmsConfiguration.ExternalId } },
      },
    ]);
    expect(pool.AdminCreateUserConfig.InviteMessageTemplate.SMSMessage).toMatch(/\{username\}.*\{####\}/);
  });

  it("creates no identity pool: officers never get AWS credentials", () => {
    t.resourceCountIs("AWS::Cognito::IdentityPool", 0);
  });

  it("leaves threat protection off outside prod by default, on the Essentials plan", () => {
    const pool = only(t, "AWS::Cognito::UserPool");
    expect(pool.UserPoolTier).toBe("ESSENTIALS");
    expect(pool.UserPoolAddOns?.AdvancedSecurityMode ?? "OFF").toBe("OFF");
  });

  it("lets a non-prod stage be removed with its users", () => {
    t.hasResource("AWS::Cognito::UserPool", {
      DeletionPolicy: "Delete",
      Properties: Match.objectLike({ DeletionProtection: "INACTIVE" }),
    });
  });
});

describe("Auth stack: the console's app client", () => {
  it("is a public client (no secret) that signs in with USER_PASSWORD_AUTH and refreshes", () => {
    const client = only(t, "AWS::Cognito::UserPoolClient");
    expect(client.GenerateSecret).toBe(false);
    expect([...client.ExplicitAuthFlows].sort()).toEqual([
      "ALLOW_REFRESH_TOKEN_AUTH",
      "ALLOW_USER_PASSWORD_AUTH",
    ]);
  });

  it("keeps a sign-in open for 10 minutes between the password and the code (time to enrol an app)", () => {
    expect(only(t, "AWS::Cognito::UserPoolClient").AuthSessionValidity).toBe(10);
  });

  it("issues ID tokens valid for 1 hour and hides whether a username exists", () => {
    const client = only(t, "AWS::Cognito::UserPoolClient");
    expect(client.IdTokenValidity).toBe(60);
    expect(client.TokenValidityUnits.IdToken).toBe("minutes");
    expect(client.PreventUserExistenceErrors).toBe("ENABLED");
  });

  it("has no OAuth flows or callback URLs (there is no hosted UI)", () => {
    const client = only(t, "AWS::Cognito::UserPoolClient");
    expect(client.AllowedOAuthFlowsUserPoolClient).toBe(false);
    expect(client.AllowedOAuthFlows).toBeUndefined();
    expect(client.CallbackURLs).toBeUndefined();
  });
});

describe("Auth stack in prod", () => {
  let prod: Template;
  beforeAll(async () => {
    const app = await createTestApp({ stage: "prod" });
    await config.stacks(app);
    prod = templateOf(app, "Auth");
  });

  it("keeps the user pool, with deletion protection, when the stage is removed", () => {
    prod.hasResource("AWS::Cognito::UserPool", {
      DeletionPolicy: "Retain",
      UpdateReplacePolicy: "Retain",
      Properties: Match.objectLike({ UserPoolName: "prod-lapora-officers", DeletionProtection: "ACTIVE" }),
    });
  });

  it("turns Cognito's threat protection on (enforced), on the Plus plan it needs", () => {
    const pool = only(prod, "AWS::Cognito::UserPool");
    expect(pool.UserPoolTier).toBe("PLUS");
    expect(pool.UserPoolAddOns).toEqual({ AdvancedSecurityMode: "ENFORCED" });
    expect(pool.MfaConfiguration).toBe("ON");
    expect(pool.EnabledMfas).toEqual(["SOFTWARE_TOKEN_MFA"]);
  });
});

describe("LAPORA_COGNITO_THREAT_PROTECTION", () => {
  it("is on in prod and off elsewhere unless set, and accepts only on or off", () => {
    expect(threatProtection("prod", undefined)).toBe(true);
    expect(threatProtection("uji", undefined)).toBe(false);
    expect(threatProtection("prod", "off")).toBe(false);
    expect(threatProtection("uji", "on")).toBe(true);
    expect(() => threatProtection("prod", "yes")).toThrow(
      /LAPORA_COGNITO_THREAT_PROTECTION must be on or off/,
    );
  });

  it("turns it off in prod when set so, and MFA stays required", async () => {
    const was = process.env.LAPORA_COGNITO_THREAT_PROTECTION;
    try {
      process.env.LAPORA_COGNITO_THREAT_PROTECTION = "off";
      const app = await createTestApp({ stage: "prod" });
      await config.stacks(app);
      const pool = only(templateOf(app, "Auth"), "AWS::Cognito::UserPool");
      expect(pool.UserPoolTier).toBe("ESSENTIALS");
      expect(pool.UserPoolAddOns?.AdvancedSecurityMode ?? "OFF").toBe("OFF");
      expect(pool.MfaConfiguration).toBe("ON");
    } finally {
      if (was === undefined) delete process.env.LAPORA_COGNITO_THREAT_PROTECTION;
      else process.env.LAPORA_COGNITO_THREAT_PROTECTION = was;
    }
  });
});
