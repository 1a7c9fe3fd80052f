import { describe, expect, it } from "vitest";
import {
  CONSOLE_HOME,
  consoleNotificationsPath,
  consoleReportPath,
  consoleRosterPath,
  consoleRouteOf,
  consoleStatsPath,
  siteRouteOf,
  siteStatsPath,
  trackPath,
} from "./router";

describe("the public site's routes", () => {
  it("shows the report form for / and any address it does not know", () => {
    for (const path of ["/", "/index.html", "/lapor", "/lacakan", "/statistik-lama", "/konsol"]) {
      expect(siteRouteOf(path)).toEqual({ page: "report" });
    }
  });

  it("says what data Lapora keeps at /privasi", () => {
    expect(siteRouteOf("/privasi")).toEqual({ page: "privacy" });
    expect(siteRouteOf("/privasi/")).toEqual({ page: "privacy" });
    expect(siteRouteOf("/privasi/x")).toEqual({ page: "report" });
  });

  it("tracks a report at /lacak, with the code from the address when there is one", () => {
    expect(siteRouteOf("/lacak")).toEqual({ page: "track" });
    expect(siteRouteOf("/lacak/")).toEqual({ page: "track" });
    expect(siteRouteOf("/lacak/LPR-2PNG-FTHH-38GG-1")).toEqual({
      page: "track",
      code: "LPR-2PNG-FTHH-38GG-1",
    });
    expect(siteRouteOf("/lacak/lpr%202png")).toEqual({ page: "track", code: "lpr 2png" });
    expect(siteRouteOf("/lacak/a/b")).toEqual({ page: "report" });
  });

  it("shows the statistics at /statistik, for the latest week or the one named", () => {
    expect(siteRouteOf("/statistik")).toEqual({ page: "stats" });
    expect(siteRouteOf("/statistik/2026-W47/")).toEqual({ page: "stats", week: "2026-W47" });
  });

  it("links to what it parses", () => {
    expect(siteRouteOf(trackPath("LPR-2PNG-FTHH-38GG-1"))).toEqual({
      page: "track",
      code: "LPR-2PNG-FTHH-38GG-1",
    });
    expect(siteRouteOf(siteStatsPath("2026-W01"))).toEqual({ page: "stats", week: "2026-W01" });
  });
});

describe("the console's routes", () => {
  it("shows the queue for /konsol and any console address it does not know", () => {
    for (const path of ["/konsol", "/konsol/", "/konsol/laporan", "/konsol/laporan/", "/konsol/x/y"]) {
      expect(consoleRouteOf(path)).toEqual({ page: "queue" });
    }
  });

  it("opens one report by its id", () => {
    expect(consoleRouteOf("/konsol/laporan/7K3MQ9TZ4HX2R")).toEqual({ page: "report", id: "7K3MQ9TZ4HX2R" });
    expect(consoleRouteOf("/konsol/laporan/a%2Fb/")).toEqual({ page: "report", id: "a/b" });
  });

  it("shows the leadership statistics, for the latest week or the one named", () => {
    expect(consoleRouteOf("/konsol/statistik")).toEqual({ page: "stats", week: undefined });
    expect(consoleRouteOf("/konsol/statistik/2026-W47")).toEqual({ page: "stats", week: "2026-W47" });
  });

  it("shows the notifications page and the roster, with one officer by NRP", () => {
    expect(consoleRouteOf(consoleNotificationsPath())).toEqual({ page: "notifications" });
    expect(consoleRouteOf("/konsol/notifikasi/")).toEqual({ page: "notifications" });
    expect(consoleRouteOf(consoleRosterPath())).toEqual({ page: "roster" });
    expect(consoleRouteOf(consoleRosterPath("80010002"))).toEqual({ page: "officer", nrp: "80010002" });
    expect(consoleRouteOf("/konsol/petugas/8001/x")).toEqual({ page: "queue" });
  });

  it("keeps the queue inside the installed app's scope", () => {
    expect(CONSOLE_HOME).toBe("/konsol/");
    expect(consoleRouteOf(CONSOLE_HOME)).toEqual({ page: "queue" });
  });

  it("links to what it parses, escaping ids", () => {
    expect(consoleReportPath("a/b c")).toBe("/konsol/laporan/a%2Fb%20c");
    expect(consoleRouteOf(consoleReportPath("a/b c"))).toEqual({ page: "report", id: "a/b c" });
    expect(consoleStatsPath()).toBe("/konsol/statistik");
    expect(consoleRouteOf(consoleStatsPath("2026-W47"))).toEqual({ page: "stats", week: "2026-W47" });
  });
});
