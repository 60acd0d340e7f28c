// The official inngest SDK (pinned in package.json) doing the .NET end-to-end workloads against the
// same sink. Started by `Inngest.Benchmarks e2e`, which passes the sink URL and the same warm-up and
// iteration counts it uses for the .NET senders, and reads one JSON line per workload from stdout.
//
//   node bench.mjs --url http://127.0.0.1:PORT/ --warmup 2 --iterations 10 --workloads Batch10kBy1000,...
import { Inngest } from "inngest";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith("--") ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const url = args.url;
const warmup = Number(args.warmup ?? 2);
const iterations = Number(args.iterations ?? 10);
const workloads = (args.workloads ?? "Batch10kBy1000,Sequential1000,Concurrent16x1000").split(",");
if (!url) {
  console.error("usage: node bench.mjs --url http://127.0.0.1:PORT/ [--warmup N] [--iterations N] [--workloads a,b]");
  process.exit(2);
}

const BATCH_EVENTS = 10_000;
const BATCH_SIZE = 1_000;
const SINGLES = 1_000;
const CONCURRENCY = 16;

const silent = { info() {}, warn() {}, error() {}, debug() {} };
const inngest = new Inngest({ id: "bench", eventKey: "bench-event-key", baseUrl: url, logger: silent });
const user = { external_id: "645ea000129f1c40109ca7ad", email: "taylor@example.com" };

// The same payloads as Payloads.Account(i) in the .NET benchmarks.
const accountId = (i) => (i === 0 ? "645e9f6794e10937e9bdc201" : "645e9f6794e10937e9b" + String(i).padStart(5, "0"));
const event = (i) => ({ name: "app/account.created", data: { accountId: accountId(i), billingPlan: "pro" }, user });

function check(result, expected) {
  if (!result || !Array.isArray(result.ids) || result.ids.length !== expected) {
    throw new Error(`expected ${expected} ids, got ${JSON.stringify(result).slice(0, 200)}`);
  }
}

async function batch() {
  for (let r = 0; r < BATCH_EVENTS / BATCH_SIZE; r++) {
    const events = [];
    for (let i = 0; i < BATCH_SIZE; i++) events.push(event(r * BATCH_SIZE + i));
    check(await inngest.send(events), BATCH_SIZE);
  }
}

async function sequential() {
  for (let i = 0; i < SINGLES; i++) check(await inngest.send(event(i)), 1);
}

async function concurrent() {
  let next = -1;
  const worker = async () => {
    let i;
    while ((i = ++next) < SINGLES) check(await inngest.send(event(i)), 1);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

const run = { Batch10kBy1000: batch, Sequential1000: sequential, Concurrent16x1000: concurrent };

for (const name of workloads) {
  const op = run[name];
  if (!op) throw new Error(`unknown workload ${name}`);
  for (let i = 0; i < warmup; i++) await op();
  const samplesMs = [];
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    await op();
    samplesMs.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  console.log(JSON.stringify({ workload: name, events: name === "Batch10kBy1000" ? BATCH_EVENTS : SINGLES, samplesMs }));
}
