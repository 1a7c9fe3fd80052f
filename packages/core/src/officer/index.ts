export * from "./directory";
export * from "./nrp";
export * from "./roles";
export * from "./roster";
export * from "./schema";
export * as Roster from "./service";
export * from "./sign-in";
export type { OfficerStore } from "./store";
export * from "./types";
