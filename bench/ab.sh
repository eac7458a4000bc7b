#!/usr/bin/env bash
# Compare the package's ratio to the encoding/xml floor at two commits, on
# the same machine at the same time: the ratios bench/run.sh prints move
# with the machine's load (the floor reads a byte at a time through an
# interface and suffers more from a busy machine than the package does), so
# a change is judged against a baseline measured beside it, not against an
# old printout.
#
# usage: bench/ab.sh BASE [RUNS]   (BASE: a commit, e.g. 8caccee; RUNS: default 3)
#
# It builds this bench/main.go twice, against the library at BASE and at
# the working tree, then alternates them RUNS times over the real-feed
# corpus when it is there (../shared/corpus, or $SHARED/corpus; small feeds
# repeated to 64 KiB, as bench/run.sh's first table) and over a 20 MB feed
# from bench/gen (-n 4000), printing each run's vs-floor ratios for
# rss.Parse and rss-stream, then their medians.
set -euo pipefail

base=${1:?usage: bench/ab.sh BASE [RUNS]}
runs=${2:-3}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
shared=${SHARED:-$(cd "$repo/.." && pwd)/shared}

tmp=$(mktemp -d)
cleanup() {
	git -C "$repo" worktree remove --force "$tmp/base" >/dev/null 2>&1 || true
	rm -rf "$tmp"
}
trap cleanup EXIT

git -C "$repo" worktree add -q --detach "$tmp/base" "$base"
rm -rf "$tmp/base/bench"
cp -r "$here" "$tmp/base/bench"
if ! grep -qs 'func NewEncoder' "$tmp/base"/*.go; then
	# The library at BASE writes no feeds: the write table (not used here,
	# ab.sh compares reading) gets a stand-in so that bench/ builds.
	cat >"$tmp/base/bench/write.go" <<'EOF'
package main

import "errors"

func writeTable(string, []byte, int) error {
	return errors.New("bench: the library at this revision writes no feeds")
}
EOF
fi
(cd "$tmp/base/bench" && go build -o "$tmp/bench-base" .)
(cd "$here" && go build -o "$tmp/bench-head" . && go build -o "$tmp/gen" ./gen)
"$tmp/gen" -n 4000 -o "$tmp/big.xml" >/dev/null

inputs=(big)
if compgen -G "$shared/corpus/*.xml" >/dev/null; then
	inputs=(corpus big)
else
	echo "corpus: $shared/corpus absent, skipping the real-feed runs"
fi

ratios() { # $1: binary, then its input flags; prints "Parse stream" vs-floor
	"$@" -only xml-floor,rss.Parse,rss-stream 2>&1 |
		awk '$1 == "rss.Parse" { p = $5 } $1 == "rss-stream" { s = $5 } END { print p, s }'
}

for input in "${inputs[@]}"; do
	if [[ $input == corpus ]]; then
		flags=(-corpus "$shared/corpus" -rounds-corpus 9)
	else
		flags=(-big "$tmp/big.xml" -rounds-big 7)
	fi
	: >"$tmp/base.txt"
	: >"$tmp/head.txt"
	for ((i = 1; i <= runs; i++)); do
		ratios "$tmp/bench-base" "${flags[@]}" >>"$tmp/base.txt"
		ratios "$tmp/bench-head" "${flags[@]}" >>"$tmp/head.txt"
	done
	for v in base head; do
		echo "$input $v ($( [[ $v == base ]] && echo "$base" || echo "working tree")): vs-floor rss.Parse, rss-stream per run:" \
			$(awk '{ printf "%s/%s ", $1, $2 }' "$tmp/$v.txt")
		sort -n -k1,1 "$tmp/$v.txt" | awk '{ p[NR] = $1 } END { printf "  median rss.Parse %s", p[int((NR + 1) / 2)] }'
		sort -n -k2,2 "$tmp/$v.txt" | awk '{ s[NR] = $2 } END { printf ", rss-stream %s\n", s[int((NR + 1) / 2)] }'
	done
done
