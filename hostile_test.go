package rss

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/feedkit/rss/internal/xmlscan"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Hostile input costs linear time and bounded memory. The tests below
// build each hostile shape at two sizes and count the work the lenient
// decoder does (scanner.work: the bytes the scanner examined or moved, and
// the steps of namespace resolution and end-tag matching) and the
// allocations it makes: at four times the size, four times the work, not
// sixteen. They never time anything; BenchmarkHostile does, for people.

// smallReads delivers at most n bytes a read, so that a long token spans
// many of the input filter's chunks, as it does from a slow network.
type smallReads struct {
	data []byte
	n    int
}

func (r *smallReads) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, io.EOF
	}
	k := copy(p[:min(len(p), r.n)], r.data)
	r.data = r.data[k:]
	return k, nil
}

// hostileShape is a document that costs much if the decoder is careless.
type hostileShape struct {
	name     string
	doc      func(n int) []byte // the document at size n (about n bytes or more)
	maxDepth int
	check    func(t *testing.T, n int, items []*Item, err error)
}

const (
	hostileHead = `<rss><channel><title>T</title><item><title>first</title></item><item>`
	hostileTail = `</item><item><title>last</title></item></channel></rss>`
)

func hostileDoc(body string) []byte { return []byte(hostileHead + body + hostileTail) }

// nested is n elements <a>, each in the one before, with text in the
// innermost.
func nested(n int) string {
	return strings.Repeat("<a>", n) + "x" + strings.Repeat("</a>", n)
}

// depth is how deep the first chain of children of e goes.
func depth(e Element) int {
	n := 1
	for len(e.Children) > 0 {
		e = e.Children[0]
		n++
	}
	return n
}

var hostileShapes = []hostileShape{
	{
		name: "attrs", // one start tag with many attributes
		doc:  func(n int) []byte { return hostileDoc("<x" + strings.Repeat(` a="1"`, n/6) + "/>") },
		check: func(t *testing.T, n int, items []*Item, err error) {
			require.NoError(t, err)
			require.Len(t, items, 3)
			require.Len(t, items[1].Extensions, 1)
			assert.Len(t, items[1].Extensions[0].Attrs, n/6)
		},
	},
	{
		name: "lt-run", // a run of "<b" that never closes: one start tag
		doc: func(n int) []byte {
			return []byte(hostileHead + "<x>" + strings.Repeat("<b", n/2))
		},
		check: func(t *testing.T, n int, items []*Item, err error) {
			assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
			assert.Len(t, items, 1)
		},
	},
	{
		name: "lt-text", // a run of '<' that cannot start markup: text
		doc:  func(n int) []byte { return hostileDoc("<x>" + strings.Repeat("<", n) + "</x>") },
		check: func(t *testing.T, n int, items []*Item, err error) {
			require.NoError(t, err)
			require.Len(t, items, 3)
			assert.Equal(t, strings.Repeat("<", n), items[1].Extensions[0].Text)
		},
	},
	{
		name: "names", // long element and attribute names
		doc: func(n int) []byte {
			name := strings.Repeat("n", n/4)
			return hostileDoc("<" + name + " " + name + `="v">t</` + name + ">")
		},
		check: func(t *testing.T, n int, items []*Item, err error) {
			require.NoError(t, err)
			require.Len(t, items, 3)
			e := items[1].Extensions[0]
			assert.Len(t, e.Name.Local, n/4)
			assert.Equal(t, "t", e.Text, "the end tag with the long name closed it")
			require.Len(t, e.Attrs, 1)
			assert.Len(t, e.Attrs[0].Name.Local, n/4)
		},
	},
	{
		name: "value", // a long quoted attribute value
		doc: func(n int) []byte {
			return hostileDoc(`<x a="` + strings.Repeat("v", n) + `"/>`)
		},
		check: func(t *testing.T, n int, items []*Item, err error) {
			require.NoError(t, err)
			require.Len(t, items, 3)
			assert.Len(t, items[1].Extensions[0].Attrs[0].Value, n)
		},
	},
	{
		name: "pi", // a long processing instruction
		doc:  func(n int) []byte { return hostileDoc("<?pi " + strings.Repeat("?", n) + "?><title>t</title>") },
		check: func(t *testing.T, n int, items []*Item, err error) {
			require.NoError(t, err)
			require.Len(t, items, 3)
			assert.Equal(t, "t", items[1].Title)
		},
	},
	{
		name: "charref", // a character reference with many leading zeros
		doc: func(n int) []byte {
			return hostileDoc("<title>&#" + strings.Repeat("0", n) + "65;&#x" + strings.Repeat("0", n) + "42;</title>")
		},
		check: func(t *testing.T, n int, items []*Item, err error) {
			require.NoError(t, err)
			require.Len(t, items, 3)
			assert.Equal(t, "AB", items[1].Title)
		},
	},
	{
		name: "ns-decls", // many namespace declarations in scope, the first one used often
		doc: func(n int) []byte {
			var b strings.Builder
			b.WriteString(hostileHead + "<x")
			for i := range n / 32 {
				fmt.Fprintf(&b, ` xmlns:p%d="u%d"`, i, i)
			}
			b.WriteString(">" + strings.Repeat("<p0:y/>", n/14) + "</x>" + hostileTail)
			return []byte(b.String())
		},
		check: func(t *testing.T, n int, items []*Item, err error) {
			require.NoError(t, err)
			require.Len(t, items, 3)
			x := items[1].Extensions[0]
			require.Len(t, x.Children, n/14)
			assert.Equal(t, "u0", x.Children[n/14-1].Name.Space)
		},
	},
	{
		name: "ns-nested", // a declaration on each of many nested elements
		doc: func(n int) []byte {
			k := n / 32
			var b strings.Builder
			for i := range k {
				fmt.Fprintf(&b, `<p:a xmlns:p="u%d">`, i)
			}
			return hostileDoc(b.String() + "<p:b/>" + strings.Repeat("</p:a>", k))
		},
		maxDepth: -1,
		check: func(t *testing.T, n int, items []*Item, err error) {
			require.NoError(t, err)
			require.Len(t, items, 3)
			e := items[1].Extensions[0]
			for len(e.Children) > 0 {
				e = e.Children[0]
			}
			assert.Equal(t, xml.Name{Space: fmt.Sprintf("u%d", n/32-1), Local: "b"}, e.Name, "the innermost declaration wins")
		},
	},
	{
		name:     "deep", // deep nesting with MaxDepth < 0
		doc:      func(n int) []byte { return hostileDoc("<x>" + nested(n/32) + "</x>") },
		maxDepth: -1,
		check: func(t *testing.T, n int, items []*Item, err error) {
			require.NoError(t, err)
			require.Len(t, items, 3)
			assert.Equal(t, 1+n/32, depth(items[1].Extensions[0]))
		},
	},
	{
		name: "end-tags", // many end tags that close nothing, deep in a document
		doc: func(n int) []byte {
			return hostileDoc("<x>" + strings.Repeat("<a>", n/32) + strings.Repeat("</z>", n/8) +
				strings.Repeat("</a>", n/32) + "</x><title>t</title>")
		},
		maxDepth: -1,
		check: func(t *testing.T, n int, items []*Item, err error) {
			require.NoError(t, err)
			require.Len(t, items, 3)
			assert.Equal(t, 1+n/32, depth(items[1].Extensions[0]))
			assert.Equal(t, "t", items[1].Title, "the end tags that close nothing are dropped")
		},
	},
}

// hostileRead reads doc with a lenient decoder, through small reads, and
// returns the items, the first error, the scanner's work count and the
// number of bytes the input filter handed the scanner.
func hostileRead(doc []byte, maxDepth int) (items []*Item, work, scanned int, err error) {
	d := NewDecoder(&smallReads{data: doc, n: 512})
	d.MaxDepth = maxDepth
	if _, err := d.Channel(); err != nil {
		return nil, 0, 0, err
	}
	tok := d.tok // the decoder lets go of it at the end
	defer func() { st := tok.Stats(); work, scanned = st.Work, int(st.Scanned) }()
	for it, err := range d.Items() {
		if err != nil {
			return items, 0, 0, err
		}
		items = append(items, it)
	}
	return items, 0, 0, nil
}

// hostileSize is the smaller of the two sizes the tests read each shape
// at; the larger is four times it.
const hostileSize = 64 << 10

func TestHostileLinear(t *testing.T) {
	for _, s := range hostileShapes {
		t.Run(s.name, func(t *testing.T) {
			var works, allocs [2]float64
			for i, n := range []int{hostileSize, 4 * hostileSize} {
				doc := s.doc(n)
				items, work, scanned, err := hostileRead(doc, s.maxDepth)
				s.check(t, n, items, err)
				// Each byte is looked at a few times at most: by the
				// scanner, when its chunk is moved in the buffer, and in
				// the decoder's own steps (a few dozen for an end tag
				// that closes nothing). Scanning a token again with each
				// chunk would take about a hundred times as much here.
				assert.LessOrEqual(t, work, 16*scanned, "work for %d bytes", scanned)
				works[i] = float64(work)
				allocs[i] = testing.AllocsPerRun(1, func() { hostileRead(doc, s.maxDepth) })
			}
			t.Logf("work %v, allocations %v", works, allocs)
			assert.LessOrEqual(t, works[1], 4.5*works[0], "work grows linearly")
			assert.LessOrEqual(t, allocs[1], 4.5*allocs[0]+100, "allocations grow linearly")
		})
	}
}

func BenchmarkHostile(b *testing.B) {
	for _, s := range hostileShapes {
		for _, scale := range []int{1, 4} {
			doc := s.doc(scale * hostileSize)
			b.Run(fmt.Sprintf("%s/%dx", s.name, scale), func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(doc)))
				for b.Loop() {
					hostileRead(doc, s.maxDepth)
				}
			})
		}
	}
}

// TestHostileDeep reads a million open elements with MaxDepth < 0: the
// decoder stops at its own bound, with ErrTooDeep, in both modes, rather
// than overflowing the stack.
func TestHostileDeep(t *testing.T) {
	doc := []byte(hostileHead + strings.Repeat("<a>", 1_000_000))
	for _, strict := range []bool{false, true} {
		for _, maxDepth := range []int{-1, 1 << 30} {
			d := NewDecoder(bytes.NewReader(doc))
			d.Strict, d.MaxDepth = strict, maxDepth
			_, err := d.Channel()
			require.NoError(t, err)
			n := 0
			for _, err = range d.Items() {
				if err != nil {
					break
				}
				n++
			}
			require.ErrorIs(t, err, ErrTooDeep, "strict %v", strict)
			assert.Contains(t, err.Error(), fmt.Sprintf("deeper than %d", maxNesting))
			assert.Equal(t, 1, n, "the item before")
		}
	}
	// Up to the bound, nested extensions are read whole.
	doc = hostileDoc("<x>" + nested(maxNesting-4) + "</x>")
	items, _, _, err := hostileRead(doc, -1)
	require.NoError(t, err)
	assert.Equal(t, maxNesting-3, depth(items[1].Extensions[0]))
}

// TestHostileUnclosedToken checks that a token that never ends is bounded
// by MaxElementSize: the decoder stops reading soon after the bound with
// ErrTooLarge, and its buffer is no larger than the token read so far.
func TestHostileUnclosedToken(t *testing.T) {
	for _, opening := range []string{`<x a="`, `<x a`, `<x `, `</x`, `<?pi `, `<title>&#0`} {
		t.Run(opening, func(t *testing.T) {
			const limit = 256 << 10
			fill := "0"
			if opening == `<x ` {
				fill = `<b`
			}
			src := &countingSource{r: io.MultiReader(strings.NewReader(hostileHead+opening),
				&repeatSource{chunk: []byte(strings.Repeat(fill, 1024)), left: 64 << 20})}
			d := NewDecoder(src)
			d.MaxElementSize = limit
			_, err := d.Channel()
			require.NoError(t, err)
			tok := d.tok
			_, err = d.Next()
			require.NoError(t, err, "the first item")
			_, err = d.Next()
			require.ErrorIs(t, err, ErrTooLarge)
			assert.Less(t, src.n, 2*limit, "bytes read from the source")
			assert.Less(t, tok.Stats().Buffer, 2*limit+2*xmlscan.MaxChunk, "the scanner's buffer")
		})
	}
}

// countingSource counts the bytes read through it.
type countingSource struct {
	r io.Reader
	n int
}

func (c *countingSource) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

// repeatSource yields chunk over and over, left bytes in all.
type repeatSource struct {
	chunk []byte
	left  int
}

func (r *repeatSource) Read(p []byte) (int, error) {
	if r.left <= 0 {
		return 0, io.EOF
	}
	n := copy(p[:min(len(p), r.left)], r.chunk)
	r.left -= n
	return n, nil
}

// longNamesFeed generates, without storing it, a feed of n items, each
// with an element whose name, and whose namespace URI, are long and differ
// from item to item.
type longNamesFeed struct {
	n, size, i int
	buf        []byte
}

func (f *longNamesFeed) Read(p []byte) (int, error) {
	for len(f.buf) == 0 {
		switch {
		case f.i == 0:
			f.buf = []byte(`<rss version="2.0"><channel><title>Long names</title>`)
		case f.i <= f.n:
			name := fmt.Sprintf("%s%d", strings.Repeat("n", f.size), f.i)
			uri := fmt.Sprintf("http://example.org/%s/%d", strings.Repeat("u", f.size), f.i)
			f.buf = fmt.Appendf(nil, `<item><title>%d</title><p:%s xmlns:p="%s" %s="v">text</p:%s></item>`,
				f.i, name, uri, name, name)
		case f.i == f.n+1:
			f.buf = []byte(`</channel></rss>`)
		default:
			return 0, io.EOF
		}
		f.i++
	}
	n := copy(p, f.buf)
	f.buf = f.buf[n:]
	return n, nil
}

// TestHostileLongNamesBoundedMemory streams items whose element names and
// namespace URIs are long and all different: what the decoder keeps for
// the whole document (interned names, the namespace cache, its stacks)
// holds none of them once their items are gone.
func TestHostileLongNamesBoundedMemory(t *testing.T) {
	for _, strict := range []bool{false, true} {
		const items, size = 96, 256 << 10
		runtime.GC()
		var before runtime.MemStats
		runtime.ReadMemStats(&before)

		d := NewDecoder(&longNamesFeed{n: items, size: size})
		d.Strict = strict
		_, err := d.Channel()
		require.NoError(t, err)
		for i := 1; i < items; i++ { // all but the last: the decoder is still reading
			it, err := d.Next()
			require.NoError(t, err)
			require.Len(t, it.Extensions, 1)
			require.Len(t, it.Extensions[0].Name.Local, size+len(fmt.Sprint(i)))
		}

		// What the tables hold, counted.
		held := 0
		for k := range d.ns.cache {
			held += len(k)
		}
		st := d.tok.Stats()
		held += st.NamesInterned + st.NamesHeld
		assert.LessOrEqual(t, st.Interned, xmlscan.MaxInterned)
		assert.LessOrEqual(t, len(d.ns.cache), maxNSCache)
		assert.Less(t, held, 4<<10, "bytes of names and URIs the decoder keeps (strict %v)", strict)

		// And the live heap: the decoder with its buffers, which hold at
		// most the last item.
		runtime.GC()
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		live := int64(after.HeapAlloc) - int64(before.HeapAlloc)
		t.Logf("strict %v: %d MiB read, %d KiB live", strict, items*3*size>>20, live>>10)
		assert.Less(t, live, int64(16*size), "live heap while streaming (strict %v)", strict)
		runtime.KeepAlive(d)
	}
}
