export * from "./aggregate";
export * from "./open-data";
export * from "./publish";
export * from "./publishing";
export * from "./service";
export type { StatsStore } from "./store";
export * from "./week";
