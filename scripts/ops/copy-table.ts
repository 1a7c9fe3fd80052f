/**
 * `npm run ops -- copy-table --from T1 --to T2`: copies every item of one Lapora table into another, page
 * by page (Scan, then BatchWriteItem), for the point-in-time-recovery procedure (docs/operations.md): a
 * restore makes a new table, and its items are copied back into the stage's own table, which keeps its
 * stream, alarms and permissions. After each page the position is saved to a state file, so a copy that
 * stops (credentials expired, Ctrl-C) resumes where it was when run again. It prints counts only.
 *
 * Writing into a table that report-events listens to, it takes two precautions:
 * - an item whose insertion is an alert (Alert.STREAM_FILTER: a report, escalation, release, summary or
 *   reopening) is first written marked `heldReason: "restoring"`, which the filter never passes, then
 *   written as it is, which is a change and not an insertion: a restored report never alerts again, even
 *   where its "sent" markers expired or are copied after it;
 * - a report whose reporter's contact was erased in the target since (by the retention job or at her
 *   request) keeps it erased, and so does a report the target lost whose audit trail there still records
 *   a `contact_erased`: a restore never brings back personal data that was deleted.
 * Items past their TTL are not copied. With `--missing-only`, items the target still has are left as they
 * are: only what was lost comes back, and changes made since the restore point stay.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import {
  type AttributeValue,
  BatchGetItemCommand,
  BatchWriteItemCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ScanCommand,
  type WriteRequest,
} from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { Alert, type Audit, Reporter } from "@lapora/core";
import { createDynamoAuditStore } from "@lapora/core/dynamo";
import { TABLE } from "@lapora/core/infra";

type Item = Record<string, AttributeValue>;

/** The hold reason a restored alerting item carries for the instant between its two writes. */
export const QUIET_MARK = "restoring";

export interface CopyState {
  from: string;
  to: string;
  /** Where the next page starts; absent before the first page. */
  lastKey?: Item;
  pages: number;
  copied: number;
  /** Alerting items written quietly first. */
  quiet: number;
  /** Reports whose erased contact in the target was kept erased. */
  erasuresKept: number;
  /** Items past their TTL, not copied. */
  expired: number;
  /** Items the target still had, left as they are (missing-only). */
  kept: number;
}

export interface CopyResult extends CopyState {
  complete: boolean;
  /** The page the run started from (0: the beginning). */
  resumedAt: number;
}

export interface CopyOptions {
  from: string;
  to: string;
  statePath: string;
  /** Items per Scan page. */
  pageSize?: number;
  /** Copies only the items the target does not have. */
  missingOnly?: boolean;
  /** Stops after this many pages of this run, leaving the state to resume from (tests). */
  maxPages?: number;
  now?: () => Date;
}

/** The state file of a copy, beside the local data (git-ignored). */
export const defaultStatePath = (from: string, to: string) => `.lapora/ops/copy-${from}-to-${to}.json`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const isEntity = (item: Item, entity: string) => item.__edb_e__?.S === entity;
const keyOf = (item: Item): Item => ({
  [TABLE.partitionKey]: item[TABLE.partitionKey] as AttributeValue,
  [TABLE.sortKey]: item[TABLE.sortKey] as AttributeValue,
});
const keyText = (item: Item) => `${item[TABLE.partitionKey]?.S}\u0000${item[TABLE.sortKey]?.S}`;

async function writeAll(dynamo: DynamoDBClient, table: string, items: Item[]) {
  for (let i = 0; i < items.length; i += 25) {
    let pending: WriteRequest[] = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 10) throw new Error(`${table} kept refusing writes (throttled?): run the copy again.`);
      if (attempt > 0) await sleep(Math.min(100 * 2 ** attempt, 5_000));
      const out = await dynamo.send(new BatchWriteItemCommand({ RequestItems: { [table]: pending } }));
      pending = out.UnprocessedItems?.[table] ?? [];
    }
  }
}

async function readAll(dynamo: DynamoDBClient, table: string, keys: Item[]): Promise<Map<string, Item>> {
  const found = new Map<string, Item>();
  for (let i = 0; i < keys.length; i += 100) {
    let pending: Item[] = keys.slice(i, i + 100);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 10) throw new Error(`${table} kept refusing reads (throttled?): run the copy again.`);
      if (attempt > 0) await sleep(Math.min(100 * 2 ** attempt, 5_000));
      const out = await dynamo.send(
        new BatchGetItemCommand({ RequestItems: { [table]: { Keys: pending, ConsistentRead: true } } }),
      );
      for (const item of out.Responses?.[table] ?? []) found.set(keyText(item), item);
      pending = (out.UnprocessedKeys?.[table]?.Keys ?? []) as Item[];
    }
  }
  return found;
}

/** The source report erased as of `at`: no name, phone, wishes or exact location (Reporter.eraseContact). */
function keepErasure(source: Item, at: string): Item {
  const { location: _location, ...rest } = source;
  const anonymous = source.reporter?.M?.anonymous ?? { BOOL: false };
  return { ...rest, reporter: { M: { anonymous } }, contactErasedAt: { S: at } };
}

const holdsContact = (item: Item) =>
  Reporter.holdsContact(unmarshall(item) as Parameters<typeof Reporter.holdsContact>[0]);

/** Copies one page into `to`; see the file's header for the two precautions. */
async function copyPage(
  dynamo: DynamoDBClient,
  audit: Pick<Audit.AuditStore, "list">,
  to: string,
  page: Item[],
  state: CopyState,
  nowS: number,
  missingOnly: boolean,
) {
  let live = page.filter((item) => {
    const expires = item[TABLE.ttlAttribute]?.N;
    if (expires !== undefined && Number(expires) < nowS) {
      state.expired++;
      return false;
    }
    return true;
  });
  if (missingOnly) {
    const there = await readAll(dynamo, to, live.map(keyOf));
    state.kept += live.filter((item) => there.has(keyText(item))).length;
    live = live.filter((item) => !there.has(keyText(item)));
  }
  // Erasures first, so not even the quiet write brings a deleted contact back for an instant.
  const withContact = live.filter((item) => isEntity(item, "report") && holdsContact(item));
  const current = await readAll(dynamo, to, withContact.map(keyOf));
  const erasedAt = async (item: Item) => {
    const there = current.get(keyText(item));
    if (there) return there.contactErasedAt?.S;
    // Lost from the target: its audit trail there may still say the contact was erased.
    const trail = await audit.list(`report:${item.reportId?.S}`);
    return trail.find((e) => e.action === "contact_erased")?.at;
  };
  const final: Item[] = [];
  for (const item of live) {
    const at = withContact.includes(item) ? await erasedAt(item) : undefined;
    if (at) state.erasuresKept++;
    final.push(at ? keepErasure(item, at) : item);
  }
  const alerting = final.filter((item) =>
    Alert.matchesFilter(Alert.STREAM_FILTER, { eventName: "INSERT", dynamodb: { NewImage: item } }),
  );
  await writeAll(
    dynamo,
    to,
    alerting.map((item) => ({ ...item, heldReason: { S: QUIET_MARK } })),
  );
  state.quiet += alerting.length;
  await writeAll(dynamo, to, final);
  state.copied += final.length;
}

async function tableExists(dynamo: DynamoDBClient, name: string) {
  try {
    await dynamo.send(new DescribeTableCommand({ TableName: name }));
    return true;
  } catch (err) {
    if ((err as Error).name === "ResourceNotFoundException") return false;
    throw err;
  }
}

/** Copies `from` into `to`, resuming from the state file when there is one; see the file's header. */
export async function copyTable(dynamo: DynamoDBClient, options: CopyOptions): Promise<CopyResult> {
  const { from, to, statePath } = options;
  if (from === to) throw new Error("--from and --to name the same table.");
  for (const name of [from, to])
    if (!(await tableExists(dynamo, name))) throw new Error(`There is no table ${name} here.`);
  let state: CopyState = { from, to, pages: 0, copied: 0, quiet: 0, erasuresKept: 0, expired: 0, kept: 0 };
  if (existsSync(statePath)) {
    const saved = JSON.parse(readFileSync(statePath, "utf8")) as CopyState;
    if (saved.from !== from || saved.to !== to)
      throw new Error(
        `${statePath} belongs to a copy of ${saved.from} to ${saved.to}: pass another --state.`,
      );
    state = saved;
  }
  const resumedAt = state.pages;
  const audit = createDynamoAuditStore(DynamoDBDocumentClient.from(dynamo), to);
  const nowS = Math.floor((options.now?.() ?? new Date()).getTime() / 1000);
  for (let pages = 0; options.maxPages === undefined || pages < options.maxPages; pages++) {
    const page = await dynamo.send(
      new ScanCommand({ TableName: from, Limit: options.pageSize ?? 500, ExclusiveStartKey: state.lastKey }),
    );
    await copyPage(dynamo, audit, to, page.Items ?? [], state, nowS, options.missingOnly ?? false);
    state.pages++;
    if (!page.LastEvaluatedKey) {
      rmSync(statePath, { force: true });
      const { lastKey: _done, ...rest } = state;
      return { ...rest, complete: true, resumedAt };
    }
    state.lastKey = page.LastEvaluatedKey;
    mkdirSync(dirname(statePath), { recursive: true });
    writeFileSync(statePath, JSON.stringify(state));
  }
  return { ...state, complete: false, resumedAt };
}

/** The run in one line: counts only. */
export function describeCopy(r: CopyResult): string {
  return [
    `${r.from} -> ${r.to}: ${r.copied} item(s) copied in ${r.pages} page(s)${r.resumedAt ? ` (resumed at page ${r.resumedAt + 1})` : ""}`,
    `${r.quiet} alerting item(s) written quietly first`,
    `${r.erasuresKept} erased contact(s) kept erased`,
    `${r.expired} expired item(s) left out`,
    ...(r.kept ? [`${r.kept} item(s) the target still had left as they are`] : []),
    r.complete ? "complete" : "stopped before the end: run the same command again to resume",
  ].join("; ");
}
