package rss

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzEncode checks, for any input Parse reads without error, that writing
// the model in each format gives a document that reads in Strict mode
// without error and with as many items, and that in the input's own
// format it reads back (leniently) to the same model, but for the
// differences the Encoder doc lists.
func FuzzEncode(f *testing.F) {
	addFeedSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		feed, err := Parse(bytes.NewReader(data))
		if err != nil || feed == nil {
			return
		}
		for _, format := range []Format{RSS2, Atom1, JSONFeed1} {
			var buf bytes.Buffer
			if err := NewEncoder(&buf, format).Encode(feed); err != nil {
				t.Fatalf("%v: %v", format, err)
			}
			out := buf.Bytes()
			strict, err := parseStrict(out)
			if err != nil {
				t.Fatalf("%v output does not read in Strict mode: %v\n%s", format, err, out)
			}
			if len(strict.Items) != len(feed.Items) {
				t.Fatalf("%v output: %d items, want %d\n%s", format, len(strict.Items), len(feed.Items), out)
			}
			if format != formatOf(feed) {
				continue
			}
			back, err := Parse(bytes.NewReader(out))
			if err != nil {
				t.Fatalf("%v output does not read: %v", format, err)
			}
			for _, d := range modelDiff(feed, back) {
				if knownDifference(feed, d) == "" {
					t.Fatalf("%v round trip: %s\n%s", format, d, out)
				}
			}
		}
	})
}

// addFeedSeeds adds every feed of testdata (not the golden files, which
// are the model's JSON) to a fuzz target's seed corpus.
func addFeedSeeds(f *testing.F) {
	for _, pat := range []string{"testdata/*.xml", "testdata/*.json"} {
		files, _ := filepath.Glob(pat)
		for _, p := range files {
			if strings.HasSuffix(p, ".golden.json") {
				continue
			}
			if data, err := os.ReadFile(p); err == nil {
				f.Add(data)
			}
		}
	}
}
