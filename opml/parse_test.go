package opml_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/feedkit/rss"
	"github.com/feedkit/rss/opml"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// fixtures returns the paths of the OPML fixtures.
func fixtures(t testing.TB) []string {
	paths, err := filepath.Glob(filepath.Join("testdata", "*.opml"))
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	return paths
}

func parseFile(t testing.TB, path string) (*opml.Document, error) {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return opml.Parse(bytes.NewReader(b))
}

// golden is what a golden file holds: the document Parse returned, its
// feeds, and the text of its error.
type golden struct {
	Error    string         `json:"error,omitempty"`
	Document *opml.Document `json:"document"`
	Feeds    []string       `json:"feeds"`
}

// TestGolden compares Parse's result on every fixture with its golden JSON
// file; go test -run TestGolden -update rewrites them.
func TestGolden(t *testing.T) {
	for _, path := range fixtures(t) {
		name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
		t.Run(name, func(t *testing.T) {
			d, err := parseFile(t, path)
			require.NotNil(t, d)
			g := golden{Document: d, Feeds: []string{}}
			for _, f := range d.Feeds() {
				g.Feeds = append(g.Feeds, f.XMLURL)
			}
			if err != nil {
				g.Error = err.Error()
			}
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			require.NoError(t, enc.Encode(g))
			goldenPath := filepath.Join("testdata", name+".golden.json")
			if *update {
				require.NoError(t, os.WriteFile(goldenPath, buf.Bytes(), 0o644))
				return
			}
			want, err := os.ReadFile(goldenPath)
			require.NoError(t, err, "run go test -update to write the golden file")
			assert.Equal(t, string(want), buf.String())
		})
	}
}

// date is a time in a fixed offset, given in hours.
func date(y int, m time.Month, d, h, min, s int, offsetHours float64) time.Time {
	return time.Date(y, m, d, h, min, s, 0, time.FixedZone("", int(offsetHours*3600)))
}

// TestParse checks the fields Parse fills, one behaviour a case.
func TestParse(t *testing.T) {
	tests := []struct {
		name, in string
		want     *opml.Document
	}{
		{
			name: "head fields, dates in their own offsets",
			in: `<opml version="2.0"><head><title>T</title><ownerName>N</ownerName><ownerEmail>e@x</ownerEmail>
				<dateCreated>Mon, 03 Feb 2025 10:00:00 +0100</dateCreated><dateModified>4 Feb 2025 08:30 PST</dateModified></head><body/></opml>`,
			want: &opml.Document{Title: "T", OwnerName: "N", OwnerEmail: "e@x",
				DateCreated: date(2025, 2, 3, 10, 0, 0, 1), DateModified: date(2025, 2, 4, 8, 30, 0, -8)},
		},
		{
			name: "a date that does not read is the zero time",
			in:   `<opml><head><dateCreated>yesterday</dateCreated></head></opml>`,
			want: &opml.Document{},
		},
		{
			name: "head texts trimmed",
			in:   "<opml><head><title>\n\t  Spaced  out \n</title><docs> d </docs></head></opml>",
			want: &opml.Document{Title: "Spaced  out", Head: []opml.Element{{Name: xml.Name{Local: "docs"}, Text: "d"}}},
		},
		{
			name: "attribute names in any case",
			in:   `<opml><body><outline TEXT="t" Title="ti" TYPE="rss" XMLurl="x" HTMLURL="h" DESCRIPTION="d" Language="l" CATEGORY="c"/></body></opml>`,
			want: &opml.Document{Outlines: []opml.Outline{{Text: "t", Title: "ti", Type: "rss", XMLURL: "x", HTMLURL: "h",
				Description: "d", Language: "l", Category: "c"}}},
		},
		{
			name: "attribute values kept exactly: white space, character references",
			in:   `<opml><body><outline text=" a&#xA;b&#x9;c&#xD;d " xmlUrl="  u  "/></body></opml>`,
			want: &opml.Document{Outlines: []opml.Outline{{Text: " a\nb\tc\rd ", XMLURL: "  u  "}}},
		},
		{
			name: "unknown attributes in order, namespaced by URI; declarations and a repeated name dropped",
			in:   `<opml xmlns:a="urn:a"><body><outline z="1" xmlns:b="urn:b" a:y="2" b:x="3" z="4" xml:lang="de" text="t"/></body></opml>`,
			want: &opml.Document{Outlines: []opml.Outline{{Text: "t", Attrs: []xml.Attr{
				{Name: xml.Name{Local: "z"}, Value: "1"},
				{Name: xml.Name{Space: "urn:a", Local: "y"}, Value: "2"},
				{Name: xml.Name{Space: "urn:b", Local: "x"}, Value: "3"},
				{Name: xml.Name{Space: "http://www.w3.org/XML/1998/namespace", Local: "lang"}, Value: "de"},
			}}}},
		},
		{
			name: "an attribute name XML does not allow is dropped",
			in:   `<opml><body><outline text="t" 1st="a" a&b="b" ok="c"/></body></opml>`,
			want: &opml.Document{Outlines: []opml.Outline{{Text: "t", Attrs: []xml.Attr{{Name: xml.Name{Local: "ok"}, Value: "c"}}}}},
		},
		{
			name: "names Write could not write are dropped: a namespace with white space, the xmlns namespace, a name outside encoding/xml's tables",
			in: `<opml xmlns:w="a b" xmlns:n="http://www.w3.org/2000/xmlns/"><head><w:e>1</w:e><n:e>2</n:e><xmlns:e>3</xmlns:e><ok>4</ok></head>` +
				`<body><outline text="t" w:a="1" n:b="2" ㆀ="3" é="4"/></body></opml>`,
			want: &opml.Document{Head: []opml.Element{{Name: xml.Name{Local: "ok"}, Text: "4"}},
				Outlines: []opml.Outline{{Text: "t", Attrs: []xml.Attr{{Name: xml.Name{Local: "é"}, Value: "4"}}}}},
		},
		{
			name: "elements in a body or an outline other than outline are skipped with what is in them",
			in:   `<opml><body><div><outline text="hidden"/></div><outline text="a"><p>text</p><outline text="b"/></outline></body></opml>`,
			want: &opml.Document{Outlines: []opml.Outline{{Text: "a", Outlines: []opml.Outline{{Text: "b"}}}}},
		},
		{
			name: "a second head and body add to the first",
			in:   `<opml><head><title>one</title></head><body><outline text="a"/></body><head><title>two</title><docs>d</docs></head><body><outline text="b"/></body></opml>`,
			want: &opml.Document{Title: "one", Head: []opml.Element{{Name: xml.Name{Local: "docs"}, Text: "d"}},
				Outlines: []opml.Outline{{Text: "a"}, {Text: "b"}}},
		},
		{
			name: "nothing after the root element is read",
			in:   `<opml><body><outline text="a"/></body></opml><opml><body><outline text="b"/></body></opml>`,
			want: &opml.Document{Outlines: []opml.Outline{{Text: "a"}}},
		},
		{
			name: "windows-1252 bytes, declared",
			in:   "<?xml version=\"1.0\" encoding=\"windows-1252\"?><opml><head><title>\x93smart\x94 \x80 caf\xe9</title></head></opml>",
			want: &opml.Document{Title: "“smart” € café"},
		},
		{
			name: "bytes that are not UTF-8, undeclared, read as windows-1252",
			in:   "<opml><body><outline text=\"caf\xe9 \x96 ok\"/></body></opml>",
			want: &opml.Document{Outlines: []opml.Outline{{Text: "café – ok"}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := opml.Parse(strings.NewReader(tt.in))
			require.NoError(t, err)
			assert.Equal(t, canon(tt.want), canon(got))
		})
	}
}

// TestParseErrors checks that each error is a *ParseError at the position
// of the fault (marked ∑ in the input, then removed), wrapping its cause,
// with what was read before it.
func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, in string
		is       error
		msg      string
		feeds    int // of the document returned with the error
	}{
		{name: "an RSS feed", in: `<?xml version="1.0"?>` + "\n" + `<rss version="2.0">∑<channel/></rss>`, is: opml.ErrNotOPML,
			msg: "opml: line 2, column 20: not an OPML document: the root element is <rss>"},
		{name: "an HTML page", in: "<!DOCTYPE html>\n<html>∑<body><p>hi</p></body></html>", is: opml.ErrNotOPML,
			msg: "opml: line 2, column 7: not an OPML document: the root element is <html>"},
		{name: "an empty document", in: "∑", is: opml.ErrNotOPML,
			msg: "opml: line 1, column 1: not an OPML document: the document has no elements"},
		{name: "a JSON document", in: "∑" + `{"opml": true}`, is: opml.ErrNotOPML,
			msg: "opml: line 1, column 1: not an OPML document: the document has no elements"},
		{name: "cut off in a tag", in: `<opml><body><outline text="a" xmlUrl="u"/>` + "\n" + `<outline text="b∑`, is: io.ErrUnexpectedEOF,
			msg: "opml: line 2, column 17: unexpected end of input (in the middle of markup)", feeds: 1},
		{name: "cut off with outlines open", in: `<opml><body><outline text="f"><outline text="a" xmlUrl="u"/>∑`, is: io.ErrUnexpectedEOF,
			msg: "opml: line 1, column 61: unexpected end of input (an element is not closed)", feeds: 1},
		{name: "nested too deep", in: "<opml><body>" + strings.Repeat("<outline>", opml.MaxDepth) + `<outline xmlUrl="u">∑`,
			is: rss.ErrTooDeep, msg: "opml: line 1, column 2337: elements nested too deep: deeper than 258"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := strings.Index(tt.in, "∑")
			require.GreaterOrEqual(t, i, 0, "the input has no ∑ marking the fault")
			in := strings.Replace(tt.in, "∑", "", 1)
			d, err := opml.Parse(strings.NewReader(in))
			require.NotNil(t, d)
			require.Error(t, err)
			var pe *opml.ParseError
			require.ErrorAs(t, err, &pe)
			assert.ErrorIs(t, err, tt.is)
			line := 1 + strings.Count(in[:i], "\n")
			col := i - strings.LastIndex(in[:i], "\n")
			assert.Equal(t, line, pe.Line, "line")
			assert.Equal(t, col, pe.Column, "column")
			assert.Equal(t, tt.msg, err.Error())
			assert.Len(t, d.Feeds(), tt.feeds)
		})
	}
}

// TestElementTooLarge checks the bound on one element: an outline whose
// start tag is longer than MaxElementSize is refused with ErrTooLarge, while
// as many bytes spread over many outlines are read.
func TestElementTooLarge(t *testing.T) {
	big := strings.Repeat("x", opml.MaxElementSize+64<<10)
	d, err := opml.Parse(strings.NewReader(`<opml><body><outline text="ok"/><outline text="` + big + `"/></body></opml>`))
	require.Error(t, err)
	assert.ErrorIs(t, err, rss.ErrTooLarge)
	var pe *opml.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, 1, pe.Line)
	assert.Equal(t, []opml.Outline{{Text: "ok"}}, d.Outlines, "the outlines before it are kept")

	// The same bytes in a head element.
	_, err = opml.Parse(strings.NewReader(`<opml><head><title>` + big + `</title></head></opml>`))
	assert.ErrorIs(t, err, rss.ErrTooLarge)

	// Twice MaxElementSize in outlines of 1 KiB each is no error.
	var b strings.Builder
	b.WriteString("<opml><body>")
	one := `<outline text="` + strings.Repeat("y", 1000) + `"/>`
	n := 2 * opml.MaxElementSize / len(one)
	for range n {
		b.WriteString(one)
	}
	b.WriteString("</body></opml>")
	d, err = opml.Parse(strings.NewReader(b.String()))
	require.NoError(t, err)
	assert.Len(t, d.Outlines, n)
}

// TestDepthBound checks that outlines MaxDepth deep are read, with their
// nesting kept.
func TestDepthBound(t *testing.T) {
	in := "<opml><body>" + strings.Repeat(`<outline text="f">`, opml.MaxDepth-1) + `<outline text="deepest" xmlUrl="u"/></body></opml>`
	d, err := opml.Parse(strings.NewReader(in))
	require.NoError(t, err)
	depth, o := 1, &d.Outlines[0]
	for len(o.Outlines) > 0 {
		require.Len(t, o.Outlines, 1)
		o = &o.Outlines[0]
		depth++
	}
	assert.Equal(t, opml.MaxDepth, depth)
	assert.Equal(t, "deepest", o.Text)
	feeds := d.Feeds()
	require.Len(t, feeds, 1)
	assert.Equal(t, "u", feeds[0].XMLURL)
}

// TestFeeds checks Feeds on the nested fixture: depth first, in document
// order, folders without an xmlUrl left out, and a feed keeping what is in
// it.
func TestFeeds(t *testing.T) {
	d, err := parseFile(t, filepath.Join("testdata", "nested_folders.opml"))
	require.NoError(t, err)
	var texts []string
	for _, f := range d.Feeds() {
		texts = append(texts, f.Text)
	}
	assert.Equal(t, []string{"Top feed", "Go", "Rust", "Databases", "Last feed"}, texts)

	d = &opml.Document{Outlines: []opml.Outline{
		{Text: "feed with children", XMLURL: "a", Outlines: []opml.Outline{{Text: "child", XMLURL: "b"}}},
		{Text: "blank", XMLURL: " \t"},
	}}
	feeds := d.Feeds()
	require.Len(t, feeds, 2)
	assert.Equal(t, "feed with children", feeds[0].Text)
	assert.Len(t, feeds[0].Outlines, 1, "a feed keeps its outlines")
	assert.Equal(t, "child", feeds[1].Text)
	assert.Nil(t, (&opml.Document{}).Feeds())
}

// TestNotOPMLIsNotFeed checks the two packages' errors side by side: an
// OPML document is no feed to package rss, and a feed is no OPML.
func TestNotOPMLIsNotFeed(t *testing.T) {
	_, err := rss.Parse(strings.NewReader(`<opml version="2.0"><body/></opml>`))
	assert.ErrorIs(t, err, rss.ErrNotFeed)
	assert.Contains(t, err.Error(), "opml")
	_, err = opml.Parse(strings.NewReader(`<feed xmlns="http://www.w3.org/2005/Atom"/>`))
	assert.ErrorIs(t, err, opml.ErrNotOPML)
	assert.False(t, errors.Is(err, rss.ErrNotFeed))
}

// TestReaderError checks that the reader's own error ends Parse, wrapped
// in a *ParseError, after the outlines read before it.
func TestReaderError(t *testing.T) {
	boom := errors.New("connection reset")
	in := io.MultiReader(strings.NewReader(`<opml><body><outline text="a" xmlUrl="u"/><outline text="b"`), iotest.ErrReader(boom))
	d, err := opml.Parse(in)
	require.ErrorIs(t, err, boom)
	var pe *opml.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, []opml.Outline{{Text: "a", XMLURL: "u"}}, d.Outlines)
}
