// Receiving driver: the official Inngest client sends events to the capture server, so the tests can parse what the
// npm SDK really puts on the wire.
//
// Input (JSON on stdin):
//   {
//     "baseUrl": "http://127.0.0.1:PORT/", "eventKey": "...",
//     "sends": [
//       { "eventType": { "name", "version"? }, "data"?: {...}, "options"?: { "id"?, "ts"?, "v"? } },  // eventType(name, {version}).create(data, options)
//       { "payload": <event or array of events> }                                                    // inngest.send(payload) as given
//     ]
//   }
// Each entry is one inngest.send call.
//
// Output (one JSON object on stdout): { "sdkVersion", "ok": true, "ids": [[...], ...] } or { "sdkVersion", "ok": false, "error": "..." }
import { Inngest, eventType } from "inngest";
import { readFileSync } from "node:fs";

const sdkVersion = JSON.parse(readFileSync(new URL("./node_modules/inngest/package.json", import.meta.url), "utf8")).version;
const input = JSON.parse(readFileSync(0, "utf8"));
const quiet = { info() {}, warn() {}, error() {}, debug() {} };

let result;
try {
  const inngest = new Inngest({ id: "receiving-tests", eventKey: input.eventKey, baseUrl: input.baseUrl, isDev: false, logger: quiet });
  const ids = [];
  for (const send of input.sends) {
    let payload;
    if (send.eventType) {
      const type = eventType(send.eventType.name, send.eventType.version ? { version: send.eventType.version } : undefined);
      payload = send.data === undefined && send.options === undefined ? type.create() : type.create(send.data, send.options);
      // create() returns a validate() helper too; the SDK sends only the event's fields.
      delete payload.validate;
    } else {
      payload = send.payload;
    }

    const sent = await inngest.send(payload);
    ids.push(sent?.ids ?? null);
  }

  result = { sdkVersion, ok: true, ids };
} catch (err) {
  result = { sdkVersion, ok: false, error: String(err?.message ?? err) };
}

process.stdout.write(JSON.stringify(result) + "\n");
