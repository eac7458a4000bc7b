// Command bench compares github.com/feedkit/rss with the parser a Go developer
// would otherwise use (github.com/mmcdole/gofeed/rss, and for Atom
// github.com/mmcdole/gofeed/atom) and with the floor that encoding/xml itself
// sets for any parser built on it: a bare, non-strict Token loop with a
// charset reader.
//
// In comparison mode (the default) it reads every input into memory and, in
// one process, runs paired rounds: each round runs every contender once over
// the same bytes, in an order that rotates from round to round, with a
// garbage collection before each run. It times each run with time.Now and
// counts its allocations with runtime.ReadMemStats (one goroutine), then
// prints, per contender, the median throughput, the allocations and bytes
// allocated per MB of input, and the medians of the per-round ratios to the
// floor and to gofeed. A ratio above 1 means faster than the reference.
//
// In peak mode (-peak CONTENDER) it streams one file through one contender
// and exits, so that /usr/bin/time -v can report the peak resident memory;
// it also prints the process's own VmHWM from /proc/self/status.
//
// MB means 10^6 bytes throughout.
package main

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/feedkit/rss"
	gofeedatom "github.com/mmcdole/gofeed/atom"
	gofeedrss "github.com/mmcdole/gofeed/rss"
	"golang.org/x/net/html/charset"
)

// A contender reads one feed from r and returns how many items it saw. Its
// runAtom reads an Atom feed, where it needs another parser for that.
type contender struct {
	name    string
	run     func(r io.Reader) (items int, err error)
	runAtom func(r io.Reader) (items int, err error)
}

// reader returns the function that reads a feed of the given kind.
func (c contender) reader(atom bool) func(io.Reader) (int, error) {
	if atom && c.runAtom != nil {
		return c.runAtom
	}
	return c.run
}

var contenders = []contender{
	{"xml-floor", runFloor, nil},
	{"gofeed", runGofeed, runGofeedAtom},
	{"rss.Parse", runParse, nil},
	{"rss-stream", runStream, nil},
}

// runFloor is the floor: encoding/xml's Token loop, non-strict, with a
// charset reader, doing nothing with the tokens. It counts <item> (and
// Atom's <entry>) starts.
func runFloor(r io.Reader) (int, error) {
	d := xml.NewDecoder(r)
	d.Strict = false
	d.CharsetReader = charset.NewReaderLabel
	n := 0
	for {
		t, err := d.Token()
		if err != nil {
			if err == io.EOF {
				return n, nil
			}
			return n, err
		}
		if s, ok := t.(xml.StartElement); ok && (s.Name.Local == "item" || s.Name.Local == "entry") {
			n++
		}
	}
}

func runGofeed(r io.Reader) (int, error) {
	var p gofeedrss.Parser
	f, err := p.Parse(r)
	if f == nil {
		return 0, err
	}
	return len(f.Items), err
}

func runGofeedAtom(r io.Reader) (int, error) {
	var p gofeedatom.Parser
	f, err := p.Parse(r)
	if f == nil {
		return 0, err
	}
	return len(f.Entries), err
}

func runParse(r io.Reader) (int, error) {
	f, err := rss.Parse(r)
	return len(f.Items), err
}

func runStream(r io.Reader) (int, error) {
	d := rss.NewDecoder(r)
	if _, err := d.Channel(); err != nil {
		return 0, err
	}
	n := 0
	for _, err := range d.Items() {
		if err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// A feed is one input document, run reps times per round.
type feed struct {
	name string
	data []byte
	reps int
}

// An input is what one table covers: one feed, or a set of feeds whose
// runs are summed within each round. An Atom input is read by the
// contenders' Atom readers.
type input struct {
	name  string
	feeds []feed
	atom  bool
}

func (in *input) bytesPerRound() int64 {
	var n int64
	for _, f := range in.feeds {
		n += int64(len(f.data)) * int64(f.reps)
	}
	return n
}

// A sample is one contender's run over one input in one round.
type sample struct {
	dur            time.Duration
	mallocs, alloc uint64
}

// result holds what one contender did over one input.
type result struct {
	samples []sample
	items   int      // items seen in one pass over the input, last round
	errMsgs []string // one per feed that ended in an error, last round
}

func main() {
	corpus := flag.String("corpus", "", "directory of feeds, read as one input set (skipped when empty or absent)")
	big := flag.String("big", "", "a large feed, read as one input (skipped when empty)")
	atom := flag.String("atom", "", "a large Atom feed, read as one input with gofeed's Atom parser as the peer (skipped when empty)")
	roundsCorpus := flag.Int("rounds-corpus", 15, "paired rounds over the corpus")
	roundsBig := flag.Int("rounds-big", 7, "paired rounds over the large feed")
	minBytes := flag.Int("min-bytes", 64<<10, "run each corpus feed enough times per round to read at least this many bytes\n(0: each once, weighting feeds by size; more: small feeds weighted up, as for a service reading many small feeds)")
	only := flag.String("only", "", "comma-separated contenders to run (default all)")
	peak := flag.String("peak", "", "peak mode: stream -file through this contender and exit")
	file := flag.String("file", "", "the file for -peak")
	write := flag.String("write", "", "a large feed whose model is written in each format (the write table; skipped when empty)")
	roundsWrite := flag.Int("rounds-write", 5, "paired rounds of the write table")
	flag.Parse()

	if *peak != "" {
		if err := peakMode(*peak, *file); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		return
	}

	if *only != "" {
		var cs []contender
		for _, name := range strings.Split(*only, ",") {
			c, ok := lookup(name)
			if !ok {
				fmt.Fprintf(os.Stderr, "bench: unknown contender %q\n", name)
				os.Exit(2)
			}
			cs = append(cs, c)
		}
		contenders = cs
	}

	var inputs []struct {
		in     input
		rounds int
	}
	if *corpus != "" {
		in, err := loadCorpus(*corpus, *minBytes)
		switch {
		case errors.Is(err, os.ErrNotExist):
			fmt.Printf("corpus %s absent: skipped\n\n", *corpus)
		case err != nil:
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		default:
			inputs = append(inputs, struct {
				in     input
				rounds int
			}{in, *roundsCorpus})
		}
	}
	if *big != "" {
		data, err := os.ReadFile(*big)
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		inputs = append(inputs, struct {
			in     input
			rounds int
		}{input{filepath.Base(*big), []feed{{filepath.Base(*big), data, 1}}, false}, *roundsBig})
	}
	if *atom != "" {
		data, err := os.ReadFile(*atom)
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		inputs = append(inputs, struct {
			in     input
			rounds int
		}{input{filepath.Base(*atom) + " (Atom)", []feed{{filepath.Base(*atom), data, 1}}, true}, *roundsBig})
	}
	if len(inputs) == 0 && *write == "" {
		fmt.Fprintln(os.Stderr, "bench: no input: give -corpus, -big, -atom and/or -write")
		os.Exit(2)
	}

	fmt.Printf("%s %s/%s GOMAXPROCS=%d\n\n", runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.GOMAXPROCS(0))
	for _, x := range inputs {
		compare(&x.in, x.rounds)
	}
	if *write != "" {
		data, err := os.ReadFile(*write)
		if err == nil {
			err = writeTable(filepath.Base(*write), data, *roundsWrite)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
	}
}

func lookup(name string) (contender, bool) {
	for _, c := range contenders {
		if c.name == name {
			return c, true
		}
	}
	return contender{}, false
}

// loadCorpus reads every feed in dir (*.xml, *.rss, *.atom, *.rdf).
func loadCorpus(dir string, minBytes int) (input, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return input{}, err
	}
	in := input{name: "corpus"}
	for _, e := range ents {
		switch strings.ToLower(filepath.Ext(e.Name())) {
		case ".xml", ".rss", ".atom", ".rdf":
		default:
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return input{}, err
		}
		reps := 1
		if len(data) > 0 && len(data) < minBytes {
			reps = (minBytes + len(data) - 1) / len(data)
		}
		in.feeds = append(in.feeds, feed{e.Name(), data, reps})
	}
	if len(in.feeds) == 0 {
		return input{}, fmt.Errorf("%s: no feeds: %w", dir, os.ErrNotExist)
	}
	if minBytes > 0 {
		in.name = fmt.Sprintf("corpus (%d feeds, each run to at least %d KiB per round)", len(in.feeds), minBytes>>10)
	} else {
		in.name = fmt.Sprintf("corpus (%d feeds, each once per round)", len(in.feeds))
	}
	return in, nil
}

// runOnce runs c over every feed of in (each reps times) and measures it.
func runOnce(c contender, in *input) (sample, int, []string) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	items := 0
	var errs []string
	run := c.reader(in.atom)
	start := time.Now()
	for _, f := range in.feeds {
		for rep := range f.reps {
			n, err := run(bytes.NewReader(f.data))
			if rep == 0 {
				items += n
				if err != nil {
					errs = append(errs, f.name+": "+err.Error())
				}
			}
		}
	}
	d := time.Since(start)
	runtime.ReadMemStats(&after)
	return sample{d, after.Mallocs - before.Mallocs, after.TotalAlloc - before.TotalAlloc}, items, errs
}

func compare(in *input, rounds int) {
	size := in.bytesPerRound()
	mb := float64(size) / 1e6
	fmt.Printf("== %s: %.2f MB per round, %d paired rounds\n", in.name, mb, rounds)
	res := make([]result, len(contenders))
	for r := range rounds {
		for k := range contenders {
			i := (r + k) % len(contenders)
			s, items, errs := runOnce(contenders[i], in)
			res[i].samples = append(res[i].samples, s)
			res[i].items = items
			res[i].errMsgs = errs
		}
	}

	floor, gofeed := index("xml-floor"), index("gofeed")
	type row struct{ mbps, allocs, bytes, vsFloor, vsGofeed float64 }
	rows := make([]row, len(contenders))
	fmt.Printf("%-11s %8s %10s %11s %9s %10s %6s %5s\n",
		"contender", "MB/s", "allocs/MB", "bytes/MB", "vs-floor", "vs-gofeed", "items", "errs")
	for i, c := range contenders {
		s := res[i].samples
		rows[i] = row{
			mbps:     median(mapf(s, func(x sample) float64 { return mb / x.dur.Seconds() })),
			allocs:   median(mapf(s, func(x sample) float64 { return float64(x.mallocs) / mb })),
			bytes:    median(mapf(s, func(x sample) float64 { return float64(x.alloc) / mb })),
			vsFloor:  ratio(res, i, floor),
			vsGofeed: ratio(res, i, gofeed),
		}
		r := rows[i]
		fmt.Printf("%-11s %8.1f %10.0f %11.0f %9s %10s %6d %5d\n",
			c.name, r.mbps, r.allocs, r.bytes, fmtRatio(r.vsFloor), fmtRatio(r.vsGofeed),
			res[i].items, len(res[i].errMsgs))
	}
	fmt.Println("(vs-floor, vs-gofeed: median over rounds of the reference's time / the contender's; above 1 is faster)")
	for i, c := range contenders {
		for _, e := range res[i].errMsgs {
			fmt.Printf("  %s error: %s\n", c.name, e)
		}
	}
	if p := index("rss.Parse"); p >= 0 && floor >= 0 && gofeed >= 0 {
		r := rows[p]
		allocs := r.allocs / rows[gofeed].allocs
		fmt.Printf("targets for rss.Parse: vs-floor %.2f (>= 0.9: %s), vs-gofeed %.2f (>= 2: %s), allocs/MB %.2f of gofeed's (<= 0.3: %s)\n",
			r.vsFloor, met(r.vsFloor >= 0.9), r.vsGofeed, met(r.vsGofeed >= 2), allocs, met(allocs <= 0.3))
	}
	fmt.Println()
}

func met(ok bool) string {
	if ok {
		return "met"
	}
	return "NOT met"
}

func fmtRatio(x float64) string {
	if math.IsNaN(x) {
		return "-"
	}
	return fmt.Sprintf("%.2f", x)
}

// index is the position of the named contender, or -1 when it is not run.
func index(name string) int {
	for i, c := range contenders {
		if c.name == name {
			return i
		}
	}
	return -1
}

// ratio is the median over rounds of time(ref)/time(i): how many times
// faster contender i was than the reference in the same round. It is NaN
// when the reference is not run (-only).
func ratio(res []result, i, ref int) float64 {
	if ref < 0 {
		return math.NaN()
	}
	var rs []float64
	for r := range res[i].samples {
		rs = append(rs, res[ref].samples[r].dur.Seconds()/res[i].samples[r].dur.Seconds())
	}
	return median(rs)
}

func mapf(s []sample, f func(sample) float64) []float64 {
	out := make([]float64, len(s))
	for i, x := range s {
		out[i] = f(x)
	}
	return out
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// peakMode streams file through the named contender straight from the file
// (not from memory) and prints the item count and the process's VmHWM. A
// file whose first 4 KiB hold a <feed element is read as Atom.
func peakMode(name, file string) error {
	c, ok := lookup(name)
	if !ok {
		return fmt.Errorf("unknown contender %q", name)
	}
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 4096)
	head, _ := br.Peek(4096)
	start := time.Now()
	n, err := c.reader(bytes.Contains(head, []byte("<feed")))(br)
	d := time.Since(start)
	if err != nil {
		return fmt.Errorf("%s: %v", name, err)
	}
	fmt.Printf("%s: %d items in %.2fs, VmHWM %s\n", name, n, d.Seconds(), vmHWM())
	return nil
}

// vmHWM reads the peak resident set size from /proc/self/status.
func vmHWM() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}
