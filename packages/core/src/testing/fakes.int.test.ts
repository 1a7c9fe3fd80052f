import { createDynamoMarkerStore } from "../adapters/dynamo/marker-store";
import { freshStores } from "./dynamo-local";
import { evidenceStoresContract } from "./evidence-contract";
import { recordStoresContract } from "./store-contract";

// The suites fakes.test.ts runs on the in-memory fakes, here on the DynamoDB adapters: when one of
// them fails only here, the fake has drifted from its adapter and the unit tests trusting it lie.
recordStoresContract("DynamoDB Local", freshStores);
evidenceStoresContract("DynamoDB Local", async () => {
  const { client, tableName, audit, evidence } = await freshStores();
  return { audit, evidence: evidence.store, markers: createDynamoMarkerStore(client, tableName) };
});
