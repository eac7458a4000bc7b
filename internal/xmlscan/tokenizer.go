package xmlscan

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// A Kind is the kind of a [Token].
type Kind uint8

const (
	// OtherToken is a comment, a processing instruction, a declaration
	// (the DOCTYPE), or the start or end of a CDATA section: nothing the
	// caller needs but a sign of progress.
	OtherToken Kind = iota
	// StartToken is a start tag: Token.Start.
	StartToken
	// EndToken is an end tag: Token.End.
	EndToken
	// TextToken is character data: Token.Text.
	TextToken
)

// A Token is one XML token. Unlike xml.Token it is not an interface, so that
// a token costs no allocation; [Tokenizer.Next] hands out the Tokenizer's
// own, so that it is not copied either.
type Token struct {
	Kind Kind
	// Start is the start tag of a StartToken: its name and its attributes'
	// names resolved to namespace URIs (see the package doc), the
	// attributes' values decoded.
	Start xml.StartElement
	// End is the name of an EndToken, resolved as the start tag's.
	End xml.Name
	// Text is the decoded character data of a TextToken. It is valid until
	// the next call to Next.
	Text []byte
	// SelfClosing says that a StartToken was written <name/>; its
	// EndToken follows.
	SelfClosing bool
}

// Options configure a [Tokenizer].
type Options struct {
	// Strict makes the first flaw that the tokenizer would otherwise
	// repair an error (see the package doc).
	Strict bool
	// MaxUnitSize bounds the input bytes of one unit: those read since
	// the last call to [Tokenizer.Mark] (or since the start), counted
	// whether a repair drops them or not. Zero or less means no bound.
	MaxUnitSize int64
	// MaxDepth bounds the nesting of elements. Zero or less means no
	// bound.
	MaxDepth int
	// Names holds names (element and attribute local names, prefixes) to
	// intern without keeping them in the tokenizer: the strings a document
	// is expected to use often. It is read, never changed, and may be
	// shared by tokenizers.
	Names map[string]string
}

// A Tokenizer reads the tokens of an XML document from UTF-8 input (see
// [NewReader]), repairing on the way what the package doc says.
type Tokenizer struct {
	tok      Token // the token Next returned last
	in       *input
	sc       *scanner     // lenient mode
	x        *xml.Decoder // strict mode
	depth    int          // elements whose start tokens Next has returned, and not their ends
	maxDepth int
	// the name resolution and end-tag matching of both modes
	open     []openElement
	bindings []binding
	closing  []xml.Name // end tags to return before reading on (lenient mode)
	// the bounds on the cost of resolution and matching
	nsIndex  map[string]int   // prefix → its binding in scope, when there are many
	nsPeak   int              // the most bindings since nsIndex was made
	deepOpen map[xml.Name]int // the raw names of the elements open past openLinear
	deepPeak int              // the most names deepOpen has held
	// the default namespace's URI as resolve last found it (dfltOK), until
	// the bindings change: most elements have no prefix, and looking for
	// the default namespace where none is declared (RSS 2.0) goes through
	// every binding
	dflt   string
	dfltOK bool
	// strict mode's declared namespace URIs in scope, with how many times
	// each is declared; the declarations are z.bindings'
	strictURIs map[string]int
	// what z.in and z.sc point to, allocated with the Tokenizer
	inBuf input
	scBuf scanner
}

// NewTokenizer returns a Tokenizer that reads src, which must be UTF-8 (as
// [NewReader] returns it; a UTF-8 byte-order mark at its start is skipped).
// It reads src through its own buffer, in chunks; a src that returns
// nothing and no error 100 times in a row ends the input with
// io.ErrNoProgress.
func NewTokenizer(src io.Reader, opts Options) *Tokenizer {
	z := &Tokenizer{maxDepth: opts.MaxDepth}
	z.inBuf = input{src: src, strict: opts.Strict, limit: opts.MaxUnitSize}
	z.in = &z.inBuf
	if opts.Strict {
		z.x = xml.NewDecoder(&attrGuard{in: z.in})
		// The input is UTF-8 by now, whatever the declaration says.
		z.x.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	} else {
		z.scBuf = scanner{in: z.in, common: opts.Names, tok: &z.tok}
		z.sc = &z.scBuf
	}
	return z
}

// Next returns the next token. The token is the Tokenizer's own, valid
// until the next call to Next, which overwrites it; the caller may change
// it meanwhile. At the end of the input, once every element has been
// closed, it returns io.EOF; any other error is an [*Error], after which
// the Tokenizer must not be used.
func (z *Tokenizer) Next() (*Token, error) {
	if z.x != nil {
		tok, err := z.strictToken()
		if err != nil {
			return nil, err
		}
		z.tok = tok
		return &z.tok, nil
	}
	// Lenient mode's loop is here, not in a function of its own, and the
	// scanner writes its tokens into z.tok, so that a token is not copied
	// from layer to layer.
	tok := &z.tok
	for {
		if n := len(z.closing); n > 0 {
			end := z.closing[n-1]
			z.closing[n-1] = xml.Name{}
			z.closing = z.closing[:n-1]
			z.depth--
			*tok = Token{Kind: EndToken, End: end}
			return tok, nil
		}
		err := z.sc.next()
		if err == nil {
			err = z.in.ents.failure() // the entity budget, spent on this token
		}
		if err != nil {
			return nil, z.fail(err)
		}
		switch tok.Kind {
		case StartToken:
			t := &tok.Start
			mark := len(z.bindings)
			z.bindAttrs(t.Attr)
			raw := t.Name
			if raw.Space != "" || raw.Local != "xmlns" {
				// (An element named xmlns is in no namespace, as in
				// encoding/xml.)
				t.Name.Space = z.resolve(raw.Space, true)
			}
			for i := range t.Attr {
				if s := t.Attr[i].Name.Space; s != "" && s != "xmlns" {
					t.Attr[i].Name.Space = z.resolve(s, false)
				}
			}
			z.pushOpen(openElement{raw: raw, name: t.Name, nsMark: mark, notText: len(t.Attr) > 0 && notTextAttrs(*t)})
			z.setContext()
			if err := z.enter(); err != nil {
				return nil, err
			}
			return tok, nil
		case EndToken:
			i := z.matchOpen(tok.End)
			if i < 0 {
				continue // closes nothing that is open: drop it
			}
			name := z.open[i].name
			inner := i < len(z.open)-1
			if inner {
				// Close the elements inside the one this tag closes
				// first, innermost first (z.closing is popped from its
				// end).
				for j := i; j < len(z.open); j++ {
					z.closing = append(z.closing, z.open[j].name)
				}
			}
			z.unbind(z.open[i].nsMark)
			z.popOpen(i)
			z.setContext()
			if !inner {
				// The innermost element (the common case), without
				// z.closing.
				z.depth--
				*tok = Token{Kind: EndToken, End: name}
				return tok, nil
			}
		default:
			return tok, nil
		}
	}
}

// enter counts the element of a start tag against the nesting bound.
func (z *Tokenizer) enter() error {
	z.depth++
	if z.maxDepth > 0 && z.depth > z.maxDepth {
		line, col := z.Pos()
		return &Error{Line: line, Column: col, Err: fmt.Errorf("%w: deeper than %d", ErrTooDeep, z.maxDepth)}
	}
	return nil
}

// fail returns what Next returns for an error of the scanner or of
// encoding/xml: io.EOF at the end of the input outside every element, else
// an *Error.
func (z *Tokenizer) fail(err error) error {
	if err == io.EOF && z.depth == 0 {
		return io.EOF
	}
	return z.wrap(err)
}

// Depth is the number of elements open in the tokenizer's scope after the
// token Next returned last: those whose start tag was read and whose end
// tag was not. An end tag that closes several elements at once (see the
// package doc) closes them all here before Next returns the first of their
// end tokens, innermost first. The element of a StartToken is the
// Depth()-th: its scope (say, of an xml:base) is left once Depth is less
// than that again.
func (z *Tokenizer) Depth() int { return len(z.open) }

// Pos returns the position in the input of the tokenizer: 1-based line and
// column, counted in bytes of the input decoded to UTF-8.
func (z *Tokenizer) Pos() (line, col int) {
	if z.sc != nil {
		line, col = z.sc.pos(z.sc.r)
	} else {
		line, col = z.x.InputPos()
	}
	// encoding/xml, having stepped back over a newline, may say column 0.
	return max(line, 1), max(col, 1)
}

// Mark starts a new unit where the tokenizer stands: the input bytes from
// here on are counted against [Options.MaxUnitSize]. The count is checked
// as the input filter hands on each chunk of input (32 KiB at most), or
// drops one whole, so a unit is refused within a chunk of passing the
// bound. Every input byte counts, whether a repair drops it or not; what
// repairs and entities add to the input does not.
func (z *Tokenizer) Mark() {
	if z.sc != nil {
		z.in.markAt(z.sc.offset())
	} else {
		z.in.markAt(z.in.offset())
	}
}

// DefaultSpace makes the elements in no namespace, inside the element of
// the last StartToken, be in the namespace uri, as if that element had
// declared it its default namespace (for a document whose root element says
// what it is, without declaring its namespace).
func (z *Tokenizer) DefaultSpace(uri string) {
	if z.x != nil {
		z.x.DefaultSpace = uri
		return
	}
	// The element's scope: dropped with its own declarations.
	z.bind("", uri)
}

// Bindings returns the namespace declarations in scope, outermost first,
// innermost last (a prefix may be declared more than once: the innermost
// counts). The slice is the tokenizer's own, valid until the next call to
// Next; the caller must not change it.
func (z *Tokenizer) Bindings() []Binding { return z.bindings }

// Rest reads what follows the root element. In strict mode it reads to the
// end of the input, and returns an [*Error] for anything there other than
// white space, comments and processing instructions (a second root
// element, text), or io.EOF. In lenient mode it reads nothing and returns
// io.EOF.
func (z *Tokenizer) Rest() error {
	if z.x == nil {
		return io.EOF
	}
	for {
		tok, err := z.x.Token()
		if err == io.EOF {
			return io.EOF
		}
		if err != nil {
			return z.wrap(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			return z.strictError("element <" + t.Name.Local + "> after the root element")
		case xml.CharData:
			if len(bytes.TrimLeft(t, " \t\r\n")) > 0 {
				return z.strictError("text after the root element")
			}
		}
	}
}

// strictError is the error for a flaw strict mode refuses, at the current
// position.
func (z *Tokenizer) strictError(msg string) error {
	line, col := z.Pos()
	return &Error{Line: line, Column: col, Err: &RepairError{msg}}
}

// wrap turns an error of the scanner or of encoding/xml into an *Error at
// the current position.
func (z *Tokenizer) wrap(err error) error {
	var e *Error
	if errors.As(err, &e) {
		return e // the scanner's, with its own position
	}
	line, col := z.Pos()
	var se *xml.SyntaxError
	switch {
	case err == io.EOF:
		err = &unexpectedEOF{"an element is not closed"}
	case err == io.ErrUnexpectedEOF:
		err = &unexpectedEOF{"in the middle of markup"}
	case errors.As(err, &se):
		if strings.HasPrefix(se.Msg, "unexpected EOF") {
			msg := strings.TrimPrefix(strings.TrimPrefix(se.Msg, "unexpected EOF"), " ")
			if msg == "" {
				msg = "an element is not closed"
			}
			err = &unexpectedEOF{msg}
		} else {
			err = &syntaxError{se}
		}
	}
	return &Error{Line: line, Column: col, Err: err}
}

// Stats are counts of what a Tokenizer did and holds, for the tests that
// check its costs grow linearly with the input and its memory stays bounded.
type Stats struct {
	Work     int   // bytes the scanner examined or moved, its other steps, and AddWork's (lenient mode)
	Scanned  int64 // bytes of decoded, repaired input handed to the scanner or to encoding/xml
	Buffer   int   // the capacity of the scanner's buffer
	Interned int   // names the tokenizer interned itself
	// NamesInterned is the bytes of those names.
	NamesInterned int
	NamesHeld     int   // bytes of names and URIs its stacks hold, in their spare capacity too
	DeclScanned   int64 // bytes the declaration scanners read, in the filter and the scanner
	DeclLooked    int64 // bytes of declarations the filter looked at for repairs
	Recovered     bool  // the scanner ended a DOCTYPE that broke early (see declScanner.watch)
	EntityRefs    int   // entity references expanded
	EntityBytes   int   // bytes of text entities produced
	// Expanding is set when the input filter may have expanded entities
	// (which it does in strict mode): declared ones, or those of the RSS
	// 0.91 DTD.
	Expanding bool
}

// Stats returns the tokenizer's counts.
func (z *Tokenizer) Stats() Stats {
	s := Stats{Scanned: z.in.offset(), DeclScanned: z.in.dtd.total, DeclLooked: z.in.declLooked}
	if sc := z.sc; sc != nil {
		s.Work, s.Buffer, s.Interned, s.Recovered = sc.work, cap(sc.buf), len(sc.names), sc.recovered
		s.DeclScanned += sc.decl.total
		for k := range sc.names {
			s.NamesInterned += len(k)
		}
		s.Scanned = sc.in.offset()
	}
	if e := z.in.ents; e != nil {
		s.EntityRefs, s.EntityBytes = e.refs, e.bytes
		s.Expanding = e.refs > 0 || e.rss091
	}
	for _, b := range z.bindings[:cap(z.bindings)] {
		s.NamesHeld += len(b.URI)
	}
	for _, e := range z.open[:cap(z.open)] {
		s.NamesHeld += len(e.raw.Local) + len(e.name.Space)
	}
	for _, n := range z.closing[:cap(z.closing)] {
		s.NamesHeld += len(n.Local) + len(n.Space)
	}
	return s
}

// AddWork adds n to the work count of [Stats] (in lenient mode), for work
// the caller does on the tokenizer's tokens that the tests count with it.
func (z *Tokenizer) AddWork(n int) { z.addWork(n) }

// addWork counts work, in the scanner's counter; strict mode, which has no
// scanner, does not count.
func (z *Tokenizer) addWork(n int) {
	if z.sc != nil {
		z.sc.work += n
	}
}

// In lenient mode the tokenizer reads raw tokens from its scanner
// (scanner.go) and does itself what xml.Decoder.Token does on top of
// RawToken, the way a feed reader needs it:
//
//   - Names are resolved to namespace URIs through a stack of the prefixes
//     in scope. A prefix nobody declared stays as it is, as in
//     encoding/xml.
//   - End tags are matched to the open elements. An end tag that closes an
//     element other than the innermost closes the ones inside it too; an
//     end tag that matches no open element (or matches one only without
//     regard to case, for the innermost) is repaired or dropped. Token would
//     instead unwind every open element and fail.
//
// In strict mode the tokenizer uses Token, whose checks are the point.

// strictToken is Next in strict mode: the next token from
// xml.Decoder.Token, which checks
// that the document is well-formed, and checks its namespaces, which Token
// does not: a namespace URI must have no white space in it, and a prefix
// must be declared. Token leaves a prefix nobody declared as the name's
// Space, so a Space that no declaration in scope gives is one. (A prefix
// spelt like a URI declared for another prefix goes unnoticed.)
func (z *Tokenizer) strictToken() (Token, error) {
	tok, err := z.x.Token()
	if err != nil {
		return Token{}, z.fail(err)
	}
	switch t := tok.(type) {
	case xml.StartElement:
		if len(t.Attr) > MaxAttrs {
			// encoding/xml has built the tag whole: refused all the
			// same, as the default mode refuses it while scanning.
			line, col := z.Pos()
			return Token{}, &Error{Line: line, Column: col,
				Err: fmt.Errorf("%w: a start tag with more than %d attributes", ErrTooLarge, MaxAttrs)}
		}
		for _, a := range t.Attr {
			if a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns" {
				if strings.ContainsAny(a.Value, " \t\r\n") {
					return Token{}, z.strictError(fmt.Sprintf("namespace URI %q has white space in it", a.Value))
				}
				if z.strictURIs == nil {
					z.strictURIs = map[string]int{}
				}
				z.strictURIs[a.Value]++
			}
		}
		if err := z.checkDeclared(t.Name, false); err != nil {
			return Token{}, err
		}
		for _, a := range t.Attr {
			if a.Name.Space != "xmlns" {
				if err := z.checkDeclared(a.Name, true); err != nil {
					return Token{}, err
				}
			}
		}
		// Keep the prefixes in scope as lenient mode does (for Bindings;
		// the declarations counted above are given back from them).
		z.open = append(z.open, openElement{name: t.Name, nsMark: len(z.bindings)})
		z.bindAttrs(t.Attr)
		if err := z.enter(); err != nil {
			return Token{}, err
		}
		return mapC1Token(Token{Kind: StartToken, Start: t}), nil
	case xml.EndElement:
		if n := len(z.open); n > 0 {
			mark := z.open[n-1].nsMark
			for _, b := range z.bindings[mark:] {
				if z.strictURIs[b.URI]--; z.strictURIs[b.URI] <= 0 {
					delete(z.strictURIs, b.URI) // keep no URI out of scope
				}
			}
			z.unbind(mark)
			z.open[n-1] = openElement{}
			z.open = z.open[:n-1]
		}
		z.depth--
		return Token{Kind: EndToken, End: t.Name}, nil
	case xml.CharData:
		return mapC1Token(Token{Kind: TextToken, Text: t}), nil
	}
	return Token{}, nil
}

// checkDeclared reports, in strict mode, an element's or attribute's name
// (as Token resolved it) whose prefix nobody declared.
func (z *Tokenizer) checkDeclared(name xml.Name, isAttr bool) error {
	if name.Space == "" || name.Space == XMLNamespace || z.strictURIs[name.Space] > 0 ||
		!isAttr && name.Space == z.x.DefaultSpace { // see DefaultSpace
		return nil
	}
	what := "element <" + name.Local + ">"
	if isAttr {
		what = "attribute " + name.Local
	}
	return z.strictError(fmt.Sprintf("the namespace prefix %q of %s is not declared", name.Space, what))
}

// openElement is an element whose end tag has not been read.
type openElement struct {
	raw    xml.Name // as written: prefix and local name (lenient mode)
	name   xml.Name // resolved: namespace URI and local name
	nsMark int      // len(z.bindings) before its declarations
	// lenient mode: whether it holds text only (see isTextOnly), worked
	// out when the scanner first asks, and whether its attributes say it
	// is not one (see notTextAttrs)
	text    textState
	notText bool
}

type textState uint8

const (
	textUnknown textState = iota
	textMarkup
	textOnly
)

// isTextOnly reports whether the element is a text-only one (see
// textOnlyNames), working it out once.
func (e *openElement) isTextOnly() bool {
	if e.text == textUnknown {
		e.text = textMarkup
		if !e.notText && textOnlyName(e.name) {
			e.text = textOnly
		}
	}
	return e.text == textOnly
}

// setContext tells the scanner, in lenient mode, about the innermost open
// element, where its next token stands (see scanner.bareTag).
func (z *Tokenizer) setContext() {
	if n := len(z.open); n > 0 {
		z.sc.ctx = &z.open[n-1]
	} else {
		z.sc.ctx = nil
	}
}

// The text-only elements: those of the feed formats whose content is text
// (or a date, a number, an address), never markup, so that a start tag in
// one is likely a bare '<' a careless publisher wrote ("List<String>"):
// see scanner.bareTag. They are known by their namespace and local name,
// without regard to ASCII case, as package rss reads them; an Atom text
// construct of type="xhtml" holds markup and is not one, and neither is a
// link with attributes (Atom's, which holds nothing, or HTML's <link>, a
// void element that HTML written unescaped in a description leaves open).
const (
	textFeed   = 1 << iota // RSS 0.9x, 1.0 and 2.0, Atom 0.3 and 1.0
	textDC                 // Dublin Core, elements and terms
	textITunes             // iTunes
	textMedia              // Media RSS
)

// textOnlyNames holds the text-only elements' local names, lower-case,
// each with the namespaces (textFeed...) it is text-only in.
var textOnlyNames = map[string]uint8{
	"title": textFeed | textDC | textITunes | textMedia, "link": textFeed, "guid": textFeed,
	"author": textFeed | textITunes, "category": textFeed, "pubdate": textFeed, "comments": textFeed,
	"lastbuilddate": textFeed, "managingeditor": textFeed, "webmaster": textFeed,
	"language": textFeed | textDC, "copyright": textFeed, "generator": textFeed, "docs": textFeed,
	"ttl": textFeed, "url": textFeed, "width": textFeed, "height": textFeed, "id": textFeed,
	"name": textFeed | textITunes, "email": textFeed | textITunes, "uri": textFeed,
	"updated": textFeed, "published": textFeed, "subtitle": textFeed | textITunes,
	"rights": textFeed | textDC, "icon": textFeed, "logo": textFeed,
	"modified": textFeed | textDC, "issued": textFeed | textDC, "created": textFeed | textDC,
	"tagline": textFeed,
	"creator": textDC, "subject": textDC, "publisher": textDC, "contributor": textDC, "date": textDC,
	"type": textDC, "format": textDC, "identifier": textDC, "source": textDC, "relation": textDC,
	"coverage": textDC,
	"keywords": textITunes | textMedia, "duration": textITunes, "explicit": textITunes,
	"episode": textITunes, "season": textITunes, "episodetype": textITunes,
	"credit": textMedia,
}

// textSpace returns the text-only namespace (textFeed...) of a namespace
// URI, or 0.
func textSpace(uri string) uint8 {
	switch uri {
	case "", "http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/", "http://backend.userland.com/rss2",
		"http://www.w3.org/2005/Atom", "http://purl.org/atom/ns#":
		return textFeed
	case "http://purl.org/dc/elements/1.1/", "http://purl.org/dc/terms/":
		return textDC
	case "http://www.itunes.com/dtds/podcast-1.0.dtd":
		return textITunes
	case "http://search.yahoo.com/mrss/":
		return textMedia
	}
	return 0
}

// textOnlyName reports whether an element's name, resolved, is that of a
// text-only element (see textOnlyNames).
func textOnlyName(name xml.Name) bool {
	local := name.Local
	var lower [16]byte
	if len(local) > len(lower) {
		return false
	}
	for i := 0; i < len(local); i++ {
		c := local[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	in := textOnlyNames[string(lower[:len(local)])]
	return in != 0 && in&textSpace(name.Space) != 0
}

// notTextAttrs reports whether the attributes of t, which has some, say
// that it is not a text-only element, whatever its name: type="xhtml", an
// Atom text construct that holds markup, or any on a link.
func notTextAttrs(t xml.StartElement) bool {
	if strings.EqualFold(t.Name.Local, "link") {
		return true
	}
	for _, a := range t.Attr {
		if a.Name.Local == "type" && a.Name.Space == "" && strings.EqualFold(strings.TrimSpace(a.Value), "xhtml") {
			return true
		}
	}
	return false
}

// binding is a namespace prefix in scope ("" for the default namespace).
type binding = Binding

// A Binding is a namespace prefix in scope: Prefix is "" for the default
// namespace.
type Binding struct {
	Prefix, URI string
	// prev is the index in z.bindings of the binding of the same prefix
	// this one hides, or -1; it is kept while z.nsIndex is in use.
	prev int
}

// Namespace prefixes resolve, and end tags match, in constant time
// however many declarations are in scope and however deep the elements:
//
//   - resolve looks through the bindings one by one while there are at
//     most nsLinear; past that it uses z.nsIndex, the latest binding of
//     each prefix, which unbind undoes through binding.prev;
//   - matchOpen looks through the innermost element and the outermost
//     openLinear ones; of the others it keeps the count of each name in
//     z.deepOpen, so that an end tag that closes none of them is known at
//     once, and one that does closes all it looked through.
const (
	nsLinear   = 16
	openLinear = 32
)

// XMLNamespace is the namespace the prefix xml is bound to by definition.
const XMLNamespace = "http://www.w3.org/XML/1998/namespace"

// pushOpen adds an element to the open ones.
func (z *Tokenizer) pushOpen(e openElement) {
	if len(z.open) >= openLinear {
		if z.deepOpen == nil {
			z.deepOpen = map[xml.Name]int{}
		}
		z.deepOpen[e.raw]++
		z.deepPeak = max(z.deepPeak, len(z.deepOpen))
	}
	z.open = append(z.open, e)
}

// popOpen closes the open elements from the i-th on.
func (z *Tokenizer) popOpen(i int) {
	n := len(z.open)
	if n > openLinear {
		for j := max(i, openLinear); j < n; j++ {
			raw := z.open[j].raw
			if c := z.deepOpen[raw]; c > 1 {
				z.deepOpen[raw] = c - 1
			} else {
				delete(z.deepOpen, raw)
			}
		}
		if i <= openLinear && z.deepPeak > 4*openLinear {
			// A map grown large does not shrink: let go of it.
			z.deepOpen, z.deepPeak = nil, 0
		}
	}
	z.addWork(n - i)
	if i == n-1 && n <= openLinear {
		z.open[i] = openElement{} // (the common case, without truncate's call)
		z.open = z.open[:i]
		return
	}
	z.open = truncate(z.open, i)
}

// bindAttrs puts the namespace declarations among an element's attributes
// in scope.
func (z *Tokenizer) bindAttrs(attrs []xml.Attr) {
	for _, a := range attrs {
		switch {
		case a.Name.Space == "xmlns":
			z.bind(a.Name.Local, a.Value)
		case a.Name.Space == "" && a.Name.Local == "xmlns":
			z.bind("", a.Value)
		}
	}
}

// matchOpen returns the index in z.open of the element an end tag closes:
// the innermost with the same name, or, failing that, the innermost
// element if its name differs only in case; -1 when there is none.
func (z *Tokenizer) matchOpen(name xml.Name) int {
	n := len(z.open)
	if n == 0 {
		return -1
	}
	if z.open[n-1].raw == name {
		return n - 1
	}
	from := n - 1
	if n > openLinear && z.deepOpen[name] == 0 {
		from = openLinear - 1 // none of the deeper ones has the name
	}
	for i := from; i >= 0; i-- {
		z.sc.work++
		if z.open[i].raw == name {
			return i
		}
	}
	if strings.EqualFold(z.open[n-1].raw.Local, name.Local) {
		return n - 1
	}
	return -1
}

// bind adds a namespace declaration to the bindings in scope.
func (z *Tokenizer) bind(prefix, uri string) {
	if z.nsIndex == nil && len(z.bindings) >= nsLinear {
		z.indexBindings()
	}
	z.dfltOK = false
	b := binding{Prefix: prefix, URI: uri, prev: -1}
	if z.nsIndex != nil {
		if i, ok := z.nsIndex[prefix]; ok {
			b.prev = i
		}
		z.nsIndex[prefix] = len(z.bindings)
		z.nsPeak = max(z.nsPeak, len(z.bindings)+1)
	}
	z.bindings = append(z.bindings, b)
}

// indexBindings makes z.nsIndex for the bindings in scope.
func (z *Tokenizer) indexBindings() {
	z.nsIndex = make(map[string]int, 2*len(z.bindings))
	for i := range z.bindings {
		b := &z.bindings[i]
		b.prev = -1
		if j, ok := z.nsIndex[b.Prefix]; ok {
			b.prev = j
		}
		z.nsIndex[b.Prefix] = i
	}
	z.nsPeak = len(z.bindings)
	z.addWork(len(z.bindings))
}

// unbind ends the scope of the bindings from the mark-th on.
func (z *Tokenizer) unbind(mark int) {
	if mark == len(z.bindings) {
		return
	}
	z.dfltOK = false
	if z.nsIndex != nil {
		switch {
		case mark <= nsLinear/2:
			z.nsIndex = nil // few enough to look through
		case mark < z.nsPeak/4:
			// A map grown large does not shrink: make a new one.
			z.bindings = truncate(z.bindings, mark)
			z.indexBindings()
		default:
			for i := len(z.bindings) - 1; i >= mark; i-- {
				if b := z.bindings[i]; b.prev < 0 {
					delete(z.nsIndex, b.Prefix)
				} else {
					z.nsIndex[b.Prefix] = b.prev
				}
			}
		}
	}
	z.addWork(len(z.bindings) - mark)
	z.bindings = truncate(z.bindings, mark)
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
func (z *Tokenizer) resolve(prefix string, element bool) string {
	switch {
	case prefix != "":
		return z.lookup(prefix)
	case !element:
		return ""
	case !z.dfltOK:
		z.dflt, z.dfltOK = z.lookup(""), true
	}
	return z.dflt
}

// lookup returns the namespace URI of a prefix, "" for the default
// namespace, as resolve does for an element's.
func (z *Tokenizer) lookup(prefix string) string {
	switch {
	case prefix == "xml":
		return XMLNamespace
	case prefix == "xmlns":
		return prefix // as in encoding/xml, even if declared
	case z.nsIndex != nil:
		if i, ok := z.nsIndex[prefix]; ok {
			return z.bindings[i].URI
		}
		return prefix
	}
	for i := len(z.bindings) - 1; i >= 0; i-- {
		z.sc.work++
		if z.bindings[i].Prefix == prefix {
			return z.bindings[i].URI
		}
	}
	return prefix
}
