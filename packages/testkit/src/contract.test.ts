import { describe, expect, it } from "vitest";
import { ContractViolation, checkAnswer } from "./contract";

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

describe("checkAnswer: every API answer in the tests against the contract", () => {
  it("accepts an answer that matches its route's schema", async () => {
    await expect(checkAnswer("GET", "/api/health", json(200, { status: "ok" }))).resolves.toBeUndefined();
    const error = { error: "not_found", message: "No report has this tracking code.", details: [] };
    await expect(checkAnswer("GET", "/api/reports/track/LPR-X", json(404, error))).resolves.toBeUndefined();
  });

  it("refuses a body that does not match, naming the route and the field", async () => {
    const bad = checkAnswer("GET", "/api/stats/weeks", json(200, { weeks: [47] }));
    await expect(bad).rejects.toThrow(ContractViolation);
    await expect(checkAnswer("GET", "/api/stats/weeks", json(200, { weeks: [47] }))).rejects.toThrow(
      /statsWeeks 200: weeks\.0/,
    );
  });

  it("refuses a status the route does not declare, and an error in another shape", async () => {
    await expect(checkAnswer("GET", "/api/health", json(418, {}))).rejects.toThrow(/does not declare/);
    await expect(checkAnswer("POST", "/api/reports", json(400, { message: "Bad Request" }))).rejects.toThrow(
      /submitReport 400/,
    );
  });

  it("leaves answers outside /api alone, and holds unknown API paths to a JSON 404", async () => {
    await expect(checkAnswer("GET", "/konsol", new Response("<html>"))).resolves.toBeUndefined();
    await expect(checkAnswer("GET", "/api/nope", json(200, {}))).rejects.toThrow(/not in the contract/);
  });
});
