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
# The first answer at 4× CPU throttling: the widget against a bare page calling buy() (issue 14).
while read -r k val; do v[$k]=$val; done < <(node tests/bench/first-answer.mjs)
gz() { gzip -9c "$1" | wc -c; }
wasm_raw=$(wc -c < pkg/coverage_calc_bg.wasm); wasm_gz=$(gz pkg/coverage_calc_bg.wasm)
js_raw=$(wc -c < pkg/coverage_calc.js); js_gz=$(gz pkg/coverage_calc.js)
all_gz=$(cat pkg/coverage_calc_bg.wasm pkg/coverage_calc.js | gzip -9c | wc -c)
# The widget's module (widget/*.js and CSS, bundled by scripts/build-widget.mjs).
widget_js_raw=$(wc -c < pkg/coverage-calc.js); widget_js_gz=$(gz pkg/coverage-calc.js)

# Each family's share of the .wasm: the module built without it (cargo features, src/api.rs
# `has_family`), in a target dir of its own so pkg/'s build stays as it is.
family_gz() {
  local target=target/bench-families
  CARGO_TARGET_DIR=$target cargo build --quiet --target wasm32-unknown-unknown --release --no-default-features --features "$1"
  local release=$target/wasm32-unknown-unknown/release out=$target/pkg-family
  wasm-opt -O3 --strip-debug --strip-producers --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types \
    "$release/coverage_calc.wasm" -o "$release/coverage_calc.opt.wasm"
  rm -rf "$out"
  wasm-bindgen --target web --experimental-reset-state-function --out-dir "$out" --out-name coverage_calc "$release/coverage_calc.opt.wasm"
  gz "$out/coverage_calc_bg.wasm"
}
without_cr=$(family_gz "care-enterprise,ipro")
without_en=$(family_gz "care-refresh,ipro")
without_ip=$(family_gz "care-refresh,care-enterprise")
# The module with Care Refresh alone ships in pkg/ (scripts/build.sh).
only_cr=$(gz pkg/coverage_calc_care_refresh_bg.wasm)
no_family=$(family_gz "")
share() { awk -v all="$wasm_gz" -v without="$1" 'BEGIN { printf "%d (%.0f%%)", all - without, 100 * (all - without) / all }'; }

# wasm / native for the same answers: the JSON text API in wasm (callJson) against the same JSON
# contract natively; callJson against the object API.
ratio() { awk -v w="${v[wasm_text_$1_us]}" -v n="${v[native_$1_ns]}" 'BEGIN { printf "%.1f", w * 1000 / n }'; }
text_ratio() { awk -v t="${v[wasm_text_$1_us]}" -v o="${v[wasm_$1_us]}" 'BEGIN { printf "%.2f", t / o }'; }
check() { awk -v a="$1" -v b="$2" 'BEGIN { print (a + 0 <= b + 0) ? "ok" : "OVER" }'; }
row() { printf '%-46s %18s %10s %s\n' "$@"; }

row "figure" "value" "budget" ""
row "native buy answer (ns)" "${v[native_buy_ns]}" "" ""
row "native status answer (ns)" "${v[native_status_ns]}" "" ""
row "native compare answer (ns)" "${v[native_compare_ns]}" "" ""
row "wasm buy via JS API (µs)" "${v[wasm_buy_us]}" "8" "$(check "${v[wasm_buy_us]}" 8)"
row "wasm status via JS API (µs)" "${v[wasm_status_us]}" "9" "$(check "${v[wasm_status_us]}" 9)"
row "wasm compare via JS API (µs)" "${v[wasm_compare_us]}" "30" "$(check "${v[wasm_compare_us]}" 30)"
for f in buy status compare; do
  row "wasm $f via callJson, text (µs)" "${v[wasm_text_${f}_us]}" "" ""
done
for f in buy status compare; do
  row "callJson / JS API ($f)" "$(text_ratio $f)x" "2x" "$(check "$(text_ratio $f)" 2)"
done
for f in buy status compare; do
  row "wasm/native ratio ($f, text)" "$(ratio $f)x" "" ""
done
row "wasm batch, 10000 fleet products (answers/s)" "${v[wasm_batch_answers_per_s]}" "" ""
row ".wasm raw (bytes)" "$wasm_raw" "" ""
row ".wasm gzip -9 (bytes), all families" "$wasm_gz" "128000" "$(check "$wasm_gz" 128000)"
row "  share of Care Refresh (bytes gzip)" "$(share "$without_cr")" "" ""
row "  share of Care Enterprise (bytes gzip)" "$(share "$without_en")" "" ""
row "  share of i-PRO (bytes gzip)" "$(share "$without_ip")" "" ""
row "  no family: boundary, catalog, libraries" "$no_family" "" ""
row ".wasm gzip -9, Care Refresh alone (bytes)" "$only_cr" "" ""
for page in offer_ja offer_en buy_ja buy_en; do
  row "Care Refresh page, ${page/_/ mode, }: all files gzip (bytes)" "${v[cr_page_${page}_gzip_bytes]}" "120000" "$(check "${v[cr_page_${page}_gzip_bytes]}" 120000)"
done
row "JS glue raw / gzip (bytes)" "$js_raw / $js_gz" "" ""
row "wasm + JS glue gzip (bytes)" "$all_gz" "" ""
row "widget entry module raw / gzip (bytes)" "$widget_js_raw / $widget_js_gz" "" ""
row "shop.html: the widget's files, gzip (bytes)" "${v[widget_gz_bytes]} (${v[widget_files]} files)" "" ""
row "widget: first answer visible (ms, median)" "${v[first_answer_ms]}" "" ""
row "4x CPU: bare page, buy() answered (ms)" "${v[first_answer_bare_ms]}" "" ""
row "4x CPU: bare page, Care Refresh module (ms)" "${v[first_answer_bare_cr_ms]}" "" ""
row "4x CPU: widget, first answer visible (ms)" "${v[first_answer_widget_ms]}" "" ""
row "4x CPU: widget told the full module (ms)" "${v[first_answer_widget_full_ms]}" "" ""
row "4x CPU: widget / bare page" "${v[first_answer_ratio]}x" "1.3x" "$(check "${v[first_answer_ratio]}" 1.3)"
row "4x CPU: both with the Care Refresh module" "${v[first_answer_ratio_cr]}x" "" ""
row "4x CPU: both with the full module" "${v[first_answer_ratio_full]}x" "" ""
printf '\ntimes: median of 21 batches, best of 5 rounds half a second apart (see tests/bench/wasm.mjs)\n'
printf 'budgets: issue 11 (.wasm 128,000 B = 125 KiB gzip; buy 8, status 9, compare 30 µs; callJson 2x); issue 14 (first answer 1.3x; a Care Refresh page 120 KB = 120,000 B gzip)\n'
printf 'machine: %s, %s cores, %s\n' "$(uname -m)" "$(nproc)" "$(node --version)"
