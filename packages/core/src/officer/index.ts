export * from "./access";
export * from "./directory";
export * from "./roles";
export * from "./schema";
export * as Roster from "./service";
export * from "./sign-in";
export type { OfficerStore } from "./store";
export * from "./types";
