// Runs the function a compiled module exports as `fn` with @inngest/test, triggered by the given events.
// stdin: {"module": "/abs/path.js", "events": [{name, data, ...}]}; stdout: {"result": any, "error": string | null}.
import { pathToFileURL } from "node:url";
import { InngestTestEngine } from "@inngest/test";

const input = JSON.parse(await new Promise((resolve) => {
  let text = "";
  process.stdin.on("data", (chunk) => (text += chunk));
  process.stdin.on("end", () => resolve(text));
}));

const { fn } = await import(pathToFileURL(input.module).href);
const engine = new InngestTestEngine({ function: fn, events: input.events });
const { result, error } = await engine.execute();
console.log(JSON.stringify({ result: result ?? null, error: error ? String(error?.message ?? error) : null }));
