/**
 * `@lapora/core/dynamo`: the DynamoDB adapters (adapters/dynamo/) and the one ElectroDB Service (db/).
 *
 * The api Lambda loads this with `import("@lapora/core/dynamo")` on the first request that reads or writes
 * the table; built with code splitting, it is its own chunk, named after this file (`dynamo-*.mjs`), which
 * is why this entry is a file of its own and not the folder's index. The jobs, the stream handlers and the
 * local runtime import it as usual.
 */
export * from "./adapters/dynamo";
