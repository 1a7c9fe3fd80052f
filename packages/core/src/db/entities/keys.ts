import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { TABLE } from "../table";

/** What every entity is bound to: one document client and the one table. */
export interface Binding {
  client: DynamoDBDocumentClient;
  table: string;
}

/** The table's primary key fields; each entity adds its own composite attributes. */
export const primary = { pk: { field: TABLE.partitionKey }, sk: { field: TABLE.sortKey } } as const;
