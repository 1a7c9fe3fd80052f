import { ErrorBody, matchRoute } from "@lapora/core/contract";

/** Where an answer broke the contract: the route, the status, and what did not match. */
export class ContractViolation extends Error {
  override name = "ContractViolation";
}

const issuesText = (issues: readonly { path: readonly PropertyKey[]; message: string }[]) =>
  issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join(".") || "(body)"}: ${i.message}`)
    .join("; ");

/**
 * Checks one answer of the API against the contract (core/contract): a declared status, and a body that
 * parses with the declared schema (the one error body for every error). Throws a ContractViolation
 * naming the route and what did not match. Answers of paths outside `/api/` are not the API's.
 */
export async function checkAnswer(method: string, url: string, res: Response): Promise<void> {
  const path = new URL(url, "http://lapora.test").pathname;
  if (!path.startsWith("/api/") || method === "OPTIONS" || method === "HEAD") return;
  const match = matchRoute(method, path);
  const json = async () => {
    const text = await res.clone().text();
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new ContractViolation(
        `${method} ${path} -> ${res.status}: the body is not JSON: ${text.slice(0, 80)}`,
      );
    }
  };
  if (!match) {
    if (res.status !== 404 && res.status !== 405) {
      throw new ContractViolation(`${method} ${path} is not in the contract but answered ${res.status}.`);
    }
    const body = ErrorBody.safeParse(await json());
    if (!body.success) throw new ContractViolation(`${method} ${path} 404: ${issuesText(body.error.issues)}`);
    return;
  }
  const [id, spec] = match;
  const answer = spec.responses[res.status];
  if (answer) {
    if (!answer.schema) {
      const type = res.headers.get("Content-Type") ?? "";
      if (!answer.contentTypes?.some((t) => type.startsWith(t))) {
        throw new ContractViolation(`${id} ${res.status}: content type ${type} is not declared.`);
      }
      return;
    }
    const body = answer.schema.safeParse(await json());
    if (!body.success) throw new ContractViolation(`${id} ${res.status}: ${issuesText(body.error.issues)}`);
    return;
  }
  if (res.status >= 400 && (spec.errors.includes(res.status) || res.status === 500)) {
    const body = ErrorBody.safeParse(await json());
    if (!body.success) throw new ContractViolation(`${id} ${res.status}: ${issuesText(body.error.issues)}`);
    return;
  }
  throw new ContractViolation(`${id} answered ${res.status}, which the contract does not declare.`);
}

interface Fetcher {
  fetch(request: Request): Response | Promise<Response>;
}

/**
 * The app, with every answer checked against the contract: what integration tests call instead of the
 * bare app, so each answer they see is also a contract test. `request` is Hono's `app.request`.
 */
export function checkedApp<A extends Fetcher & { routes?: unknown }>(app: A) {
  const fetch = async (request: Request): Promise<Response> => {
    const res = await app.fetch(request);
    await checkAnswer(request.method, request.url, res);
    return res;
  };
  const request = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const req =
      input instanceof Request ? input : new Request(new URL(String(input), "http://localhost"), init);
    return fetch(req);
  };
  return { fetch, request, routes: app.routes as A["routes"] };
}

/** The API app of the tests, with its answers checked. */
export type CheckedApp = ReturnType<typeof checkedApp<import("@lapora/functions/api/app").App>>;

/**
 * Calls `/api/officer/reports/{path}` as officer `nrp`, with a token of the test issuer and `body` as
 * JSON: what the integration tests of the officer routes repeat.
 */
export function officerReports(
  app: Pick<CheckedApp, "request">,
  issuer: { sign(nrp: string): Promise<string> },
) {
  return async (nrp: string, method: string, path: string, body?: unknown) =>
    app.request(`/api/officer/reports/${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${await issuer.sign(nrp)}`,
        ...(body ? { "Content-Type": "application/json" } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
}
