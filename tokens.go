package rss

import (
	"github.com/feedkit/rss/internal/xmlscan"
)

// The decoder reads XML through the tokenizer of internal/xmlscan (d.tok),
// which turns bytes into tokens: the encoding, the repairs, entities,
// namespaces, end tags matched, positions and the bounds on size and
// nesting are its. This file is the decoder's side of it: the token loop
// (Decoder.token, in parse.go) and what the mapping needs of the tokens.

// token is one XML token, as the decoder maps them: xmlscan's Token, which
// Decoder.token hands out in place (the tokenizer's own, valid until the
// next token is read). Unlike xml.Token it is not an interface, so that
// passing one on costs no allocation.
type token = xmlscan.Token

// The kinds of token.
const (
	otherToken = xmlscan.OtherToken // comments, processing instructions, directives
	startToken = xmlscan.StartToken
	endToken   = xmlscan.EndToken
	textToken  = xmlscan.TextToken
)

// xmlNamespace is the namespace the prefix xml is bound to by definition.
const xmlNamespace = xmlscan.XMLNamespace

// binding is a namespace prefix in scope ("" for the default namespace), as
// Atom's XHTML content is written back with them (atom.go).
type binding struct{ prefix, uri string }

// innerBindings returns the innermost n namespace declarations in scope,
// outermost first. The slice is valid until the next call.
func (d *Decoder) innerBindings(n int) []binding {
	bs := d.tok.Bindings()
	bs = bs[max(0, len(bs)-n):]
	d.scope = d.scope[:0]
	for _, b := range bs {
		d.scope = append(d.scope, binding{b.Prefix, b.URI})
	}
	return d.scope
}

// baseLevel is the level of the element of the start token just read, for
// the xml:base it carries (see pushBase): its index among the open
// elements.
func (d *Decoder) baseLevel() int { return d.tok.Depth() - 1 }

// addWork counts work for the tests that check it grows linearly
// (hostile_test.go), in the tokenizer's counter.
func (d *Decoder) addWork(n int) {
	if d.tok != nil {
		d.tok.AddWork(n)
	}
}

// parseError turns an error of the tokenizer (an *xmlscan.Error) into a
// *ParseError with the same position and cause; io.EOF and any other error
// pass as they are.
func parseError(err error) error {
	if e, ok := err.(*xmlscan.Error); ok {
		return &ParseError{Line: e.Line, Column: e.Column, Err: e.Err}
	}
	return err
}

// commonNames holds the names most feeds use, so that a decoder interns
// them without a map of its own (many feeds are small). init (elements.go)
// adds the names the modules read.
var commonNames = func() map[string]string {
	m := map[string]string{}
	for _, s := range []string{"rss", "channel", "item", "RDF", "Seq", "li", "rdf", "dc", "content",
		"atom", "wfw", "slash", "sy", "itunes", "media", "xmlns", "version", "href", "rel", "type",
		"url", "length", "domain", "isPermaLink", "about", "resource", "port", "path",
		"registerProcedure", "protocol", "hreflang", "p", "a", "br", "img", "src", "alt", "div", "span",
		"explicit", "duration", "subtitle", "summary", "keywords", "image", "owner", "name", "email"} {
		m[s] = s
	}
	return m
}()
