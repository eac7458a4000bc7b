package rss_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/feedkit/rss"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// strictParse reads a file with a Strict decoder.
func strictParse(t testing.TB, path string) (*rss.Feed, error) {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	return stream(bytes.NewReader(data), true)
}

// TestRepairs reads each repair's fixture in both modes: the lenient
// decoder repairs it and reads the title as meant; the strict one reports
// it at its line and column instead.
func TestRepairs(t *testing.T) {
	for _, tt := range []struct {
		file, title string
		itemTitle   string // the item's title, when it says more than "Only item"
		line, col   int    // where Strict reports the fault; 0 when it does not
		strictMsg   string
	}{
		{file: "repair_bom_whitespace.xml", title: "BOM and space", line: 1, col: 1, strictMsg: "white space before the XML declaration"},
		{file: "repair_bom.xml", title: "Just a BOM"},
		{file: "encoding_windows1251.xml", title: "Новости", itemTitle: "Привет, мир"},
		{file: "encoding_shift_jis.xml", title: "ニュース", itemTitle: "こんにちは"},
		{file: "encoding_unknown_label.xml", title: "Unknown label", line: 1, col: 1, strictMsg: `unsupported encoding "x-no-such-charset"`},
		{file: "utf16le_bom.xml", title: "Wide ✓ 𝄞", itemTitle: "Ünïcödé"},
		{file: "utf16be_nobom.xml", title: "Wide ✓ 𝄞", itemTitle: "Ünïcödé"},
		{file: "utf32le_bom.xml", title: "Wide ✓ 𝄞", itemTitle: "Ünïcödé"},
		{file: "utf32be_nobom.xml", title: "Wide ✓ 𝄞", itemTitle: "Ünïcödé"},
		{file: "rss091.xml", title: "Café News", itemTitle: "Crème brûlée"},
		{file: "repair_invalid_utf8.xml", title: "Café ’ok’ and it’s", line: 5, col: 15, strictMsg: "invalid UTF-8 (byte 0xe9)"},
		{file: "repair_c1_controls.xml", title: "It’s “quoted”"}, // XML allows them: both modes map them
		{file: "repair_control_chars.xml", title: "Bell verticaltab unitsep", line: 5, col: 16, strictMsg: "control character U+0001"},
		{file: "repair_bare_amp_lt.xml", title: "Fish & Chips < 5 pounds", itemTitle: "AT&T", line: 5, col: 18, strictMsg: "invalid character entity &"},
		{file: "repair_html_entities.xml", title: "Café\u00a0it’s…", line: 5, col: 23, strictMsg: "invalid character entity &eacute;"},
		{file: "dtd_entities.xml", title: "Example & Sons"},
		{file: "dtd_external.xml", title: "Example", line: 10, col: 24, strictMsg: "entity &secret; is an external entity, which is never read"},
		{file: "dtd_rss091_entities.xml", title: "Café & Crème\u00a0ÿ"},
		{file: "dtd_attribute.xml", title: "Attributes"},
		{file: "dtd_tricky.xml", title: "a > b ] c 'd'"},
		{file: "case.xml", title: "Case", itemTitle: "Shouting"}, // well-formed: strict mode reads names in any case too
		{file: "rss10.xml", title: "RDF Site", itemTitle: "A"},
	} {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", tt.file)
			feed, err := parseFile(t, path)
			require.NoError(t, err)
			assert.Equal(t, tt.title, feed.Title)
			require.NotEmpty(t, feed.Items)
			want := tt.itemTitle
			if want == "" {
				want = "Only item"
			}
			assert.Equal(t, want, feed.Items[0].Title)

			_, err = strictParse(t, path)
			if tt.line == 0 {
				assert.NoError(t, err, "well-formed: no error in Strict mode")
				return
			}
			var pe *rss.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, [2]int{tt.line, tt.col}, [2]int{pe.Line, pe.Column}, "position of %v", err)
			assert.Contains(t, err.Error(), tt.strictMsg)
		})
	}
}

func TestRepairDetails(t *testing.T) {
	feed, err := parseFile(t, "testdata/repair_bare_amp_lt.xml")
	require.NoError(t, err)
	assert.Equal(t, "a < b && c", feed.Items[0].Description, "CDATA is not repaired")

	feed, err = parseFile(t, "testdata/dtd_entities.xml")
	require.NoError(t, err)
	assert.Equal(t, "© Example & Sons", feed.Copyright, "an entity through another, and a character reference")
}

// TestEntitiesBothModes checks that the lenient decoder (whose scanner
// expands entities) and strict mode (whose input filter expands them for
// encoding/xml) read the same feed from documents with a DOCTYPE: in
// attribute values too, where an entity's quote must not end the value.
func TestEntitiesBothModes(t *testing.T) {
	for _, file := range []string{"dtd_entities.xml", "dtd_attribute.xml", "dtd_tricky.xml", "dtd_rss091_entities.xml", "rss091.xml"} {
		data, err := os.ReadFile(filepath.Join("testdata", file))
		require.NoError(t, err)
		lenient, err := stream(bytes.NewReader(data), false)
		require.NoError(t, err, file)
		strict, err := stream(bytes.NewReader(data), true)
		require.NoError(t, err, file)
		assert.Equal(t, lenient, strict, file)
	}
	feed, err := parseFile(t, "testdata/dtd_attribute.xml")
	require.NoError(t, err)
	require.NotNil(t, feed.Items[0].Source)
	assert.Equal(t, `http://example.com/" rel="evil`, feed.Items[0].Source.URL)
}

// TestEntityBomb reads an entity bomb: what is within the document's
// budget is expanded, and the reference past it is an error, in both modes,
// after the items before it.
func TestEntityBomb(t *testing.T) {
	for _, strict := range []bool{false, true} {
		data, err := os.ReadFile("testdata/dtd_bomb.xml")
		require.NoError(t, err)
		feed, err := stream(bytes.NewReader(data), strict)
		assert.Equal(t, "Bomb "+strings.Repeat("a", 16*64), feed.Title, "an entity within the bound is expanded")
		require.ErrorIs(t, err, rss.ErrTooLarge)
		var pe *rss.ParseError
		require.ErrorAs(t, err, &pe)
		assert.Equal(t, 15, pe.Line, "the line of the reference")
		assert.Contains(t, err.Error(), "entity expansion past its bound")
		require.Len(t, feed.Items, 1, "the item before")
		assert.Equal(t, "Only item", feed.Items[0].Title)
	}

	// A billion laughs in a feed of a few kilobytes: past the budget on the
	// first use, long before it would take the memory.
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">`)
	for i := 1; i <= 9; i++ {
		b.WriteString(`<!ENTITY l` + string(rune('0'+i)) + ` "` + strings.Repeat("&l"+string(rune('0'+i-1))+";", 10) + `">`)
	}
	b.WriteString(`]><rss><channel><title>&l3;</title><item><title>ok</title></item><item><title>&l9;</title></item></channel></rss>`)
	for _, strict := range []bool{false, true} {
		feed, err := stream(strings.NewReader(b.String()), strict)
		assert.Equal(t, strings.Repeat("lol", 1000), feed.Title, "l3 is within the budget")
		assert.ErrorIs(t, err, rss.ErrTooLarge)
		assert.Len(t, feed.Items, 1)
	}
}

// TestCorpusStrict checks that Strict reports an error for exactly the
// corpus feeds that a strict XML parser (expat) rejects, as SOURCES.tsv
// records, and that the lenient decoder reads the same items as without it.
func TestCorpusStrict(t *testing.T) {
	rss.NeedShared(t, "corpus")
	tsv, err := os.ReadFile(filepath.Join(shared, "corpus", "SOURCES.tsv"))
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(string(tsv)), "\n")
	quirks := 0
	for i, h := range strings.Split(lines[0], "\t") {
		if h == "quirks" {
			quirks = i
		}
	}
	for _, line := range lines[1:] {
		fields := strings.Split(line, "\t")
		name := fields[0]
		_, err := strictParse(t, filepath.Join(shared, "corpus", name))
		if strings.Contains(fields[quirks], "strict-xml-error") {
			assert.Error(t, err, name)
		} else {
			assert.NoError(t, err, name)
		}
	}
}

// TestNestingBound checks MaxDepth.
func TestNestingBound(t *testing.T) {
	doc := `<rss><channel><item><title>ok</title></item><item><x>` + strings.Repeat("<a>", 1000) + strings.Repeat("</a>", 1000) + `</x></item></channel></rss>`
	feed, err := rss.Parse(strings.NewReader(doc))
	require.ErrorIs(t, err, rss.ErrTooDeep)
	require.Len(t, feed.Items, 1, "the item before")

	d := rss.NewDecoder(strings.NewReader(doc))
	d.MaxDepth = 2000
	_, err = d.Channel()
	require.NoError(t, err)
	n := 0
	for _, err := range d.Items() {
		require.NoError(t, err)
		n++
	}
	assert.Equal(t, 2, n, "a raised bound reads it")
}

// repeatReader yields chunk over and over, left bytes in all, and samples
// the heap every 8 MiB it yields.
type repeatReader struct {
	chunk    []byte
	left     int64
	sinceLog int64
	peakHeap uint64
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.left <= 0 {
		return 0, io.EOF
	}
	n := 0
	for n < len(p) && r.left > 0 {
		m := copy(p[n:], r.chunk[:min(int64(len(r.chunk)), r.left)])
		n += m
		r.left -= int64(m)
	}
	if r.sinceLog += int64(n); r.sinceLog >= 8<<20 {
		r.sinceLog = 0
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		r.peakHeap = max(r.peakHeap, ms.HeapAlloc)
	}
	return n, nil
}

// hugeFeed generates, without storing it, a feed with two items, then an
// item whose description is body, then one more item.
func hugeFeed(body *repeatReader) io.Reader {
	return io.MultiReader(
		strings.NewReader(`<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title>`+
			`<item><title>One</title></item><item><title>Two</title></item><item><title>Huge</title><description>`),
		body,
		strings.NewReader(`</description></item><item><title>After</title></item></channel></rss>`),
	)
}

// TestHugeElementBoundedMemory streams a feed with one 300 MB element and
// checks that the decoder gives the items before it, then ErrTooLarge,
// without the element ever being held in memory.
func TestHugeElementBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 300 MB")
	}
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)

	body := &repeatReader{chunk: []byte(strings.Repeat("all work and no play ", 1000)), left: 300 << 20}
	d := rss.NewDecoder(hugeFeed(body))
	_, err := d.Channel()
	require.NoError(t, err)
	var titles []string
	for it, err := range d.Items() {
		if err != nil {
			require.ErrorIs(t, err, rss.ErrTooLarge)
			var pe *rss.ParseError
			require.True(t, errors.As(err, &pe))
			break
		}
		titles = append(titles, it.Title)
	}
	assert.Equal(t, []string{"One", "Two"}, titles)

	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	allocated := after.TotalAlloc - before.TotalAlloc
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(d)
	t.Logf("read %d MiB of the element; allocated %d MiB in all, heap peak sampled %d MiB, %d MiB live afterwards",
		(300<<20-body.left)>>20, allocated>>20, body.peakHeap>>20, after.HeapAlloc>>20)
	assert.Greater(t, body.left, int64(200<<20), "stopped reading soon after the bound")
	// The decoder holds at most about MaxElementSize (16 MiB) of the
	// element's text, in a buffer that grows by doubling, before it gives
	// up. (The race detector about doubles what is allocated.)
	assert.Less(t, allocated, uint64(256<<20), "bytes allocated while reading")
	assert.Less(t, body.peakHeap, uint64(96<<20), "heap while reading")
	assert.Less(t, after.HeapAlloc, uint64(8<<20), "the decoder let go of its buffers after the error")
}

// FuzzDecoder feeds the decoder truncations and byte flips of the fixtures,
// both lenient and strict (with a BaseURL and ResolveHTML when the flip is
// odd): no panic, every error a *ParseError, and the
// items the lenient decoder returns before an error are the ones it
// returns, complete, from the same prefix of a longer input.
func FuzzDecoder(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.xml")
	for i, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, uint16(len(data)*2/3), uint16(i*7), byte(i), false)
		f.Add(data, uint16(len(data)), uint16(len(data)/2), byte('<'), true)
	}
	f.Fuzz(func(t *testing.T, data []byte, cut, flipAt uint16, flip byte, strict bool) {
		if len(data) == 0 {
			return
		}
		mutated := bytes.Clone(data)
		mutated[int(flipAt)%len(mutated)] ^= flip
		mutated = mutated[:min(int(cut), len(mutated))]
		for _, input := range [][]byte{mutated, data[:min(int(cut), len(data))]} {
			d := rss.NewDecoder(bytes.NewReader(input))
			d.Strict = strict
			if flip&1 == 1 {
				d.BaseURL, d.ResolveHTML = "https://example.org/a/feed.xml", true
			}
			feed, err := d.Channel()
			if feed == nil {
				t.Fatal("Channel returned a nil feed")
			}
			for it, ierr := range d.Items() {
				if ierr != nil {
					err = ierr
					break
				}
				if it == nil {
					t.Fatal("a nil item without an error")
				}
			}
			if err != nil {
				var pe *rss.ParseError
				if !errors.As(err, &pe) || pe.Line < 1 || pe.Column < 1 {
					t.Fatalf("error %v (%T) is not a positioned *ParseError", err, err)
				}
			}
		}
	})
}

// TestChunkBoundaries moves CDATA sections, comments, tags, entities and
// multi-byte characters across the input filter's chunk boundaries (it
// reads 1 KiB, then 4 KiB doubling to 32 KiB): the text must come out the
// same wherever they fall.
func TestChunkBoundaries(t *testing.T) {
	const piece = "é<![CDATA[a<b ]]>&amp;<!-- c -->\u00a0x"
	const text = "éa<b &\u00a0x"
	for _, base := range []int{900, 4000, 8100, 32700, 36800} {
		for n := base; n < base+40; n++ {
			pad := strings.Repeat("p", n)
			doc := `<rss><channel><title>` + pad + strings.Repeat(piece, 3) + `</title><description><![CDATA[` +
				strings.Repeat("y", n%16) + `]]></description></channel></rss>`
			feed, err := rss.Parse(strings.NewReader(doc))
			require.NoError(t, err, n)
			require.Equal(t, pad+strings.Repeat(text, 3), feed.Title, n)
			require.Equal(t, strings.Repeat("y", n%16), feed.Description, n)
		}
	}
	// A long CDATA section ending at each position around the first
	// boundaries (1 KiB, then 1 + 4 KiB), at each alignment.
	for _, base := range []int{900, 4990} {
		for pad := range 140 {
			for m := 64; m < 72; m++ {
				cdata := strings.Repeat("y", m)
				doc := `<rss><channel><title>` + strings.Repeat("p", base+pad) + `</title><description><![CDATA[` +
					cdata + `]]></description></channel></rss>`
				feed, err := rss.Parse(strings.NewReader(doc))
				require.NoError(t, err)
				require.Equal(t, cdata, feed.Description)
			}
		}
	}
}

// TestStrictAfterRoot checks that strict mode reports what stands after
// the root element where XML allows only comments, processing instructions
// and white space, and that the default mode never reads that far.
func TestStrictAfterRoot(t *testing.T) {
	const feed = `<rss version="2.0"><channel><title>T</title><item><title>i</title></item></channel></rss>`
	for _, tt := range []struct{ tail, err string }{
		{"\n<!-- done -->\n<?pi x?>\n", ""},
		{"xyz", "text after the root element"},
		{"<rss/>", "element <rss> after the root element"},
		{"</rss>", "XML syntax error"},
	} {
		strict, err := stream(strings.NewReader(feed+tt.tail), true)
		if tt.err == "" {
			assert.NoError(t, err, "%q", tt.tail)
		} else {
			var pe *rss.ParseError
			require.ErrorAs(t, err, &pe, "%q", tt.tail)
			assert.Contains(t, err.Error(), tt.err, "%q", tt.tail)
		}
		require.Len(t, strict.Items, 1, "%q: the item before it is read", tt.tail)
		lenient, err := stream(strings.NewReader(feed+tt.tail), false)
		require.NoError(t, err, "%q", tt.tail)
		assert.Len(t, lenient.Items, 1)
	}
}
