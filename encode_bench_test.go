package rss_test

import (
	"bytes"
	"io"
	"testing"

	"github.com/feedkit/rss"
)

// BenchmarkEncode writes the model of the generated feed (1000 items, about
// 1 MB of RSS: generatedFeed) in each format; MB/s is of the output. Its
// parse sub-benchmark reads the same feed, for comparison.
func BenchmarkEncode(b *testing.B) {
	data := generatedFeed(1000)
	feed, err := rss.Parse(bytes.NewReader(data))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("parse", func(b *testing.B) { benchParse(b, data) })
	for _, format := range []rss.Format{rss.RSS2, rss.Atom1, rss.JSONFeed1} {
		b.Run(format.String(), func(b *testing.B) {
			var buf bytes.Buffer
			if err := rss.NewEncoder(&buf, format).Encode(feed); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.SetBytes(int64(buf.Len()))
			enc := rss.NewEncoder(io.Discard, format)
			for b.Loop() {
				if err := enc.Encode(feed); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(feed.Items)), "items/op")
		})
	}
}

// TestEncodeAllocsPerItem checks that writing costs a bounded number of
// allocations per item, whatever the number of items: the allocations of
// 400 items, less those of 100, over 300, in each format.
func TestEncodeAllocsPerItem(t *testing.T) {
	feed := func(n int) *rss.Feed {
		f, err := rss.Parse(bytes.NewReader(generatedFeed(n)))
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	small, large := feed(100), feed(400)
	for _, tt := range []struct {
		format rss.Format
		max    float64 // allocations per item
	}{{rss.RSS2, 8}, {rss.Atom1, 14}, {rss.JSONFeed1, 6}} {
		allocs := func(f *rss.Feed) float64 {
			enc := rss.NewEncoder(io.Discard, tt.format)
			return testing.AllocsPerRun(5, func() {
				if err := enc.Encode(f); err != nil {
					t.Fatal(err)
				}
			})
		}
		perItem := (allocs(large) - allocs(small)) / 300
		t.Logf("%v: %.1f allocations per item", tt.format, perItem)
		if perItem > tt.max {
			t.Errorf("%v: %.1f allocations per item, want at most %v", tt.format, perItem, tt.max)
		}
	}
}
