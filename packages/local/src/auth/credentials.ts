/**
 * Local sign-in accounts: what the Cognito user pool holds in AWS. Passwords are stored only as salted
 * scrypt hashes. Access pattern: credential by username, pk = $lapora#username_{nrp}, sk = $localcredential_1.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Officer } from "@lapora/core";
import { TABLE } from "@lapora/core/infra";
import { Entity } from "electrodb";
import type { LocalIssuer } from "./issuer";

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
      await credential.put({ username, passwordHash: await hashPassword(password), enabled: true }).go();
    },
  };
}

/** Local sign-in: checks the scrypt hash and issues a Cognito-shaped ID token from the local issuer. */
export function createLocalSignIn(
  client: DynamoDBDocumentClient,
  table: string,
  issuer: LocalIssuer,
): Officer.SignInProvider {
  const credential = credentialEntity(client, table);
  const signIn = async (username: string, password: string): Promise<Officer.SignInResult> => {
    const { data } = await credential.get({ username }).go({ consistent: true });
    if (!data?.enabled || !(await verifyPassword(password, data.passwordHash))) return { kind: "invalid" };
    return { kind: "ok", idToken: await issuer.sign(username), expiresIn: 3600 };
  };
  return {
    signIn,
    // Local temporary passwords need no change before first use.
    setNewPassword: async () => ({ kind: "invalid" }),
  };
}
