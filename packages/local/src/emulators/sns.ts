import { startFauxqs } from "fauxqs";

export interface SnsLocal {
  endpoint: string;
  topicArn: string;
  stop(): Promise<void>;
}

/** Starts fauxqs (SNS and SQS) in this process, with the alerts topic. Its state lives in memory. */
export async function startSnsLocal(options: { topicName: string; port?: number }): Promise<SnsLocal> {
  const server = await startFauxqs({ port: options.port ?? 0, logger: false });
  const { topicArn } = server.createTopic(options.topicName);
  return { endpoint: server.address, topicArn, stop: () => server.stop() };
}
