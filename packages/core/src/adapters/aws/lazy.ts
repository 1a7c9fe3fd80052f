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

/** A port whose every member is an async method, so calls can wait for the adapter to be built. */
export type AsyncPort<T> = { [K in keyof T]: (...args: never[]) => Promise<unknown> };

/**
 * A port whose adapter is built on first use, from a factory that may load its module first
 * (`() => import("@lapora/core/dynamo").then(...)`). The api Lambda's DynamoDB adapters come this way:
 * ElectroDB and the entities load with the first request that reads or writes, not at cold start.
 * A failed build is retried on the next call.
 */
export function lazyPort<T extends AsyncPort<T>>(make: () => T | Promise<T>): T {
  const real = lazy(async () => make());
  return new Proxy({} as T, {
    get(_, prop) {
      // Not a thenable, so `await port` gives the port itself.
      if (prop === "then" || typeof prop === "symbol") return undefined;
      return async (...args: unknown[]) => {
        const port = await real();
        const method: unknown = Reflect.get(port, prop);
        if (typeof method !== "function") throw new TypeError(`${String(prop)} is not a method of this port`);
        return method.apply(port, args);
      };
    },
  });
}
