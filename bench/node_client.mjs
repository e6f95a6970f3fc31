// The Node.js sides of the benchmarks, run by bench/run.py (the Python ones: bench/_calls.py and
// bench/_throughput.py), printing one JSON line in the same shapes:
//
//   node bench/node_client.mjs calls BASE_URL API_KEY JOB_ID COUNT SDK_FOLDER
//     COUNT sequential GET /v2/jobs/{id} through each side, alternating call by call after 200
//     warm-up calls each: {"fetch": [seconds per call...], "sdk": [...]}
//   node bench/node_client.mjs throughput SIDE BASE_URL API_KEY JOB_ID COUNT CONCURRENCY SDK_FOLDER
//     COUNT requests shared by CONCURRENCY workers: {"seconds", "cpu"} (wall-clock and this
//     process's CPU seconds for the measured requests, after a warm-up that opens the pool)
//
// The sides: "fetch" (the global fetch plus response.json(), as a user of bare Node has it) and
// "sdk" (client.jobs.get of the official Node SDK, @apiframe-ai/sdk, from SDK_FOLDER/node_modules;
// "calls" leaves it out when SDK_FOLDER is "-").

import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const mode = process.argv[2];
const args = process.argv.slice(mode === 'calls' ? 3 : 4);
const side = mode === 'calls' ? '' : process.argv[3];
const [base, apiKey, jobId, countText] = args;
const count = Number(countText);
const concurrency = mode === 'calls' ? 1 : Number(args[4]);
const sdkFolder = mode === 'calls' ? args[4] : args[5];

function makeCall(side) {
  if (side === 'fetch') {
    const url = `${base}/v2/jobs/${encodeURIComponent(jobId)}`;
    const headers = { 'x-api-key': apiKey, accept: 'application/json' };
    return async () => (await fetch(url, { headers })).json();
  }
  if (side === 'sdk') {
    const require = createRequire(join(resolve(sdkFolder), 'package.json'));
    const { Apiframe } = require('@apiframe-ai/sdk');
    const client = new Apiframe({ apiKey, baseUrl: base });
    return () => client.jobs.get(jobId);
  }
  throw new Error(`unknown side ${side}`);
}

async function inParallel(call, total, workers) {
  let left = total;
  async function worker() {
    while (left > 0) {
      left -= 1;
      await call();
    }
  }
  await Promise.all(Array.from({ length: workers }, worker));
}

function cpuSeconds(since) {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

async function main() {
  let result = {};
  if (mode === 'calls') {
    const names = sdkFolder === '-' ? ['fetch'] : ['fetch', 'sdk'];
    const sides = names.map((name) => ({ name, call: makeCall(name), samples: [] }));
    for (let n = 0; n < 200; n += 1) for (const s of sides) await s.call(); // the connections, the JIT
    for (let n = 0; n < count; n += 1) {
      for (const s of n % 2 === 0 ? sides : [...sides].reverse()) {
        const t = process.hrtime.bigint();
        await s.call();
        s.samples.push(Number(process.hrtime.bigint() - t) / 1e9);
      }
    }
    result = Object.fromEntries(sides.map((s) => [s.name, s.samples]));
  } else if (mode === 'throughput') {
    const call = makeCall(side);
    await inParallel(call, Math.max(concurrency * 4, Math.floor(count / 20)), concurrency); // open the pool
    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    await inParallel(call, count, concurrency);
    result.seconds = Number(process.hrtime.bigint() - started) / 1e9;
    result.cpu = cpuSeconds(cpu);
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
