#!/usr/bin/env bash
# `make bench`: native and wasm timings and package sizes, as one table, against the budgets.
# Assumes pkg/ was just built (the Makefile builds it first).
set -euo pipefail
cd "$(dirname "$0")/.."

declare -A v
while read -r k val; do v[$k]=$val; done < <(cargo bench --quiet --bench native 2>/dev/null | grep -E '^native_')
while read -r k val; do v[$k]=$val; done < <(node tests/bench/wasm.mjs)
# The widget in headless Chromium (needs /usr/bin/chromium: scripts/ensure-tools.sh --browser).
while read -r k val; do v[$k]=$val; done < <(node tests/bench/widget.mjs)
gz() { gzip -9c "$1" | wc -c; }
wasm_raw=$(wc -c < pkg/coverage_calc_bg.wasm); wasm_gz=$(gz pkg/coverage_calc_bg.wasm)
js_raw=$(wc -c < pkg/coverage_calc.js); js_gz=$(gz pkg/coverage_calc.js)
all_gz=$(cat pkg/coverage_calc_bg.wasm pkg/coverage_calc.js | gzip -9c | wc -c)
# The widget's module (glue, widget/*.js and CSS, minified by scripts/bundle-widget.mjs).
widget_js_raw=$(wc -c < pkg/coverage-calc.js); widget_js_gz=$(gz pkg/coverage-calc.js)
# wasm / native for the same answers: the JSON text API in wasm (callJson) against the same JSON
# contract natively.
ratio() { awk -v w="${v[wasm_text_$1_us]}" -v n="${v[native_$1_ns]}" 'BEGIN { printf "%.1f", w * 1000 / n }'; }
check() { awk -v a="$1" -v b="$2" 'BEGIN { print (a + 0 <= b + 0) ? "ok" : "OVER" }'; }

printf '%-40s %14s %12s %s\n' "figure" "value" "budget" ""
printf '%-40s %14s %12s %s\n' "native buy answer (ns)" "${v[native_buy_ns]}" "" ""
printf '%-40s %14s %12s %s\n' "native status answer (ns)" "${v[native_status_ns]}" "" ""
printf '%-40s %14s %12s %s\n' "native compare answer (ns)" "${v[native_compare_ns]}" "" ""
printf '%-40s %14s %12s %s\n' "wasm buy via JS API (µs)" "${v[wasm_buy_us]}" "5" "$(check "${v[wasm_buy_us]}" 5)"
printf '%-40s %14s %12s %s\n' "wasm status via JS API (µs)" "${v[wasm_status_us]}" "5" "$(check "${v[wasm_status_us]}" 5)"
printf '%-40s %14s %12s %s\n' "wasm compare via JS API (µs)" "${v[wasm_compare_us]}" "5" "$(check "${v[wasm_compare_us]}" 5)"
for f in buy status compare; do
  printf '%-40s %14s %12s %s\n' "wasm $f via callJson, text (µs)" "${v[wasm_text_${f}_us]}" "" ""
done
for f in buy status compare; do
  printf '%-40s %14s %12s %s\n' "wasm/native ratio ($f, text)" "$(ratio $f)x" "3x" "$(check "$(ratio $f)" 3)"
done
printf '%-40s %14s %12s %s\n' "wasm batch, 10000 fleet products (answers/s)" "${v[wasm_batch_answers_per_s]}" "" ""
printf '%-40s %14s %12s %s\n' ".wasm raw (bytes)" "$wasm_raw" "" ""
printf '%-40s %14s %12s %s\n' ".wasm gzip -9 (bytes)" "$wasm_gz" "81920" "$(check "$wasm_gz" 81920)"
printf '%-40s %14s %12s %s\n' "JS glue raw / gzip (bytes)" "$js_raw / $js_gz" "" ""
printf '%-40s %14s %12s %s\n' "wasm + JS glue gzip (bytes)" "$all_gz" "" ""
printf '%-40s %14s %12s %s\n' "widget module raw / gzip (bytes)" "$widget_js_raw / $widget_js_gz" "" ""
printf '%-40s %14s %12s %s\n' "widget: wasm + JS + CSS gzip (bytes)" "${v[widget_gz_bytes]}" "122880" "$(check "${v[widget_gz_bytes]}" 122880)"
printf '%-40s %14s %12s %s\n' "widget: first answer visible (ms, median)" "${v[first_answer_ms]}" "300" "$(check "${v[first_answer_ms]}" 300)"
printf '\ntimes: median of 21 batches, best of 5 rounds half a second apart (see tests/bench/wasm.mjs)\n'
printf 'machine: %s, %s cores, %s\n' "$(uname -m)" "$(nproc)" "$(node --version)"
