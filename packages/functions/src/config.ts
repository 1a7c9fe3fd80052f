import * as z from "zod/mini";

const Env = z.object({
  TABLE_NAME: z.string().check(z.minLength(1)),
  AWS_REGION: z._default(z.string(), "ap-southeast-3"),
  /** The Cognito user pool: `https://cognito-idp.{region}.amazonaws.com/{userPoolId}`. */
  AUTH_ISSUER: z.url(),
  /** The console's app client id: the `aud` of officers' ID tokens. */
  AUTH_AUDIENCE: z.string().check(z.minLength(1)),
  USER_POOL_ID: z.string().check(z.minLength(1)),
  /** Only for local emulators: DynamoDB Local's URL. */
  DYNAMODB_ENDPOINT: z.optional(z.url()),
});

export type Config = z.output<typeof Env>;

/** Parses the environment once, at cold start; a missing variable stops the function with its name. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = Env.safeParse(env);
  if (!result.success) {
    const names = result.error.issues.map((i) => i.path.join(".")).join(", ");
    throw new Error(`Lapora configuration is missing or invalid: ${names}`);
  }
  return result.data;
}
