package rss

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/feedkit/rss/internal/xmlscan"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Hostile input costs CPU within the bounds: every input byte counts
// toward MaxElementSize, whether a repair drops it or not; a repair costs
// about what plain text costs; and a source that returns (0, nil) for ever
// ends in io.ErrNoProgress. The tests count bytes read from the source,
// reads and allocations, never time.

// genSource generates a document without storing it: head, then n bytes
// of fill repeated (the last copy cut short), then tail. It counts the
// bytes it hands out.
type genSource struct {
	head, fill, tail []byte
	n                int64 // bytes of fill
	off              int64 // bytes handed out
}

func (g *genSource) Read(p []byte) (int, error) {
	total := int64(len(g.head)) + g.n + int64(len(g.tail))
	if g.off >= total {
		return 0, io.EOF
	}
	w := 0
	for w < len(p) && g.off < total {
		var k int
		switch off := g.off; {
		case off < int64(len(g.head)):
			k = copy(p[w:], g.head[off:])
		case off < int64(len(g.head))+g.n:
			f := off - int64(len(g.head))
			k = copy(p[w:min(len(p), w+int(min(g.n-f, int64(len(p)))))], g.fill[f%int64(len(g.fill)):])
		default:
			k = copy(p[w:], g.tail[off-int64(len(g.head))-g.n:])
		}
		w += k
		g.off += int64(k)
	}
	return w, nil
}

// The places a run of characters can stand, each as the document before
// and after the run.
var hostilePlaces = []struct{ name, head, tail string }{
	{"description", `<rss version="2.0"><channel><title>t</title><item><description>`, `</description></item></channel></rss>`},
	{"comment", `<rss version="2.0"><channel><title>t</title><item><!--`, `--></item></channel></rss>`},
	{"CDATA", `<rss version="2.0"><channel><title>t</title><item><description><![CDATA[`, `]]></description></item></channel></rss>`},
	{"attribute", `<rss version="2.0"><channel><title>t</title><item><guid isPermaLink="`, `">g</guid></item></channel></rss>`},
	{"DOCTYPE", `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY e "`, `">]><rss version="2.0"><channel><title>t</title></channel></rss>`},
	{"before the root", `<?xml version="1.0"?>`, `<rss version="2.0"><channel><title>t</title></channel></rss>`},
	{"channel title", `<rss version="2.0"><channel><title>`, `</title></channel></rss>`},
}

// The characters XML forbids, which the default mode drops, and those it
// replaces with longer ones.
var hostileRuns = []struct{ name, fill string }{
	{"NUL", "\x00"},
	{"C0", "\x01\x02\x1b\x1f"},
	{"U+FFFF", "\uffff"},
	{"U+FFFE", "\ufffe"},
	{"invalid UTF-8", "\xff"},
	{"C1", "\u0092"},
}

// TestHostileRunsCounted reads 64 MiB of each run in each place, in both
// modes, with a MaxElementSize of 1 MiB: the decoder refuses it after
// about that much input, not after reading the 64 MiB.
func TestHostileRunsCounted(t *testing.T) {
	const limit = 1 << 20
	for _, place := range hostilePlaces {
		for _, run := range hostileRuns {
			for _, strict := range []bool{false, true} {
				t.Run(fmt.Sprintf("%s/%s/strict=%v", place.name, run.name, strict), func(t *testing.T) {
					src := &genSource{head: []byte(place.head), fill: []byte(run.fill), n: 64 << 20, tail: []byte(place.tail)}
					d := NewDecoder(src)
					d.Strict, d.MaxElementSize = strict, limit
					_, err := d.Channel()
					if err == nil {
						_, err = d.Next()
					}
					var pe *ParseError
					require.ErrorAs(t, err, &pe)
					assert.Positive(t, pe.Line)
					assert.Positive(t, pe.Column)
					assert.LessOrEqual(t, src.off, int64(limit+4*xmlscan.MaxChunk), "bytes read from the source")
					var re *xmlscan.RepairError
					if !strict || run.name == "C1" {
						assert.ErrorIs(t, err, ErrTooLarge)
					} else if !errors.Is(err, ErrTooLarge) {
						// Strict mode refuses the first repair.
						assert.ErrorAs(t, err, &re)
						assert.Less(t, src.off, int64(64<<10), "bytes read from the source")
					}
				})
			}
		}
	}
}

// TestHostileRunsDefaultBound reads 64 MiB of NUL and of U+FFFF in a
// description with Parse: refused with ErrTooLarge after about
// DefaultMaxElementSize bytes.
func TestHostileRunsDefaultBound(t *testing.T) {
	for _, fill := range []string{"\x00", "\uffff"} {
		src := &genSource{head: []byte(hostilePlaces[0].head), fill: []byte(fill), n: 64 << 20, tail: []byte(hostilePlaces[0].tail)}
		f, err := Parse(src)
		require.ErrorIs(t, err, ErrTooLarge, "%U", []rune(fill)[0])
		assert.NotNil(t, f)
		assert.LessOrEqual(t, src.off, int64(DefaultMaxElementSize+4*xmlscan.MaxChunk), "bytes read from the source")
		assert.GreaterOrEqual(t, src.off, int64(DefaultMaxElementSize), "bytes read from the source")
	}
}

// parseAllocs is the allocations of Parse reading a description of n
// bytes of fill.
func parseAllocs(t *testing.T, fill string, n int64) float64 {
	return testing.AllocsPerRun(5, func() {
		src := &genSource{head: []byte(hostilePlaces[0].head), fill: []byte(fill), n: n, tail: []byte(hostilePlaces[0].tail)}
		f, err := Parse(src)
		if err != nil || len(f.Items) != 1 {
			t.Fatal(err)
		}
	})
}

// TestHostileRepairAllocs: dropping or replacing characters allocates no
// more than reading plain text does, in allocations, against plain text as
// long as the input (for what is dropped) or as the repaired text (for
// what is replaced with longer characters, which is kept), and the count
// does not grow with the length.
func TestHostileRepairAllocs(t *testing.T) {
	const n = 1 << 20
	for _, c := range []struct{ fill, repaired string }{
		{"\x00", ""}, {"\x01\x1f", ""}, {"\uffff", ""}, {"\xff", "ÿ"}, {"\u0092", "’"},
	} {
		plainLen := max(n, n/int64(len(c.fill))*int64(len(c.repaired)))
		plain := parseAllocs(t, "a", plainLen)
		small, large := parseAllocs(t, c.fill, n/8), parseAllocs(t, c.fill, n)
		assert.LessOrEqual(t, large, plain+10, "%q: allocations for 1 MiB, against %v for %d bytes of plain text", c.fill, plain, plainLen)
		if c.repaired == "" {
			assert.LessOrEqual(t, large, small+10, "%q: allocations for 1 MiB, against %v for 128 KiB", c.fill, small)
		}
	}
}

// BenchmarkHostileRuns reads a description of runs the default mode
// repairs, against plain text, at two sizes.
func BenchmarkHostileRuns(b *testing.B) {
	for _, run := range []struct{ name, fill string }{{"plain", "a"}, {"NUL", "\x00"}, {"U+FFFF", "\uffff"}, {"invalid", "\xff"}} {
		for _, n := range []int64{1 << 20, 8 << 20} {
			b.Run(fmt.Sprintf("%s/%dMiB", run.name, n>>20), func(b *testing.B) {
				b.SetBytes(n)
				b.ReportAllocs()
				for b.Loop() {
					src := &genSource{head: []byte(hostilePlaces[0].head), fill: []byte(run.fill), n: n, tail: []byte(hostilePlaces[0].tail)}
					if _, err := Parse(src); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// stallSource hands out head, then returns (0, nil) for ever, counting the
// reads.
type stallSource struct {
	head  []byte
	reads int
}

func (s *stallSource) Read(p []byte) (int, error) {
	s.reads++
	n := copy(p, s.head)
	s.head = s.head[n:]
	return n, nil
}

// utf16BE encodes s as UTF-16BE with a byte-order mark.
func utf16BE(s string) []byte {
	out := []byte{0xfe, 0xff}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u>>8), byte(u))
	}
	return out
}

// TestStallingSource: a source that stops making progress, at the start or
// after some of the document (past the 1 KiB NewReader reads to detect the
// encoding), gives io.ErrNoProgress after a bounded number of reads, by
// every read path.
func TestStallingSource(t *testing.T) {
	long := `<rss version="2.0"><channel><title>` + strings.Repeat("t", 4<<10) + `</title><item><title>`
	latin1 := `<?xml version="1.0" encoding="ISO-8859-1"?>`
	jsonHead := `{"version":"https://jsonfeed.org/version/1.1","title":"` + strings.Repeat("t", 4<<10) + `","items":[{"title":"`
	cases := []struct {
		name string
		head []byte
	}{
		{"empty", nil},
		{"XML start", []byte(`<rss version="2.0"><channel>`)},
		{"XML", []byte(long)},
		{"UTF-16 start", utf16BE(`<rss version="2.0">`)},
		{"UTF-16", utf16BE(long)},
		{"ISO-8859-1 start", []byte(latin1 + `<rss version="2.0">`)},
		{"ISO-8859-1", []byte(latin1 + long)},
		{"UTF-32 start", []byte{0, 0, 0xfe, 0xff, 0, 0, 0, '<'}},
		{"JSON start", []byte(`{"version":"https://jsonfeed.org/version/1.1","items":[`)},
		{"JSON", []byte(jsonHead)},
	}
	for _, c := range cases {
		for _, strict := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/strict=%v/Channel", c.name, strict), func(t *testing.T) {
				src := &stallSource{head: c.head}
				d := NewDecoder(src)
				d.Strict = strict
				_, err := d.Channel()
				if err == nil {
					_, err = d.Next()
				}
				assert.ErrorIs(t, err, io.ErrNoProgress)
				var pe *ParseError
				assert.ErrorAs(t, err, &pe)
				assert.LessOrEqual(t, src.reads, 300, "reads")
			})
		}
		t.Run(c.name+"/Parse", func(t *testing.T) {
			src := &stallSource{head: c.head}
			_, err := Parse(src)
			assert.ErrorIs(t, err, io.ErrNoProgress)
			assert.LessOrEqual(t, src.reads, 300, "reads")
		})
	}
}

// TestStallingSourceAfterData: reads that make progress reset the count:
// a source that returns (0, nil) 99 times between bytes is read to its end.
func TestStallingSourceAfterData(t *testing.T) {
	doc := []byte(`<rss version="2.0"><channel><title>t</title><item><title>a</title></item></channel></rss>`)
	for _, strict := range []bool{false, true} {
		d := NewDecoder(&hesitant{data: doc, wait: 99})
		d.Strict = strict
		f, err := d.Channel()
		require.NoError(t, err)
		assert.Equal(t, "t", f.Title)
		it, err := d.Next()
		require.NoError(t, err)
		assert.Equal(t, "a", it.Title)
		_, err = d.Next()
		assert.Equal(t, io.EOF, err)
	}
}

// hesitant returns (0, nil) wait times before each byte of data.
type hesitant struct {
	data []byte
	wait int
	n    int
}

func (h *hesitant) Read(p []byte) (int, error) {
	if len(h.data) == 0 {
		return 0, io.EOF
	}
	if h.n < h.wait {
		h.n++
		return 0, nil
	}
	h.n = 0
	p[0] = h.data[0]
	h.data = h.data[1:]
	return 1, nil
}
