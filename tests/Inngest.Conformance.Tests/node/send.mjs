// Conformance driver: creates the official Inngest client and calls inngest.send(...) once.
//
// Input (JSON on stdin):
//   {
//     "clientOptions": { "eventKey"?, "baseUrl"?, "isDev"?, "env"? },  // passed to new Inngest({ id, ...clientOptions })
//     "stubFetch": false,        // true: replace fetch with a recorder that answers {"ids":[...],"status":200}
//     "recordFetch": false,      // true: record each fetch call, then pass it on to the real fetch
//     "payload": <event or array of events>,   // what inngest.send() receives
//     "sendOptions": { "env"? } | null
//   }
// Environment variables come from the process environment (the test starts this with a clean one).
//
// Output (one JSON object on stdout):
//   { "sdkVersion", "ok": true, "ids": [...], "requests": [...], "logs": [...] }
//   { "sdkVersion", "ok": false, "error": { "name", "message" }, "requests": [...], "logs": [...] }
// "requests" holds what the fetch stub or recorder saw (url, method, headers, body); it is empty without them.
import { Inngest } from "inngest";
import { readFileSync } from "node:fs";

// The installed SDK's version, read from its package.json (the package does not export that path).
const sdkVersion = JSON.parse(readFileSync(new URL("./node_modules/inngest/package.json", import.meta.url), "utf8")).version;

const input = JSON.parse(readFileSync(0, "utf8"));
const logs = [];
const record = (level) => (...args) => {
  logs.push({ level, message: args.map((a) => (typeof a === "string" ? a : safeJson(a))).join(" ") });
};
const logger = { info: record("info"), warn: record("warn"), error: record("error"), debug: record("debug") };

const requests = [];
const recordRequest = (url, init) => {
  const headers = {};
  for (const [name, value] of Object.entries(init?.headers ?? {})) {
    headers[name.toLowerCase()] = String(value);
  }
  const body = typeof init?.body === "string" ? init.body : null;
  requests.push({ url: String(url), method: init?.method ?? "GET", headers, body, atMs: Date.now() });
  return body;
};
const recordingFetch = async (url, init) => {
  recordRequest(url, init);
  return globalThis.fetch(url, init);
};
const stubFetch = async (url, init) => {
  const body = recordRequest(url, init);
  let count = 0;
  try {
    const parsed = JSON.parse(body ?? "[]");
    count = Array.isArray(parsed) ? parsed.length : 1;
  } catch {
    count = 0;
  }
  const ids = Array.from({ length: count }, (_, i) => `stub-id-${i}`);
  return new Response(JSON.stringify({ ids, status: 200 }), {
    status: 200,
    headers: { "content-type": "application/json" },
  });
};

const options = { id: "conformance-app", logger, ...(input.clientOptions ?? {}) };
if (input.stubFetch) {
  options.fetch = stubFetch;
} else if (input.recordFetch) {
  options.fetch = recordingFetch;
}

let result;
try {
  const inngest = new Inngest(options);
  const sent = await inngest.send(input.payload, input.sendOptions ?? undefined);
  result = { sdkVersion, ok: true, ids: sent?.ids ?? null };
} catch (err) {
  result = { sdkVersion, ok: false, error: { name: err?.name ?? "Error", message: String(err?.message ?? err) } };
}

result.requests = requests;
result.logs = logs;
process.stdout.write(JSON.stringify(result) + "\n");

function safeJson(value) {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
