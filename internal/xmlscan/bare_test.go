package xmlscan

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// joined reads doc with a Tokenizer (src wraps its reader, to chunk it)
// and writes its tokens compactly: <name> for a start tag, </name> for an
// end tag (local names), adjacent text joined and quoted. It stops at
// io.EOF or at the first error, which it returns.
func joined(doc string, strict bool, src func(io.Reader) io.Reader) (string, error) {
	r, err := NewReader(src(strings.NewReader(doc)), "", strict)
	if err != nil {
		return "", err
	}
	z := NewTokenizer(r, Options{Strict: strict})
	var b strings.Builder
	var text []byte
	flush := func() {
		if len(text) > 0 {
			fmt.Fprintf(&b, "%q", text)
			text = text[:0]
		}
	}
	for {
		tok, err := z.Next()
		if err != nil {
			flush()
			if err == io.EOF {
				err = nil
			}
			return b.String(), err
		}
		switch tok.Kind {
		case StartToken:
			flush()
			b.WriteString("<" + tok.Start.Name.Local)
			for _, a := range tok.Start.Attr {
				fmt.Fprintf(&b, " %s=%q", a.Name.Local, a.Value)
			}
			b.WriteString(">")
		case EndToken:
			flush()
			b.WriteString("</" + tok.End.Local + ">")
		case TextToken:
			text = append(text, tok.Text...)
		}
	}
}

func whole(r io.Reader) io.Reader { return r }

// TestBareLessThan checks lenient mode's reading of a bare '<' in text (see
// scanner.bareTag): where it cannot start markup, it is text as written,
// with no element, end tag or attribute invented, and what follows is read;
// markup that is markup reads as it did. The tokens are the same whatever
// the chunks the input comes in, and strict mode refuses each bare '<'.
func TestBareLessThan(t *testing.T) {
	for _, tt := range []struct {
		name, doc, want string
		bare            bool // strict mode refuses it
	}{
		{"broken by another '<'", `<item><title>Why x<y matters</title><link>http://x/post</link><guid>g1</guid></item>`,
			`<item><title>"Why x<y matters"</title><link>"http://x/post"</link><guid>"g1"</guid></item>`, true},
		{"entity before it", `<item><title>Q&amp;A: when i<n, loop</title><link>l</link></item>`,
			`<item><title>"Q&A: when i<n, loop"</title><link>"l"</link></item>`, true},
		{"closed by its parent's end", `<item><title>List<String> in Java</title><link>l</link></item>`,
			`<item><title>"List<String> in Java"</title><link>"l"</link></item>`, true},
		{"two closed by the parent's end", `<item><title>List<String> or List<Integer></title></item>`,
			`<item><title>"List<String> or List<Integer>"</title></item>`, true},
		{"an element of the same name inside: markup", `<item><title><a><title>0</title></a></title></item>`,
			`<item><title><a><title>"0"</title></a></title></item>`, false},
		{"loose attributes", `<item><title>Compare a<b and c>d</title><link>l</link></item>`,
			`<item><title>"Compare a<b and c>d"</title><link>"l"</link></item>`, true},
		{"loose, unquoted", `<item><title>Map<K,V> x<k=v> y</title></item>`,
			`<item><title>"Map<K,V> x<k=v> y"</title></item>`, true},
		{"loose, self-closing", `<item><title>a<b c/>d</title></item>`, `<item><title>"a<b c/>d"</title></item>`, true},
		{"quoted attributes, parent's end next", `<item><title>x<y z="1">w</title></item>`,
			`<item><title>"x<y z=\"1\">w"</title></item>`, true},
		{"a description, broken", `<item><description>if a<b then c</description><link>l</link></item>`,
			`<item><description>"if a<b then c"</description><link>"l"</link></item>`, true},
		{"a link, broken", `<item><link>http://x/?a<b</link><guid>g</guid></item>`,
			`<item><link>"http://x/?a<b"</link><guid>"g"</guid></item>`, true},
		{"prefixed parent", `<item xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Jo<Admin> x</dc:creator></item>`,
			`<item dc="http://purl.org/dc/elements/1.1/"><creator>"Jo<Admin> x"</creator></item>`, true},
		{"parent's end in another case", `<item><pubDate>x<y> z</PUBDATE></item>`,
			`<item><pubDate>"x<y> z"</pubDate></item>`, true},
		{"not a name start (the input filter)", `<item><title>a < b <= c</title></item>`,
			`<item><title>"a < b <= c"</title></item>`, true},

		// Markup stays markup.
		{"html in a description", `<item><description><p>x<br>y <a href="u">l</a></p></description></item>`,
			`<item><description><p>"x"<br>"y "<a href="u">"l"</a></br></p></description></item>`, false},
		{"closed markup in a title", `<item><title>a <b>bold</b> c</title></item>`,
			`<item><title>"a "<b>"bold"</b>" c"</title></item>`, false},
		{"nested markup in a title", `<item><title>x<b>y<i>z</i></b></title></item>`,
			`<item><title>"x"<b>"y"<i>"z"</i></b></title></item>`, false},
		{"self-closing markup in a title", `<item><title>a<b/>c</title></item>`,
			`<item><title>"a"<b></b>"c"</title></item>`, false},
		{"a comment before the next end tag", `<item><title>a<b><!-- </title> --></b></title></item>`,
			`<item><title>"a"<b></b></title></item>`, false},
		{"an xhtml title is not text-only", `<feed xmlns="http://www.w3.org/2005/Atom"><title type="xhtml"><div>a<br>b</div></title></feed>`,
			`<feed xmlns="http://www.w3.org/2005/Atom"><title type="xhtml"><div>"a"<br>"b"</br></div></title></feed>`, false},
		{"atom author's children", `<feed xmlns="http://www.w3.org/2005/Atom"><author><name>Jo</name></author></feed>`,
			`<feed xmlns="http://www.w3.org/2005/Atom"><author><name>"Jo"</name></author></feed>`, false},
		{"html's link left open in a description", `<item><description><link rel=stylesheet href=a.css><img src=x>y</description></item>`,
			`<item><description><link rel="stylesheet" href="a.css"><img src="x">"y"</img></link></description></item>`, true},
		// A description is not text-only: a well-formed tag in it is
		// markup, closed by the description's end, as before.
		{"a well-formed tag in a description", `<item><description>List<String> in Java</description></item>`,
			`<item><description>"List"<String>" in Java"</String></description></item>`, true},
		// Outside every element a broken tag is read as before.
		{"outside the elements", `<a<b>x</a>`, `<a b="b">"x"</a>`, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := joined(tt.doc, false, whole)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			bytewise, err := joined(tt.doc, false, iotest.OneByteReader)
			require.NoError(t, err)
			assert.Equal(t, got, bytewise, "one byte at a time")

			_, err = joined(tt.doc, true, whole)
			if tt.bare {
				var e *Error
				assert.True(t, errors.As(err, &e), "strict mode: %v", err)
			}
		})
	}
}

// TestBareLessThanLookahead checks the bound on the search for the next
// end tag: a well-formed tag in a text-only element whose next end tag is
// more than maxLookahead bytes on is markup, as before (and its parent's
// end closes it).
func TestBareLessThanLookahead(t *testing.T) {
	for _, n := range []int{maxLookahead / 2, 2 * maxLookahead} {
		long := strings.Repeat("z", n)
		doc := `<item><title>x<y>` + long + `</title></item>`
		got, err := joined(doc, false, whole)
		require.NoError(t, err)
		want := `<item><title>"x<y>` + long + `"</title></item>`
		if n > maxLookahead {
			want = `<item><title>"x"<y>"` + long + `"</y></title></item>`
		}
		assert.Equal(t, want, got, "%d bytes", n)
		bytewise, err := joined(doc, false, iotest.OneByteReader)
		require.NoError(t, err)
		assert.Equal(t, got, bytewise, "%d bytes, one byte at a time", n)
	}
}

// TestBareLessThanWork checks that the search for the next end tag reads
// each byte once, however many start tags ask: a title of many bare tags
// (with loose attributes: text whether the next end tag is in reach or
// not) costs work linear in its length.
func TestBareLessThanWork(t *testing.T) {
	work := func(n int) (int, int) {
		doc := "<item><title>" + strings.Repeat("<a b>", n) + "</title></item>"
		z := NewTokenizer(strings.NewReader(doc), Options{})
		texts := 0
		for {
			tok, err := z.Next()
			if err == io.EOF {
				break
			}
			require.NoError(t, err)
			if tok.Kind == StartToken && tok.Start.Name.Local == "a" {
				t.Fatalf("<a> read as markup")
			}
			if tok.Kind == TextToken {
				texts += bytes.Count(tok.Text, []byte("<a b>"))
			}
		}
		require.Equal(t, n, texts)
		return z.Stats().Work, len(doc)
	}
	small, smallLen := work(1000)
	large, largeLen := work(16000)
	assert.Less(t, float64(large)/float64(largeLen), 1.2*float64(small)/float64(smallLen), "work per byte grows: %d for %d bytes, %d for %d", small, smallLen, large, largeLen)
	assert.Less(t, large, 4*largeLen, "work per byte")
}

// FuzzTokenizerBare checks lenient mode's tokenizer, with the bare-'<'
// rules its context drives (see scanner.bareTag): on any input the tokens
// and the error are the same whether the input comes whole or one byte at
// a time, and on input that encoding/xml reads as well-formed, and that
// the input filter leaves as it is, no start tag is read as text.
func FuzzTokenizerBare(f *testing.F) {
	for _, s := range []string{
		`<item><title>Why x<y matters</title><link>l</link></item>`,
		`<item><title>List<String> in Java</title></item>`,
		`<item><title>Compare a<b and c>d</title></item>`,
		`<item><title>a<b><![CDATA[</title>]]></b></title></item>`,
		`<item><title>x<b>y<i>z</i></b><c/>w</title></item>`,
		`<item><description>if a<b then c</description></item>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc := string(data)
		got, err := joined(doc, false, whole)
		bytewise, berr := joined(doc, false, iotest.OneByteReader)
		if got != bytewise || fmt.Sprint(err) != fmt.Sprint(berr) {
			t.Fatalf("chunking changes the tokens:\n%s %v\none byte at a time:\n%s %v", got, err, bytewise, berr)
		}
		want, ok := xmlEvents(data)
		if !ok || err != nil {
			return
		}
		if filteredData, ferr := filtered(bytes.NewReader(data), false); ferr != nil || !bytes.Equal(filteredData, data) {
			return
		}
		if bytes.Contains(data, []byte("<!D")) {
			return // (a DOCTYPE may declare entities that hold markup)
		}
		z := NewTokenizer(bytes.NewReader(data), Options{})
		starts := 0
		for {
			tok, err := z.Next()
			if err != nil {
				break
			}
			if tok.Kind == StartToken {
				starts++
			}
		}
		if n := strings.Count("\n"+want, "\nS"); starts != n {
			t.Fatalf("%d start tags read, of %d:\n%s", starts, n, got)
		}
	})
}
