import { describe, expect, it } from "vitest";
import { MAX_LIVE_REPORTER_SECRETS } from "../../reporter/types";
import { freshStores } from "../../testing/dynamo-local";

describe("the reporter's store (DynamoDB Local)", () => {
  it("keeps every secret of a submission's replays up to the maximum, then starts afresh with the newest", async () => {
    const { reporter } = await freshStores();
    const at = new Date().toISOString();
    for (let i = 1; i <= MAX_LIVE_REPORTER_SECRETS; i++) await reporter.grant("r-sec", `h${i}`, at);
    expect([...(await reporter.secretHashes("r-sec"))].sort()).toEqual(
      Array.from({ length: MAX_LIVE_REPORTER_SECRETS }, (_, i) => `h${i + 1}`).sort(),
    );
    await reporter.grant("r-sec", "h-new", at);
    expect([...(await reporter.secretHashes("r-sec"))]).toEqual(["h-new"]);
    expect([...(await reporter.secretHashes("r-none"))]).toEqual([]);
  });

  it("writes each thread message with its audit entry, and reads the thread oldest first", async () => {
    const { reporter, audit } = await freshStores();
    const message = (at: string, from: "officer" | "reporter", text: string) => ({
      reportId: "r-thr",
      messageId: `${at}#${from}`,
      at,
      from,
      text,
      ...(from === "officer" ? { nrp: "80010001", role: "spkt" as const } : {}),
    });
    const entry = (m: { messageId: string; at: string }) => ({
      subject: "report:r-thr",
      auditId: m.messageId,
      at: m.at,
      actorNrp: "80010001",
      actorRole: "spkt" as const,
      action: "reporter_question",
      to: m.messageId,
    });
    const second = message("2026-12-07T02:00:00.000Z", "reporter", "Ya.");
    const first = message("2026-12-07T01:00:00.000Z", "officer", "Ada saksi?");
    await reporter.addMessage(second, entry(second));
    await reporter.addMessage(first, entry(first));
    expect((await reporter.messages("r-thr")).map((m) => m.text)).toEqual(["Ada saksi?", "Ya."]);
    expect((await audit.list("report:r-thr")).map((e) => e.to)).toEqual([first.messageId, second.messageId]);
    // The same message twice is refused whole: no second audit entry either.
    await expect(reporter.addMessage(first, entry(first))).rejects.toThrow();
    expect(await audit.list("report:r-thr")).toHaveLength(2);
  });
});
