#!/bin/sh
# The receipt OCR benchmarks (accuracy, then throughput against the plain tesseract command on the same files).
# Installs the tesseract command when it is missing and this runs as root on Debian/Ubuntu; otherwise says so.
# Usage: desktop-app/bench/ocr-throughput.sh [extra Maven options, e.g. -Dbench.ocr.receipts=100 -Dbench.ocr.run=throughput]
set -eu
cd "$(dirname "$0")/../.."
if ! command -v tesseract >/dev/null 2>&1; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
        echo "tesseract command not found: installing the Debian package tesseract-ocr"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr
    else
        echo "tesseract command NOT FOUND and cannot be installed here (needs root and apt-get):" >&2
        echo "  install it (apt-get install tesseract-ocr, brew install tesseract...) to compare against it;" >&2
        echo "  the benchmark now measures our engine only." >&2
    fi
fi
command -v tesseract >/dev/null 2>&1 && tesseract --version 2>&1 | head -1
echo "machine: $(nproc) cores, $(uptime)"
export OMP_THREAD_LIMIT=1
exec ./mvnw -B -pl desktop-app -am -Pbench-ocr -DskipTests verify "$@"
