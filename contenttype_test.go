package rss_test

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/feedkit/rss"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestContentTypeCharset checks that the charset of Decoder.ContentType
// decides the encoding over the XML declaration and the guesses from the
// bytes, that a byte-order mark wins over it, and that a charset that is
// unknown, or wrong for the bytes, is ignored. Each case is read lenient
// and strict: a strict decoder that finds invalid bytes would say so.
func TestContentTypeCharset(t *testing.T) {
	item := func(decl, desc string) []byte {
		return []byte(decl + "<rss version=\"2.0\"><channel><title>T</title><item><description>" + desc +
			"</description></item></channel></rss>")
	}
	utf16le := func(s string) []byte {
		var b []byte
		for _, r := range s { // ASCII and Latin-1 only
			b = append(b, byte(r), byte(r>>8))
		}
		return b
	}
	tests := []struct {
		name        string
		contentType string
		body        []byte
		want        string
	}{
		{"charset decides without a declaration", "text/xml; charset=windows-1252",
			item("", "This is a \xa3\x93test.\x94"), "This is a £“test.”"},
		{"charset overrides the declaration", "application/rss+xml; charset=utf-8",
			item(`<?xml version="1.0" encoding="iso-8859-1"?>`, "caf\xc3\xa9"), "café"},
		{"charset overrides a utf-8 declaration", "application/xml;charset=koi8-r",
			item(`<?xml version="1.0" encoding="utf-8"?>`, "\xf0\xd2\xc9\xd7\xc5\xd4"), "Привет"},
		{"quoted and spaced charset", `text/xml;charset = "iso-8859-1"`,
			item(`<?xml version="1.0" encoding="utf-8"?>`, "caf\xe9"), "café"},
		{"single-quoted charset, as some servers write it", "text/xml; charset='iso-8859-1'",
			item("", "caf\xe9"), "café"},
		{"unknown charset: the declaration decides", "text/xml; charset=x-bogus",
			item(`<?xml version="1.0" encoding="iso-8859-1"?>`, "caf\xe9"), "café"},
		{"utf-16 charset on ASCII bytes is wrong: the declaration decides", "text/xml; charset=utf-16",
			item(`<?xml version="1.0" encoding="iso-8859-1"?>`, "caf\xe9"), "café"},
		{"a UTF-8 byte-order mark wins over the charset", "text/xml; charset=windows-1252",
			append([]byte("\xef\xbb\xbf"), item("", "caf\xc3\xa9")...), "café"},
		{"a UTF-16 byte-order mark wins over the charset", "text/xml; charset=iso-8859-1",
			append([]byte("\xff\xfe"), utf16le(string(item("", "café")))...), "café"},
		{"utf-16le charset without a byte-order mark", "text/xml; charset=utf-16le",
			utf16le(string(item("", "café"))), "café"},
		{"ASCII-compatible charset on UTF-16 is wrong: the bytes decide", "text/xml; charset=windows-1252",
			utf16le(string(item("", "café"))), "café"},
		{"no charset: the declaration decides", "application/rss+xml",
			item(`<?xml version="1.0" encoding="iso-8859-1"?>`, "caf\xe9"), "café"},
		{"malformed Content-Type is ignored", `text/xml; charset="utf-8`,
			item(`<?xml version="1.0" encoding="iso-8859-1"?>`, "caf\xe9"), "café"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, strict := range []bool{false, true} {
				d := rss.NewDecoder(bytes.NewReader(tt.body))
				d.ContentType = tt.contentType
				d.Strict = strict
				_, err := d.Channel()
				require.NoError(t, err, "strict %v", strict)
				it, err := d.Next()
				require.NoError(t, err, "strict %v", strict)
				assert.Equal(t, tt.want, it.Description, "strict %v", strict)
			}
		})
	}
}

// TestContentTypeNotXML checks that a document that is not XML is still
// ErrNotFeed whatever it was served as, and that strict mode, as a
// validator, refuses a feed served with a media type that is not XML.
func TestContentTypeNotXML(t *testing.T) {
	d := rss.NewDecoder(strings.NewReader("<!DOCTYPE html><html><head><title>x</title></head></html>"))
	d.ContentType = "text/html; charset=utf-8"
	_, err := d.Channel()
	require.ErrorIs(t, err, rss.ErrNotFeed)

	d = rss.NewDecoder(strings.NewReader("just some text"))
	d.ContentType = "text/plain; charset=utf-8"
	_, err = d.Channel()
	require.ErrorIs(t, err, rss.ErrNotFeed)

	feed := `<rss version="2.0"><channel><title>T</title></channel></rss>`
	for _, ct := range []string{"text/plain", "text/html; charset=utf-8"} {
		d = rss.NewDecoder(strings.NewReader(feed))
		d.ContentType = ct
		f, err := d.Channel()
		require.NoError(t, err, "lenient reads a feed served as %s", ct)
		assert.Equal(t, "T", f.Title)

		d = rss.NewDecoder(strings.NewReader(feed))
		d.ContentType = ct
		d.Strict = true
		_, err = d.Channel()
		var pe *rss.ParseError
		require.ErrorAs(t, err, &pe, "strict refuses a feed served as %s", ct)
		assert.Contains(t, err.Error(), "not an XML media type")
	}
	for _, ct := range []string{"application/rss+xml", "text/xml", "application/xml; charset=utf-8", "application/atom+xml"} {
		d = rss.NewDecoder(strings.NewReader(feed))
		d.ContentType = ct
		d.Strict = true
		_, err = d.Channel()
		require.NoError(t, err, "strict accepts %s", ct)
	}
}

// FuzzContentType reads documents under any Content-Type: no panic, and
// every error a positioned *ParseError, lenient or strict.
func FuzzContentType(f *testing.F) {
	feed := []byte(`<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel><title>caf` + "\xe9" +
		`</title><item><title>x</title></item></channel></rss>`)
	for _, ct := range []string{"text/xml; charset=utf-16", "application/rss+xml; charset=windows-1252",
		"text/plain", `text/xml; charset="`, "text/html; charset=iso-2022-jp", "application/xml; charset=utf-16be"} {
		f.Add(feed, ct, false)
		f.Add(feed, ct, true)
	}
	f.Add([]byte("\xff\xfe<\x00r\x00s\x00s\x00>\x00"), "text/xml; charset=koi8-r", true)
	f.Fuzz(func(t *testing.T, data []byte, contentType string, strict bool) {
		d := rss.NewDecoder(bytes.NewReader(data))
		d.ContentType = contentType
		d.Strict = strict
		_, err := d.Channel()
		for err == nil {
			_, err = d.Next()
		}
		if err == io.EOF {
			return
		}
		var pe *rss.ParseError
		if !errors.As(err, &pe) || pe.Line < 1 || pe.Column < 1 {
			t.Fatalf("error %v (%T) is not a positioned *ParseError", err, err)
		}
	})
}
