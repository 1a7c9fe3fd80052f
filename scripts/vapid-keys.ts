/**
 * `npm run vapid-keys -- --stage prod`: makes a stage's VAPID key pair (Web Push, RFC 8292) and prints the
 * two AWS CLI commands that store it in SSM Parameter Store, where the stacks read it
 * (stacks/push-settings.ts): the public key as a String, the private key as a SecureString. Run it once
 * per stage, before the first deploy with push. Nothing is written to disk or sent anywhere by this
 * script: copy the commands into a shell with the stage's AWS credentials. A new pair makes every
 * officer's existing subscription useless (they turn notifications on again), so do not rotate it
 * without need.
 */
import { generateVapidKeys } from "@lapora/core/webpush";

const at = process.argv.indexOf("--stage");
const stage = at >= 0 ? process.argv[at + 1] : undefined;
if (!stage || !/^[a-z][a-z0-9-]{0,20}$/.test(stage)) {
  console.error("Give the stage: npm run vapid-keys -- --stage prod");
  process.exit(2);
}
const { publicKey, privateKey } = generateVapidKeys();
const region = process.env.AWS_REGION ?? "ap-southeast-3";
console.log(`# VAPID keys of stage ${stage}: run these two commands, then deploy.
aws ssm put-parameter --region ${region} --name /lapora/${stage}/vapid/public-key --type String --value ${publicKey}
aws ssm put-parameter --region ${region} --name /lapora/${stage}/vapid/private-key --type SecureString --value ${privateKey}`);
