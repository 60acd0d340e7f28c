// Runs the published inngest/libsodium strategy class of @inngest/middleware-encryption 2.0.0 on bare values, as the
// package's own test suite makes its encrypted fixtures (a LibSodiumEncryptionService over a key list, its encrypt
// and decrypt). Input on stdin: {"op":"encrypt","keys":[...],"values":[...]} or {"op":"decrypt","keys":[...],
// "ciphertexts":[...]}. Output, one line: {"ok":true,"packageVersion":...,"identifier":...,"results":[...]}, where a
// decrypt result is {"value":...} or {"error":"..."}; or {"ok":false,"error":"..."}.
import { readFileSync } from "node:fs";
import { LibSodiumEncryptionService } from "@inngest/middleware-encryption/strategies/libSodium";

const packageVersion = JSON.parse(readFileSync(new URL("./node_modules/@inngest/middleware-encryption/package.json", import.meta.url), "utf8")).version;

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const input = JSON.parse(Buffer.concat(chunks).toString("utf8"));
try {
  const service = new LibSodiumEncryptionService(input.keys);
  let results;
  if (input.op === "encrypt") {
    results = [];
    for (const value of input.values) results.push(await service.encrypt(value));
  } else if (input.op === "decrypt") {
    results = [];
    for (const ciphertext of input.ciphertexts) {
      try {
        results.push({ value: await service.decrypt(ciphertext) });
      } catch (error) {
        results.push({ error: String(error && error.message ? error.message : error) });
      }
    }
  } else {
    throw new Error(`unknown op ${input.op}`);
  }
  process.stdout.write(JSON.stringify({ ok: true, packageVersion, identifier: service.identifier, results }) + "\n");
} catch (error) {
  process.stdout.write(JSON.stringify({ ok: false, packageVersion, error: String(error && error.message ? error.message : error) }) + "\n");
}
