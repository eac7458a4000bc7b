package opml

import (
	"encoding/xml"
	"fmt"
	"github.com/feedkit/rss/internal/xmlscan"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/feedkit/rss"
)

// dateLayout is RFC 822's date as RFC 1123 writes it, with a numeric
// offset: what OPML 2.0 asks for.
const dateLayout = "Mon, 02 Jan 2006 15:04:05 -0700"

// Write writes d to w as an OPML 2.0 document in UTF-8, indented with two
// spaces, in one call to w.Write. The output depends on d alone: the same
// document gives the same bytes.
//
// The head's fields are written in the order of the OPML 2.0 specification
// (title, dateCreated, dateModified, ownerName, ownerEmail), those that are
// empty or zero left out, then its other Elements in order; an
// outline's attributes are written in the order of [Outline]'s fields,
// text always (OPML requires it) and the others when they are not empty,
// then Attrs in order. An attribute or Element in a namespace other than
// xml's is written with a prefix ns1, ns2... in the order the namespaces
// are first used, declared on the opml element. Dates are written as
// RFC 822 asks, to the second, with a numeric UTC offset to the minute
// ("Mon, 02 Jan 2006 15:04:05 -0700").
//
// [Parse] reads what Write wrote back into the same document, with these
// exceptions: dates come back as the same instant with the same UTC
// offset, but to the second and without a zone name; the head's texts
// come back with white space trimmed at both ends; characters XML cannot
// carry (control characters other than tab, newline and carriage return,
// U+FFFE and U+FFFF) are not written, bytes that are not UTF-8 are written
// as U+FFFD, and a C1 control character comes back as Parse reads one (see
// the package documentation). A document Parse returned has none of these,
// so that Parse(Write(Parse(x))) is Parse(x), dates compared by instant and
// offset.
//
// Write writes nothing and returns an error for a document it cannot
// write so that Parse reads it back: outlines nested deeper than
// [MaxDepth] (an error wrapping [rss.ErrTooDeep]); an attribute in Attrs
// whose local name is not an XML name without a colon, that is a namespace
// declaration (xmlns), whose namespace has white space or characters XML
// cannot carry in it or is the xmlns namespace, that is not in a namespace and has the name of one
// of Outline's fields in any case, or that repeats an earlier one's name;
// an Element whose local name is not an XML name, whose namespace is one
// an attribute's may not be, or that is in no
// namespace and has the name of one of Document's head fields in any
// case; a date whose year is before 0 or after 9999. Otherwise it returns
// w's error, if any.
func Write(w io.Writer, d *Document) error {
	wr := writer{prefixes: map[string]string{}}
	if err := wr.check(d); err != nil {
		return err
	}
	b := wr.buf
	b = append(b, `<?xml version="1.0" encoding="UTF-8"?>`+"\n"+`<opml version="2.0"`...)
	for _, space := range wr.spaces {
		b = append(b, " xmlns:"...)
		b = append(b, wr.prefixes[space]...)
		b = appendAttrValue(append(b, "=\""...), space)
		b = append(b, '"')
	}
	b = append(b, ">\n  <head>"...)
	head := len(b)
	b = appendField(b, "title", d.Title)
	b = appendDate(b, "dateCreated", d.DateCreated)
	b = appendDate(b, "dateModified", d.DateModified)
	b = appendField(b, "ownerName", d.OwnerName)
	b = appendField(b, "ownerEmail", d.OwnerEmail)
	for _, e := range d.Head {
		b = append(b, "\n    <"...)
		b = wr.appendName(b, e.Name)
		b = append(b, '>')
		b = appendText(b, e.Text)
		b = append(b, "</"...)
		b = wr.appendName(b, e.Name)
		b = append(b, '>')
	}
	if len(b) > head {
		b = append(b, "\n  "...)
	}
	b = append(b, "</head>\n  <body>"...)
	body := len(b)
	b = wr.appendOutlines(b, d.Outlines, 2)
	if len(b) > body {
		b = append(b, "\n  "...)
	}
	b = append(b, "</body>\n</opml>\n"...)
	_, err := w.Write(b)
	return err
}

// writer is the state of one Write.
type writer struct {
	buf      []byte
	spaces   []string          // the namespaces used, in order of first use
	prefixes map[string]string // namespace → its prefix
}

// check finds what Write cannot write, and the namespaces d uses.
func (wr *writer) check(d *Document) error {
	for _, t := range []time.Time{d.DateCreated, d.DateModified} {
		if !t.IsZero() && (t.Year() < 0 || t.Year() > 9999) {
			return fmt.Errorf("opml: cannot write the date %v: its year is not in 0 to 9999", t)
		}
	}
	for _, e := range d.Head {
		if !isNCName(e.Name.Local) {
			return fmt.Errorf("opml: cannot write the head element %q: not an XML name", e.Name.Local)
		}
		if !keepElement(e.Name) {
			return fmt.Errorf("opml: cannot write the head element %q in the namespace %q", e.Name.Local, e.Name.Space)
		}
		if _, ok := knownHead[strings.ToLower(e.Name.Local)]; ok && e.Name.Space == "" {
			return fmt.Errorf("opml: cannot write the head element <%s> as an Element: Document has a field for it", e.Name.Local)
		}
		wr.use(e.Name.Space)
	}
	return wr.checkOutlines(d.Outlines, 1)
}

func (wr *writer) checkOutlines(list []Outline, depth int) error {
	if len(list) > 0 && depth > MaxDepth {
		return fmt.Errorf("opml: cannot write outlines nested %d deep: %w (deeper than %d)", depth, rss.ErrTooDeep, MaxDepth)
	}
	for i := range list {
		o := &list[i]
		for j, a := range o.Attrs {
			why := ""
			_, known := knownAttr[strings.ToLower(a.Name.Local)]
			switch {
			case !isNCName(a.Name.Local):
				why = "not an XML name"
			case a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns":
				why = "a namespace declaration"
			case !keepAttr(a.Name):
				why = "its namespace is not a URI Write can declare"
			case known && a.Name.Space == "":
				why = "Outline has a field for it"
			case hasAttr(o.Attrs[:j], a.Name):
				why = "given twice"
			}
			if why != "" {
				return fmt.Errorf("opml: cannot write the attribute %q of the outline %q: %s", a.Name.Local, o.Text, why)
			}
			wr.use(a.Name.Space)
		}
		if err := wr.checkOutlines(o.Outlines, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// use gives a namespace a prefix, if it needs one and has none yet.
func (wr *writer) use(space string) {
	if space == "" || space == xmlURI {
		return
	}
	if _, ok := wr.prefixes[space]; !ok {
		wr.spaces = append(wr.spaces, space)
		wr.prefixes[space] = "ns" + strconv.Itoa(len(wr.spaces))
	}
}

// appendName appends a name with the prefix of its namespace.
func (wr *writer) appendName(b []byte, n xml.Name) []byte {
	switch {
	case n.Space == xmlURI:
		b = append(b, "xml:"...)
	case n.Space != "":
		b = append(append(b, wr.prefixes[n.Space]...), ':')
	}
	return append(b, n.Local...)
}

// appendOutlines appends outlines at an indentation level.
func (wr *writer) appendOutlines(b []byte, list []Outline, level int) []byte {
	for i := range list {
		o := &list[i]
		b = append(b, '\n')
		b = appendIndent(b, level)
		b = append(b, "<outline"...)
		for j, v := range outlineFields(o) {
			if j == 0 || *v != "" {
				b = appendAttr(b, attrNames[j], *v)
			}
		}
		for _, a := range o.Attrs {
			b = append(b, ' ')
			b = wr.appendName(b, a.Name)
			b = appendAttrValue(append(b, "=\""...), a.Value)
			b = append(b, '"')
		}
		if len(o.Outlines) == 0 {
			b = append(b, "/>"...)
			continue
		}
		b = append(b, '>')
		b = wr.appendOutlines(b, o.Outlines, level+1)
		b = append(b, '\n')
		b = appendIndent(b, level)
		b = append(b, "</outline>"...)
	}
	return b
}

func appendIndent(b []byte, level int) []byte {
	for range level {
		b = append(b, "  "...)
	}
	return b
}

func appendAttr(b []byte, name, value string) []byte {
	b = append(append(append(b, ' '), name...), "=\""...)
	b = appendAttrValue(b, value)
	return append(b, '"')
}

// appendField appends a head element that holds text, unless the text is
// empty.
func appendField(b []byte, name, text string) []byte {
	if text == "" {
		return b
	}
	b = append(append(append(b, "\n    <"...), name...), '>')
	b = appendText(b, text)
	return append(append(append(b, "</"...), name...), '>')
}

// appendDate appends a head element that holds a date, unless it is zero.
func appendDate(b []byte, name string, t time.Time) []byte {
	if t.IsZero() {
		return b
	}
	return appendField(b, name, t.Format(dateLayout))
}

// appendText appends s escaped for text content.
func appendText(b []byte, s string) []byte { return appendEscaped(b, s, false) }

// appendAttrValue appends s escaped for a quoted attribute value: white
// space other than the space character is written as a character
// reference, so that attribute-value normalisation leaves it as it is.
func appendAttrValue(b []byte, s string) []byte { return appendEscaped(b, s, true) }

func appendEscaped(b []byte, s string, attr bool) []byte {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		chunk := s[i : i+size]
		i += size
		switch {
		case r == '&':
			b = append(b, "&amp;"...)
		case r == '<':
			b = append(b, "&lt;"...)
		case r == '>':
			b = append(b, "&gt;"...)
		case r == '\r':
			b = append(b, "&#xD;"...)
		case attr && r == '"':
			b = append(b, "&quot;"...)
		case attr && r == '\n':
			b = append(b, "&#xA;"...)
		case attr && r == '\t':
			b = append(b, "&#x9;"...)
		case r == utf8.RuneError && size == 1:
			b = append(b, "\uFFFD"...) // a byte that is not UTF-8
		case !xmlscan.IsXMLChar(r):
			// a character XML cannot carry: not written
		default:
			b = append(b, chunk...)
		}
	}
	return b
}
