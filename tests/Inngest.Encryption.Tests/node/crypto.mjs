// Runs the real @inngest/middleware-encryption 2.0.0 through the hooks the inngest SDK calls:
// transformSendEvent (what a TypeScript sender puts on the wire) and transformFunctionInput (what a
// TypeScript function receives). Input on stdin: {"op":"encrypt"|"decrypt","key":...,"fallbackKeys":[...],
// "field":...,"events":[{name,data},...]}. Output on stdout, one line: {"ok":true,"events":[...]} or
// {"ok":false,"error":"..."}.
import { readFileSync } from "node:fs";
import { encryptionMiddleware } from "@inngest/middleware-encryption";

// The package's exports map hides package.json, so read it from node_modules to report the version really loaded.
const packageVersion = JSON.parse(readFileSync(new URL("./node_modules/@inngest/middleware-encryption/package.json", import.meta.url), "utf8")).version;

const read = async () => {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
};

const input = await read();
try {
  const options = { key: input.key, fallbackDecryptionKeys: input.fallbackKeys ?? [] };
  if (input.field !== undefined && input.field !== null) options.eventEncryptionField = input.field;
  const Middleware = encryptionMiddleware(options);
  const middleware = new Middleware({ client: undefined });
  let events;
  if (input.op === "encrypt") {
    events = (await middleware.transformSendEvent({ events: input.events })).events;
  } else if (input.op === "decrypt") {
    const result = await middleware.transformFunctionInput({ ctx: { event: input.events[0], events: input.events } });
    events = result.ctx.events;
  } else {
    throw new Error(`unknown op ${input.op}`);
  }
  process.stdout.write(JSON.stringify({ ok: true, packageVersion, events }) + "\n");
} catch (error) {
  process.stdout.write(JSON.stringify({ ok: false, packageVersion, error: String(error && error.message ? error.message : error) }) + "\n");
}
