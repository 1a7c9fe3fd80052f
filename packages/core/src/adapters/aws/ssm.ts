import { type Lazy, lazy } from "./lazy";

const ssmSdk = lazy(() => import("@aws-sdk/client-ssm"));

/**
 * A SecureString parameter's value, read (and decrypted) once on first use: the VAPID private key lives
 * in SSM Parameter Store, never in code or in a function's environment.
 */
export function secureParameter(name: string, region?: string): Lazy<string> {
  return lazy(async () => {
    const { SSMClient, GetParameterCommand } = await ssmSdk();
    const client = new SSMClient(region ? { region } : {});
    try {
      const out = await client.send(new GetParameterCommand({ Name: name, WithDecryption: true }));
      const value = out.Parameter?.Value;
      if (!value) throw new Error(`SSM parameter ${name} is empty.`);
      return value;
    } finally {
      client.destroy();
    }
  });
}
