/**
 * AWS SDK clients are loaded on first use, not at import: a Lambda pays for the clients its request
 * needs (the S3 client alone is ~140 ms of module loading), not for every client the app has.
 */

/** A value made on first call and shared after; a failed attempt is retried on the next call. */
export type Lazy<T> = () => Promise<T>;

export function lazy<T>(make: () => Promise<T>): Lazy<T> {
  let made: Promise<T> | undefined;
  return () => {
    made ??= make().catch((err) => {
      made = undefined;
      throw err;
    });
    return made;
  };
}

/** The SDK packages, each loaded once, when an adapter first needs it. */
export const s3Sdk = lazy(() => import("@aws-sdk/client-s3"));
export const snsSdk = lazy(() => import("@aws-sdk/client-sns"));
export const cognitoSdk = lazy(() => import("@aws-sdk/client-cognito-identity-provider"));

/**
 * A port whose adapter is built on first use. Building ElectroDB entities (a JSON-schema check per
 * entity) is ~50 ms of a Lambda's cold start; with this, a request builds only what its route touches.
 */
export function lazyPort<T extends object>(make: () => T): T {
  let real: T | undefined;
  return new Proxy({} as T, {
    get(_, prop) {
      real ??= make();
      const value = Reflect.get(real, prop);
      return typeof value === "function" ? value.bind(real) : value;
    },
  });
}
