#!/usr/bin/env bash
# Compare github.com/feedkit/rss with gofeed and the encoding/xml floor.
#
# usage: bench/run.sh            (from anywhere; a few minutes on 2 cores)
#
# Generates the 50 MB feed with ../shared/bench/makebig.py into a temporary
# directory (removed on exit; never committed), runs the paired comparison
# over the corpus (../shared/corpus, skipped when absent) and the 50 MB feed,
# then streams the 50 MB feed through each contender in its own process to
# measure the peak resident memory with /usr/bin/time -v (installed with
# apt-get when missing and possible; otherwise VmHWM from /proc/self/status).
#
# Environment: ROUNDS_CORPUS (default 15), ROUNDS_BIG (default 7),
# ITEMS (default 10000, about 50 MB), SHARED (default ../shared beside the repo).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
shared=${SHARED:-$(cd "$repo/.." && pwd)/shared}
rounds_corpus=${ROUNDS_CORPUS:-15}
rounds_big=${ROUNDS_BIG:-7}
items=${ITEMS:-10000}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "date:    $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
echo "go:      $(go version | cut -d' ' -f3-)"
echo "rss:     $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo

(cd "$here" && go build -o "$tmp/bench" .)

makebig=$shared/bench/makebig.py
if [[ ! -f $makebig ]]; then
	echo "bench: $makebig not found; set SHARED" >&2
	exit 1
fi
python3 "$makebig" -n "$items" -o "$tmp/big.xml" >/dev/null
echo "big.xml: $items items, $(stat -c %s "$tmp/big.xml") bytes (makebig.py -n $items)"

corpus=()
if [[ -d $shared/corpus ]]; then
	corpus=(-corpus "$shared/corpus" -rounds-corpus "$rounds_corpus")
else
	echo "corpus: $shared/corpus absent, skipped"
fi
echo

"$tmp/bench" "${corpus[@]}" -big "$tmp/big.xml" -rounds-big "$rounds_big"

# Peak resident memory, one process per contender, streaming from the file.
timer=()
if [[ -x /usr/bin/time ]]; then
	timer=(/usr/bin/time -v)
elif [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
	{ apt-get install -y time || { apt-get update && apt-get install -y time; }; } >/dev/null 2>&1 || true
	[[ -x /usr/bin/time ]] && timer=(/usr/bin/time -v)
fi

echo "== peak resident memory, reading big.xml from the file (one process each)"
if [[ ${#timer[@]} -gt 0 ]]; then
	echo "(Maximum resident set size from /usr/bin/time -v; VmHWM from /proc/self/status)"
else
	echo "(/usr/bin/time unavailable: VmHWM from /proc/self/status only)"
fi
for c in xml-floor gofeed rss.Parse rss-stream; do
	if [[ ${#timer[@]} -gt 0 ]]; then
		out=$("${timer[@]}" "$tmp/bench" -peak "$c" -file "$tmp/big.xml" 2>"$tmp/time.txt")
		kb=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$tmp/time.txt")
		printf '%-11s maxrss %6.1f MiB   %s\n' "$c" "$(echo "$kb" | awk '{print $1/1024}')" "$out"
	else
		"$tmp/bench" -peak "$c" -file "$tmp/big.xml"
	fi
done
