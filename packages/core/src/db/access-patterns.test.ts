import { readFileSync } from "node:fs";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { createService } from "./service";

// Data written before must still read: the keys every entity puts on the table are pinned by the
// access-pattern table in ./README.md, and this test derives them from the ElectroDB entities themselves.
const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: "ap-southeast-3" }));
const service = createService(client, "lapora-test");

interface IndexSchema {
  index?: string;
  pk: { composite: readonly string[] };
  sk?: { composite: readonly string[] };
}
type Query = (composites: Record<string, unknown>) => {
  params(): { IndexName?: string; ExpressionAttributeValues: Record<string, unknown> };
};

/** Sample values: numbers where the attribute is a number, so the key shows how ElectroDB renders it. */
const sample = (attribute: string) =>
  attribute === "slot" || attribute === "priorityRank" ? 7 : `v${attribute}`;

/** `{attribute}` in place of each sample value, as the README writes keys. */
function template(key: unknown, composites: readonly string[]): string {
  let out = String(key);
  for (const a of composites)
    out = out.replace(`${a}_${sample(a)}`.toLowerCase(), `${a.toLowerCase()}_{${a}}`);
  return out;
}

function derived() {
  const rows: string[][] = [];
  for (const [name, entity] of Object.entries(service.entities)) {
    const indexes = (entity as unknown as { schema: { indexes: Record<string, IndexSchema> } }).schema
      .indexes;
    for (const [pattern, index] of Object.entries(indexes)) {
      const composites = [...index.pk.composite, ...(index.sk?.composite ?? [])];
      const query = (entity.query as unknown as Record<string, Query>)[pattern];
      const params = query?.(Object.fromEntries(composites.map((a) => [a, sample(a)]))).params();
      const values = params?.ExpressionAttributeValues ?? {};
      rows.push([
        name,
        pattern,
        params?.IndexName ?? "table",
        template(values[":pk"], composites),
        template(values[":sk1"], composites),
      ]);
    }
  }
  return rows;
}

/** The README's table: entity, access pattern, index, pk, sk (then who uses it). */
function documented() {
  const readme = readFileSync(new URL("./README.md", import.meta.url), "utf8");
  return readme
    .split("\n")
    .filter((line) => /^\| `/.test(line))
    .map((line) =>
      line
        .split("|")
        .slice(1, 6)
        .map((cell) => cell.trim().replace(/^`|`$/g, "")),
    );
}

describe("the access-pattern table (db/README.md)", () => {
  it("lists every entity and index of the one Service, with the keys ElectroDB writes", () => {
    expect(documented()).toEqual(derived());
  });

  it("names each of the twenty-six entities once in the Service", () => {
    expect(Object.keys(service.entities)).toHaveLength(26);
  });
});
