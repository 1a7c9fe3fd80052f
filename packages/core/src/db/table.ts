import type { CreateTableCommandInput } from "@aws-sdk/client-dynamodb";

const gsi = (n: number) => ({ name: `gsi${n}`, partitionKey: `gsi${n}pk`, sortKey: `gsi${n}sk` }) as const;

/**
 * The one table's shape, shared by the Storage stack, the local runtime and the tests so they cannot
 * drift. Generic keys; each entity file lists the access patterns it puts on them.
 */
export const TABLE = {
  partitionKey: "pk",
  sortKey: "sk",
  gsi1: gsi(1),
  gsi2: gsi(2),
  gsi3: gsi(3),
  gsi4: gsi(4),
  /** Every GSI, all projecting ALL attributes. */
  indexes: [gsi(1), gsi(2), gsi(3), gsi(4)],
  ttlAttribute: "expiresAt",
} as const;

/** CreateTable input for DynamoDB Local and tests; the Storage stack declares the same in CDK. */
export function tableDefinition(tableName: string): CreateTableCommandInput {
  const keys = [
    TABLE.partitionKey,
    TABLE.sortKey,
    ...TABLE.indexes.flatMap((i) => [i.partitionKey, i.sortKey]),
  ];
  return {
    TableName: tableName,
    BillingMode: "PAY_PER_REQUEST",
    AttributeDefinitions: keys.map((AttributeName) => ({ AttributeName, AttributeType: "S" })),
    KeySchema: [
      { AttributeName: TABLE.partitionKey, KeyType: "HASH" },
      { AttributeName: TABLE.sortKey, KeyType: "RANGE" },
    ],
    GlobalSecondaryIndexes: TABLE.indexes.map((i) => ({
      IndexName: i.name,
      KeySchema: [
        { AttributeName: i.partitionKey, KeyType: "HASH" },
        { AttributeName: i.sortKey, KeyType: "RANGE" },
      ],
      Projection: { ProjectionType: "ALL" },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" },
  };
}
