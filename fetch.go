package rss

import (
	"bytes"
	"fmt"
	"io"
	"mime"
	"strings"

	"golang.org/x/net/html/charset"
)

// mediaCharset returns the name of the encoding the charset parameter of
// contentType names, when the document's first bytes, head, can be in it,
// or "". RFC 7303 §3.2 makes the charset parameter authoritative over the
// XML declaration and over guesses from the bytes; only a byte-order mark
// (looked at before) wins over it, as the XML specification's appendix F
// also says. A charset the package does not know, or one under which the
// document cannot start with markup (a UTF-16 charset on ASCII bytes, an
// ASCII-compatible one on UTF-16 without a byte-order mark), is a server's
// mistake and is ignored: the declaration and the bytes decide, as they do
// without a Content-Type.
//
// In strict mode a media type that is not XML (nor JSON, for JSON Feed)
// is an error, as a validator sees it: a feed served as text/plain or
// text/html is not served right.
func mediaCharset(contentType string, head []byte, strict bool) (string, error) {
	if strings.TrimSpace(contentType) == "" {
		return "", nil
	}
	mediaType, params, err := mime.ParseMediaType(contentType)
	if strict && !xmlMediaType(mediaType) {
		if err != nil && mediaType == "" {
			return "", &repairError{fmt.Sprintf("unreadable Content-Type %q", contentType)}
		}
		return "", &repairError{fmt.Sprintf("served as %s, which is not an XML media type", mediaType)}
	}
	label := strings.Trim(strings.TrimSpace(params["charset"]), `'"`)
	if label == "" {
		return "", nil
	}
	e, name := charset.Lookup(label)
	if e == nil {
		return "", nil
	}
	// Decode the first bytes: they must start with markup ('<' and a name
	// character, '?' or '!'), after white space.
	sample := head[:min(len(head), 64)]
	if len(sample) == 0 {
		return name, nil
	}
	text, _ := io.ReadAll(e.NewDecoder().Reader(bytes.NewReader(sample)))
	text = bytes.TrimLeft(text, " \t\r\n")
	if len(text) < 2 || text[0] != '<' {
		return "", nil
	}
	if c := text[1]; c != '?' && c != '!' && c != '_' && c != ':' && !('a' <= c|0x20 && c|0x20 <= 'z') && c < 0x80 {
		return "", nil
	}
	return name, nil
}

// xmlMediaType reports whether a media type is one a feed may be served
// as: XML (application/xml, text/xml, any +xml, the external parsed
// entity and DTD types) or JSON (application/json, any +json).
func xmlMediaType(t string) bool {
	switch t {
	case "application/xml", "text/xml", "application/xml-external-parsed-entity",
		"text/xml-external-parsed-entity", "application/xml-dtd", "application/json":
		return true
	}
	return strings.HasSuffix(t, "+xml") || strings.HasSuffix(t, "+json")
}
