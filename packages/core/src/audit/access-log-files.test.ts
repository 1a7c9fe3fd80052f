import { describe, expect, it } from "vitest";
import { type AccessLogFiles, keptKeyOf, scrubAccessLogFile } from "./access-log-files";

const RECORD =
  'owner bucket [07/Dec/2026:01:30:12 +0000] 182.253.17.94 - REQ1 REST.POST.OBJECT evidence/r/1 "POST / HTTP/1.1" 204 - - 412345 812 41 "https://lapora.example/" "Mozilla/5.0 (Linux; Android 13)" -';

/** The log bucket in memory, with every call counted: a fake of the port, for the protocol alone. */
function memoryFiles(initial: Record<string, string>) {
  const objects = new Map(Object.entries(initial));
  const calls: string[] = [];
  const files: AccessLogFiles = {
    async read(key) {
      calls.push(`read ${key}`);
      return objects.get(key);
    },
    async write(key, text) {
      calls.push(`write ${key}`);
      objects.set(key, text);
    },
    async remove(key) {
      calls.push(`remove ${key}`);
      objects.delete(key);
    },
  };
  return { files, objects, calls };
}

describe("scrubAccessLogFile", () => {
  it("writes the scrubbed file under evidence-access/ with the same name, then deletes the raw one", async () => {
    const raw = "evidence-access-raw/2026-12-07-01-35-12-0123456789ABCDEF";
    const { files, objects, calls } = memoryFiles({ [raw]: `${RECORD}\nnot a record\n` });
    expect(await scrubAccessLogFile(files, raw)).toEqual({
      outcome: "scrubbed",
      key: raw,
      records: 1,
      dropped: 1,
    });
    expect([...objects.keys()]).toEqual(["evidence-access/2026-12-07-01-35-12-0123456789ABCDEF"]);
    expect(objects.get("evidence-access/2026-12-07-01-35-12-0123456789ABCDEF")).toContain(" 182.253.17.0 ");
    expect(calls.map((c) => c.split(" ")[0])).toEqual(["read", "write", "remove"]);
  });

  it("does it again the same way after a failed delete, and nothing once the raw file is gone", async () => {
    const raw = "evidence-access-raw/2026-12-07-01-35-12-AAAA";
    const { files, objects } = memoryFiles({ [raw]: RECORD });
    const failing = { ...files, remove: async () => Promise.reject(new Error("S3 is down")) };
    await expect(scrubAccessLogFile(failing, raw)).rejects.toThrow("S3 is down");
    const first = objects.get("evidence-access/2026-12-07-01-35-12-AAAA");
    expect(await scrubAccessLogFile(files, raw)).toMatchObject({ outcome: "scrubbed", records: 1 });
    expect(objects.get("evidence-access/2026-12-07-01-35-12-AAAA")).toBe(first);
    expect(await scrubAccessLogFile(files, raw)).toEqual({ outcome: "gone", key: raw });
    expect([...objects.keys()]).toEqual(["evidence-access/2026-12-07-01-35-12-AAAA"]);
  });

  it("keeps nothing of a file with no record it could read, and deletes it", async () => {
    const raw = "evidence-access-raw/2026-12-07-01-35-12-BBBB";
    const { files, objects } = memoryFiles({ [raw]: "182.253.17.94 something else\n" });
    expect(await scrubAccessLogFile(files, raw)).toEqual({
      outcome: "scrubbed",
      key: raw,
      records: 0,
      dropped: 1,
    });
    expect(objects.size).toBe(0);
  });

  it("leaves alone what is not a raw access log file", async () => {
    const { files, calls } = memoryFiles({});
    for (const key of ["evidence-access/x", "evidence/r/1", "evidence-access-raw/"])
      expect(await scrubAccessLogFile(files, key)).toEqual({ outcome: "ignored", key });
    expect(calls).toEqual([]);
    expect(keptKeyOf("evidence-access-raw/a/b")).toBe("evidence-access/a/b");
  });
});
