/**
 * Where a replay gets the records report-events failed: from the table's stream, while it still holds them
 * (24 hours), or rebuilt from the table. Both give records in the shape Lambda hands report-events
 * (`{ eventName, dynamodb: { NewImage, SequenceNumber } }`), kept by the same filter as the event source
 * mapping's (Alert.STREAM_FILTER), so the deployed handler and its "sent" markers decide what goes out.
 */
import { type AttributeValue, DynamoDBClient, ScanCommand } from "@aws-sdk/client-dynamodb";
import {
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamsRecord,
} from "@aws-sdk/client-dynamodb-streams";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { Alert } from "@lapora/core";
import * as z from "zod";

/** The position of a failed batch, as an event source mapping's on-failure destination receives it. */
export const StreamFailure = z.object({
  requestContext: z.object({ condition: z.string().optional() }).optional(),
  timestamp: z.string().optional(),
  DDBStreamBatchInfo: z.object({
    shardId: z.string().min(1),
    startSequenceNumber: z.string().min(1),
    endSequenceNumber: z.string().min(1),
    approximateArrivalOfFirstRecord: z.string(),
    approximateArrivalOfLastRecord: z.string(),
    batchSize: z.number().int().nonnegative(),
    streamArn: z.string().min(1),
  }),
});
export type StreamFailure = z.infer<typeof StreamFailure>;
export type BatchInfo = StreamFailure["DDBStreamBatchInfo"];

/** A record as Lambda delivers it to report-events. */
export interface LambdaStreamRecord {
  eventName: string;
  eventSourceARN?: string;
  dynamodb: { SequenceNumber: string; NewImage?: Record<string, AttributeValue> };
}

/** Records that are alerts, by the event source mapping's own filter. */
export const alerting = (records: LambdaStreamRecord[]) =>
  records.filter((r) => Alert.matchesFilter(Alert.STREAM_FILTER, r));

/** The alert kind of a record (`baru`, `eskalasi-kapolsek`, ...), for the counts printed. */
export function kindOf(record: LambdaStreamRecord): string {
  try {
    return (
      Alert.alertFromImage(unmarshall(record.dynamodb.NewImage ?? {}) as Record<string, unknown>)?.kind ??
      "none"
    );
  } catch {
    return "malformed";
  }
}

/** The stream answered that these records are gone (past 24 hours, or the stream was replaced). */
export class StreamRecordsGone extends Error {
  constructor(why: string) {
    super(`The stream no longer has these records (${why}).`);
    this.name = "StreamRecordsGone";
  }
}

const GONE = /TrimmedDataAccess|ResourceNotFound|ExpiredIterator|ValidationException/;
/** Reads that come back empty before the end is reached: past this, the table is asked instead. */
const MAX_EMPTY_READS = 20;

function toLambda(record: StreamsRecord, streamArn: string): LambdaStreamRecord {
  // The Streams API gives a Date and bytes where Lambda gives epoch seconds and base64; report-events
  // reads neither, and Lapora stores no binary values.
  const json = JSON.stringify(record, (key, value) =>
    key === "ApproximateCreationDateTime" ? Math.floor(Date.parse(value) / 1000) : value,
  );
  return { ...(JSON.parse(json) as LambdaStreamRecord), eventSourceARN: streamArn };
}

/** The failed batch's records, read again from the stream: from its first sequence number to its last. */
export async function readFromStream(
  streams: DynamoDBStreamsClient,
  batch: BatchInfo,
): Promise<LambdaStreamRecord[]> {
  const end = BigInt(batch.endSequenceNumber);
  const out: LambdaStreamRecord[] = [];
  let iterator: string | undefined;
  try {
    ({ ShardIterator: iterator } = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: batch.streamArn,
        ShardId: batch.shardId,
        ShardIteratorType: "AT_SEQUENCE_NUMBER",
        SequenceNumber: batch.startSequenceNumber,
      }),
    ));
    let empty = 0;
    while (iterator) {
      const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
      iterator = page.NextShardIterator;
      const records = page.Records ?? [];
      if (records.length === 0 && ++empty > MAX_EMPTY_READS) break;
      for (const r of records) {
        if (BigInt(r.dynamodb?.SequenceNumber ?? "0") > end) return out;
        out.push(toLambda(r, batch.streamArn));
      }
      if (out.length > 0 && BigInt(out.at(-1)?.dynamodb.SequenceNumber ?? "0") >= end) return out;
    }
  } catch (err) {
    if (GONE.test(`${(err as Error).name} ${(err as Error).message}`))
      throw new StreamRecordsGone((err as Error).name);
    throw err;
  }
  // A closed shard ended, or an open one kept answering nothing, before the batch's last record.
  if (!out.some((r) => r.dynamodb.SequenceNumber === batch.endSequenceNumber))
    throw new StreamRecordsGone("the batch's last record was not found");
  return out;
}

/** The entities whose insertion is an alert (Alert.STREAM_FILTER), with the attribute that dates each. */
const DATED = { report: "createdAt", escalation: "at", release: "at", heldSummary: "at", reopen: "at" };

/**
 * The alerts the table holds for `[from, to]`, rebuilt as inserted-item records: reports created then,
 * and escalations, releases from quarantine, held-darurat summaries and reopenings made then. It scans
 * the table (filtered on the server): a replay is rare, and these items have no common index by time.
 */
export async function readFromTable(
  dynamo: DynamoDBClient,
  table: string,
  from: string,
  to: string,
): Promise<LambdaStreamRecord[]> {
  const names: Record<string, string> = { "#e": "__edb_e__", "#c": "createdAt", "#at": "at" };
  const values: Record<string, AttributeValue> = { ":from": { S: from }, ":to": { S: to } };
  const entities = Object.keys(DATED).map((e, i) => {
    values[`:e${i}`] = { S: e };
    return `:e${i}`;
  });
  const out: LambdaStreamRecord[] = [];
  let ExclusiveStartKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await dynamo.send(
      new ScanCommand({
        TableName: table,
        FilterExpression: `#e IN (${entities.join(", ")}) AND (#c BETWEEN :from AND :to OR #at BETWEEN :from AND :to)`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ExclusiveStartKey,
      }),
    );
    for (const item of page.Items ?? []) {
      const entity = item.__edb_e__?.S as keyof typeof DATED | undefined;
      const at = entity ? item[DATED[entity]]?.S : undefined;
      if (!at || at < from || at > to) continue;
      out.push({ eventName: "INSERT", dynamodb: { SequenceNumber: "", NewImage: item } });
    }
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  // Oldest first, as the stream would have them; each gets a sequence number of its own for the answer.
  const dated = (r: LambdaStreamRecord) => {
    const image = r.dynamodb.NewImage ?? {};
    return image.createdAt?.S ?? image.at?.S ?? "";
  };
  return out
    .sort((a, b) => dated(a).localeCompare(dated(b)))
    .map((r, i) => ({ ...r, dynamodb: { ...r.dynamodb, SequenceNumber: `table-${i + 1}` } }));
}

/** Clients of the region, or of DynamoDB Local (tests). */
export function createDynamoClients(where: { region: string; endpoint?: string }) {
  const config = {
    region: where.region,
    ...(where.endpoint
      ? { endpoint: where.endpoint, credentials: { accessKeyId: "local", secretAccessKey: "local" } }
      : {}),
  };
  return { dynamo: new DynamoDBClient(config), streams: new DynamoDBStreamsClient(config) };
}
