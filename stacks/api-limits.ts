/**
 * The two API functions' doors: which routes each serves, each route's API Gateway throttle, and each
 * function's reserved concurrency. Two separate budgets, so a flood of the public door (the report form)
 * is refused at its own routes and its own concurrency and never takes the officers' console down.
 */

/** Steady requests per second and burst, per route (API Gateway's token bucket). */
export interface Throttle {
  rate: number;
  burst: number;
}

/** Which function serves a route: the public door or the officers' (and sign-in's). */
export type Surface = "public" | "officer";

export interface ApiRoute {
  route: string;
  surface: Surface;
  /** API Gateway checks an officer's ID token (JWT authorizer) before the function runs. */
  guarded: boolean;
  throttle: Throttle;
}

/** The stage's default, for any route without its own setting (none today). */
export const API_THROTTLE: Throttle = { rate: 25, burst: 50 };
/** Reports cost SMS: a district gets a few an hour, so 10 a second is already a flood. */
const REPORT_INTAKE: Throttle = { rate: 10, burst: 20 };
/** Sign-in is a handful of officers at a shift change; more is guessing. */
const SIGN_IN: Throttle = { rate: 5, burst: 10 };
/** The console: a queue refresh every few seconds per officer on duty. */
const CONSOLE: Throttle = { rate: 20, burst: 40 };
/** The roster changes a few times a month. */
const ROSTER: Throttle = { rate: 5, burst: 10 };

/**
 * Every route of the HTTP API. A route without a greedy `{proxy+}` wins over one with it, and among greedy
 * routes the longest prefix wins, so `POST /api/reports` has its own throttle and everything public that
 * is not sign-in, the console or the roster falls to `ANY /api/{proxy+}`. `{proxy+}` needs one more
 * segment, so each bare prefix has a route too; otherwise `/api/officer` would reach the public function.
 */
export const API_ROUTES: readonly ApiRoute[] = [
  { route: "POST /api/reports", surface: "public", guarded: false, throttle: REPORT_INTAKE },
  { route: "ANY /api/{proxy+}", surface: "public", guarded: false, throttle: API_THROTTLE },
  { route: "ANY /api/auth", surface: "officer", guarded: false, throttle: SIGN_IN },
  { route: "ANY /api/auth/{proxy+}", surface: "officer", guarded: false, throttle: SIGN_IN },
  { route: "ANY /api/officer", surface: "officer", guarded: true, throttle: CONSOLE },
  { route: "ANY /api/officer/{proxy+}", surface: "officer", guarded: true, throttle: CONSOLE },
  { route: "ANY /api/admin", surface: "officer", guarded: true, throttle: ROSTER },
  { route: "ANY /api/admin/{proxy+}", surface: "officer", guarded: true, throttle: ROSTER },
];

/** Each function's reserved concurrency; `undefined` reserves none (the account's pool is shared). */
export type ApiConcurrency = Record<Surface, number | undefined>;

/**
 * Reserved concurrency per stage. The account's default quota is 1,000 concurrent executions and Lambda
 * keeps at least 100 unreserved, so prod's 50 + 20 leave plenty for the event consumers and other stages.
 * At the throttles above (35 requests/s public, 10 ms to 300 ms each) the public function needs about 10
 * at once; 50 is headroom, and it is also the most a flood can ever hold. A new account whose quota is
 * still 10 can reserve nothing: deploy it with `off` until AWS raises the quota.
 */
export function apiConcurrency(
  stage: string,
  env: { public?: string | undefined; officer?: string | undefined },
): ApiConcurrency {
  const prod = stage === "prod";
  const parse = (name: string, value: string | undefined, fallback: number) => {
    if (value === undefined) return fallback;
    if (value === "off") return undefined;
    if (!/^[1-9]\d{0,2}$/.test(value)) throw new Error(`${name} must be 1 to 999, or off.`);
    return Number(value);
  };
  return {
    public: parse("LAPORA_API_PUBLIC_CONCURRENCY", env.public, prod ? 50 : 5),
    officer: parse("LAPORA_API_OFFICER_CONCURRENCY", env.officer, prod ? 20 : 5),
  };
}
