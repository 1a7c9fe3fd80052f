import { CreateTopicCommand, SubscribeCommand } from "@aws-sdk/client-sns";
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from "@aws-sdk/client-sqs";
import { Stats } from "@lapora/core";
import * as Aws from "@lapora/core/aws";
import type { ApiDeps } from "@lapora/functions/api/app";

/** The leadership summary topic, and a queue on it standing in for pimpinan's inboxes. */
const TOPIC = "lapora-summaries-local";
const INBOX = "lapora-summaries-inbox-local";

/**
 * The weekly-stats job's dependencies on one machine: the API's stores plus an SNS publisher on
 * fauxqs. The summary topic gets an SQS queue subscriber so the message can be read back.
 */
export async function createLocalStatsDeps(deps: ApiDeps, snsEndpoint: string): Promise<Stats.StatsDeps> {
  const sns = Aws.createSnsClient({ endpoint: snsEndpoint });
  const sqs = new SQSClient({
    region: "ap-southeast-3",
    endpoint: snsEndpoint,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  const { TopicArn } = await (await sns()).send(new CreateTopicCommand({ Name: TOPIC }));
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: INBOX }));
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ["QueueArn"] }),
  );
  await (await sns()).send(
    new SubscribeCommand({ TopicArn, Protocol: "sqs", Endpoint: Attributes?.QueueArn }),
  );
  if (!TopicArn) throw new Error("fauxqs did not create the summary topic");
  return { stats: deps.stats, files: deps.files, summaries: Aws.createSnsSummaryPublisher(sns, TopicArn) };
}

/** The next Monday 00:05 WIB (Sunday 17:05 UTC) after `now`: when EventBridge runs the job in AWS. */
export function nextRun(now: Date): Date {
  const t = new Date(now);
  t.setUTCHours(17, 5, 0, 0);
  const daysToSunday = (7 - t.getUTCDay()) % 7;
  t.setUTCDate(t.getUTCDate() + daysToSunday);
  if (t <= now) t.setUTCDate(t.getUTCDate() + 7);
  return t;
}

/** Runs the job locally on the same schedule as in AWS, for as long as the runtime lives. */
export function scheduleWeeklyStats(deps: Stats.StatsDeps, log: (line: string) => void): () => void {
  let timer: NodeJS.Timeout;
  const arm = () => {
    const at = nextRun(new Date());
    // setTimeout cannot wait longer than ~24.8 days; a week is well inside it.
    timer = setTimeout(async () => {
      const week = Stats.lastCompletedWeek(new Date());
      try {
        const r = await Stats.runWeek(deps, week);
        log(`weekly-stats: published ${week} (${r.stats.total} reports)`);
      } catch (err) {
        log(`weekly-stats: ${week} failed: ${(err as Error).message}`);
      }
      arm();
    }, at.getTime() - Date.now());
    timer.unref();
  };
  arm();
  return () => clearTimeout(timer);
}
