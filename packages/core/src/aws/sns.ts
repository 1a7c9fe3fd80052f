import { SNSClient } from "@aws-sdk/client-sns";

/** An SNS client; locally it talks to fauxqs with dummy credentials. */
export function createSnsClient(options: { region?: string; endpoint?: string } = {}): SNSClient {
  return new SNSClient({
    region: options.region ?? "ap-southeast-3",
    ...(options.endpoint
      ? { endpoint: options.endpoint, credentials: { accessKeyId: "local", secretAccessKey: "local" } }
      : {}),
  });
}
