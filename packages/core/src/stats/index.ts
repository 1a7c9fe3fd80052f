export * from "./aggregate";
export * from "./publish";
export * from "./publishing";
export * from "./service";
export * from "./store";
export * from "./week";
