export * from "./access";
export * from "./directory";
export * from "./roles";
export * from "./schema";
export * as Roster from "./service";
export * from "./sign-in";
export * from "./store";
export * from "./types";
