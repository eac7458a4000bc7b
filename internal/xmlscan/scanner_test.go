package xmlscan

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// events writes a token stream as text to compare: start tags with their
// attributes, end tags, and the text between tags joined.
type events struct {
	b    strings.Builder
	text []byte
}

func (e *events) flush() {
	if len(e.text) > 0 {
		fmt.Fprintf(&e.b, "T%q\n", e.text)
		e.text = e.text[:0]
	}
}

func (e *events) start(name xml.Name, attrs []xml.Attr) {
	e.flush()
	fmt.Fprintf(&e.b, "S%s:%s", name.Space, name.Local)
	for _, a := range attrs {
		fmt.Fprintf(&e.b, " %s:%s=%q", a.Name.Space, a.Name.Local, a.Value)
	}
	e.b.WriteByte('\n')
}

func (e *events) end(name xml.Name) {
	e.flush()
	fmt.Fprintf(&e.b, "E%s:%s\n", name.Space, name.Local)
}

// scannerEvents reads data with the scanner (through the input filter): the
// events up to the end, or up to an error and the error.
func scannerEvents(r io.Reader) (string, error) {
	tok := &Token{}
	sc := &scanner{in: &input{src: r}, tok: tok}
	var e events
	for {
		err := sc.next()
		if err == io.EOF {
			e.flush()
			return e.b.String(), nil
		}
		if err != nil {
			e.flush()
			return e.b.String(), err
		}
		switch tok.Kind {
		case StartToken:
			e.start(tok.Start.Name, tok.Start.Attr)
		case EndToken:
			e.end(tok.End)
		case TextToken:
			e.text = append(e.text, tok.Text...)
		}
	}
}

// xmlEvents reads data with encoding/xml's strict RawToken, or fails. C1
// control characters in its text and attribute values (from character
// references such as &#140;) are read as windows-1252, as the scanner and
// strict mode read them (mapC1Token).
func xmlEvents(data []byte) (string, bool) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var e events
	depth := 0
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			e.flush()
			return e.b.String(), depth == 0
		}
		if err != nil {
			return "", false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			t = mapC1Token(Token{Kind: StartToken, Start: t}).Start
			e.start(t.Name, t.Attr)
		case xml.EndElement:
			depth--
			e.end(t.Name)
		case xml.CharData:
			e.text = append(e.text, mapC1(t)...)
		}
	}
}

// FuzzScanner checks the scanner against encoding/xml: on any input that
// encoding/xml reads strictly as well-formed, and that the input filter
// leaves as it is, the scanner gives the same elements, attributes and
// text, whether the input comes whole or one byte at a time. On any input
// at all, the scanner gives the same tokens and error however the input
// is chunked (a token it resumes across chunks is read as if whole).
func FuzzScanner(f *testing.F) {
	addFixtures(f)
	f.Add([]byte(`<a x="1&amp;2" y='&lt;'><b:c xmlns:b="u">t&#233;&#x41;<![CDATA[<&>]]></b:c><d/><!-- c --><?pi x?>` + "\r\n</a>"))
	f.Add([]byte(`<a b c=d e = 'f&#0000000000000000000000000000000000000000000000000000000000000065;' g="<"/>&#x000000000000000000000000000000000000000000000000000000000000000041;`))
	f.Fuzz(func(t *testing.T, data []byte) {
		whole, werr := scannerEvents(bytes.NewReader(data))
		bytewise, berr := scannerEvents(iotest.OneByteReader(bytes.NewReader(data)))
		if whole != bytewise || fmt.Sprint(werr) != fmt.Sprint(berr) {
			t.Fatalf("chunking changes the tokens:\n%s%v\none byte at a time:\n%s%v", whole, werr, bytewise, berr)
		}
		want, ok := xmlEvents(data)
		if !ok {
			return
		}
		if i := bytes.Index(data, []byte("<!")); i >= 0 && bytes.Contains(data[i:], []byte("<?")) {
			return // encoding/xml reads the quotes and '>' of a processing instruction in a DOCTYPE; the scanner does not
		}
		if doctypeBroken(data) {
			return // a DOCTYPE the grammar rejects, which the scanner ends early (see declScanner.watch), encoding/xml not
		}
		if filteredData, err := filtered(bytes.NewReader(data), false); err != nil || !bytes.Equal(filteredData, data) {
			return // the filter repairs it: encoding/xml read something else
		}
		got, err := scannerEvents(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("scanner: %v on well-formed input", err)
		}
		if got != want {
			t.Fatalf("scanner and encoding/xml differ:\nscanner:\n%s\nencoding/xml:\n%s", got, want)
		}
		got, err = scannerEvents(iotest.OneByteReader(bytes.NewReader(data)))
		if err != nil || got != want {
			t.Fatalf("one byte at a time: %v\n%s", err, got)
		}
	})
}

// TestAppendDecoded checks the decoding of text where references and line
// ends mix, which appendDecoded finds with separate searches.
func TestAppendDecoded(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"plain", "plain"},
		{"a\r\nb\rc\n", "a\nb\nc\n"},
		{"&lt;p&gt;", "<p>"},
		{"a&lt;\r\nb&amp;\rc&#38;\r", "a<\nb&\nc&\n"},
		{"\r&lt;\r\r\n&quot;x&apos;", "\n<\n\n\"x'"},
		{"& \r&;\r\n&#;&#x41;", "& \n&;\n&#;A"},
		{"&unknown;\r&eacute;&nbsp\r", "&unknown;\né&nbsp\n"},
		{"&#13;&#10;\r", "\r\n\n"},
		{"x\r", "x\n"},
		{"&", "&"},
		{"&gt;&amp;&quot;&apos;&lt;", `>&"'<`},
		{"&lt&gt &am; &amp &quo; &apos", "&lt&gt &am; &amp &quo; &apos"},
		{"&l;&xt;&ampx;&quotx;", "&l;&xt;&ampx;&quotx;"},
	} {
		if got := string(appendDecoded([]byte("pre:"), []byte(tc.in), nil)); got != "pre:"+tc.want {
			t.Errorf("appendDecoded(%q) = %q, want %q", tc.in, got[len("pre:"):], tc.want)
		}
	}
}

// TestIntern checks that names whose bytes hash alike in the scanner's
// recent names (same length, same first and last bytes) are told apart,
// interned or not.
func TestIntern(t *testing.T) {
	sc := &scanner{common: map[string]string{"title": "title"}}
	names := []string{"abc", "axc", "abc", "title", "tiTle", "title", "", strings.Repeat("n", maxInternedLen+1), "axc"}
	for round := range 2 {
		for _, n := range names {
			if got := sc.intern([]byte(n)); got != n {
				t.Errorf("round %d: intern(%q) = %q", round, n, got)
			}
		}
	}
	if len(sc.names) != 3 { // abc, axc, tiTle: "title" is common, the long name is not kept
		t.Errorf("%d names interned, want 3", len(sc.names))
	}
}
