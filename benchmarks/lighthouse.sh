#!/usr/bin/env bash
# Lighthouse scores of the home, article, person and two search results pages, and of the People A–Z and
# its heaviest page of one initial, served from 127.0.0.1:
#   bash benchmarks/lighthouse.sh [COUNT] [NAMES]
# COUNT generated articles besides the seed (default 300); NAMES as archive.py's --names (few:
# twelve people; many: a person for every ten articles, so an A–Z as long as a real archive's).
# SITE=folder scores a site already built instead.
# Installs lighthouse 12.2.3 into benchmarks/.node (git-ignored) on first use; uses Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-300}"
names="${2:-few}"
lighthouse=benchmarks/.node/node_modules/.bin/lighthouse
[ -x "$lighthouse" ] || npm install --silent --no-audit --no-fund --prefix benchmarks/.node -E lighthouse@12.2.3
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"

work="$(mktemp -d)"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

site="${SITE:-$(python benchmarks/archive.py "$work/src" --count "$count" --names "$names")}"
port="$(python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
python -m http.server "$port" --bind 127.0.0.1 --directory "$site" >/dev/null 2>&1 &
server=$!
sleep 1

# Prints the four scores of the page at $1 (a path on the site), and each weighted audit below 1.
score() {
  "$lighthouse" "http://127.0.0.1:$port/$1" --quiet --output=json --output-path="$work/report.json" \
    --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run" \
    >/dev/null 2>&1
  python - "$work/report.json" "$1" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
scores = [round(report["categories"][c]["score"] * 100) for c in ("performance", "accessibility", "best-practices", "seo")]
print(f"{sys.argv[2]:60.60} " + " ".join(f"{s:6}" for s in scores))
for category in report["categories"].values():
    for ref in category["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
            print(f"    {category['id']}: {audit['id']} ({audit['score']}) {audit['title']}")
PY
}

# The first line of a listing, read to its end: `head` would stop early, and pipefail would then
# end the script on the listing's broken pipe whenever the listing is long.
first() { awk 'NR == 1'; }
person="$(cd "$site" && ls -d people/*/ | grep -v "^people/./$" | first)"  # not a page of one initial
article="$(cd "$site" && ls -d articles/illusion-or-optimism*/ | first)"
printf '%-60s %6s %6s %6s %6s\n' page perf a11y best seo
# Search results: a place, and a person narrowed by a year; the second by the address's
# fragment, the form that also opens from disk.
searches=("search/index.html?q=lisbon" "search/index.html#q=olena+petrenko&year=2023")
for path in index.html "${article}index.html" "${person}index.html" "${searches[@]}"; do
  score "$path"
done

# The A–Z: its front page, and the page of one initial with the most HTML.
letter="$(cd "$site" && ls -S people/?/index.html | first)"
for path in people/index.html "$letter"; do
  score "$path"
done
