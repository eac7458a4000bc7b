package rss

import (
	"encoding/xml"
	"strings"
)

// In lenient mode the decoder reads raw tokens from its scanner
// (scanner.go) and does itself what xml.Decoder.Token does on top of
// RawToken, the way a feed reader needs it:
//
//   - Names are resolved to namespace URIs through a stack of the prefixes
//     in scope. A prefix nobody declared stays as it is, as in
//     encoding/xml (canonicalNS then maps the well-known ones).
//   - End tags are matched to the open elements. An end tag that closes an
//     element other than the innermost closes the ones inside it too; an
//     end tag that matches no open element (or matches one only without
//     regard to case, for the innermost) is repaired or dropped. Token would
//     instead unwind every open element and fail.
//
// In strict mode the decoder uses Token, whose checks are the point.

// token is one XML token, as the decoder reads them. Unlike xml.Token it
// is not an interface, so that passing one on costs no allocation.
type token struct {
	kind        tokenKind
	start       xml.StartElement // startToken
	end         xml.Name         // endToken
	text        []byte           // textToken: valid until the next token
	selfClosing bool             // startToken written <name/>: the scanner hands out its end next
}

type tokenKind uint8

const (
	otherToken tokenKind = iota // comments, processing instructions, directives
	startToken
	endToken
	textToken
)

// strictToken returns the next token from xml.Decoder.Token.
func (d *Decoder) strictToken() (token, error) {
	tok, err := d.x.Token()
	if err != nil {
		return token{}, err
	}
	switch t := tok.(type) {
	case xml.StartElement:
		// Keep the prefixes in scope as lenient mode does: Atom's XHTML
		// content is written back with them (atom.go).
		d.open = append(d.open, openElement{name: t.Name, nsMark: len(d.bindings)})
		d.bind(t.Attr)
		return token{kind: startToken, start: t}, nil
	case xml.EndElement:
		if n := len(d.open); n > 0 {
			d.bindings = d.bindings[:d.open[n-1].nsMark]
			d.open = d.open[:n-1]
		}
		return token{kind: endToken, end: t.Name}, nil
	case xml.CharData:
		return token{kind: textToken, text: t}, nil
	}
	return token{}, nil
}

// openElement is an element whose end tag has not been read.
type openElement struct {
	raw    xml.Name // as written: prefix and local name (lenient mode)
	name   xml.Name // resolved: namespace URI and local name
	nsMark int      // len(d.bindings) before its declarations
}

// binding is a namespace prefix in scope ("" for the default namespace).
type binding struct{ prefix, uri string }

// xmlNamespace is the namespace the prefix xml is bound to by definition.
const xmlNamespace = "http://www.w3.org/XML/1998/namespace"

// lenientToken returns the next token with names resolved and end tags
// matched, or the scanner's error.
func (d *Decoder) lenientToken() (token, error) {
	if n := len(d.closing); n > 0 {
		end := d.closing[n-1]
		d.closing = d.closing[:n-1]
		return token{kind: endToken, end: end}, nil
	}
	for {
		tok, err := d.sc.next()
		if err != nil {
			return token{}, err
		}
		switch tok.kind {
		case startToken:
			t := tok.start
			mark := len(d.bindings)
			d.bind(t.Attr)
			raw := t.Name
			t.Name.Space = d.resolve(raw.Space, true)
			for i := range t.Attr {
				if s := t.Attr[i].Name.Space; s != "" && s != "xmlns" {
					t.Attr[i].Name.Space = d.resolve(s, false)
				}
			}
			d.open = append(d.open, openElement{raw: raw, name: t.Name, nsMark: mark})
			tok.start = t
			return tok, nil
		case endToken:
			i := d.matchOpen(tok.end)
			if i < 0 {
				continue // closes nothing that is open: drop it
			}
			// Close the elements inside the one this tag closes first,
			// innermost first (d.closing is popped from its end).
			for j := i; j < len(d.open); j++ {
				d.closing = append(d.closing, d.open[j].name)
			}
			d.bindings = d.bindings[:d.open[i].nsMark]
			d.open = d.open[:i]
			return d.lenientToken()
		default:
			return tok, nil
		}
	}
}

// bind puts the namespace declarations among an element's attributes in
// scope.
func (d *Decoder) bind(attrs []xml.Attr) {
	for _, a := range attrs {
		switch {
		case a.Name.Space == "xmlns":
			d.bindings = append(d.bindings, binding{a.Name.Local, a.Value})
		case a.Name.Space == "" && a.Name.Local == "xmlns":
			d.bindings = append(d.bindings, binding{"", a.Value})
		}
	}
}

// matchOpen returns the index in d.open of the element an end tag closes:
// the innermost with the same name, or, failing that, the innermost
// element if its name differs only in case; -1 when there is none.
func (d *Decoder) matchOpen(name xml.Name) int {
	for i := len(d.open) - 1; i >= 0; i-- {
		if d.open[i].raw == name {
			return i
		}
	}
	if n := len(d.open); n > 0 && strings.EqualFold(d.open[n-1].raw.Local, name.Local) {
		return n - 1
	}
	return -1
}

// resolve returns the namespace URI a prefix stands for where it is used:
// on an element, "" is the default namespace; on an attribute, no
// namespace.
func (d *Decoder) resolve(prefix string, element bool) string {
	if prefix == "" && !element {
		return ""
	}
	if prefix == "xml" {
		return xmlNamespace
	}
	for i := len(d.bindings) - 1; i >= 0; i-- {
		if d.bindings[i].prefix == prefix {
			return d.bindings[i].uri
		}
	}
	return prefix
}
