/**
 * `@lapora/core/aws`: the AWS SDK clients and the S3, SNS and Cognito adapters of core's ports, plus the
 * DynamoDB document client. Import it whole (`import * as Aws from "@lapora/core/aws"`) or by name.
 *
 * Only the DynamoDB SDK is imported statically (`createDocumentClient`); every other SDK package and the
 * S3 presigners load on first use (./lazy.ts), so importing this module costs a Lambda's cold start nothing
 * beyond DynamoDB.
 */
// The SDK's client types, as core's own copies of the SDK define them: a package with another copy of an
// SDK package installed would otherwise see two incompatible `S3Client` types.
export type { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
export type { S3Client } from "@aws-sdk/client-s3";
export type { SNSClient } from "@aws-sdk/client-sns";
export type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
export { createCognitoClient } from "./cognito";
export { createCognitoDirectory } from "./cognito-directory";
export { createCognitoSignIn } from "./cognito-sign-in";
export { createDocumentClient, type DynamoOptions } from "./dynamodb";
export * from "./lazy";
export { createS3Client } from "./s3";
export { createS3AccessLogFiles } from "./s3-access-logs";
export { createS3EvidenceFiles, type S3EvidenceOptions } from "./s3-evidence-files";
export { createS3OpenDataStore } from "./s3-open-data";
export { createSnsClient } from "./sns";
export { createSnsSmsSender, messageAttributes } from "./sns-alerts";
export { createSnsPhoneSms } from "./sns-phone";
export { createSnsGateway, smsTarget } from "./sns-subscriptions";
export { createSnsSummaryPublisher } from "./sns-summaries";
export { secureParameter } from "./ssm";
