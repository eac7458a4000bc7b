#!/usr/bin/env bash
# Compare github.com/feedkit/rss with gofeed and the encoding/xml floor.
#
# usage: bench/run.sh            (from anywhere; about three minutes on 2 cores)
#        QUICK=1 bench/run.sh    (a smoke run: 1000 items, 3 rounds; seconds)
#
# 1. Generates, with bench/gen, the 50 MB RSS feed (WordPress-shaped, as
#    ../shared/bench/makebig.py's) and the same items as an Atom feed, into a
#    temporary directory (removed on exit; never committed): a clone needs
#    nothing else.
# 2. Runs the paired comparison (bench/main.go) over the real-feed corpus
#    when it is there (../shared/corpus; small feeds repeated to at least
#    64 KiB per round), the 50 MB feed and the Atom feed (gofeed's Atom
#    parser as the peer), then over the corpus again with each feed once per
#    round (weighted by size).
# 3. Streams the 50 MB feed, then the Atom feed, from the file through each
#    contender, one process each, and reports the peak resident memory:
#    /usr/bin/time -v (installed with apt-get when missing and possible) and
#    VmHWM from /proc/self/status.
# 4. The write table (bench/main.go -write): the 50 MB feed read once with
#    rss.Parse, then, in paired rounds, read again (the reference, MB/s of
#    input) and its model written with rss.Encoder as RSS 2.0, Atom 1.0 and
#    JSON Feed 1.1 to a counting io.Discard (MB/s of output, allocations per
#    item).
#
# Environment: ROUNDS_CORPUS (default 15), ROUNDS_BIG (default 7, for the Atom feed too),
# ROUNDS_WRITE (default 5, for the write table),
# ITEMS (default 10000, about 50 MB; the Atom feed has as many entries), SHARED (default ../shared beside the repo),
# QUICK=1 (defaults of 3 rounds and 1000 items). Only the write table:
# WRITE_ONLY=1 bench/run.sh (seconds to a minute).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
if [[ -n ${SHARED:-} ]]; then
	shared=$SHARED
	shared_name=$SHARED
else
	shared=$(cd "$repo/.." && pwd)/shared
	shared_name=../shared
fi
if [[ -n ${QUICK:-} ]]; then
	rounds_corpus=${ROUNDS_CORPUS:-3}
	rounds_big=${ROUNDS_BIG:-3}
	rounds_write=${ROUNDS_WRITE:-3}
	items=${ITEMS:-1000}
else
	rounds_corpus=${ROUNDS_CORPUS:-15}
	rounds_big=${ROUNDS_BIG:-7}
	rounds_write=${ROUNDS_WRITE:-5}
	items=${ITEMS:-10000}
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "date:    $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
echo "go:      $(go version | cut -d' ' -f3-)"
echo "rss:     $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo

(cd "$here" && go build -o "$tmp/bench" . && go build -o "$tmp/gen" ./gen)

corpus=()
feeds=0
if [[ -d $shared/corpus ]]; then
	feeds=$(find "$shared/corpus" -maxdepth 1 -type f \( -iname '*.xml' -o -iname '*.rss' -o -iname '*.atom' -o -iname '*.rdf' \) | wc -l)
fi
if [[ $feeds -gt 0 ]]; then
	echo "corpus: $feeds feeds from $shared_name/corpus"
	corpus=(-corpus "$shared/corpus" -rounds-corpus "$rounds_corpus")
else
	echo "corpus: $shared_name/corpus absent, skipping the real-feed rounds"
fi

"$tmp/gen" -n "$items" -o "$tmp/big.xml" >/dev/null
echo "big.xml: $items items, $(stat -c %s "$tmp/big.xml") bytes (bench/gen -n $items)"
if [[ -n ${WRITE_ONLY:-} ]]; then
	echo
	"$tmp/bench" -write "$tmp/big.xml" -rounds-write "$rounds_write"
	exit
fi
"$tmp/gen" -n "$items" -atom -o "$tmp/big.atom" >/dev/null
echo "big.atom: $items entries, $(stat -c %s "$tmp/big.atom") bytes (bench/gen -n $items -atom)"
big=(-big "$tmp/big.xml" -atom "$tmp/big.atom" -rounds-big "$rounds_big")
echo

"$tmp/bench" "${corpus[@]}" "${big[@]}"
if [[ ${#corpus[@]} -gt 0 ]]; then
	# The same corpus weighted by size: each feed once per round.
	"$tmp/bench" "${corpus[@]}" -min-bytes 0 | sed -n '/^==/,$p'
fi

# Peak resident memory, one process per contender, streaming from the file.
timer=()
if [[ ! -x /usr/bin/time && $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
	{ apt-get install -y time || { apt-get update && apt-get install -y time; }; } >/dev/null 2>&1 || true
fi
[[ -x /usr/bin/time ]] && timer=(/usr/bin/time -v)

for file in big.xml big.atom; do
	echo "== peak resident memory, streaming $file from the file (one process each)"
	if [[ ${#timer[@]} -gt 0 ]]; then
		echo "(maxrss: Maximum resident set size from /usr/bin/time -v; VmHWM: /proc/self/status at exit)"
	else
		echo "(/usr/bin/time unavailable: VmHWM from /proc/self/status at exit only)"
	fi
	for c in xml-floor gofeed rss.Parse rss-stream; do
		if [[ ${#timer[@]} -gt 0 ]]; then
			out=$("${timer[@]}" "$tmp/bench" -peak "$c" -file "$tmp/$file" 2>"$tmp/time.txt")
			kb=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$tmp/time.txt")
			printf '%-11s maxrss %6.1f MiB   %s\n' "$c" "$(awk -v k="$kb" 'BEGIN {print k/1024}')" "${out#*: }"
		else
			out=$("$tmp/bench" -peak "$c" -file "$tmp/$file")
			kb=$(sed -n 's/.*VmHWM \([0-9]*\) kB.*/\1/p' <<<"$out")
			printf '%-11s %s\n' "$c" "${out#*: }"
		fi
		if [[ $c == rss-stream ]]; then
			verdict="NOT met"
			[[ -n $kb && $kb -le 16384 ]] && verdict=met
			stream_line="target for rss-stream on $file: peak RSS $((kb / 1024)) MiB (<= 16 MiB: $verdict)"
		fi
	done
	echo "$stream_line"
done

# Writing: the 50 MB feed's model in each format, beside reading it.
echo
"$tmp/bench" -write "$tmp/big.xml" -rounds-write "$rounds_write" | sed -n '/^==/,$p'

