#!/usr/bin/env bash
# Runs the whole test suite on a fresh Debian machine: installs what the tests need, then `dotnet test`.
# The tests start their own throwaway PostgreSQL cluster, SMTP server, fake social APIs and browser.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v pg_ctl >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || need+=(python3-aiosmtpd)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core fontconfig)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

results="$(pwd)/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

status=0
dotnet test SocialWatch.sln -c Release \
  --logger "trx" --logger "console;verbosity=minimal" \
  --results-directory "$results" || status=$?

# One closing line over every test project: "N passed, N failed, N skipped".
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  line=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$line" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get total) - $(get executed)))
done
# Only the SQL Server contract tests may skip; any other skip fails the run.
python3 scripts/check-skips.py "$results" || status=1
echo "Tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$passed" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
exit $status
