// The page's code: the API and the widget from the package, as a user writes it.
import init, { buy } from "coverage-calc";
import "coverage-calc/widget";

const now = "2026-11-20T10:00:00+09:00";
const show = (id, text) => { document.getElementById(id).textContent = text; };

// Before init(): a coded error, not a TypeError from inside the glue.
try {
  buy({ plan: "care-refresh-1y", product: "dji-mini-4-pro", now });
  show("before-init", "before-init: no error");
} catch (e) {
  show("before-init", `before-init: ${e.name} ${e.code}`);
}
document.addEventListener("coverage-change", (e) => {
  if (e.detail.answer) show("event", `event: ${e.detail.mode} ${e.detail.answer.plan} eligible=${e.detail.answer.eligible}`);
});
init().then(() => {
  const a = buy({ plan: "care-refresh-1y", product: "dji-mini-4-pro", activatedAt: null, now });
  show("api", `api: ${a.plan} eligible=${a.eligible}`);
}, (e) => show("api", `api: ${e.name} ${e.code}: ${e.message}`));
