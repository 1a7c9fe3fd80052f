/**
 * Running a stage's own Lambda with an event, and reading its answer: the replays hand their records to
 * the deployed report-events and evidence-uploaded functions (which hold the stage's settings, secrets and
 * permissions), the job commands run weekly-stats or contact-retention. The port lets tests use the same
 * handler in process; no Lambda emulator exists here.
 */
import { InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";

/** Runs a function with `event` and resolves with its answer; throws with the function's error. */
export type Invoke = (functionName: string, event: unknown) => Promise<unknown>;

/** The part of LambdaClient an invoke needs, so a test can stand in for it. */
export interface LambdaLike {
  send(
    command: InvokeCommand,
  ): Promise<{ FunctionError?: string; Payload?: Uint8Array; StatusCode?: number }>;
}

/** A function's failure as Lambda reports it: the error type and message, never the event. */
export class FunctionFailed extends Error {
  constructor(functionName: string, detail: string) {
    super(`${functionName} failed: ${detail}`);
    this.name = "FunctionFailed";
  }
}

/** Invoke over the Lambda API, synchronously (RequestResponse), reading the JSON answer. */
export function lambdaInvoke(client: LambdaLike): Invoke {
  return async (functionName, event) => {
    const out = await client.send(
      new InvokeCommand({
        FunctionName: functionName,
        InvocationType: "RequestResponse",
        Payload: new TextEncoder().encode(JSON.stringify(event)),
      }),
    );
    const text = out.Payload ? new TextDecoder().decode(out.Payload) : "";
    const answer: unknown = text ? JSON.parse(text) : undefined;
    if (out.FunctionError) {
      const { errorType, errorMessage } = (answer ?? {}) as { errorType?: string; errorMessage?: string };
      throw new FunctionFailed(functionName, `${errorType ?? out.FunctionError}: ${errorMessage ?? text}`);
    }
    return answer;
  };
}

export const createLambdaClient = (region: string) => new LambdaClient({ region });
