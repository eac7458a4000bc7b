package rss

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// The hostile shapes of entities and DOCTYPEs. Each builds a document at a
// scale; scale 4 makes an input about four times as long as scale 1, so
// that the benchmarks (and TestHostileEntitiesLinear, which counts the work
// instead of timing it) show how the cost grows:
//
//	go test -run '^$' -bench HostileEntities -benchmem
var hostileEntityShapes = []struct {
	name string
	doc  func(scale int) []byte
}{
	// Entities that expand to nothing, nested wide and deep: expanded up
	// front without a memo, 160 wide and 12 deep is 160^12 expansions.
	{"entities-wide", func(scale int) []byte { return wideEntities(40*scale, 12) }},
	// One entity of 1 KiB referenced many times.
	{"entity-big", func(scale int) []byte { return bigEntity(1<<10, 1000*scale) }},
	// Many entities declared, each through the one before, and never used.
	{"entities-unused", func(scale int) []byte { return unusedEntities(500 * scale) }},
	// A long DOCTYPE, over many chunks.
	{"doctype-long", func(scale int) []byte { return longDoctype(2000 * scale) }},
	// A DOCTYPE whose comments, processing instructions and literals hold
	// quotes, '>' and ']'.
	{"doctype-tricky", func(scale int) []byte { return trickyDoctype(500 * scale) }},
}

// hostileFeed wraps a DOCTYPE's internal subset and the channel's content
// into a feed.
func hostileFeed(subset, channel string) []byte {
	return []byte("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n" + subset + "]>\n<rss version=\"2.0\"><channel><title>T</title>" +
		channel + "<item><title>last</title></item></channel></rss>\n")
}

// wideEntities declares e0 as empty and each next entity as width
// references to the one before, depth times, and uses the last.
func wideEntities(width, depth int) []byte {
	var b strings.Builder
	b.WriteString("<!ENTITY e0 \"\">\n")
	for k := 1; k <= depth; k++ {
		fmt.Fprintf(&b, "<!ENTITY e%d \"%s\">\n", k, strings.Repeat(fmt.Sprintf("&e%d;", k-1), width))
	}
	return hostileFeed(b.String(), fmt.Sprintf("<description>&e%d;</description>", depth))
}

// bigEntity declares an entity of size bytes and references it refs times,
// a hundred to an item.
func bigEntity(size, refs int) []byte {
	var b strings.Builder
	for i := 0; i < refs; i += 100 {
		b.WriteString("<item><title>" + strings.Repeat("&big;", min(100, refs-i)) + "</title></item>")
	}
	return hostileFeed("<!ENTITY big \""+strings.Repeat("x", size)+"\">\n", b.String())
}

// unusedEntities declares n entities, each twice the one before, and uses
// none.
func unusedEntities(n int) []byte {
	var b strings.Builder
	b.WriteString("<!ENTITY u0 \"zero\">\n")
	for k := 1; k < n; k++ {
		fmt.Fprintf(&b, "<!ENTITY u%d \"&u%d;&u%d;\">\n", k, k-1, k-1)
	}
	return hostileFeed(b.String(), "")
}

// longDoctype declares n elements and their attributes.
func longDoctype(n int) []byte {
	var b strings.Builder
	for k := range n {
		fmt.Fprintf(&b, "<!ELEMENT e%d (#PCDATA)>\n<!ATTLIST e%d a CDATA #IMPLIED>\n", k, k)
	}
	return hostileFeed(b.String(), "")
}

// trickyDoctype declares n entities between comments and processing
// instructions, with quotes, '>' and ']' wherever the grammar lets them
// stand, and uses the first.
func trickyDoctype(n int) []byte {
	var b strings.Builder
	for k := range n {
		fmt.Fprintf(&b, "<!-- it's > ] %d --><?pi \"a\" > ] b?><!ENTITY t%d 'say \"hi\" > ] there'>\n", k, k)
	}
	return hostileFeed(b.String(), "<description>&t0;</description>")
}

// BenchmarkHostileEntities reads each hostile shape at two scales (the
// input of 4x is about four times that of 1x), in both modes: the time per
// operation should grow about four times too.
func BenchmarkHostileEntities(b *testing.B) {
	for _, mode := range []string{"lenient", "strict"} {
		for _, shape := range hostileEntityShapes {
			for _, scale := range []int{1, 4} {
				doc := shape.doc(scale)
				b.Run(fmt.Sprintf("%s/%s/%dx", mode, shape.name, scale), func(b *testing.B) {
					b.ReportAllocs()
					b.SetBytes(int64(len(doc)))
					for b.Loop() {
						decodeCounting(b, doc, mode == "strict", false)
					}
				})
			}
		}
	}
}

// work is what reading a document cost, counted.
type work struct {
	refs     int   // entity references expanded
	produced int   // bytes of text entities produced
	scanned  int64 // bytes the declaration scanners read, in the filter and the scanner
	looked   int64 // bytes of declarations the filter looked at for repairs
}

// decodeCounting reads a whole document with a Decoder (byte by byte from
// its source when bytewise), checks that it reads without error, and counts
// the work done.
func decodeCounting(tb testing.TB, doc []byte, strict, bytewise bool) work {
	tb.Helper()
	var src io.Reader = bytes.NewReader(doc)
	if bytewise {
		src = iotest.OneByteReader(src) // the worst case for a token that spans chunks
	}
	d := NewDecoder(src)
	d.Strict = strict
	if _, err := d.Channel(); err != nil {
		tb.Fatal(err)
	}
	tok := d.tok // Next lets go of it at the end
	for _, err := range d.Items() {
		if err != nil {
			tb.Fatal(err)
		}
	}
	st := tok.Stats()
	return work{refs: st.EntityRefs, produced: st.EntityBytes, scanned: st.DeclScanned, looked: st.DeclLooked}
}
