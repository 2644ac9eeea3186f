#!/usr/bin/env bash
# NAB quality of the shipped anomaly detector (DetectorSettings.defaults, both sides bad) against published detectors.
#   alert-service/bench/nab.sh [--nab DIR] [--data DIR] [--labels FILE] [--results DIR] [--anchors FILE]
# Runs from any directory. Defaults: --nab ../shared/nab beside the repository, results in
# alert-service/target/nab-results/{score,alert}. Needs python3 (standard library) for NAB's scorer.
# Last line: RESULT nab standard=... low_fp=... low_fn=... alert_standard=... alert_low_fp=... alert_low_fn=... ...
# JAVA_OPTS="-Dnab.<setting>=..." runs an ablation (the header then says so).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
classes="$("$here/compile.sh")"
module="$(cd "$here/.." && pwd)"
nab="$(cd "$module/../.." && pwd)/shared/nab"
# Relative arguments are read from the caller's directory; the defaults are absolute.
exec java -Xmx512m ${JAVA_OPTS:-} -cp "$classes" io.heartbeat.alert.band.NabBenchmark --nab "$nab" \
  --results "$module/target/nab-results" "$@"
