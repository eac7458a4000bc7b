package opml_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/feedkit/rss/opml"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzParse checks that Parse never panics, that its errors are
// positioned *ParseErrors, and that a document it reads without an error is
// written, as a well-formed document, and read back the same:
// Parse(Write(Parse(x))) equals Parse(x), dates by instant and offset.
func FuzzParse(f *testing.F) {
	for _, path := range fixtures(f) {
		b, err := os.ReadFile(path)
		require.NoError(f, err)
		f.Add(b)
	}
	f.Add([]byte(`<opml><body><outline text="a" a:b="1" xmlns:a="u" xml:space="keep"><x/></outline></body></opml>`))
	f.Add([]byte(`<opml><head><title>&#x85;&#150;x</title><dateCreated>2018-09-17T09:00:00.5+02:00</dateCreated></head></opml>`))
	f.Fuzz(func(t *testing.T, in []byte) {
		d, err := opml.Parse(bytes.NewReader(in))
		require.NotNil(t, d)
		if err != nil {
			var pe *opml.ParseError
			require.True(t, errors.As(err, &pe), "not a *ParseError: %#v", err)
			assert.GreaterOrEqual(t, pe.Line, 1)
			assert.GreaterOrEqual(t, pe.Column, 1)
			return
		}
		var buf bytes.Buffer
		require.NoError(t, opml.Write(&buf, d))
		wellFormed(t, buf.Bytes())
		back, err := opml.Parse(bytes.NewReader(buf.Bytes()))
		require.NoError(t, err, "output:\n%s", buf.Bytes())
		assert.Equal(t, canon(d), canon(back), "output:\n%s", buf.Bytes())
		for _, o := range d.Feeds() {
			assert.NotEmpty(t, strings.TrimSpace(o.XMLURL))
		}
	})
}

// FuzzWrite builds a document from the fuzzer's strings and checks that
// Write either refuses it or writes a well-formed document that Parse reads
// back: the same document when its strings are ones Write keeps (valid
// UTF-8 with no character XML cannot carry or that Parse reads otherwise,
// head texts without white space at their ends); in any case one that,
// written again, gives the same bytes.
func FuzzWrite(f *testing.F) {
	f.Add("Title", "text", "https://example.com/feed", "attr", "value", "urn:x", int64(1136214245), 3600, uint8(2))
	f.Add(" sp ", "a&b<c>\"'", "\r\n\t", "é", "\x00\xff", "", int64(0), 0, uint8(0))
	f.Add("x", "", "", "xmlns", "", "xmlns", int64(-62135596800), -3600, uint8(9))
	f.Fuzz(func(t *testing.T, title, text, url, attrName, attrValue, space string, unix int64, offset int, depth uint8) {
		var when time.Time
		if unix != 0 {
			when = time.Unix(unix, 0).In(time.FixedZone("", offset%(18*3600)/60*60))
		}
		o := opml.Outline{Text: text, XMLURL: url, Description: attrValue,
			Attrs: []xml.Attr{{Name: xml.Name{Space: space, Local: attrName}, Value: attrValue}}}
		list := []opml.Outline{o}
		for range int(depth % 8) {
			list = []opml.Outline{{Text: text, Outlines: list}, o}
		}
		d := &opml.Document{Title: title, DateCreated: when, OwnerName: text,
			Head:     []opml.Element{{Name: xml.Name{Space: space, Local: attrName}, Text: attrValue}},
			Outlines: list}
		var buf bytes.Buffer
		if err := opml.Write(&buf, d); err != nil {
			assert.Zero(t, buf.Len())
			return
		}
		out := buf.Bytes()
		wellFormed(t, out)
		got, err := opml.Parse(bytes.NewReader(out))
		require.NoError(t, err, "output:\n%s", out)
		if kept(title, true) && kept(text, true) && kept(url, false) && kept(attrValue, true) {
			assert.Equal(t, canon(d), canon(got), "output:\n%s", out)
		}
		var again bytes.Buffer
		require.NoError(t, opml.Write(&again, got))
		back, err := opml.Parse(bytes.NewReader(again.Bytes()))
		require.NoError(t, err)
		assert.Equal(t, canon(got), canon(back))
		assert.Equal(t, again.String(), string(write(t, back)), "the same document gives the same bytes")
	})
}

// kept reports whether Write and Parse keep s as it is: valid UTF-8 with
// only characters XML carries and Parse reads as themselves (not a C1
// control, which Parse reads as windows-1252), and, for a string that is
// also a head text, no white space at its ends.
func kept(s string, headText bool) bool {
	if !utf8.ValidString(s) || headText && strings.TrimSpace(s) != s {
		return false
	}
	for _, r := range s {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r >= 0x80 && r <= 0x9F || r == 0xFFFE || r == 0xFFFF {
			return false
		}
	}
	return true
}
