#!/usr/bin/env bash
# Compiles the band package and its benchmarks (plain javac: the band has no dependencies, so the benchmarks do not
# wait for, or break on, the rest of alert-service). Prints the class folder as an absolute path, so callers can run
# from any directory.
set -euo pipefail
module="$(cd "$(dirname "$0")/.." && pwd)"
cd "$module"
out="$module/target/bench-classes"
rm -rf "$out"
mkdir -p "$out"
# The unit tests need JUnit; everything else under the band test package is benchmark code or its helpers.
javac -encoding UTF-8 -d "$out" src/main/java/io/heartbeat/alert/band/*.java \
  $(ls src/test/java/io/heartbeat/alert/band/*.java | grep -v 'Test\.java$')
echo "$out"
