#!/usr/bin/env bash
# NAB quality of the anomaly band against published detectors.
#   alert-service/bench/nab.sh [--nab DIR] [--data DIR] [--labels FILE] [--results DIR] [--anchors FILE]
# Defaults: --nab ../shared/nab (beside the repository), results in alert-service/target/nab-results.
# Needs python3 (standard library) for NAB's scorer. Last line: RESULT nab standard=... low_fp=... low_fn=...
# JAVA_OPTS="-Dnab.waitForWeek=true" scores with the live warm-up rule; other -Dnab.* are ablations.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
classes="$("$here/compile.sh")"
cd "$here/.."
nab="$(cd .. && pwd)/../shared/nab"
exec java -Xmx512m ${JAVA_OPTS:-} -cp "$classes" io.heartbeat.alert.band.NabBenchmark --nab "$nab" \
  --results target/nab-results "$@"
