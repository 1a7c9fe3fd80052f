import {
  honoPath,
  type RouteId,
  type RouteSpec,
  routes,
  type Surface,
  surfaceOf,
} from "@lapora/core/contract";
import type { Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv, OfficerEnv } from "../app";
import { errorBody } from "../errors";

type Spec<K extends RouteId> = (typeof routes)[K];
/** The routes that need a signed-in officer (`auth: "officer"` in the contract). */
export type OfficerRouteId = { [K in RouteId]: Spec<K> extends { auth: "officer" } ? K : never }[RouteId];
export type PublicRouteId = Exclude<RouteId, OfficerRouteId>;

type Handler<E extends AppEnv> = (c: Context<E>) => Response | Promise<Response>;
/** One handler per contract route: a route missing here, or one the contract lacks, fails the type check. */
export type PublicHandlers<K extends PublicRouteId = PublicRouteId> = { [P in K]: Handler<AppEnv> };
export type OfficerHandlers<K extends OfficerRouteId = OfficerRouteId> = { [P in K]: Handler<OfficerEnv> };

const tooLarge = (limit: number) =>
  bodyLimit({
    maxSize: limit,
    // The body is not read, so the connection cannot carry another request: say so, and close it
    // cleanly, instead of leaving it to be reset under the client's next request.
    onError: (c) => {
      c.header("Connection", "close");
      return c.json(
        errorBody("payload_too_large", `This request body may be at most ${limit / 1024} KB.`),
        413,
      );
    },
  });

/**
 * Registers the contract's routes on `app`, at the contract's method and path, with their body limits:
 * all of them, or those of one surface (the public or the officer function in AWS).
 */
export function register(
  app: Hono<AppEnv>,
  handlers: PublicHandlers & OfficerHandlers,
  surface?: Surface,
): Hono<AppEnv> {
  for (const [key, spec] of Object.entries(routes) as [RouteId, RouteSpec][]) {
    if (surface && surfaceOf(spec) !== surface) continue;
    const path = honoPath(spec.path);
    const handler = handlers[key] as Handler<AppEnv>;
    if (spec.maxBodyBytes) app.on(spec.method.toUpperCase(), path, tooLarge(spec.maxBodyBytes), handler);
    else app.on(spec.method.toUpperCase(), path, handler);
  }
  return app;
}
