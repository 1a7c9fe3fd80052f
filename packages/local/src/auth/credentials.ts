/**
 * Local sign-in accounts: what the Cognito user pool holds in AWS. Passwords are stored only as salted
 * scrypt hashes; the TOTP secret of the officer's authenticator app as it is (Cognito keeps it too; this
 * table is on one machine). Access pattern: credential by username, pk = $lapora#username_{nrp},
 * sk = $localcredential_1.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Officer } from "@lapora/core";
import { TABLE } from "@lapora/core/infra";
import { Entity } from "electrodb";
import { type ChallengeSessions, createChallengeSessions } from "./challenge-session";
import type { LocalIssuer } from "./issuer";
import { checkTotp, newTotpSecret } from "./totp";

/** The name of the entry in an authenticator app, apart from AWS's "Lapora". */
export const LOCAL_TOTP_ISSUER = "Lapora lokal";

const scrypt = promisify(scryptCb) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;

export async function hashPassword(password: string, salt = randomBytes(16)): Promise<string> {
  return `scrypt$${salt.toString("base64")}$${(await scrypt(password, salt, 32)).toString("base64")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const actual = await scrypt(password, Buffer.from(salt, "base64"), 32);
  return timingSafeEqual(actual, Buffer.from(hash, "base64"));
}

function credentialEntity(client: DynamoDBDocumentClient, table: string) {
  const key = { pk: { field: TABLE.partitionKey }, sk: { field: TABLE.sortKey } } as const;
  return new Entity(
    {
      model: { entity: "localCredential", version: "1", service: "lapora" },
      attributes: {
        username: { type: "string", required: true, readOnly: true },
        passwordHash: { type: "string", required: true },
        enabled: { type: "boolean", required: true },
        /** Base32; absent until the officer enrols an authenticator app at their first sign-in. */
        totpSecret: { type: "string" },
      },
      indexes: {
        byUsername: { pk: { ...key.pk, composite: ["username"] }, sk: { ...key.sk, composite: [] } },
      },
    },
    { client, table },
  );
}

/** Local accounts: creating one returns a temporary password for the admin to hand over. */
export function createLocalDirectory(
  client: DynamoDBDocumentClient,
  table: string,
): Officer.IdentityDirectory & {
  setPassword(username: string, password: string): Promise<void>;
  /** Enrols an authenticator app's secret for the officer (the seed's demo officers). */
  setTotpSecret(username: string, secret: string): Promise<void>;
  /** The officer's enrolled secret, for `/dev/totp`; undefined before enrolment. */
  totpSecretOf(username: string): Promise<string | undefined>;
} {
  const credential = credentialEntity(client, table);
  return {
    async createLogin(officer) {
      const temporaryPassword = randomBytes(9).toString("base64url");
      await credential
        .put({ username: officer.nrp, passwordHash: await hashPassword(temporaryPassword), enabled: true })
        .go();
      return { temporaryPassword };
    },
    async setEnabled(nrp, enabled) {
      // An officer added to the roster without a local account has no sign-in to switch.
      const { data } = await credential.get({ username: nrp }).go();
      if (data) await credential.put({ ...data, enabled }).go();
    },
    async setPassword(username, password) {
      const { data } = await credential.get({ username }).go({ consistent: true });
      await credential
        .put({ ...data, username, passwordHash: await hashPassword(password), enabled: true })
        .go();
    },
    async setTotpSecret(username, secret) {
      // As with setEnabled: a roster entry without a local account has no sign-in to enrol.
      const { data } = await credential.get({ username }).go({ consistent: true });
      if (data) await credential.put({ ...data, totpSecret: secret }).go();
    },
    async totpSecretOf(username) {
      return (await credential.get({ username }).go({ consistent: true })).data?.totpSecret;
    },
  };
}

/**
 * Local sign-in, the way Cognito does it with TOTP MFA required: the scrypt hash, then the code of the
 * officer's authenticator app; an officer without one enrols it first (a new secret, then its first code).
 * Only then does the local issuer sign a Cognito-shaped ID token. Unlike Cognito, a code may be used twice
 * within its 30 s, so tests can sign the same demo officer in again at once.
 */
export function createLocalSignIn(
  client: DynamoDBDocumentClient,
  table: string,
  issuer: LocalIssuer,
  sessions: ChallengeSessions = createChallengeSessions(),
): Officer.SignInProvider {
  const credential = credentialEntity(client, table);
  const read = async (username: string) => (await credential.get({ username }).go({ consistent: true })).data;
  const token = async (username: string): Promise<Officer.SignInResult> => ({
    kind: "ok",
    idToken: await issuer.sign(username),
    expiresIn: 3600,
  });
  return {
    async signIn(username, password) {
      const data = await read(username);
      if (!data?.enabled || !(await verifyPassword(password, data.passwordHash))) return { kind: "invalid" };
      if (data.totpSecret)
        return { kind: "totp_required", session: sessions.seal({ username, step: "mfa" }) };
      const secret = newTotpSecret();
      return {
        kind: "totp_setup",
        session: sessions.seal({ username, step: "setup", secret }),
        secret,
        issuer: LOCAL_TOTP_ISSUER,
      };
    },
    // Local temporary passwords need no change before first use.
    setNewPassword: async () => ({ kind: "invalid" }),
    async answerTotp(username, session, code) {
      const state = sessions.open(session);
      if (state?.username !== username) return { kind: "expired" };
      const data = await read(username);
      // Deactivated since the password step: told apart from a wrong password by nobody.
      if (!data?.enabled) return { kind: "invalid" };
      if (state.step === "mfa") {
        if (!data.totpSecret) return { kind: "expired" };
        return checkTotp(data.totpSecret, code) ? token(username) : { kind: "invalid_code" };
      }
      // Enrolled meanwhile (another tab): this enrolment's secret is not the one that counts.
      if (!state.secret || data.totpSecret) return { kind: "expired" };
      if (!checkTotp(state.secret, code)) return { kind: "invalid_code" };
      try {
        await credential
          .patch({ username })
          .set({ totpSecret: state.secret })
          .where((a, { notExists }) => notExists(a.totpSecret))
          .go();
      } catch (err) {
        if (/conditional/i.test(String(err))) return { kind: "expired" };
        throw err;
      }
      return token(username);
    },
  };
}
