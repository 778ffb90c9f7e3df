// A React 19 app with <coverage-calc>: typed JSX (coverage-calc/widget/react), the event reaches
// a React handler (React 19 adds `on<event>` props of custom elements as listeners).
import { useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import init, { buy } from "coverage-calc";
import { CoverageCalcElement, type CoverageChangeEvent } from "coverage-calc/widget/react";
import wasmUrl from "coverage-calc/coverage_calc_bg.wasm";

CoverageCalcElement.wasmUrl = wasmUrl;
const now = "2026-11-20T10:00:00+09:00";

function App() {
  const [api, setApi] = useState("…");
  const [event, setEvent] = useState("…");
  useEffect(() => {
    void init({ module_or_path: wasmUrl }).then(() => {
      const a = buy({ plan: "care-refresh-2y", product: "dji-mini-4-pro", now });
      setApi(`api: ${a.plan} eligible=${String(a.eligible)} replacements=${a.replacements}`);
    });
  }, []);
  const onChange = (e: CoverageChangeEvent) => {
    const detail = e.detail;
    if (detail.mode === "buy" && detail.answer !== null) {
      setEvent(`react-event: ${detail.answer.plan} eligible=${String(detail.answer.eligible)}`);
    }
  };
  return (
    <main>
      <p id="api">{api}</p>
      <p id="event">{event}</p>
      <coverage-calc product="dji-mini-4-pro" plans="care-refresh-1y care-refresh-2y" mode="buy" lang="en" now={now} oncoverage-change={onChange} />
      {/* @ts-expect-error: no such mode */}
      <coverage-calc mode="refund" hidden />
    </main>
  );
}

const root = document.getElementById("root");
if (root !== null) createRoot(root).render(<App />);
