// The README's example, run by `make test`: load pkg/ in node and ask the four questions.
// Run it yourself after `make build`: node examples/node.mjs
import { readFileSync } from 'node:fs';
import { initSync, catalog, buy, status, ipro } from '../pkg/coverage_calc.js';

initSync({ module: readFileSync(new URL('../pkg/coverage_calc_bg.wasm', import.meta.url)) });

// 1. catalog: plans, products (ids as in the price tables), editions of the terms
const { products, editions } = catalog();
const mini = products.find((p) => p.id === 'dji-mini-4-pro');
console.log(mini.name.en, mini.plans, mini.terms.careRefresh.price2y); // { status: 'published', amount: '19250', currency: 'JPY' }

// 2. buy: can a 2-year plan still be bought for a drone activated yesterday?
const answer = buy({
  plan: 'care-refresh-2y',
  product: 'dji-mini-4-pro',
  activatedAt: '2026-11-19T09:00:00+09:00',
  now: '2026-11-20T12:00:00+09:00',
});
console.log(answer.eligible, answer.deadline, answer.price.amount, answer.replacements, answer.service);
// true 2026-11-21T09:00:00+09:00 19250 4 { start: '2026-11-20', end: '2028-11-19' }

// 3. status: what does a 1-year plan with one flyaway claim have left, can it be extended?
const held = status({
  plan: 'care-refresh-1y',
  product: 'dji-mini-4-pro',
  start: '2026-01-10',
  claims: [{ kind: 'flyaway', date: '2026-05-01' }],
  now: '2026-11-20T12:00:00+09:00',
});
console.log(held.replacements.left, held.flyaway.left, held.extension.possible, held.extension.buyUntil);
// 1 0 true 2027-01-24

// 4. ipro: a recorder delivered on 2024-02-29 whose HDD failed on the first day of year 2
const warranty = ipro({
  kind: 'recorder', deliveryDate: '2024-02-29', inJapan: true,
  partnersCircleMember: true, onFiveYearList: true, failed: 'hdd', now: '2025-03-01T00:00:00+09:00',
});
console.log(warranty.phase, warranty.partners5y.period, warranty.freeRepair, warranty.notFree, warranty.shipping);
// partners-5y { start: '2025-03-01', end: '2029-02-28' } false hdd-not-covered { toIpro: 'partner', back: 'ipro' }

// Bad input throws a real Error with a stable code.
try {
  buy({ plan: 'care-refresh-1y', product: 'dji-mini-4-pro', now: 'yesterday' });
} catch (e) {
  console.log(e instanceof Error, e.code, e.message); // true invalid_instant `now` must be an RFC 3339 instant …
}

if (!(answer.eligible && held.extension.buyUntil === '2027-01-24' && editions.length === 3)) process.exit(1);
if (!(warranty.phase === 'partners-5y' && warranty.partners5y.period.end === '2029-02-28' && !warranty.freeRepair)) process.exit(1);
