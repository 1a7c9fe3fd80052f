export * from "./category";
export * from "./priority";
export * from "./public-view";
export * from "./schema";
export * from "./service";
export * from "./status";
export * from "./store";
export * as TrackingCode from "./tracking-code";
export * from "./types";
