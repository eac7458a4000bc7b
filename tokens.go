package rss

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"unicode/utf8"
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

// strictToken returns the next token from xml.Decoder.Token, which checks
// that the document is well-formed, and checks its namespaces, which Token
// does not: a namespace URI must have no white space in it, and a prefix
// must be declared. Token leaves a prefix nobody declared as the name's
// Space, so a Space that no declaration in scope gives is one. (A prefix
// spelt like a URI declared for another prefix goes unnoticed.)
func (d *Decoder) strictToken() (token, error) {
	tok, err := d.x.Token()
	if err != nil {
		return token{}, err
	}
	switch t := tok.(type) {
	case xml.StartElement:
		for _, a := range t.Attr {
			if a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns" {
				if strings.ContainsAny(a.Value, " \t\r\n") {
					return token{}, d.strictError(fmt.Sprintf("namespace URI %q has white space in it", a.Value))
				}
				if d.strictURIs == nil {
					d.strictURIs = map[string]int{}
				}
				d.strictURIs[a.Value]++
			}
		}
		if err := d.checkDeclared(t.Name, false); err != nil {
			return token{}, err
		}
		for _, a := range t.Attr {
			if a.Name.Space != "xmlns" {
				if err := d.checkDeclared(a.Name, true); err != nil {
					return token{}, err
				}
			}
		}
		// Keep the prefixes in scope as lenient mode does (Atom's XHTML
		// content is written back with them, atom.go; the declarations
		// counted above are given back from them), and the xml:base.
		for _, a := range t.Attr {
			if isXMLBase(a) {
				d.pushBase(a.Value)
			}
		}
		d.open = append(d.open, openElement{name: t.Name, nsMark: len(d.bindings)})
		d.bindAttrs(t.Attr)
		return mapC1Token(token{kind: startToken, start: t}), nil
	case xml.EndElement:
		if n := len(d.open); n > 0 {
			mark := d.open[n-1].nsMark
			for _, b := range d.bindings[mark:] {
				if d.strictURIs[b.uri]--; d.strictURIs[b.uri] <= 0 {
					delete(d.strictURIs, b.uri) // keep no URI out of scope
				}
			}
			d.unbind(mark)
			d.open[n-1] = openElement{}
			d.open = d.open[:n-1]
			d.popBases(n - 1)
		}
		return token{kind: endToken, end: t.Name}, nil
	case xml.CharData:
		return mapC1Token(token{kind: textToken, text: t}), nil
	}
	return token{}, nil
}

// mapC1Token maps the C1 control characters of a token from encoding/xml,
// in its text or its attribute values, to the windows-1252 characters
// they stand for, as the lenient decoder reads them: the input filter
// passes them on in strict mode (XML allows them), and encoding/xml
// decodes character references to them (&#146;) itself.
func mapC1Token(tok token) token {
	switch tok.kind {
	case textToken:
		if bytes.IndexByte(tok.text, 0xc2) >= 0 {
			tok.text = mapC1(tok.text)
		}
	case startToken:
		for i, a := range tok.start.Attr {
			if strings.IndexByte(a.Value, 0xc2) >= 0 {
				tok.start.Attr[i].Value = string(mapC1([]byte(a.Value)))
			}
		}
	}
	return tok
}

// mapC1 returns s with its C1 control characters (U+0080 to U+009F, in
// UTF-8 0xC2 0x80 to 0xC2 0x9F) read as windows-1252; s itself when it has
// none.
func mapC1(s []byte) []byte {
	var out []byte
	start := 0
	for i := 0; i+1 < len(s); i++ {
		if s[i] == 0xc2 && 0x80 <= s[i+1] && s[i+1] <= 0x9f {
			if out == nil {
				out = make([]byte, 0, len(s)+len(s)/2)
			}
			out = utf8.AppendRune(append(out, s[start:i]...), cp1252[s[i+1]-0x80])
			i++
			start = i + 1
		}
	}
	if out == nil {
		return s
	}
	return append(out, s[start:]...)
}

// checkDeclared reports, in strict mode, an element's or attribute's name
// (as Token resolved it) whose prefix nobody declared.
func (d *Decoder) checkDeclared(name xml.Name, isAttr bool) error {
	if name.Space == "" || name.Space == xmlNamespace || d.strictURIs[name.Space] > 0 ||
		!isAttr && name.Space == d.x.DefaultSpace { // an Atom root without its namespace (atom.go)
		return nil
	}
	what := "element <" + name.Local + ">"
	if isAttr {
		what = "attribute " + name.Local
	}
	return d.strictError(fmt.Sprintf("the namespace prefix %q of %s is not declared", name.Space, what))
}

// openElement is an element whose end tag has not been read.
type openElement struct {
	raw    xml.Name // as written: prefix and local name (lenient mode)
	name   xml.Name // resolved: namespace URI and local name
	nsMark int      // len(d.bindings) before its declarations
}

// binding is a namespace prefix in scope ("" for the default namespace).
type binding struct {
	prefix, uri string
	// prev is the index in d.bindings of the binding of the same prefix
	// this one hides, or -1; it is kept while d.nsIndex is in use.
	prev int
}

// Namespace prefixes resolve, and end tags match, in constant time
// however many declarations are in scope and however deep the elements:
//
//   - resolve looks through the bindings one by one while there are at
//     most nsLinear; past that it uses d.nsIndex, the latest binding of
//     each prefix, which unbind undoes through binding.prev;
//   - matchOpen looks through the innermost element and the outermost
//     openLinear ones; of the others it keeps the count of each name in
//     d.deepOpen, so that an end tag that closes none of them is known at
//     once, and one that does closes all it looked through.
const (
	nsLinear   = 16
	openLinear = 32
)

// xmlNamespace is the namespace the prefix xml is bound to by definition.
const xmlNamespace = "http://www.w3.org/XML/1998/namespace"

// lenientToken returns the next token with names resolved and end tags
// matched, or the scanner's error.
func (d *Decoder) lenientToken() (token, error) {
	for {
		if n := len(d.closing); n > 0 {
			end := d.closing[n-1]
			d.closing[n-1] = xml.Name{}
			d.closing = d.closing[:n-1]
			return token{kind: endToken, end: end}, nil
		}
		tok, err := d.sc.next()
		if err != nil {
			return token{}, err
		}
		switch tok.kind {
		case startToken:
			t := tok.start
			mark := len(d.bindings)
			d.bindAttrs(t.Attr)
			raw := t.Name
			if raw.Space != "" || raw.Local != "xmlns" {
				// (An element named xmlns is in no namespace, as in
				// encoding/xml.)
				t.Name.Space = d.resolve(raw.Space, true)
			}
			for i := range t.Attr {
				if s := t.Attr[i].Name.Space; s != "" && s != "xmlns" {
					t.Attr[i].Name.Space = d.resolve(s, false)
					if isXMLBase(t.Attr[i]) {
						d.pushBase(t.Attr[i].Value)
					}
				}
			}
			d.pushOpen(openElement{raw: raw, name: t.Name, nsMark: mark})
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
			d.unbind(d.open[i].nsMark)
			d.popOpen(i)
		default:
			return tok, nil
		}
	}
}

// pushOpen adds an element to the open ones.
func (d *Decoder) pushOpen(e openElement) {
	if len(d.open) >= openLinear {
		if d.deepOpen == nil {
			d.deepOpen = map[xml.Name]int{}
		}
		d.deepOpen[e.raw]++
		d.deepPeak = max(d.deepPeak, len(d.deepOpen))
	}
	d.open = append(d.open, e)
}

// popOpen closes the open elements from the i-th on.
func (d *Decoder) popOpen(i int) {
	n := len(d.open)
	if n > openLinear {
		for j := max(i, openLinear); j < n; j++ {
			raw := d.open[j].raw
			if c := d.deepOpen[raw]; c > 1 {
				d.deepOpen[raw] = c - 1
			} else {
				delete(d.deepOpen, raw)
			}
		}
		if i <= openLinear && d.deepPeak > 4*openLinear {
			// A map grown large does not shrink: let go of it.
			d.deepOpen, d.deepPeak = nil, 0
		}
	}
	d.addWork(n - i)
	d.popBases(i)
	if i == n-1 && n <= openLinear {
		d.open[i] = openElement{} // (the common case, without truncate's call)
		d.open = d.open[:i]
		return
	}
	d.open = truncate(d.open, i)
}

// bindAttrs puts the namespace declarations among an element's attributes
// in scope.
func (d *Decoder) bindAttrs(attrs []xml.Attr) {
	for _, a := range attrs {
		switch {
		case a.Name.Space == "xmlns":
			d.bind(a.Name.Local, a.Value)
		case a.Name.Space == "" && a.Name.Local == "xmlns":
			d.bind("", a.Value)
		}
	}
}

// matchOpen returns the index in d.open of the element an end tag closes:
// the innermost with the same name, or, failing that, the innermost
// element if its name differs only in case; -1 when there is none.
func (d *Decoder) matchOpen(name xml.Name) int {
	n := len(d.open)
	if n == 0 {
		return -1
	}
	if d.open[n-1].raw == name {
		return n - 1
	}
	from := n - 1
	if n > openLinear && d.deepOpen[name] == 0 {
		from = openLinear - 1 // none of the deeper ones has the name
	}
	for i := from; i >= 0; i-- {
		d.sc.work++
		if d.open[i].raw == name {
			return i
		}
	}
	if strings.EqualFold(d.open[n-1].raw.Local, name.Local) {
		return n - 1
	}
	return -1
}

// bind adds a namespace declaration to the bindings in scope.
func (d *Decoder) bind(prefix, uri string) {
	if d.nsIndex == nil && len(d.bindings) >= nsLinear {
		d.indexBindings()
	}
	b := binding{prefix: prefix, uri: uri, prev: -1}
	if d.nsIndex != nil {
		if i, ok := d.nsIndex[prefix]; ok {
			b.prev = i
		}
		d.nsIndex[prefix] = len(d.bindings)
		d.nsPeak = max(d.nsPeak, len(d.bindings)+1)
	}
	d.bindings = append(d.bindings, b)
}

// indexBindings makes d.nsIndex for the bindings in scope.
func (d *Decoder) indexBindings() {
	d.nsIndex = make(map[string]int, 2*len(d.bindings))
	for i := range d.bindings {
		b := &d.bindings[i]
		b.prev = -1
		if j, ok := d.nsIndex[b.prefix]; ok {
			b.prev = j
		}
		d.nsIndex[b.prefix] = i
	}
	d.nsPeak = len(d.bindings)
	d.addWork(len(d.bindings))
}

// unbind ends the scope of the bindings from the mark-th on.
func (d *Decoder) unbind(mark int) {
	if mark == len(d.bindings) {
		return
	}
	if d.nsIndex != nil {
		switch {
		case mark <= nsLinear/2:
			d.nsIndex = nil // few enough to look through
		case mark < d.nsPeak/4:
			// A map grown large does not shrink: make a new one.
			d.bindings = truncate(d.bindings, mark)
			d.indexBindings()
		default:
			for i := len(d.bindings) - 1; i >= mark; i-- {
				if b := d.bindings[i]; b.prev < 0 {
					delete(d.nsIndex, b.prefix)
				} else {
					d.nsIndex[b.prefix] = b.prev
				}
			}
		}
	}
	d.addWork(len(d.bindings) - mark)
	d.bindings = truncate(d.bindings, mark)
}

// truncate returns s[:n], letting go of what the elements after n refer to
// and, when s has grown far beyond n, of its array.
func truncate[T any](s []T, n int) []T {
	clear(s[n:])
	if cap(s) > 1024 && n < cap(s)/4 {
		return append(make([]T, 0, 2*n), s[:n]...)
	}
	return s[:n]
}

// resolve returns the namespace URI a prefix stands for where it is used:
// on an element, "" is the default namespace; on an attribute, no
// namespace. A prefix nobody declared stands for itself.
func (d *Decoder) resolve(prefix string, element bool) string {
	switch {
	case prefix == "" && !element:
		return ""
	case prefix == "xml":
		return xmlNamespace
	case prefix == "xmlns":
		return prefix // as in encoding/xml, even if declared
	case d.nsIndex != nil:
		if i, ok := d.nsIndex[prefix]; ok {
			return d.bindings[i].uri
		}
		return prefix
	}
	for i := len(d.bindings) - 1; i >= 0; i-- {
		d.sc.work++
		if d.bindings[i].prefix == prefix {
			return d.bindings[i].uri
		}
	}
	return prefix
}

// addWork counts work for the tests that check it grows linearly
// (hostile_test.go), in the scanner's counter; strict mode, which has no
// scanner, does not count.
func (d *Decoder) addWork(n int) {
	if d.sc != nil {
		d.sc.work += n
	}
}
