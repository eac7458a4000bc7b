package rss

import (
	"errors"
	"fmt"
	"github.com/feedkit/rss/internal/xmlscan"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
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

// bombReader hands out head, then unit repeated up to size bytes in all,
// then tail, without holding the whole: a bomb of any size for a few bytes
// of memory. It counts the bytes it handed out.
type bombReader struct {
	head, unit, tail string
	size, given      int
	part             []byte
}

func newBomb(head, unit, tail string, size int) *bombReader {
	return &bombReader{head: head, unit: unit, tail: tail, size: size, part: []byte(head)}
}

func (r *bombReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		if len(r.part) == 0 {
			switch {
			case r.unit != "" && r.given+len(r.unit)+len(r.tail) <= r.size:
				r.part = []byte(r.unit)
			case r.tail != "":
				r.part, r.tail, r.unit = []byte(r.tail), "", ""
			default:
				if n == 0 {
					return 0, io.EOF
				}
				return n, nil
			}
		}
		k := copy(p[n:], r.part)
		r.part = r.part[k:]
		n += k
		r.given += k
	}
	return n, nil
}

const (
	rssHead  = `<rss version="2.0"><channel><title>t</title><item><title>first</title></item>`
	rssTail  = `</channel></rss>`
	jsonHead = `{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[{"title":"first"}`
	jsonTail = `]}`
)

// buildBombs are documents that build far more than their size: many
// empty items, one item of many empty elements, in XML and JSON Feed.
//
// early says that the decoder refuses the bomb within its first MiBs:
// where the bomb is one unit that is read whole before it is mapped (a
// JSON Feed item), it is refused at the end of the unit, once it has built
// MaxBuildRatio times that. (A start tag of millions of attributes, which
// the tokenizer would build whole before the decoder could count them, is
// refused by the tokenizer's own bound: TestAttributeBomb.)
var buildBombs = []struct {
	name             string
	head, unit, tail string
	size             int
	early, tag       bool
}{
	{"rss-items", rssHead, "<item/>", rssTail, 32 << 20, true, false},
	{"rss-elements", rssHead + "<item><title>second</title>", "<a/>", "</item>" + rssTail, 15 << 20, true, false},
	{"rss-urls", strings.Replace(rssHead, "<channel>", `<channel xml:base="https://example.com/`+strings.Repeat("p", 1000)+`/">`, 1) +
		"<item><title>second</title>", `<enclosure url="a"/>`, "</item>" + rssTail, 15 << 20, true, false},
	{"json-items", jsonHead, ",{}", jsonTail, 32 << 20, true, false},
	{"json-elements", jsonHead + `,{"title":"second","_x":[[]`, ",[]", "]}" + jsonTail, 4 << 20, false, false},
	{"json-tags", jsonHead + `,{"title":"second","tags":["a"`, `,"a"`, "]}" + jsonTail, 4 << 20, false, false},
}

// TestBuildBombs reads each bomb with Parse and with a streaming Decoder,
// in both modes: the error wraps ErrTooLarge, as a build error; the items
// before the bomb come back; the decoder stopped reading early, and
// allocated a small part of what reading the bomb through would take.
func TestBuildBombs(t *testing.T) {
	for _, b := range buildBombs {
		for _, strict := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/strict=%v", b.name, strict), func(t *testing.T) {
				r := newBomb(b.head, b.unit, b.tail, b.size)
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				d := NewDecoder(r)
				d.Strict = strict
				_, err := d.Channel()
				require.NoError(t, err)
				var items []*Item
				for it, err2 := range d.Items() {
					if err = err2; err != nil {
						break
					}
					items = append(items, it)
				}
				runtime.ReadMemStats(&after)
				require.ErrorIs(t, err, ErrTooLarge)
				var pe *ParseError
				require.ErrorAs(t, err, &pe)
				var be *buildError
				require.ErrorAs(t, err, &be, "the build bound, not another: %v", err)
				require.NotEmpty(t, items)
				assert.Equal(t, "first", items[0].Title)
				// What was built is within the bound (past it by one
				// value at most), and items stopped at it.
				if !b.tag { // a start tag is charged whole, at once
					assert.LessOrEqual(t, d.built, DefaultMaxBuildRatio*d.in.n+buildSlack+costItem+costMediaContent)
				}
				assert.Less(t, len(items), int(DefaultMaxBuildRatio*d.in.n+buildSlack)/int(costItem)+2)
				alloc := after.TotalAlloc - before.TotalAlloc
				t.Logf("%v; %d items, %d bytes read, %d allocated", err, len(items), d.in.n, alloc)
				switch {
				case b.early:
					// The bound stopped the reading well before the end.
					assert.LessOrEqual(t, d.in.n, int64(buildSlack/8), "bytes read before the error")
					// (Strict mode's encoding/xml allocates per token
					// what it hands out: garbage, counted here.)
					assert.Less(t, alloc, uint64(16*buildSlack), "bytes allocated")
				case !b.tag:
					// Each Element, slice growth included, takes at most
					// about 3 times its estimate.
					assert.Less(t, alloc, uint64(40*d.in.n+(64<<20)), "bytes allocated")
				}
			})
		}
		t.Run(b.name+"/Parse", func(t *testing.T) {
			f, err := Parse(newBomb(b.head, b.unit, b.tail, b.size))
			require.ErrorIs(t, err, ErrTooLarge)
			require.NotEmpty(t, f.Items)
			assert.Equal(t, "first", f.Items[0].Title)
			assert.Less(t, len(f.Items), (buildSlack+(16<<20)*DefaultMaxBuildRatio)/int(costItem))
		})
	}
}

// TestBuildRatio checks the bound itself: a feed of items that build about
// 12 times their size reads whole with no bound or a ratio of 16, and is
// refused with a ratio of 6 (the default), once past the slack: the more
// it reads, the more items come back before the error.
func TestBuildRatio(t *testing.T) {
	item := `<item><title>12345678</title><guid>1234567890123456789012345678901234567</guid></item>` // 91 bytes
	read := func(ratio, size int) (int, error) {
		d := NewDecoder(newBomb(rssHead, item, rssTail, size))
		d.MaxBuildRatio = ratio
		n := 0
		_, err := d.Channel()
		if err != nil {
			return n, err
		}
		for _, err = range d.Items() {
			if err != nil {
				return n, err
			}
			n++
		}
		return n, nil
	}
	for _, ratio := range []int{-1, 16, math.MaxInt} { // the largest does not overflow
		n, err := read(ratio, 4<<20)
		require.NoError(t, err, "ratio %d", ratio)
		assert.Greater(t, n, 40000)
	}
	n1, err := read(0, 4<<20)
	require.ErrorIs(t, err, ErrTooLarge)
	n6, err := read(6, 4<<20)
	require.ErrorIs(t, err, ErrTooLarge)
	assert.Equal(t, n1, n6, "0 is the default, 6")
	n2, err := read(2, 4<<20)
	require.ErrorIs(t, err, ErrTooLarge)
	assert.Less(t, n2, n6, "a lower ratio refuses earlier")
	// 8 MiB of slack: about 10,000 such items past the first.
	assert.Greater(t, n2, 9000)
	small, err := read(0, 64<<10)
	require.NoError(t, err, "a small feed of them reads whole, within the slack")
	assert.Greater(t, small, 600)
}

// BenchmarkBuildBomb reads the <item/> bomb at two sizes: refused at the
// same point, it costs the same, whatever its size.
func BenchmarkBuildBomb(b *testing.B) {
	for _, size := range []int{1 << 20, 32 << 20} {
		b.Run(fmt.Sprintf("%dMiB", size>>20), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_, err := Parse(newBomb(rssHead, "<item/>", rssTail, size))
				if !errors.Is(err, ErrTooLarge) {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestAttributeBomb reads one start tag of millions of attributes (32 MiB
// of them): the tokenizer refuses it at xmlscan.MaxAttrs, having read a
// few hundred KiB and allocated a few MiB, after the item before it. In
// strict mode encoding/xml reads the tag whole (within MaxElementSize)
// before it can be refused: the same error, at a higher cost.
func TestAttributeBomb(t *testing.T) {
	for _, strict := range []bool{false, true} {
		r := newBomb(rssHead+"<item><title>second</title><a", ` b=""`, "/></item>"+rssTail, 32<<20)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		d := NewDecoder(r)
		d.Strict = strict
		_, err := d.Channel()
		require.NoError(t, err)
		var items []*Item
		for it, err2 := range d.Items() {
			if err = err2; err != nil {
				break
			}
			items = append(items, it)
		}
		runtime.ReadMemStats(&after)
		require.ErrorIs(t, err, ErrTooLarge, "strict=%v", strict)
		require.Len(t, items, 1)
		assert.Equal(t, "first", items[0].Title)
		if !strict { // (strict mode: MaxElementSize, reached first here)
			assert.Contains(t, err.Error(), fmt.Sprintf("a start tag with more than %d attributes", xmlscan.MaxAttrs))
			assert.Less(t, d.in.n, int64(8*xmlscan.MaxAttrs), "bytes read")
			assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(64<<20), "bytes allocated")
		}
	}
}
