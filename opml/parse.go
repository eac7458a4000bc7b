package opml

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/feedkit/rss"
	"github.com/feedkit/rss/internal/xmlscan"
)

// Bounds on what Parse reads, so that a hostile document cannot take
// unbounded memory or stack.
const (
	// MaxDepth bounds the nesting of outlines: an outline in the body is
	// at depth 1. An outline deeper, or another element nested deeper
	// than the outlines could be, is a [*ParseError] wrapping
	// [rss.ErrTooDeep]; [Write] refuses a document nested deeper too.
	MaxDepth = 256
	// MaxElementSize bounds the input bytes of one outline's start tag
	// (with its attributes), of one element of the head, and of any other
	// single token: going past it is a [*ParseError] wrapping
	// [rss.ErrTooLarge]. The bound is checked as each chunk of at most
	// 32 KiB of input is read.
	MaxElementSize = 1 << 20
)

// ErrNotOPML is the error for a well-formed document whose root element is
// not opml, such as a feed or an HTML page, and for a document without
// elements. The error returned wraps it and names what was found instead;
// test for it with errors.Is.
var ErrNotOPML = errors.New("opml: not an OPML document")

// A ParseError is an error at a position of the input. Line and Column are
// 1-based and count the bytes of the input decoded to UTF-8. Err is the
// cause: an error wrapping [ErrNotOPML], an *[xml.SyntaxError],
// [io.ErrUnexpectedEOF] for a document that ends early, [rss.ErrTooLarge],
// [rss.ErrTooDeep], or the error the reader returned. The text of Error is
// meant for people and may change.
type ParseError struct {
	Line, Column int
	Err          error
}

// Error reads "opml: line L, column C: what went wrong".
func (e *ParseError) Error() string {
	msg := e.Err.Error()
	msg = strings.TrimPrefix(strings.TrimPrefix(msg, "rss: "), "opml: ")
	return fmt.Sprintf("opml: line %d, column %d: %s", e.Line, e.Column, msg)
}

// Unwrap returns the cause, for errors.Is and errors.As.
func (e *ParseError) Unwrap() error { return e.Err }

// notOPMLError names what a document that is not OPML holds instead.
type notOPMLError struct{ found string }

func (e *notOPMLError) Error() string   { return "not an OPML document: " + e.found }
func (e *notOPMLError) Is(t error) bool { return t == ErrNotOPML }

// Parse reads an OPML document (1.0 or 2.0) leniently, the way package rss
// reads feeds: see the package documentation for what it repairs. On an
// error it returns what it read before the error (every outline whose start
// tag was read, with the outlines inside it read so far) and a
// [*ParseError] saying where and why. The returned document is never nil.
func Parse(r io.Reader) (*Document, error) {
	d := &Document{}
	p := parser{doc: d}
	err := p.run(r)
	if err != nil {
		var xe *xmlscan.Error
		if errors.As(err, &xe) {
			err = &ParseError{Line: xe.Line, Column: xe.Column, Err: xe.Err}
		}
	}
	return d, err
}

// frame kinds: what an open element is to the parser.
const (
	inRoot    = iota // the opml element
	inHead           // the head
	inBody           // the body
	inOutline        // an outline; frame.outline points at it
	inField          // an element of the head; its text is collected
	inSkip           // an element the model does not keep
)

type frame struct {
	kind    int
	outline *Outline // inOutline
	field   int      // inField: a head* index, or -1 for an Element of Head
	name    xml.Name // inField, for Head
}

// parser reads one document.
type parser struct {
	doc       *Document
	z         *xmlscan.Tokenizer
	stack     []frame
	space     string // the root element's namespace: OPML's own elements are in it or in none
	seen      [headFields]bool
	text      []byte // the text of the head element being read
	fieldOpen int    // index in stack of the inField frame being read, or -1
}

func (p *parser) run(r io.Reader) error {
	src, err := xmlscan.NewReader(r, "", false)
	if err != nil {
		return &ParseError{Line: 1, Column: 1, Err: err}
	}
	// MaxDepth+2: the opml and body elements hold the outlines.
	p.z = xmlscan.NewTokenizer(src, xmlscan.Options{MaxUnitSize: MaxElementSize, MaxDepth: MaxDepth + 2})
	p.fieldOpen = -1
	for {
		if p.fieldOpen < 0 {
			p.z.Mark() // each token, or each head element whole, is bounded alone
		}
		tok, err := p.z.Next()
		if err == io.EOF {
			// The root element was closed, or there was none.
			return &ParseError{Line: 1, Column: 1, Err: &notOPMLError{"the document has no elements"}}
		}
		if err != nil {
			return err
		}
		switch tok.Kind {
		case xmlscan.StartToken:
			if len(p.stack) == 0 {
				if !strings.EqualFold(tok.Start.Name.Local, "opml") {
					line, col := p.z.Pos()
					return &ParseError{Line: line, Column: col, Err: &notOPMLError{"the root element is " + displayName(tok.Start.Name.Local)}}
				}
				p.space = tok.Start.Name.Space
				p.stack = append(p.stack, frame{kind: inRoot})
				continue
			}
			p.start(tok.Start)
		case xmlscan.EndToken:
			if p.end() {
				return nil // after the root element, lenient reading reads nothing
			}
		case xmlscan.TextToken:
			if p.fieldOpen >= 0 {
				p.text = append(p.text, tok.Text...)
			}
		}
	}
}

// own reports whether an element's name is in OPML's namespace: the root
// element's, or none.
func (p *parser) own(n xml.Name) bool { return n.Space == p.space || n.Space == "" }

// start handles a start tag inside the root element.
func (p *parser) start(t xml.StartElement) {
	top := p.stack[len(p.stack)-1]
	f := frame{kind: inSkip}
	local := strings.ToLower(t.Name.Local)
	switch top.kind {
	case inRoot:
		switch {
		case !p.own(t.Name):
		case local == "head":
			f.kind = inHead
		case local == "body":
			f.kind = inBody
		case local == "outline":
			// An outline outside a body is read as one of the body's.
			f = p.outline(&p.doc.Outlines, t)
		}
	case inHead:
		f = frame{kind: inField, field: -1, name: t.Name}
		if i, ok := knownHead[local]; ok && p.own(t.Name) {
			f.field = i
			if p.seen[i] {
				f.kind = inSkip // the first one counts
			}
			p.seen[i] = true
		} else {
			if p.own(t.Name) {
				f.name.Space = ""
			}
			if !keepElement(t.Name) {
				f.kind = inSkip // a name Write could not write
			}
		}
		if f.kind == inField {
			p.fieldOpen = len(p.stack)
			p.text = p.text[:0]
		}
	case inBody, inOutline:
		if local == "outline" && p.own(t.Name) {
			list := &p.doc.Outlines
			if top.kind == inOutline {
				list = &top.outline.Outlines
			}
			f = p.outline(list, t)
		}
	}
	p.stack = append(p.stack, f)
}

// outline appends an outline read from its start tag to list and returns
// its frame. The pointer in the frame stays valid while the outline is
// open: only the outlines inside it grow until it is closed.
func (p *parser) outline(list *[]Outline, t xml.StartElement) frame {
	*list = append(*list, Outline{})
	o := &(*list)[len(*list)-1]
	fields := outlineFields(o)
	var set [len(attrNames)]bool
	for _, a := range t.Attr {
		if a.Name.Space == "" {
			if i, ok := knownAttr[strings.ToLower(a.Name.Local)]; ok {
				if !set[i] { // the first one counts
					*fields[i] = a.Value
					set[i] = true
				}
				continue
			}
		}
		if keepAttr(a.Name) && !hasAttr(o.Attrs, a.Name) {
			o.Attrs = append(o.Attrs, a)
		}
	}
	return frame{kind: inOutline, outline: o}
}

// keepAttr reports whether an attribute that has no field is kept in
// Attrs: not a namespace declaration, and a name Write can write.
func keepAttr(n xml.Name) bool {
	if n.Space == "" && n.Local == "xmlns" {
		return false
	}
	return writableSpace(n.Space) && isNCName(n.Local)
}

// keepElement reports whether an element of the head that has no field can
// be kept in Head: it has a name Write can write.
func keepElement(n xml.Name) bool {
	return writableSpace(n.Space) && isNCName(n.Local)
}

// writableSpace reports whether Write can declare a prefix for a
// namespace: a URI without white space (a namespace name is a URI
// reference), made of characters XML carries, other than the xmlns
// namespace (to which no prefix may be bound); "" (no namespace) needs no
// prefix. A namespace declaration's attribute is in "xmlns".
func writableSpace(s string) bool {
	if s == "" {
		return true
	}
	if s == "xmlns" || s == xmlnsURI || !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || !xmlscan.IsXMLChar(r) {
			return false
		}
	}
	return true
}

// hasAttr reports whether attrs has one named n.
func hasAttr(attrs []xml.Attr, n xml.Name) bool {
	for _, a := range attrs {
		if a.Name == n {
			return true
		}
	}
	return false
}

// end handles an end tag; it reports whether it closed the root element.
func (p *parser) end() bool {
	n := len(p.stack) - 1
	f := p.stack[n]
	p.stack[n] = frame{}
	p.stack = p.stack[:n]
	if f.kind == inField && p.fieldOpen == n {
		p.fieldOpen = -1
		p.setField(f, strings.TrimSpace(string(p.text)))
	}
	return n == 0
}

// setField sets the head field, or adds the Element, that an element of the
// head holds.
func (p *parser) setField(f frame, text string) {
	d := p.doc
	switch f.field {
	case headTitle:
		d.Title = text
	case headOwnerName:
		d.OwnerName = text
	case headOwnerEmail:
		d.OwnerEmail = text
	case headDateCreated:
		d.DateCreated, _ = rss.ParseDate(text)
	case headDateModified:
		d.DateModified, _ = rss.ParseDate(text)
	default:
		d.Head = append(d.Head, Element{Name: f.name, Text: text})
	}
}

// displayName is a local name in angle brackets, quoted if it has
// characters that would not print plainly.
func displayName(local string) string {
	tag := "<" + local + ">"
	if q := strconv.Quote(tag); q[1:len(q)-1] != tag {
		return q
	}
	return tag
}
