import { describe, expect, it } from "vitest";
import {
  clickTarget,
  FALLBACK_BODY,
  FALLBACK_TITLE,
  notificationOf,
  OPEN_MESSAGE,
  openRequestOf,
} from "./notification";

const ORIGIN = "https://lapora.example";

/** A payload as the API sends it (core's pushFor). */
const payload = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    title: "LAPORA SEDANG: Pencurian",
    body: "Ds. Soak Baru, Kec. Sekayu.",
    url: "/konsol/laporan/7K3MQ9TZ4HX2R?dari=notifikasi",
    tag: "r-1#baru",
    reportId: "r-1",
    priority: "sedang",
    kind: "baru",
    ...overrides,
  });

describe("the notification a push shows", () => {
  it("shows the payload's title and body, tagged per report, opening its page", () => {
    const { title, options } = notificationOf(payload());
    expect(title).toBe("LAPORA SEDANG: Pencurian");
    expect(options).toMatchObject({
      body: "Ds. Soak Baru, Kec. Sekayu.",
      tag: "r-1#baru",
      lang: "id",
      icon: "/icons/konsol-192.png",
      badge: "/icons/konsol-badge-96.png",
      data: { url: "/konsol/laporan/7K3MQ9TZ4HX2R?dari=notifikasi", reportId: "r-1" },
    });
    expect(options.requireInteraction).toBeUndefined();
    expect(options.renotify).toBeUndefined();
  });

  it("keeps a darurat one on screen and alerts again when it replaces one of its tag", () => {
    const { options } = notificationOf(payload({ priority: "darurat", title: "LAPORA DARURAT: Kebakaran" }));
    expect(options.requireInteraction).toBe(true);
    expect(options.renotify).toBe(true);
    expect(options.tag).toBe("r-1#baru");
    // renotify needs a tag: a darurat payload without one still gets one.
    const untagged = notificationOf(payload({ priority: "darurat", tag: undefined })).options;
    expect(untagged.renotify).toBe(true);
    expect(untagged.tag).toMatch(/r-1/);
  });

  it("opens the console's home for the quarantine summary that names no report", () => {
    const { options } = notificationOf(
      payload({ url: "/konsol/karantina", reportId: undefined, kind: "ditahan", tag: "held" }),
    );
    expect(options.data).toEqual({ url: "/konsol/karantina" });
  });

  it.each([
    ["text that is not JSON", "<b>Rapat</b> <script>alert(1)</script>"],
    ["HTML", "<html><body>502 Bad Gateway</body></html>"],
    ["an empty message", ""],
    ["no data at all", null],
    ["JSON that is not an object", '["LAPORA", 1]'],
    ["JSON null", "null"],
    ["an object without a title", JSON.stringify({ body: "<img src=x onerror=alert(1)>" })],
    ["a title that is not text", JSON.stringify({ title: { html: "<b>x</b>" }, body: "x" })],
  ])("still shows the generic notification for %s, never its raw text", (_, text) => {
    const { title, options } = notificationOf(text);
    expect(title).toBe(FALLBACK_TITLE);
    expect(options.body).toBe(FALLBACK_BODY);
    expect(options.data).toEqual({ url: "/konsol/" });
    expect(`${title} ${options.body}`).not.toMatch(/[<>]/);
  });

  it("strips control characters and bounds the lengths", () => {
    const { title, options } = notificationOf(
      payload({ title: "LAPORA\u0000 DARURAT\u202e", body: "x".repeat(5000) }),
    );
    expect(title).toBe("LAPORA  DARURAT");
    expect(options.body?.length).toBe(400);
  });
});

describe("where a tap on it leads", () => {
  it("opens a console page on this origin, with its query", () => {
    expect(clickTarget({ url: "/konsol/laporan/7K3MQ9TZ4HX2R?dari=notifikasi" }, ORIGIN)).toBe(
      `${ORIGIN}/konsol/laporan/7K3MQ9TZ4HX2R?dari=notifikasi`,
    );
    expect(clickTarget({ url: "/konsol/karantina" }, ORIGIN)).toBe(`${ORIGIN}/konsol/karantina`);
    expect(clickTarget({ url: "/konsol" }, ORIGIN)).toBe(`${ORIGIN}/konsol`);
    expect(clickTarget({ url: `${ORIGIN}/konsol/notifikasi` }, ORIGIN)).toBe(`${ORIGIN}/konsol/notifikasi`);
  });

  it.each([
    ["another site", "https://evil.example/konsol/laporan/X"],
    ["a protocol-relative address", "//evil.example/konsol/"],
    ["a backslash trick", "/\\evil.example/konsol/"],
    ["javascript:", "javascript:alert(1)//konsol/"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["the public site", "/lacak/LPR-2PNG-FTHH-38GG-1"],
    ["the API", "/api/officer/me"],
    ["a path that leaves the console", "/konsol/../api/officer/me"],
    ["a look-alike path", "/konsolx/laporan/X"],
    ["the service worker itself", "/konsol-sw.js"],
    ["the same host on another port", "https://lapora.example:8443/konsol/"],
    ["plain http of the same host", "http://lapora.example/konsol/"],
  ])("sends %s to the console's home", (_, url) => {
    expect(clickTarget({ url }, ORIGIN)).toBe(`${ORIGIN}/konsol/`);
  });

  it.each([[undefined], [null], [{}], [{ url: 42 }], ["/konsol/laporan/X"]])(
    "sends data without a url (%j) to the console's home",
    (data) => {
      expect(clickTarget(data, ORIGIN)).toBe(`${ORIGIN}/konsol/`);
    },
  );

  it("lets a page follow only the worker's open requests, inside the console", () => {
    expect(
      openRequestOf({ type: OPEN_MESSAGE, url: `${ORIGIN}/konsol/laporan/X?dari=notifikasi` }, ORIGIN),
    ).toBe("/konsol/laporan/X?dari=notifikasi");
    expect(openRequestOf({ type: OPEN_MESSAGE, url: "https://evil.example/" }, ORIGIN)).toBe("/konsol/");
    expect(openRequestOf({ type: "other", url: "/konsol/karantina" }, ORIGIN)).toBeUndefined();
    expect(openRequestOf("lapora:open", ORIGIN)).toBeUndefined();
  });
});
