import { describe, expect, it } from "vitest";
import { freshStores } from "../../testing/dynamo-local";

describe("upload capabilities (DynamoDB Local)", () => {
  it("keep up to 8 live secrets per report, then start afresh with the newest", async () => {
    const { evidence } = await freshStores();
    const now = Math.floor(Date.now() / 1000);
    const at = new Date().toISOString();
    for (let i = 1; i <= 8; i++) await evidence.store.grantAccess("r-cap", `h${i}`, now + 600, at);
    for (let i = 1; i <= 8; i++) expect(await evidence.store.hasAccess("r-cap", `h${i}`, now)).toBe(true);
    await evidence.store.grantAccess("r-cap", "h9", now + 600, at);
    expect(await evidence.store.hasAccess("r-cap", "h9", now)).toBe(true);
    expect(await evidence.store.hasAccess("r-cap", "h1", now)).toBe(false);
    expect(await evidence.store.hasAccess("r-cap", "h9", now + 601)).toBe(false);
  });
});
