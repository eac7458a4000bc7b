package main

import (
	"bytes"
	"fmt"
	"runtime"
	"time"

	"github.com/feedkit/rss"
)

// counter is io.Discard that counts the bytes written to it.
type counter struct{ n int64 }

func (c *counter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	return len(p), nil
}

// writeFormats are the formats of the write table, in its order.
var writeFormats = []struct {
	name   string
	format rss.Format
}{
	{"RSS2", rss.RSS2},
	{"Atom1", rss.Atom1},
	{"JSONFeed1", rss.JSONFeed1},
}

// writeTable reads data (a large feed) once with rss.Parse, then, in paired
// rounds, reads it again with rss.Parse (the reference, MB/s of input) and
// writes the model read in each format with rss.Encoder to a counting
// io.Discard (MB/s of output), with no indentation. Allocations are per
// item. Each run is timed with time.Now after a garbage collection.
func writeTable(name string, data []byte, rounds int) error {
	feed, err := rss.Parse(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	items := len(feed.Items)
	if items == 0 {
		return fmt.Errorf("%s: no items to write", name)
	}
	fmt.Printf("== writing %s's model (%d items, read from %.2f MB): %d paired rounds\n",
		name, items, float64(len(data))/1e6, rounds)
	type run struct {
		name string
		do   func() (int64, error) // bytes of input read or output written
	}
	runs := []run{{"read", func() (int64, error) {
		_, err := rss.Parse(bytes.NewReader(data))
		return int64(len(data)), err
	}}}
	for _, wf := range writeFormats {
		runs = append(runs, run{wf.name, func() (int64, error) {
			var c counter
			err := rss.NewEncoder(&c, wf.format).Encode(feed)
			return c.n, err
		}})
	}
	samples := make([][]sample, len(runs))
	sizes := make([]int64, len(runs))
	for r := range rounds {
		for k := range runs {
			i := (r + k) % len(runs)
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			start := time.Now()
			n, err := runs[i].do()
			d := time.Since(start)
			runtime.ReadMemStats(&after)
			if err != nil {
				return fmt.Errorf("%s %s: %w", name, runs[i].name, err)
			}
			sizes[i] = n
			samples[i] = append(samples[i], sample{d, after.Mallocs - before.Mallocs, after.TotalAlloc - before.TotalAlloc})
		}
	}
	fmt.Printf("%-10s %9s %8s %12s %12s %9s\n", "run", "MB", "MB/s", "allocs/item", "bytes/item", "vs-read")
	mbps := make([]float64, len(runs))
	for i, rn := range runs {
		mb := float64(sizes[i]) / 1e6
		s := samples[i]
		mbps[i] = median(mapf(s, func(x sample) float64 { return mb / x.dur.Seconds() }))
		allocs := median(mapf(s, func(x sample) float64 { return float64(x.mallocs) / float64(items) }))
		bytesPer := median(mapf(s, func(x sample) float64 { return float64(x.alloc) / float64(items) }))
		fmt.Printf("%-10s %9.2f %8.1f %12.1f %12.0f %9.2f\n", rn.name, mb, mbps[i], allocs, bytesPer, mbps[i]/mbps[0])
	}
	fmt.Println("(read: rss.Parse, MB of input; RSS2, Atom1, JSONFeed1: rss.Encoder, MB of output; vs-read: MB/s over read's)")
	slowest := mbps[1]
	for _, m := range mbps[2:] {
		slowest = min(slowest, m)
	}
	fmt.Printf("target for writing: slowest format %.1f MB/s of output vs reading %.1f MB/s of input (>= 1: %s)\n\n",
		slowest, mbps[0], met(slowest >= mbps[0]))
	return nil
}
