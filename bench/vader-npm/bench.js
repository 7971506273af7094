'use strict';
// Second VADER baseline for the scoring benchmark: the npm vader-sentiment package (a port of the reference
// implementation, with its own bundled lexicon) scoring the same texts as our models, on the same number of cores.
//
// usage: node bench.js --input <texts.jsonl> [--workers 2] [--scores <out.txt>]
//   texts.jsonl: one JSON string per line (the benchmark writes it; JSON keeps newlines inside a text intact).
//   --workers:   worker threads that share the texts (default 2, the cores the product targets).
//   --scores:    instead of timing, write each text's compound score, one per line in input order (agreement check).
// Prints one line "RESULT {json}": mentions, seconds (wall), cpuSeconds (whole process), rate and negatives.

const fs = require('node:fs');
const {Worker, isMainThread, parentPort, workerData} = require('node:worker_threads');
const vader = require('vader-sentiment');

const analyzer = vader.SentimentIntensityAnalyzer;

if (isMainThread) {
  main().catch((error) => {
    console.error(error && error.stack ? error.stack : String(error));
    process.exit(1);
  });
} else {
  runWorker();
}

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

function readTexts(path) {
  const lines = fs.readFileSync(path, 'utf8').split('\n');
  const texts = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].length === 0) continue;
    let text;
    try {
      text = JSON.parse(lines[i]);
    } catch (error) {
      throw new Error(`line ${i + 1} of ${path} is not a JSON string: ${error.message}`);
    }
    if (typeof text !== 'string') throw new Error(`line ${i + 1} of ${path} is not a JSON string`);
    texts.push(text);
  }
  return texts;
}

async function main() {
  const input = option('--input');
  if (!input) throw new Error('usage: node bench.js --input <texts.jsonl> [--workers 2] [--scores <out.txt>]');
  const workers = Number.parseInt(option('--workers', '2'), 10);
  if (!(workers >= 1)) throw new Error('--workers must be a positive integer');
  const scoresPath = option('--scores');
  const texts = readTexts(input);

  if (scoresPath) {
    const out = texts.map((t) => analyzer.polarity_scores(t).compound.toString());
    fs.writeFileSync(scoresPath, out.join('\n') + '\n');
    console.log('RESULT ' + JSON.stringify({scored: texts.length}));
    return;
  }

  // Contiguous shares; each worker warms up on its own share before the clock starts.
  const share = Math.ceil(texts.length / workers);
  const threads = [];
  for (let w = 0; w < workers; w++) {
    const slice = texts.slice(w * share, Math.min(texts.length, (w + 1) * share));
    threads.push(new Worker(__filename, {workerData: {texts: slice}}));
  }

  await Promise.all(threads.map((t) => once(t, (m) => m.type === 'ready')));
  const cpuBefore = process.cpuUsage();
  const start = process.hrtime.bigint();
  threads.forEach((t) => t.postMessage('go'));
  const results = await Promise.all(threads.map((t) => once(t, (m) => m.type === 'done')));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  await Promise.all(threads.map((t) => t.terminate()));

  const negative = results.reduce((sum, r) => sum + r.negative, 0);
  const mentions = results.reduce((sum, r) => sum + r.count, 0);
  const result = {
    package: `vader-sentiment ${require('vader-sentiment/package.json').version}`,
    node: process.version,
    workers,
    mentions,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    rate: mentions / seconds,
    negative,
  };
  console.log('RESULT ' + JSON.stringify(result));
}

function once(worker, accept) {
  return new Promise((resolve, reject) => {
    const onMessage = (message) => {
      if (accept(message)) {
        worker.off('message', onMessage);
        worker.off('error', reject);
        resolve(message);
      }
    };
    worker.on('message', onMessage);
    worker.on('error', reject);
  });
}

function runWorker() {
  const texts = workerData.texts;
  const warm = Math.min(texts.length, 20000);
  for (let i = 0; i < warm; i++) analyzer.polarity_scores(texts[i]);
  parentPort.postMessage({type: 'ready'});
  parentPort.once('message', () => {
    let negative = 0;
    for (let i = 0; i < texts.length; i++) {
      if (analyzer.polarity_scores(texts[i]).compound <= -0.05) negative++;
    }
    parentPort.postMessage({type: 'done', count: texts.length, negative});
  });
}
