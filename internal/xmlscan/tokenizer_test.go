package xmlscan

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tokenize reads doc (through NewReader) with a Tokenizer and writes its
// tokens as text, one a line: start tags with their resolved names and
// attributes, end tags, and text, each with the Depth after it. It stops at
// io.EOF or at the first error, which it returns.
func tokenize(doc string, opts Options) (string, error) {
	src, err := NewReader(strings.NewReader(doc), "", opts.Strict)
	if err != nil {
		return "", err
	}
	z := NewTokenizer(src, opts)
	var b strings.Builder
	for {
		tok, err := z.Next()
		if err == io.EOF {
			return b.String(), nil
		}
		if err != nil {
			return b.String(), err
		}
		switch tok.Kind {
		case StartToken:
			fmt.Fprintf(&b, "S %s:%s", tok.Start.Name.Space, tok.Start.Name.Local)
			for _, a := range tok.Start.Attr {
				fmt.Fprintf(&b, " %s:%s=%q", a.Name.Space, a.Name.Local, a.Value)
			}
		case EndToken:
			fmt.Fprintf(&b, "E %s:%s", tok.End.Space, tok.End.Local)
		case TextToken:
			fmt.Fprintf(&b, "T %q", tok.Text)
		default:
			continue
		}
		fmt.Fprintf(&b, " d=%d\n", z.Depth())
	}
}

func TestTokenizerNames(t *testing.T) {
	const doc = `<a xmlns="u" xmlns:p="v"><p:b x="1" p:y="2" xml:lang="en"/><c xmlns="w">t</c><q:d/></a>`
	want := `S u:a :xmlns="u" xmlns:p="v" d=1
S v:b :x="1" v:y="2" http://www.w3.org/XML/1998/namespace:lang="en" d=2
E v:b d=1
S w:c :xmlns="w" d=2
T "t" d=2
E w:c d=1
S q:d d=2
E q:d d=1
E u:a d=0
`
	got, err := tokenize(doc, Options{})
	require.NoError(t, err)
	assert.Equal(t, want, got, "lenient")
	// Strict mode gives the same tokens, but for the undeclared prefix q.
	got, err = tokenize(doc, Options{Strict: true})
	assert.Equal(t, strings.Split(want, "S q:d")[0], got, "strict")
	var re *RepairError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, `the namespace prefix "q" of element <d> is not declared`, re.Msg)
}

// TestTokenizerDefaultScope checks that the default namespace, which the
// tokenizer keeps once resolved, follows the declarations in and out of
// scope (and DefaultSpace's).
func TestTokenizerDefaultScope(t *testing.T) {
	const doc = `<a><b xmlns="u"><c/></b><d/><e xmlns="v"/><f/></a>`
	want := `S :a d=1
S u:b :xmlns="u" d=2
S u:c d=3
E u:c d=2
E u:b d=1
S :d d=2
E :d d=1
S v:e :xmlns="v" d=2
E v:e d=1
S :f d=2
E :f d=1
E :a d=0
`
	for _, strict := range []bool{false, true} {
		got, err := tokenize(doc, Options{Strict: strict})
		require.NoError(t, err)
		assert.Equal(t, want, got, "strict %v", strict)
	}

	z := NewTokenizer(strings.NewReader(`<feed><x/><y xmlns=""/><z/></feed>`), Options{})
	var names []string
	for {
		tok, err := z.Next()
		if err != nil {
			require.ErrorIs(t, err, io.EOF)
			break
		}
		if tok.Kind == StartToken {
			names = append(names, tok.Start.Name.Space+":"+tok.Start.Name.Local)
			if tok.Start.Name.Local == "feed" {
				z.DefaultSpace("w")
			}
		}
	}
	assert.Equal(t, []string{":feed", "w:x", ":y", "w:z"}, names)
}

// TestTokenizerEndTags checks lenient mode's end-tag matching: an end tag
// that closes an outer element closes the inner ones, all at once for
// Depth; one that closes nothing is dropped; one that matches the innermost
// but for case closes it. Strict mode refuses each.
func TestTokenizerEndTags(t *testing.T) {
	for _, tt := range []struct{ doc, want string }{
		{`<a><b><c></a>`, "S :a d=1\nS :b d=2\nS :c d=3\nE :c d=0\nE :b d=0\nE :a d=0\n"},
		{`<a></z>x</a>`, "S :a d=1\nT \"x\" d=1\nE :a d=0\n"},
		{`<a><pubDate></pubdate></a>`, "S :a d=1\nS :pubDate d=2\nE :pubDate d=1\nE :a d=0\n"},
	} {
		got, err := tokenize(tt.doc, Options{})
		require.NoError(t, err, tt.doc)
		assert.Equal(t, tt.want, got, tt.doc)

		_, err = tokenize(tt.doc, Options{Strict: true})
		var se *xml.SyntaxError
		assert.True(t, errors.As(err, &se), "strict %s: %v", tt.doc, err)
	}
}

func TestTokenizerErrors(t *testing.T) {
	// A syntax error the scanner finds is where it found it.
	_, err := tokenize("<a>\n<b x=\"1<c\"/></a>", Options{})
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, [2]int{2, 9}, [2]int{e.Line, e.Column}, "after the <, as encoding/xml says")
	assert.Equal(t, "line 2, column 9: XML syntax error: unescaped < inside quoted string", err.Error())
	var se *xml.SyntaxError
	assert.ErrorAs(t, err, &se)

	// The end of the input inside an element.
	for _, strict := range []bool{false, true} {
		_, err = tokenize("<a><b>x", Options{Strict: strict})
		require.ErrorAs(t, err, &e)
		assert.ErrorIs(t, err, io.ErrUnexpectedEOF, "strict %v", strict)
		assert.Equal(t, "unexpected end of input (an element is not closed)", e.Err.Error(), "strict %v", strict)
	}

	// The bounds, with the sentinels package rss exports.
	for _, strict := range []bool{false, true} {
		_, err = tokenize("<a><b><c/></b></a>", Options{Strict: strict, MaxDepth: 2})
		require.ErrorAs(t, err, &e)
		assert.ErrorIs(t, err, ErrTooDeep)
		assert.Equal(t, "rss: elements nested too deep: deeper than 2", e.Err.Error())
		assert.Equal(t, 1, e.Line)

		doc := "<a>" + strings.Repeat("<b>x</b>", 20000) + "</a>"
		_, err = tokenize(doc, Options{Strict: strict, MaxUnitSize: 64 << 10})
		assert.ErrorIs(t, err, ErrTooLarge, "strict %v", strict)
		_, err = tokenize(doc, Options{Strict: strict, MaxUnitSize: 256 << 10})
		assert.NoError(t, err, "strict %v: within the bound", strict)
	}
}

// TestTokenizerMark checks that Mark starts a new unit: many small units
// pass a bound one of them would not.
func TestTokenizerMark(t *testing.T) {
	doc := "<a>" + strings.Repeat("<b>"+strings.Repeat("x", 1000)+"</b>", 1000) + "</a>"
	for _, strict := range []bool{false, true} {
		src, err := NewReader(strings.NewReader(doc), "", strict)
		require.NoError(t, err)
		z := NewTokenizer(src, Options{Strict: strict, MaxUnitSize: 64 << 10})
		units := 0
		for {
			tok, err := z.Next()
			if err == io.EOF {
				break
			}
			require.NoError(t, err, "strict %v", strict)
			if tok.Kind == EndToken && tok.End.Local == "b" {
				z.Mark()
				units++
			}
		}
		assert.Equal(t, 1000, units)
	}
}

func TestTokenizerStrictRepairs(t *testing.T) {
	for _, tt := range []struct{ doc, lenient, err string }{
		{"<a>x \x01y</a>", `x y`, "control character U+0001 is not allowed in XML"},
		{"<a>caf\xe9</a>", `café`, "invalid UTF-8 (byte 0xe9)"},
		{"<a>1 < 2</a>", `1 < 2`, "unescaped '<' in text"},
		{"<a>it\u0092s &#146;</a>", `it’s ’`, ""}, // C1: read as windows-1252 in both modes
		{`<a xmlns:p="u v"/>`, ``, `namespace URI "u v" has white space in it`},
	} {
		got, err := tokenize(tt.doc, Options{})
		require.NoError(t, err, tt.doc)
		if tt.lenient != "" {
			assert.Contains(t, got, fmt.Sprintf("%q", tt.lenient), tt.doc)
		}
		got, err = tokenize(tt.doc, Options{Strict: true})
		if tt.err == "" {
			require.NoError(t, err, tt.doc)
			assert.Contains(t, got, fmt.Sprintf("%q", tt.lenient), tt.doc)
			continue
		}
		var re *RepairError
		require.ErrorAs(t, err, &re, tt.doc)
		assert.Equal(t, tt.err, re.Msg)
	}
}

func TestTokenizerDefaultSpace(t *testing.T) {
	for _, strict := range []bool{false, true} {
		src, err := NewReader(strings.NewReader(`<feed><title/><x:y xmlns:x="v"/></feed><more/>`), "", strict)
		require.NoError(t, err)
		z := NewTokenizer(src, Options{Strict: strict})
		var names []string
		for {
			tok, err := z.Next()
			if err != nil {
				break
			}
			if tok.Kind == StartToken {
				names = append(names, tok.Start.Name.Space+":"+tok.Start.Name.Local)
				if tok.Start.Name.Local == "feed" {
					z.DefaultSpace("u")
				}
				if tok.Start.Name.Local == "y" {
					// (Lenient mode keeps the default namespace as a
					// binding; strict mode has encoding/xml's DefaultSpace.)
					bs := z.Bindings()
					require.NotEmpty(t, bs, "strict %v", strict)
					assert.Equal(t, "x", bs[len(bs)-1].Prefix)
					assert.Equal(t, "v", bs[len(bs)-1].URI)
				}
			}
			if tok.Kind == EndToken && tok.End.Local == "feed" {
				break
			}
		}
		assert.Equal(t, []string{":feed", "u:title", "v:y"}, names, "strict %v", strict)

		// What follows the root: read in strict mode only.
		err = z.Rest()
		if !strict {
			assert.Equal(t, io.EOF, err)
			continue
		}
		var e *Error
		require.ErrorAs(t, err, &e)
		assert.Equal(t, "element <more> after the root element", e.Err.Error())
	}
}

func TestRepairAt(t *testing.T) {
	for _, tt := range []struct {
		in   string
		eof  bool
		what Repair
		r    rune
		size int
	}{
		{"a", false, Keep, 'a', 1},
		{"\t", false, Keep, '\t', 1},
		{"\x01", false, Forbidden, 1, 1},
		{"é", false, Keep, 'é', 2},
		{"\xc3", false, Incomplete, 0, 0},
		{"\xc3", true, InvalidByte, 'Ã', 1},
		{"\x92x", false, InvalidByte, '’', 1},
		{"\u0092", false, C1Control, '’', 2},
		{"\u0081", false, C1Control, 0x81, 2}, // undefined in windows-1252: stays
		{"\uffff", false, Forbidden, 0xffff, 3},
		{"\ufffd", false, Keep, 0xfffd, 3},
	} {
		what, r, size := RepairAt([]byte(tt.in), tt.eof)
		assert.Equal(t, [3]any{tt.what, tt.r, tt.size}, [3]any{what, r, size}, "%q eof %v", tt.in, tt.eof)
	}
	assert.Equal(t, '€', Windows1252(0x80))
	assert.Equal(t, 'ÿ', Windows1252(0xff))
	assert.Equal(t, 'A', Windows1252('A'))
}

// TestTokenizerMaxAttrs checks the bound on the attributes of one start
// tag, in both modes: MaxAttrs of them read, one more is ErrTooLarge at a
// position.
func TestTokenizerMaxAttrs(t *testing.T) {
	tag := func(n int) string {
		var b strings.Builder
		b.WriteString("<r><x")
		for i := range n {
			fmt.Fprintf(&b, ` a%d=""`, i)
		}
		b.WriteString("/></r>")
		return b.String()
	}
	for _, strict := range []bool{false, true} {
		out, err := tokenize(tag(MaxAttrs), Options{Strict: strict})
		require.NoError(t, err, "strict=%v", strict)
		assert.Equal(t, 2, strings.Count(out, "S "))
		_, err = tokenize(tag(MaxAttrs+1), Options{Strict: strict})
		require.ErrorIs(t, err, ErrTooLarge, "strict=%v", strict)
		var e *Error
		require.ErrorAs(t, err, &e)
		assert.Equal(t, 1, e.Line)
		assert.Contains(t, err.Error(), "a start tag with more than 65536 attributes")
	}
}
