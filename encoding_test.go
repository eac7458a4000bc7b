package rss

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// encodeWide encodes UTF-8 text as UTF-16 or UTF-32 in the given byte
// order, with a byte-order mark when bom is set.
func encodeWide(s string, bits int, big, bom bool) []byte {
	var out []byte
	put := func(v uint32) {
		switch {
		case bits == 16 && big:
			out = binary.BigEndian.AppendUint16(out, uint16(v))
		case bits == 16:
			out = binary.LittleEndian.AppendUint16(out, uint16(v))
		case big:
			out = binary.BigEndian.AppendUint32(out, v)
		default:
			out = binary.LittleEndian.AppendUint32(out, v)
		}
	}
	if bom {
		put(0xfeff)
	}
	for _, r := range s {
		if bits == 16 {
			for _, u := range utf16.Encode([]rune{r}) {
				put(uint32(u))
			}
		} else {
			put(uint32(r))
		}
	}
	return out
}

// readTitles reads a feed whole, lenient or strict, one byte at a time so
// that no reader of the input pipeline gets more than it asks for, and
// returns the channel's and the first item's titles.
func readTitles(t *testing.T, data []byte, strict bool) (title, itemTitle string, err error) {
	t.Helper()
	d := NewDecoder(iotest.OneByteReader(bytes.NewReader(data)))
	d.Strict = strict
	f, err := d.Channel()
	if err != nil {
		return f.Title, "", err
	}
	it, err := d.Next()
	if err != nil {
		return f.Title, "", err
	}
	return f.Title, it.Title, nil
}

// TestWideEncodings reads a feed written in each Unicode encoding, with
// and without a byte-order mark, without an XML declaration, with one that
// names the encoding, and with one that names another encoding: the
// byte-order mark, or else the pattern of zero bytes, decides.
func TestWideEncodings(t *testing.T) {
	const body = "\n<rss version=\"2.0\"><channel><title>Wide ✓ 𝄞</title>" +
		"<item><title>Ünïcödé</title></item></channel></rss>"
	encodings := []struct {
		name      string
		bits      int // 8, 16 or 32
		big       bool
		declLabel string
	}{
		{name: "UTF-8", bits: 8, declLabel: "UTF-8"},
		{name: "UTF-16LE", bits: 16, declLabel: "UTF-16"},
		{name: "UTF-16BE", bits: 16, big: true, declLabel: "UTF-16"},
		{name: "UTF-32LE", bits: 32, declLabel: "UTF-32"},
		{name: "UTF-32BE", bits: 32, big: true, declLabel: "UTF-32"},
	}
	for _, enc := range encodings {
		for _, bom := range []bool{true, false} {
			// The declarations: none, the right one, and ones that
			// disagree (a wide encoding named on UTF-8, a byte encoding
			// named on a wide one).
			decls := []string{"", enc.declLabel, "windows-1251", "ISO-8859-1", "UTF-16BE", "UTF-16LE", "UTF-8"}
			for _, decl := range decls {
				if enc.bits == 8 && !bom && (decl == "windows-1251" || decl == "ISO-8859-1") {
					continue // no byte-order mark: the declaration rightly wins
				}
				name := fmt.Sprintf("%s/bom=%v/decl=%q", enc.name, bom, decl)
				t.Run(name, func(t *testing.T) {
					text := body
					if decl != "" {
						text = `<?xml version="1.0" encoding="` + decl + `"?>` + body
					}
					var data []byte
					switch {
					case enc.bits == 8 && bom:
						data = append([]byte("\xef\xbb\xbf"), text...)
					case enc.bits == 8:
						data = []byte(text)
					default:
						data = encodeWide(text, enc.bits, enc.big, bom)
					}
					for _, strict := range []bool{false, true} {
						title, itemTitle, err := readTitles(t, data, strict)
						require.NoError(t, err, "strict=%v", strict)
						assert.Equal(t, "Wide ✓ 𝄞", title, "strict=%v", strict)
						assert.Equal(t, "Ünïcödé", itemTitle, "strict=%v", strict)
					}
				})
			}
		}
	}
}

// TestWideEncodingEdges covers what is left of a wide encoding's shape:
// an odd byte at the end of UTF-16 and a partial code unit at the end of
// UTF-32 are read as U+FFFD, not lost or fatal before the cut.
func TestWideEncodingEdges(t *testing.T) {
	doc := `<rss version="2.0"><channel><title>Cut</title></channel></rss>`
	for _, tt := range []struct {
		name string
		data []byte
	}{
		{"UTF-16BE with BOM, odd byte", append(encodeWide(doc, 16, true, true), 0)},
		{"UTF-16LE with BOM, odd byte", append(encodeWide(doc, 16, false, true), '\n')},
		{"UTF-32BE with BOM, partial unit", append(encodeWide(doc, 32, true, true), 0, 0)},
		{"UTF-32LE without BOM, partial unit", append(encodeWide(doc, 32, false, false), '\n', 0)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := NewDecoder(bytes.NewReader(tt.data))
			f, err := d.Channel()
			require.NoError(t, err)
			assert.Equal(t, "Cut", f.Title)
		})
	}
}

// TestNotRSSRootNameQuoted checks that the name of a root element that
// is not RSS reaches the ErrNotFeed message quoted, as strconv.Quote quotes,
// when it holds characters that would not print as themselves, and as
// <name> otherwise.
func TestNotRSSRootNameQuoted(t *testing.T) {
	for _, tt := range []struct{ doc, found string }{
		{"<html/>", "<html>"},
		{"<caf\xe9/>", "<café>"}, // not UTF-8: read as windows-1252
		{"<a\xc2\x81b/>", `"<a\u0081b>"`},
		{"<a\u202eb>x</a\u202eb>", `"<a\u202eb>"`},
		{"<a\u200bb/>", `"<a\u200bb>"`},
		{"<a\U000e0001b/>", `"<a\U000e0001b>"`},
	} {
		_, err := Parse(strings.NewReader(tt.doc))
		require.ErrorIs(t, err, ErrNotFeed, "%q", tt.doc)
		assert.Contains(t, err.Error(), "not a feed: the root element is "+tt.found, "%q", tt.doc)
	}
}
