export * from "./cognito";
export * from "./lazy";
export * from "./s3";
export * from "./sns";
