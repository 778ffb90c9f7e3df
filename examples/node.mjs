// The README's example, run by `make test`: load pkg/ in node and ask the four questions.
// Run it yourself after `make build`: node examples/node.mjs
import { readFileSync } from 'node:fs';
import { initSync, catalog, buy, status, ipro, plusContract, compare } from '../pkg/coverage_calc.js';

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

// DJI Care Enterprise (the README's section): buy, status, plusContract, compare.
const basic = buy({ plan: 'enterprise-basic', product: 'phantom-4-rtk',
  activatedAt: '2026-11-17T12:00:00+09:00', now: '2026-11-21T12:00:00+09:00' });
console.log(basic.eligible, basic.route, basic.price.amount, basic.gives.replacementFees.map((f) => f.amount), basic.service);
// true within-window 68200 [ '48600', '54000' ] { start: '2026-11-21', end: '2027-11-20' }
const plusRenew = buy({ plan: 'enterprise-plus-renew', product: 'matrice-200-v2',
  held: { start: '2026-01-15', claimed: '343000' }, now: '2026-11-20T10:00:00+09:00' });
console.log(plusRenew.eligible, plusRenew.renew.ownShare.percentLeft, plusRenew.renew.period); // true 30.00 { start: '2027-01-15', … }
const enterpriseHeld = status({ plan: 'enterprise-basic', product: 'matrice-300-rtk', start: '2026-03-01',
  claims: [{ date: '2026-05-01' }], now: '2026-11-20T10:00:00+09:00' });
console.log(enterpriseHeld.nextReplacementFee.amount, enterpriseHeld.renew.stage, enterpriseHeld.reminders[0]);
// 91300 while-valid { daysBefore: 30, date: '2027-01-29', due: false }
const contract = plusContract({ activatedOn: '2026-01-10', owner: 'Sora Survey KK',
  members: [{ id: 'A', product: 'matrice-210-v2', date: '2026-01-10' },
    { id: 'B', product: 'zenmuse-h20t', date: '2026-02-09' },
    { id: 'C', product: 'zenmuse-p1', date: '2026-02-10' }],
  claims: [{ member: 'B', date: '2026-03-01', amount: '800000' }],
  now: '2026-03-20T10:00:00+09:00' });
console.log(contract.pool.members, contract.pool.limit.amount, contract.pool.left.amount); // [ 'A', 'B' ] 1623800 823800
const sales = compare({ fleet: [{ product: 'zenmuse-x5s', units: 2 }], incidents: 5, repairCost: '50000' });
console.log(sales.plusCheaperFrom, sales.rows.map((r) => [r.basicTotal.amount, r.plusTotal.amount])); // 3 …

const enterpriseOk = basic.eligible && plusRenew.eligible && enterpriseHeld.nextReplacementFee.amount === '91300'
  && contract.pool.left.amount === '823800' && sales.plusCheaperFrom === 3;
if (!(answer.eligible && held.extension.buyUntil === '2027-01-24' && editions.length === 3 && enterpriseOk)) process.exit(1);
if (!(warranty.phase === 'partners-5y' && warranty.partners5y.period.end === '2029-02-28' && !warranty.freeRepair)) process.exit(1);
