#!/usr/bin/env bash
# Builds the libFuzzer targets (clang; the core itself instrumented, under ASan and UBSan) and runs
# each for a bounded time on a seed corpus made anew by tools/fuzz_corpus.py.
#
#   cpp/fuzz/run.sh [SECONDS_PER_TARGET]      (default 60; PYTHON and CMAKE may be set)
#
# Exits non-zero when a target finds a crash or a broken invariant; the input that did it is left
# in build/fuzz/crash-<target>-*, the log in build/fuzz/<target>.log. The corpus each run grows is
# kept in build/fuzz/corpus/<target> (not committed), so later runs start from it.
set -euo pipefail
cd "$(dirname "$0")/../.."

SECS="${1:-60}"
PYTHON="${PYTHON:-python3}"
CMAKE="${CMAKE:-cmake}"
PY_ABS="$("$PYTHON" -c 'import sys; print(sys.executable)')"
command -v clang++ > /dev/null || { echo "cpp/fuzz/run.sh: clang++ is needed (apt-get install clang)" >&2; exit 1; }

"$CMAKE" --preset fuzz -DPython_EXECUTABLE="$PY_ABS" > /dev/null
"$CMAKE" --build build/fuzz -j2 --target fuzz_reader fuzz_pipeline > build/fuzz/build.log 2>&1 \
  || { tail -40 build/fuzz/build.log; exit 1; }
"$PYTHON" tools/fuzz_corpus.py build/fuzz/seeds-src > /dev/null

status=0
for target in fuzz_reader fuzz_pipeline; do
  mkdir -p "build/fuzz/corpus/$target"
  echo "== $target, ${SECS} s"
  if ! ASAN_OPTIONS=detect_leaks=0 "build/fuzz/$target" "build/fuzz/corpus/$target" build/fuzz/seeds-src/seeds \
      -dict=build/fuzz/seeds-src/standpoints.dict -max_total_time="$SECS" -max_len=16384 -timeout=10 \
      -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="build/fuzz/crash-$target-" \
      > "build/fuzz/$target.log" 2>&1; then
    status=1
    grep -B2 -A30 -E "ERROR|invariant failed|SUMMARY" "build/fuzz/$target.log" | head -60
  fi
  grep -E "^#[0-9]+[[:space:]]+(INITED|DONE)" "build/fuzz/$target.log" | tail -2 || true
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "build/fuzz/$target.log" || true
done
exit $status
