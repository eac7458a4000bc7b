package rss

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// buildRatio reads a whole document and returns the decoder's estimate of
// what it built, the bytes it read, and the error that ended reading.
func buildRatio(t testing.TB, doc []byte) (built, read int64, err error) {
	d := NewDecoder(strings.NewReader(string(doc)))
	d.MaxBuildRatio = -1
	if _, err = d.Channel(); err == nil {
		for _, err = range d.Items() {
			if err != nil {
				break
			}
		}
	}
	return d.built, d.in.n, err
}

// TestBuildRatioCorpus measures the build estimate of every real feed (of
// ../shared/corpus) and of every feed of testdata/, against the bytes
// read, and checks that DefaultMaxBuildRatio leaves a wide margin above
// the largest: twice what any of them takes, past the slack.
func TestBuildRatioCorpus(t *testing.T) {
	var files []string
	for _, g := range []string{"testdata/*.xml", "testdata/*.json", filepath.Join(shared, "corpus", "*"), filepath.Join(shared, "seed", "*.xml")} {
		m, err := filepath.Glob(g)
		require.NoError(t, err)
		files = append(files, m...)
	}
	type ratio struct {
		name        string
		built, read int64
	}
	var rs []ratio
	for _, f := range files {
		if strings.HasSuffix(f, ".golden.json") || strings.HasSuffix(f, ".tsv") || strings.HasSuffix(f, ".jsonl") {
			continue
		}
		doc, err := os.ReadFile(f)
		require.NoError(t, err)
		built, read, _ := buildRatio(t, doc)
		require.Equal(t, int64(len(doc)), read, f)
		rs = append(rs, ratio{f, built, read})
	}
	require.NotEmpty(t, rs)
	// The ratio that matters is the one past the slack: a document
	// builds at most MaxBuildRatio × read + buildSlack.
	worst := func(r ratio) float64 { return float64(r.built) / float64(r.read) }
	sort.Slice(rs, func(i, j int) bool { return worst(rs[i]) > worst(rs[j]) })
	for _, r := range rs[:min(5, len(rs))] {
		t.Logf("%.2f: %s (%d bytes built for %d read)", worst(r), r.name, r.built, r.read)
	}
	for _, r := range rs {
		assert.LessOrEqual(t, r.built, DefaultMaxBuildRatio/2*r.read+buildSlack, "%s builds %.2f times its size", r.name, worst(r))
	}
	// Among those of 16 KiB or more, for whom the slack counts little.
	big := 0
	for _, r := range rs {
		if r.read >= 16<<10 {
			if big < 5 {
				t.Logf("%.2f: %s (%d bytes built for %d read)", worst(r), r.name, r.built, r.read)
			}
			big++
		}
	}
}
