import type { SNSClient } from "@aws-sdk/client-sns";
import { type Lazy, lazy, snsSdk } from "./lazy";

/** An SNS client, made on first use; locally it talks to fauxqs with dummy credentials. */
export function createSnsClient(options: { region?: string; endpoint?: string } = {}): Lazy<SNSClient> {
  return lazy(async () => {
    const { SNSClient } = await snsSdk();
    return new SNSClient({
      region: options.region ?? "ap-southeast-3",
      ...(options.endpoint
        ? { endpoint: options.endpoint, credentials: { accessKeyId: "local", secretAccessKey: "local" } }
        : {}),
    });
  });
}
