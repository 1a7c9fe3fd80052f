import * as z from "zod/mini";

/** A DynamoDB AttributeValue as a stream record carries it (no binary: Lapora stores none). */
export type AttributeValue =
  | { S: string }
  | { N: string }
  | { BOOL: boolean }
  | { NULL: true }
  | { SS: string[] }
  | { NS: string[] }
  | { L: AttributeValue[] }
  | { M: { [key: string]: AttributeValue } };

export const AttributeValue: z.ZodMiniType<AttributeValue> = z.union([
  z.strictObject({ S: z.string() }),
  z.strictObject({ N: z.string() }),
  z.strictObject({ BOOL: z.boolean() }),
  z.strictObject({ NULL: z.literal(true) }),
  z.strictObject({ SS: z.array(z.string()) }),
  z.strictObject({ NS: z.array(z.string()) }),
  z.strictObject({
    get L() {
      return z.array(AttributeValue);
    },
  }),
  z.strictObject({
    get M() {
      return z.record(z.string(), AttributeValue);
    },
  }),
]);

/** One record of a DynamoDB stream event, as Lambda delivers it (and the local poller imitates). */
export const StreamRecord = z.object({
  eventName: z.enum(["INSERT", "MODIFY", "REMOVE"]),
  dynamodb: z.object({
    SequenceNumber: z.string().check(z.minLength(1)),
    NewImage: z.optional(z.record(z.string(), AttributeValue)),
  }),
});

/** The batch around the records; each record is parsed on its own so one bad record fails alone. */
export const StreamEvent = z.object({ Records: z.array(z.unknown()) });

/** Just enough of a record to report it in batchItemFailures even when the rest does not parse. */
export const SequenceOnly = z.object({ dynamodb: z.object({ SequenceNumber: z.string() }) });
