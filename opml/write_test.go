package opml_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/feedkit/rss"
	"github.com/feedkit/rss/internal/xmlscan"
	"github.com/feedkit/rss/opml"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// write returns what Write writes for d, failing the test on an error.
func write(t testing.TB, d *opml.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, opml.Write(&buf, d))
	return buf.Bytes()
}

// wellFormed checks that b is a well-formed, namespace-correct XML
// document: the XML layer's strict mode reads it (encoding/xml's checks,
// and every prefix declared) without an error, one root element and
// nothing after it.
func wellFormed(t testing.TB, b []byte) {
	t.Helper()
	src, err := xmlscan.NewReader(bytes.NewReader(b), "application/xml", true)
	require.NoError(t, err)
	z := xmlscan.NewTokenizer(src, xmlscan.Options{Strict: true})
	for {
		tok, err := z.Next()
		require.NoError(t, err, "output:\n%s", b)
		if tok.Kind == xmlscan.EndToken && z.Depth() == 0 {
			break
		}
	}
	assert.Equal(t, io.EOF, z.Rest(), "output:\n%s", b)
}

// TestRoundTripFixtures checks, on every fixture Parse reads without an
// error, that Write writes a well-formed document that Parse reads back
// into the same document (dates compared by instant and offset).
func TestRoundTripFixtures(t *testing.T) {
	for _, path := range fixtures(t) {
		t.Run(path, func(t *testing.T) {
			d, err := parseFile(t, path)
			if err != nil {
				return // the error fixtures
			}
			out := write(t, d)
			wellFormed(t, out)
			back, err := opml.Parse(bytes.NewReader(out))
			require.NoError(t, err, "output:\n%s", out)
			assert.Equal(t, canon(d), canon(back), "output:\n%s", out)
			assert.Equal(t, out, write(t, back), "writing what was read back gives the same bytes")
		})
	}
}

// TestRoundTripBuilt checks Parse(Write(d)) == d on documents built in
// code, each with what its name says.
func TestRoundTripBuilt(t *testing.T) {
	tests := []struct {
		name string
		d    *opml.Document
	}{
		{"empty", &opml.Document{}},
		{"head fields and dates", &opml.Document{Title: "T", OwnerName: "Ada", OwnerEmail: "ada@example.com",
			DateCreated: date(2024, 2, 29, 23, 59, 59, 5.5), DateModified: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}},
		{"head elements, namespaced ones too", &opml.Document{Head: []opml.Element{
			{Name: xml.Name{Local: "expansionState"}, Text: "1,2"},
			{Name: xml.Name{Space: "urn:a", Local: "note"}, Text: "a <b> & c"},
			{Name: xml.Name{Space: "urn:b", Local: "note"}, Text: "x"},
			{Name: xml.Name{Space: "urn:a", Local: "again"}, Text: "y"},
		}}},
		{"nested folders", &opml.Document{Outlines: []opml.Outline{
			{Text: "a", Outlines: []opml.Outline{{Text: "b", Outlines: []opml.Outline{{Text: "c", XMLURL: "u"}}}, {Text: "d"}}},
			{Text: "e"},
		}}},
		{"every attribute field", &opml.Document{Outlines: []opml.Outline{{Text: "t", Title: "ti", Type: "rss", XMLURL: "x",
			HTMLURL: "h", Description: "d", Language: "l", Category: "/c"}}}},
		{"unknown attributes in order, namespaced, xml:lang", &opml.Document{Outlines: []opml.Outline{{Text: "t", Attrs: []xml.Attr{
			{Name: xml.Name{Local: "z"}, Value: "1"},
			{Name: xml.Name{Space: "urn:x", Local: "y"}, Value: ""},
			{Name: xml.Name{Space: "http://www.w3.org/XML/1998/namespace", Local: "lang"}, Value: "fr"},
			{Name: xml.Name{Local: "a"}, Value: "3"},
			{Name: xml.Name{Local: "Z"}, Value: "case differs"},
		}}}}},
		{"characters to escape", &opml.Document{Title: `<a href="x">&amp;</a> ' "`, Outlines: []opml.Outline{{
			Text: "a & b < c > d \" e ' f", XMLURL: "https://x/?a=1&b=2", Description: "line\nbreak\ttab\r\nCRLF  two spaces ",
		}}}},
		{"non-ASCII", &opml.Document{Title: "Ελληνικά, 日本語, émoji 🚀", Outlines: []opml.Outline{{Text: "Été", Attrs: []xml.Attr{
			{Name: xml.Name{Local: "étiquette"}, Value: "ü"}}}}}},
		{"white space only values", &opml.Document{Outlines: []opml.Outline{{Text: "   ", Title: "\n"}}}},
		{"deepest outlines Parse reads", &opml.Document{Outlines: nest(opml.MaxDepth)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := write(t, tt.d)
			wellFormed(t, out)
			got, err := opml.Parse(bytes.NewReader(out))
			require.NoError(t, err, "output:\n%s", out)
			assert.Equal(t, canon(tt.d), canon(got), "output:\n%s", out)
		})
	}
}

// nest returns outlines n deep.
func nest(n int) []opml.Outline {
	var list []opml.Outline
	for i := range n {
		list = []opml.Outline{{Text: strings.Repeat("x", i%3), Outlines: list}}
	}
	return list
}

// TestWriteOutput checks Write's exact bytes: the declaration, the order
// of elements and attributes, the indentation, the namespace prefixes, the
// escapes, and what is left out.
func TestWriteOutput(t *testing.T) {
	d := &opml.Document{
		Title:       "Subs & more",
		OwnerEmail:  "a@example.com",
		DateCreated: date(2025, 3, 1, 9, 5, 7, -5),
		Head:        []opml.Element{{Name: xml.Name{Space: "urn:n", Local: "note"}, Text: "hi"}},
		Outlines: []opml.Outline{
			{Text: "Folder", Outlines: []opml.Outline{
				{Text: "Feed", Type: "rss", XMLURL: "https://e.com/?a=1&b=2", Attrs: []xml.Attr{
					{Name: xml.Name{Local: "x"}, Value: "a\"b\nc"},
					{Name: xml.Name{Space: "urn:m", Local: "y"}, Value: "1"},
					{Name: xml.Name{Space: "urn:n", Local: "z"}, Value: "2"},
				}},
			}},
			{Title: "no text"},
		},
	}
	want := `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0" xmlns:ns1="urn:n" xmlns:ns2="urn:m">
  <head>
    <title>Subs &amp; more</title>
    <dateCreated>Sat, 01 Mar 2025 09:05:07 -0500</dateCreated>
    <ownerEmail>a@example.com</ownerEmail>
    <ns1:note>hi</ns1:note>
  </head>
  <body>
    <outline text="Folder">
      <outline text="Feed" type="rss" xmlUrl="https://e.com/?a=1&amp;b=2" x="a&quot;b&#xA;c" ns2:y="1" ns1:z="2"/>
    </outline>
    <outline text="" title="no text"/>
  </body>
</opml>
`
	assert.Equal(t, want, string(write(t, d)))
	assert.Equal(t, want, string(write(t, d)), "the same document gives the same bytes")

	assert.Equal(t, `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head></head>
  <body></body>
</opml>
`, string(write(t, &opml.Document{})))
}

// TestWriteCharacters checks what Write does with what XML cannot carry:
// characters it forbids are left out, bytes that are not UTF-8 become
// U+FFFD, and the output stays well-formed.
func TestWriteCharacters(t *testing.T) {
	d := &opml.Document{Title: "a\x00b\x1bc\uFFFEd", Outlines: []opml.Outline{{Text: "x\xffy\x01z", Attrs: []xml.Attr{
		{Name: xml.Name{Local: "v"}, Value: "\x7f\x08ok"}}}}}
	out := write(t, d)
	wellFormed(t, out)
	got, err := opml.Parse(bytes.NewReader(out))
	require.NoError(t, err)
	assert.Equal(t, "abcd", got.Title)
	assert.Equal(t, "x\uFFFDyz", got.Outlines[0].Text)
	assert.Equal(t, "\x7fok", got.Outlines[0].Attrs[0].Value, "DEL is allowed in XML")
}

// TestWriteErrors checks that Write refuses, writing nothing, what Parse
// could not read back.
func TestWriteErrors(t *testing.T) {
	attr := func(space, local string) *opml.Document {
		return &opml.Document{Outlines: []opml.Outline{{Text: "o", Attrs: []xml.Attr{{Name: xml.Name{Space: space, Local: local}, Value: "v"}}}}}
	}
	tests := []struct {
		name string
		d    *opml.Document
		msg  string
		is   error
	}{
		{"too deep", &opml.Document{Outlines: nest(opml.MaxDepth + 1)}, "opml: cannot write outlines nested 257 deep: rss: elements nested too deep (deeper than 256)", rss.ErrTooDeep},
		{"attribute with a field's name", attr("", "XMLURL"), `opml: cannot write the attribute "XMLURL" of the outline "o": Outline has a field for it`, nil},
		{"attribute not a name", attr("", "a b"), `opml: cannot write the attribute "a b" of the outline "o": not an XML name`, nil},
		{"attribute with a colon", attr("", "a:b"), `opml: cannot write the attribute "a:b" of the outline "o": not an XML name`, nil},
		{"empty attribute name", attr("urn:x", ""), `opml: cannot write the attribute "" of the outline "o": not an XML name`, nil},
		{"namespace declaration", attr("xmlns", "p"), `opml: cannot write the attribute "p" of the outline "o": a namespace declaration`, nil},
		{"default namespace declaration", attr("", "xmlns"), `opml: cannot write the attribute "xmlns" of the outline "o": a namespace declaration`, nil},
		{"namespace with white space", attr("urn:a b", "x"), `opml: cannot write the attribute "x" of the outline "o": its namespace is not a URI Write can declare`, nil},
		{"the xmlns namespace", attr("http://www.w3.org/2000/xmlns/", "x"), `opml: cannot write the attribute "x" of the outline "o": its namespace is not a URI Write can declare`, nil},
		{"name outside encoding/xml's tables", attr("", "\u3180"), "opml: cannot write the attribute \"\u3180\" of the outline \"o\": not an XML name", nil},
		{"head element in a namespace with white space", &opml.Document{Head: []opml.Element{{Name: xml.Name{Space: "a\tb", Local: "x"}}}},
			`opml: cannot write the head element "x" in the namespace "a\tb"`, nil},
		{"repeated attribute", &opml.Document{Outlines: []opml.Outline{{Text: "o", Attrs: []xml.Attr{
			{Name: xml.Name{Local: "a"}}, {Name: xml.Name{Space: "u", Local: "a"}}, {Name: xml.Name{Local: "a"}}}}}},
			`opml: cannot write the attribute "a" of the outline "o": given twice`, nil},
		{"head element with a field's name", &opml.Document{Head: []opml.Element{{Name: xml.Name{Local: "dateCreated"}}}},
			"opml: cannot write the head element <dateCreated> as an Element: Document has a field for it", nil},
		{"head element not a name", &opml.Document{Head: []opml.Element{{Name: xml.Name{Local: "1x"}}}},
			`opml: cannot write the head element "1x": not an XML name`, nil},
		{"date past 9999", &opml.Document{DateModified: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)},
			"opml: cannot write the date 10000-01-01 00:00:00 +0000 UTC: its year is not in 0 to 9999", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := opml.Write(&buf, tt.d)
			require.Error(t, err)
			assert.Equal(t, tt.msg, err.Error())
			if tt.is != nil {
				assert.ErrorIs(t, err, tt.is)
			}
			assert.Zero(t, buf.Len(), "nothing written")
		})
	}
}

// TestWriteWriterError checks that the writer's error is returned.
func TestWriteWriterError(t *testing.T) {
	boom := errors.New("disk full")
	err := opml.Write(failWriter{boom}, &opml.Document{Title: "t"})
	assert.ErrorIs(t, err, boom)
}

type failWriter struct{ err error }

func (w failWriter) Write([]byte) (int, error) { return 0, w.err }
