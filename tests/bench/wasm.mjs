// Benchmark of the wasm package in node, through the JS API: microseconds per answer (median of
// batches), catalog loaded once, through the package's browser entry (index.js). The requests are those of benches/native.rs. Run by `make bench`; prints `name value` lines.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkg = process.env.PKG_DIR ?? join(root, 'pkg');
const { initSync, catalog, buy, status, compare, callJson } = await import(join(pkg, 'index.js'));
initSync({ module: readFileSync(join(pkg, 'coverage_calc_bg.wasm')) });
catalog();

const BUY = {
  plan: 'care-refresh-2y', product: 'dji-mavic-3',
  activatedAt: '2026-11-19T10:00:00+09:00', now: '2026-11-20T10:00:00+09:00',
};
const STATUS = {
  plan: 'care-refresh-1y', product: 'dji-mini-4-pro', start: '2026-01-10',
  claims: [{ kind: 'flyaway', date: '2026-05-01' }], now: '2026-11-20T12:00:00+09:00',
};

const COMPARE = {
  fleet: [{ product: 'matrice-210-v2', units: 3 }, { product: 'phantom-4-rtk', units: 2 }],
  incidents: 10, repairCost: '250000',
};

// Microseconds per call: the median of 21 batches of 1000 calls, in each of 5 rounds half a
// second apart; the best round is reported. This machine is a shared VM whose neighbours slow
// whole seconds down; the best round is the figure without them (the README says so).
function medianMicros(f) {
  const batch = 1000;
  for (let i = 0; i < batch * 10; i++) f();
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const samples = [];
    for (let s = 0; s < 21; s++) {
      const t = process.hrtime.bigint();
      for (let i = 0; i < batch; i++) f();
      samples.push(Number(process.hrtime.bigint() - t) / 1000 / batch);
    }
    samples.sort((a, b) => a - b);
    best = Math.min(best, samples[samples.length >> 1]);
    const until = Date.now() + 500;
    while (Date.now() < until); // let a neighbour's burst pass
  }
  return best;
}

let sink = 0;
const buyUs = medianMicros(() => { sink += buy(BUY).replacements; });
const statusUs = medianMicros(() => { sink += status(STATUS).replacements.left; });
const compareUs = medianMicros(() => { sink += compare(COMPARE).rows.length; });
// The same answers through the text API (JSON text in, JSON text out): the wasm side of the
// work alone, to compare with the native figures of benches/native.rs.
const texts = { buy: JSON.stringify(BUY), status: JSON.stringify(STATUS), compare: JSON.stringify(COMPARE) };
const textUs = Object.fromEntries(
  Object.entries(texts).map(([fn, text]) => [fn, medianMicros(() => { sink += callJson(fn, text).length; })]),
);
// A batch of 10,000 fleet products: Enterprise Basic bought for each drone or payload of the
// catalog in turn, 96 h after activation.
const fleet = catalog().products.filter((p) => p.family === 'care-enterprise' && p.plans.includes('enterprise-basic'));
const FLEET_BUY = { plan: 'enterprise-basic', activatedAt: '2026-11-18T10:00:00+09:00', now: '2026-11-20T10:00:00+09:00' };
const t = process.hrtime.bigint();
for (let i = 0; i < 10000; i++) {
  const p = fleet[i % fleet.length];
  sink += buy({ ...FLEET_BUY, product: p.id }).eligible ? 1 : 0;
}
const batchSeconds = Number(process.hrtime.bigint() - t) / 1e9;
if (sink === 0) throw new Error('benchmark did no work');
console.log(`wasm_buy_us ${buyUs.toFixed(2)}`);
console.log(`wasm_status_us ${statusUs.toFixed(2)}`);
console.log(`wasm_compare_us ${compareUs.toFixed(2)}`);
for (const [fn, us] of Object.entries(textUs)) console.log(`wasm_text_${fn}_us ${us.toFixed(2)}`);
console.log(`wasm_batch_answers_per_s ${Math.round(10000 / batchSeconds)}`);
