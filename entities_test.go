package rss

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf16"

	"github.com/feedkit/rss/internal/xmlscan"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHostileEntitiesLinear counts the work each hostile shape costs at two
// scales, in both modes (and lenient mode fed one byte at a time), and
// checks that it grows no faster than the input: four times the input may
// cost at most five times the work, by every count.
func TestHostileEntitiesLinear(t *testing.T) {
	for _, shape := range hostileEntityShapes {
		for _, mode := range []struct {
			name             string
			strict, bytewise bool
		}{{"lenient", false, false}, {"strict", true, false}, {"bytewise", false, true}} {
			t.Run(shape.name+"/"+mode.name, func(t *testing.T) {
				small, large := shape.doc(1), shape.doc(4)
				ratio := float64(len(large)) / float64(len(small))
				require.InDelta(t, 4, ratio, 0.7, "the scales are about 4x apart")
				w1 := decodeCounting(t, small, mode.strict, mode.bytewise)
				w4 := decodeCounting(t, large, mode.strict, mode.bytewise)
				t.Logf("input %d → %d bytes; work %+v → %+v", len(small), len(large), w1, w4)
				linear := func(what string, c1, c4 int64) {
					assert.LessOrEqual(t, float64(c4), 1.25*ratio*float64(max(c1, 1)), "%s: %d → %d", what, c1, c4)
				}
				linear("references expanded", int64(w1.refs), int64(w4.refs))
				linear("bytes produced", int64(w1.produced), int64(w4.produced))
				linear("bytes of declarations scanned", w1.scanned, w4.scanned)
				linear("bytes of declarations looked at", w1.looked, w4.looked)
				// And each byte of a declaration is scanned once by each
				// of its readers: the filter, and in lenient mode the
				// scanner.
				readers := int64(2)
				if mode.strict {
					readers = 1
				}
				assert.LessOrEqual(t, w4.scanned, readers*int64(len(large)))
				assert.LessOrEqual(t, w4.looked, 2*int64(len(large)))
			})
		}
	}
	// What the shapes expand to is read right.
	feed, err := Parse(bytes.NewReader(wideEntities(40, 15)))
	require.NoError(t, err)
	assert.Equal(t, "", feed.Description)
	feed, err = Parse(bytes.NewReader(bigEntity(1<<10, 200)))
	require.NoError(t, err)
	require.Len(t, feed.Items, 3)
	assert.Equal(t, strings.Repeat("x", 100<<10), feed.Items[0].Title)
	for _, strict := range []bool{false, true} {
		d := NewDecoder(bytes.NewReader(trickyDoctype(3)))
		d.Strict = strict
		f, err := d.Channel()
		require.NoError(t, err)
		assert.Equal(t, `say "hi" > ] there`, f.Description)
	}
	w := decodeCounting(t, unusedEntities(2000), false, false)
	assert.Zero(t, w.refs+w.produced, "declaring entities and never using them expands nothing")
}

// TestEntityBudgetInDocument goes past the references budget in a document,
// in both modes: the items before come back, then the error, at the
// reference.
func TestEntityBudgetInDocument(t *testing.T) {
	var b strings.Builder
	b.WriteString("<item><title>first</title></item>\n")
	for range xmlscan.MaxEntityRefs / 1000 {
		b.WriteString("<item><title>" + strings.Repeat("&e;", 1000) + "</title></item>\n")
	}
	b.WriteString("<item><title>one too many: &e;</title></item>\n")
	doc := hostileFeed(`<!ENTITY e "">`, b.String())
	for _, strict := range []bool{false, true} {
		d := NewDecoder(bytes.NewReader(doc))
		d.Strict = strict
		_, err := d.Channel()
		require.NoError(t, err)
		n := 0
		for _, err = range d.Items() {
			if err != nil {
				break
			}
			n++
		}
		require.ErrorIs(t, err, ErrTooLarge, "strict=%v", strict)
		var pe *ParseError
		require.ErrorAs(t, err, &pe)
		assert.Equal(t, 1+xmlscan.MaxEntityRefs/1000, n, "strict=%v: the items before", strict)
		assert.Equal(t, 4+xmlscan.MaxEntityRefs/1000+1, pe.Line, "strict=%v: %v", strict, err)
	}
}

// TestDoctypeAnywhere finds the DOCTYPE wherever it stands in the prolog,
// in any encoding, and only there.
func TestDoctypeAnywhere(t *testing.T) {
	body := `<rss version="2.0"><channel><title>&e;</title><item><title>i</title></item></channel></rss>`
	subset := `<!DOCTYPE rss [<!ENTITY e "Entity">]>`
	utf16le := func(s string) []byte {
		b := []byte{0xff, 0xfe}
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u), byte(u>>8))
		}
		return b
	}
	utf32be := func(s string) []byte {
		var b []byte
		for _, r := range s {
			b = append(b, byte(r>>24), byte(r>>16), byte(r>>8), byte(r))
		}
		return b
	}
	comment := "<!-- " + strings.Repeat("a long comment ", 10000) + "-->"
	for _, tt := range []struct {
		name string
		doc  []byte
	}{
		{"after 150 KB of comment", []byte(`<?xml version="1.0"?>` + comment + subset + body)},
		{"after a processing instruction", []byte(`<?xml version="1.0"?><?xml-stylesheet href="a.xsl"?>` + subset + body)},
		{"UTF-16LE", utf16le(`<?xml version="1.0" encoding="UTF-16"?>` + subset + body)},
		{"UTF-32BE", utf32be(`<?xml version="1.0"?>` + subset + body)},
	} {
		for _, strict := range []bool{false, true} {
			d := NewDecoder(bytes.NewReader(tt.doc))
			d.Strict = strict
			f, err := d.Channel()
			require.NoError(t, err, "%s strict=%v", tt.name, strict)
			assert.Equal(t, "Entity", f.Title, "%s strict=%v", tt.name, strict)
		}
	}
	// Not after the root has started, nor a second one.
	for _, doc := range []string{
		`<rss version="2.0">` + subset + `<channel><title>&e;</title></channel></rss>`,
		`<!DOCTYPE rss [<!ENTITY f "F">]>` + subset + body,
	} {
		f, err := Parse(strings.NewReader(doc))
		require.NoError(t, err)
		assert.Equal(t, "&e;", f.Title, "left as written: %s", doc)
	}
}

// TestDoctypeBound reads a DOCTYPE longer than xmlscan.MaxDoctypeSize: strict mode
// refuses it; the lenient decoder reads the entities declared before the
// bound and skips the rest.
func TestDoctypeBound(t *testing.T) {
	subset := `<!ENTITY before "B">` + "<!-- " + strings.Repeat("x", xmlscan.MaxDoctypeSize) + " -->" + `<!ENTITY after "A">`
	doc := hostileFeed(subset, "<description>&before;&after;</description>")
	f, err := Parse(bytes.NewReader(doc))
	require.NoError(t, err)
	assert.Equal(t, "B&after;", f.Description)
	require.Len(t, f.Items, 1)

	d := NewDecoder(bytes.NewReader(doc))
	d.Strict = true
	_, err = d.Channel()
	require.ErrorIs(t, err, ErrTooLarge)
	assert.Contains(t, err.Error(), "a DOCTYPE longer than 1048576 bytes")
}

// TestElementSizeCountsInput checks that MaxElementSize counts the bytes of
// the input, not what entities and repairs make of them.
func TestElementSizeCountsInput(t *testing.T) {
	doc := hostileFeed(`<!ENTITY k "`+strings.Repeat("k", 1<<10)+`">`,
		"<item><title>"+strings.Repeat("&k;", 100)+"</title></item>")
	for _, strict := range []bool{false, true} {
		d := NewDecoder(bytes.NewReader(doc))
		d.Strict, d.MaxElementSize = strict, 4<<10
		_, err := d.Channel()
		require.NoError(t, err)
		var titles []string
		for it, err := range d.Items() {
			require.NoError(t, err, "strict=%v: 300 bytes of input for 100 KiB of text", strict)
			titles = append(titles, it.Title)
		}
		assert.Len(t, titles[0], 100<<10)
	}

	// Bare '<' are repaired to "&lt;", four times as long. (The bound is
	// checked as the filter hands out a chunk, up to 32 KiB of input.)
	item := func(n int) string { return "<item><title>" + strings.Repeat("< ", n) + "</title></item>" }
	d := NewDecoder(strings.NewReader("<rss><channel>" + item(30000) + item(50000) + "</channel></rss>"))
	d.MaxElementSize = 64 << 10
	_, err := d.Channel()
	require.NoError(t, err)
	it, err := d.Next()
	require.NoError(t, err, "60 KB of input, 150 KB repaired")
	assert.Len(t, it.Title, 2*30000-1)
	_, err = d.Next()
	assert.ErrorIs(t, err, ErrTooLarge, "100 KB of input")
}

// TestEntityStrictPositions checks that, in strict mode, an expansion
// spliced into the input keeps the lines of the rest right, and that an
// entity that cannot be expanded is reported where it is used.
func TestEntityStrictPositions(t *testing.T) {
	doc := hostileFeed(`<!ENTITY nl "a&#10;b&#13;c">`+"\n"+`<!ENTITY loop "&loop;">`,
		"<description>&nl;&nl;\nx &nl;</description>\n<copyright>&loop;</copyright>")
	for _, strict := range []bool{false, true} {
		d := NewDecoder(bytes.NewReader(doc))
		d.Strict = strict
		f, err := d.Channel()
		if !strict {
			require.NoError(t, err)
			assert.Equal(t, "&loop;", f.Copyright, "left as written")
			continue
		}
		assert.Equal(t, "a\nb\rca\nb\rc\nx a\nb\rc", f.Description)
		var pe *ParseError
		require.ErrorAs(t, err, &pe)
		assert.Equal(t, [2]int{7, 12}, [2]int{pe.Line, pe.Column}, "%v", err)
		assert.Contains(t, err.Error(), "entity &loop; refers to itself")
		var re *xmlscan.RepairError
		assert.True(t, errors.As(err, &re))
	}
}

// TestLatin1Entities checks that the RSS 0.91 DTD declares the Latin-1
// entities of HTML 4 (internal/xmlscan checks the table).
func TestLatin1Entities(t *testing.T) {
	// Only with the RSS 0.91 DTD, in strict mode; a declared entity of the
	// same name wins.
	doc := `<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "x"` +
		` [<!ENTITY eacute "E">]><rss version="0.91"><channel><title>&eacute;&egrave;</title></channel></rss>`
	d := NewDecoder(strings.NewReader(doc))
	d.Strict = true
	f, err := d.Channel()
	require.NoError(t, err)
	assert.Equal(t, "Eè", f.Title)

	d = NewDecoder(strings.NewReader(strings.Replace(doc, "0.91//EN", "0.92//EN", 1)))
	d.Strict = true
	_, err = d.Channel()
	assert.ErrorContains(t, err, "invalid character entity &egrave;", "another DTD")
}

// TestDoctypeBreak reads feeds after DOCTYPEs that run on into them by the
// grammar: the lenient decoder ends each where it was meant to end, reads
// the feed after it, whatever the chunks, and strict mode reports it.
func TestDoctypeBreak(t *testing.T) {
	const body = `<rss version="2.0"><channel><title>T</title><item><title>i</title></item></channel></rss>`
	for _, tt := range []struct {
		name, doc, title, description string
	}{
		{"public identifier without its closing quote",
			`<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN "http://my.netscape.com/publish/formats/rss-0.91.dtd">` +
				`<rss version="0.91"><channel><title>T</title><item><title>i</title></item></channel></rss>`, "T", ""},
		{"entity value without its closing quote",
			`<!DOCTYPE rss [<!ENTITY a "x>]>` + body, "T", ""},
		{"the entities declared before the break",
			`<!DOCTYPE rss [<!ENTITY e "E"><!ENTITY a "x>]>` + strings.Replace(body, "T<", "&e;&a;<", 1), "E&a;", ""},
		{"without its ]>",
			`<!DOCTYPE rss [<!ENTITY e "E">` + strings.Replace(body, "T<", "&e;<", 1), "E", ""},
		{"a processing instruction before the root",
			`<!DOCTYPE rss SYSTEM "rss.dtd><?xml-stylesheet href="s.xsl"?>` + body, "T", ""},
		{"the repairs of text after it",
			`<!DOCTYPE rss SYSTEM "rss.dtd><rss version='2.0'><channel><title>a < b</title><description><![CDATA[x < "y"]]></description>` +
				`<item><title>i</title></item></channel></rss>`, "a < b", `x < "y"`},
		{"RSS 1.0",
			`<!DOCTYPE rdf:RDF SYSTEM "x><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">` +
				`<channel rdf:about="c"><title>T</title></channel><item rdf:about="i"><title>i</title></item></rdf:RDF>`, "T", ""},
		{"Atom",
			`<!DOCTYPE feed SYSTEM "x><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>i</title></entry></feed>`, "T", ""},
		// Never broken by the grammar's look, nor ended: it ends where it
		// was meant to when the input ends in it.
		{"to the end of the input",
			`<!DOCTYPE rss SYSTEM 'rss.dtd>` + body, "T", ""},
		{"a comment left open",
			`<!DOCTYPE rss [<!-- x ]>` + body, "T", ""},
		// An entity declared after where it was meant to end, in what is
		// the feed: forgotten.
		{"the entities declared after the break",
			`<!DOCTYPE rss [<!ENTITY e "E"><!-- x ]><rss version="2.0"><channel><title>&e;&j;</title>` +
				`<description>--><!ENTITY j "J"></description><item><title>i</title></item></channel></rss>`, "E&j;", "-->"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc := []byte(tt.doc)
			for _, ch := range chunkings {
				f, err := Parse(ch.r(doc))
				require.NoError(t, err, ch.name)
				assert.Equal(t, tt.title, f.Title, ch.name)
				assert.Equal(t, tt.description, f.Description, ch.name)
				require.Len(t, f.Items, 1, ch.name)
				assert.Equal(t, "i", f.Items[0].Title, ch.name)
			}
			f, err := readStrict(doc)
			var pe *ParseError
			require.ErrorAs(t, err, &pe, "strict mode")
			assert.ErrorIs(t, err, io.ErrUnexpectedEOF, "strict mode reads it to the end")
			assert.Equal(t, [2]int{1, len(doc) + 1}, [2]int{pe.Line, pe.Column}, "strict mode: %v", err)
			assert.Empty(t, f.Items)
		})
	}

	// A well-formed DOCTYPE is read as ever, whatever its literals and
	// comments hold, and alike in both modes.
	for _, doc := range []string{
		`<!DOCTYPE rss [<!ENTITY a "a>]> <rss> x"><!ENTITY b "B">]>` + strings.Replace(body, "T<", "&a;&b;<", 1),
		`<!DOCTYPE rss SYSTEM "a><rss>">` + body,
		`<!DOCTYPE rss [<!-- ]><rss> --><?p ]><rss>?><!ENTITY b "B">]>` + strings.Replace(body, "T<", "&b;<", 1),
	} {
		strict, err := readStrict([]byte(doc))
		require.NoError(t, err, doc)
		for _, ch := range chunkings {
			f, err := Parse(ch.r([]byte(doc)))
			require.NoError(t, err, doc)
			assert.Equal(t, strict, f, "%s: %s", doc, ch.name)
		}
	}
	f, _ := Parse(strings.NewReader(`<!DOCTYPE rss [<!ENTITY a "a>]> <rss> x"><!ENTITY b "B">]>` + strings.Replace(body, "T<", "&a;&b;<", 1)))
	assert.Equal(t, "a>]> <rss> xB", f.Title)
}

// chunkings deliver a document whole, one byte at a time, or three at a
// time.
var chunkings = []struct {
	name string
	r    func([]byte) io.Reader
}{
	{"whole", func(b []byte) io.Reader { return bytes.NewReader(b) }},
	{"one byte at a time", func(b []byte) io.Reader { return iotest.OneByteReader(bytes.NewReader(b)) }},
	{"three bytes at a time", func(b []byte) io.Reader { return &smallReads{data: b, n: 3} }},
}

// readStrict reads a whole feed in strict mode, with Channel and Items.
func readStrict(data []byte) (*Feed, error) { return readBoth(data, true, "") }

// openDoctypeFeed is a feed of about n bytes after a DOCTYPE whose system
// literal is never closed, and which the grammar's look never finds
// broken: it holds no single quote, and its text bare '<', double quotes
// and CDATA sections, for the repairs of text to show.
func openDoctypeFeed(n int) (doc []byte, items int) {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE rss SYSTEM 'rss.dtd>` + "\n" + `<rss version="2.0"><channel><title>T</title>`)
	for ; b.Len() < n; items++ {
		fmt.Fprintf(&b, `<item><title>%d < "%d"</title><description><![CDATA[<p>a < b</p>]]></description></item>`+"\n", items, items)
	}
	b.WriteString("</channel></rss>\n")
	return []byte(b.String()), items
}

// TestDoctypeBreakBound reads a feed after a DOCTYPE that runs on into it
// and that the lenient decoder never finds broken: it ends the DOCTYPE at
// the bound, xmlscan.MaxDoctypeSize bytes in, and reads the feed from there on as
// it comes, rather than keep it all until the input ends (which
// MaxElementSize, here smaller than the feed, would not allow).
func TestDoctypeBreakBound(t *testing.T) {
	doc, n := openDoctypeFeed(3 << 20)
	for _, ch := range []struct {
		name string
		r    io.Reader
	}{
		{"whole", bytes.NewReader(doc)},
		{"4 KiB at a time", &smallReads{data: doc, n: 4 << 10}},
		{"one byte at a time", iotest.OneByteReader(bytes.NewReader(doc))},
	} {
		d := NewDecoder(ch.r)
		d.MaxElementSize = 2 << 20
		d.MaxBuildRatio = -1 // items of 95 bytes build 8 times their size
		f, err := d.Channel()
		require.NoError(t, err, ch.name)
		assert.Equal(t, "T", f.Title, ch.name)
		i := 0
		for it, err := range d.Items() {
			require.NoError(t, err, "%s: item %d", ch.name, i)
			require.Equal(t, fmt.Sprintf(`%d < "%d"`, i, i), it.Title, ch.name)
			require.Equal(t, "<p>a < b</p>", it.Description, ch.name)
			i++
		}
		assert.Equal(t, n, i, ch.name)
	}
	_, err := readStrict(doc)
	assert.ErrorIs(t, err, ErrTooLarge, "strict mode")
}

// TestDoctypeBreakLinear counts the work of reading feeds after DOCTYPEs
// that run on into them, at two sizes four times apart, whole, one byte at
// a time and 512 bytes at a time: it grows no faster than the input.
func TestDoctypeBreakLinear(t *testing.T) {
	const head = `<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN "http://my.netscape.com/publish/formats/rss-0.91.dtd">`
	for _, shape := range []struct {
		name string
		size int
		doc  func(n int) ([]byte, int)
	}{
		{"broken at once", 64 << 10, func(n int) ([]byte, int) {
			doc, items := openDoctypeFeed(n)
			return append([]byte(head), doc[bytes.IndexByte(doc, '\n'):]...), items
		}},
		{"open to the end", 64 << 10, openDoctypeFeed},
		{"open past the bound", xmlscan.MaxDoctypeSize + xmlscan.MaxDoctypeSize/4, openDoctypeFeed},
	} {
		for _, pieces := range []int{0, 1, 512} {
			t.Run(fmt.Sprintf("%s/%d", shape.name, pieces), func(t *testing.T) {
				var w [2][3]int64
				var sizes [2]int
				for i, scale := range []int{1, 4} {
					doc, n := shape.doc(scale * shape.size)
					sizes[i] = len(doc)
					var src io.Reader = bytes.NewReader(doc)
					if pieces > 0 {
						src = &smallReads{data: doc, n: pieces}
					}
					d := NewDecoder(src)
					d.MaxBuildRatio = -1 // items of 95 bytes build 8 times their size
					_, err := d.Channel()
					require.NoError(t, err)
					tok := d.tok // the decoder lets go of it at the end
					items := 0
					for _, err := range d.Items() {
						require.NoError(t, err)
						items++
					}
					require.Equal(t, n, items)
					st := tok.Stats()
					require.True(t, st.Recovered)
					w[i] = [3]int64{int64(st.Work), st.DeclScanned, st.DeclLooked}
					// Each byte is looked at a few times at most; those
					// of the DOCTYPE are scanned by the filter and the
					// scanner, once each.
					assert.LessOrEqual(t, w[i][0], 8*int64(len(doc)), "work")
					assert.LessOrEqual(t, w[i][1], 2*int64(len(doc)), "bytes of declarations scanned")
					assert.LessOrEqual(t, w[i][2], 2*int64(len(doc)), "bytes of declarations looked at")
				}
				ratio := float64(sizes[1]) / float64(sizes[0])
				t.Logf("input %d → %d bytes; work, scanned, looked %v → %v", sizes[0], sizes[1], w[0], w[1])
				for k, what := range []string{"work", "bytes of declarations scanned", "bytes of declarations looked at"} {
					assert.LessOrEqual(t, float64(w[1][k]), 1.25*ratio*float64(max(w[0][k], 1)), what)
				}
			})
		}
	}
}

// TestDoctypeBreakCorpus puts a DOCTYPE left open, in three ways, before
// the root of every feed of the corpus that has none: read one byte at a
// time, each gives what the feed gives after the same DOCTYPE closed.
func TestDoctypeBreakCorpus(t *testing.T) {
	needShared(t, "corpus")
	files, err := filepath.Glob(filepath.Join(shared, "corpus", "*.xml"))
	require.NoError(t, err)
	root := regexp.MustCompile(`<(rss|rdf:RDF|feed)[\s>]`)
	compared := 0
	for _, path := range files {
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		loc := root.FindIndex(data)
		if loc == nil || bytes.Contains(data[:loc[0]], []byte("<!DOCTYPE")) {
			continue
		}
		for _, dt := range []struct{ open, closed string }{
			{`<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN "http://my.netscape.com/publish/formats/rss-0.91.dtd">`,
				`<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">`},
			{`<!DOCTYPE rss [<!ENTITY a "x>]>`, `<!DOCTYPE rss [<!ENTITY a "x">]>`},
			{`<!DOCTYPE rss SYSTEM 'rss.dtd>`, `<!DOCTYPE rss SYSTEM 'rss.dtd'>`},
		} {
			with := func(doctype string) []byte {
				return slices.Concat(data[:loc[0]], []byte(doctype+"\n"), data[loc[0]:])
			}
			want, werr := Parse(bytes.NewReader(with(dt.closed)))
			got, err := Parse(iotest.OneByteReader(bytes.NewReader(with(dt.open))))
			assert.Equal(t, errText(werr), errText(err), "%s: %s", path, dt.open)
			assert.Equal(t, want, got, "%s: %s", path, dt.open)
			compared++
		}
	}
	t.Logf("%d documents compared", compared)
	assert.NotZero(t, compared)
}

// TestDoctypeBreakAtTheBound puts markup, repairs and characters that span
// the chunks of the input where a DOCTYPE breaks at the bound: the feed
// reads from the break as it reads after the same DOCTYPE closed, whatever
// the chunks, and on as it comes (MaxElementSize, smaller than the feed,
// would not allow it kept whole until the input ends).
func TestDoctypeBreakAtTheBound(t *testing.T) {
	const head = `<!DOCTYPE rss SYSTEM 'rss.dtd>` + "\n" + `<rss version="2.0"><channel><title>T</title><item><title>`
	pieces := []string{"<![CDATA[a<b]]>", "<!-- c < -->", "<?pi x?>", "< ", "a&b", "&lt;", "\r\n", "é", "\xe9", "\x01",
		"€", "<!DOCTYPE x>", "<!x y>", "]]>", "-->", "<b>x</b>"}
	more := strings.Repeat("<item><title>z</title></item>\n", (xmlscan.MaxDoctypeSize/2)/30)
	r := rand.New(rand.NewPCG(1, 2))
	for range 6 {
		var b strings.Builder
		b.WriteString(head)
		b.WriteString(strings.Repeat("x", xmlscan.MaxDoctypeSize-len(head)-r.IntN(40)))
		for range 12 {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		b.WriteString("</title></item>" + more + "</channel></rss>")
		doc := []byte(b.String())
		closed := bytes.Replace(doc, []byte("'rss.dtd>"), []byte("'rss.dtd'>"), 1)
		// Items of 30 bytes build 29 times their size: no build bound.
		wd := NewDecoder(bytes.NewReader(closed))
		wd.MaxBuildRatio = -1
		want, err := wd.Channel()
		require.NoError(t, err)
		want.Items = []*Item{}
		for it, err := range wd.Items() {
			require.NoError(t, err)
			want.Items = append(want.Items, it)
		}
		for _, n := range []int{len(doc), 4093, 7} {
			d := NewDecoder(&smallReads{data: doc, n: n})
			d.MaxElementSize = xmlscan.MaxDoctypeSize + xmlscan.MaxDoctypeSize/4
			d.MaxBuildRatio = -1
			got, err := d.Channel()
			require.NoError(t, err)
			for it, err := range d.Items() {
				require.NoError(t, err)
				got.Items = append(got.Items, it)
			}
			require.Equal(t, want, got, "%q, %d bytes at a time", doc[xmlscan.MaxDoctypeSize-50:xmlscan.MaxDoctypeSize+100], n)
		}
	}
}
