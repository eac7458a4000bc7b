package rss

import (
	"encoding/json"
	"encoding/xml"
	"slices"
	"strconv"
	"strings"
)

// The namespaces of RSS itself: RDF, in which RSS 0.90 and 1.0 documents are
// written, and the namespaces of their elements. The namespaces the package
// maps onto typed fields, each declared in a file of its own, are listed
// in the package documentation, under "Namespaces".
const (
	NamespaceRDF    = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	NamespaceRSS10  = "http://purl.org/rss/1.0/"
	NamespaceRSS090 = "http://my.netscape.com/rdf/simple/0.9/"
)

// Namespaces of other common extensions. They have no typed fields, but
// their usual prefixes are resolved to these URIs when a feed uses them
// without declaring them, so that [FindElement] finds them by URI.
const (
	NamespaceDCTerms = "http://purl.org/dc/terms/"
)

// otherNamespaces are the namespaces the package knows that have no module
// (see elements.go), with their usual prefixes.
var otherNamespaces = []struct{ uri, prefix string }{
	{NamespaceRDF, "rdf"},
	{NamespaceDCTerms, "dcterms"},
}

// nsRSS stands for the RSS core vocabulary: elements in no namespace, or in
// one of the namespaces RSS versions have used for their own elements.
const nsRSS = ""

// knownNS maps the normalised form of every accepted namespace URI (see
// normaliseNS), and every well-known prefix, to the namespace it stands for:
// the modules' namespaces (nsRSS for the RSS core) and otherNamespaces. init
// (elements.go) builds it; it is only read after.
var knownNS map[string]string

// normaliseNS folds the differences real feeds make in a namespace URI:
// letter case, the scheme, a "www." and trailing slashes.
func normaliseNS(uri string) string {
	s := strings.ToLower(strings.TrimSpace(uri))
	s = strings.TrimPrefix(s, "http://")
	s = strings.TrimPrefix(s, "https://")
	s = strings.TrimPrefix(s, "www.")
	return strings.TrimRight(s, "/#")
}

// canonicalNS returns the namespace a URI (or undeclared prefix) stands for:
// a Namespace constant, nsRSS for the RSS core vocabularies, or the URI
// itself when it is not one the package knows.
func canonicalNS(uri string) string {
	if uri == "" {
		return nsRSS
	}
	if c, ok := knownNS[normaliseNS(uri)]; ok {
		return c
	}
	return uri
}

// An nsResolver tells what the namespace URIs a document writes stand for:
// the namespace (see canonicalNS) and the module that reads it. It caches
// the answer for the URIs the document uses, so that an element costs one
// lookup. The cache is kept for the whole document: the URIs a feed uses
// are few and short, and keeping long ones would let a document hold many.
type nsResolver struct {
	cache map[string]nsEntry
	// noted is the namespace URI whose prefix was last noted for the
	// Encoder (see Decoder.notePrefixOf), so that a run of extension
	// elements of one namespace looks it up once.
	noted string
}

// Bounds on the namespace cache.
const (
	maxNSCache    = 64  // URIs cached, at most
	maxNSCacheLen = 256 // bytes of the longest URI cached
)

// nsEntry is what a namespace URI, as a document writes it, stands for:
// the namespace (see canonicalNS) and its module (nil for none).
type nsEntry struct {
	space string
	mod   *module
}

// space returns the namespace a URI stands for (see canonicalNS).
func (n *nsResolver) space(uri string) string {
	if uri == "" {
		return nsRSS
	}
	return n.entry(uri).space
}

// module returns the module of the namespace a URI (as the element names
// it) stands for, or nil when no module reads that namespace.
func (n *nsResolver) module(uri string) *module {
	if uri == "" {
		return coreModule
	}
	return n.entry(uri).mod
}

// entry returns what a URI stands for, from the cache when it is there. A
// URI longer than maxNSCacheLen is taken as it is, and not cached: no
// namespace the package knows is spelt that long, and one declared once
// may be used by every element, so that looking at all of it each time
// would cost more than linear time, and keeping it would keep it for the
// whole document.
func (n *nsResolver) entry(uri string) nsEntry {
	if len(uri) > maxNSCacheLen {
		return nsEntry{uri, modules[uri]}
	}
	if e, ok := n.cache[uri]; ok {
		return e
	}
	c := canonicalNS(uri)
	e := nsEntry{c, modules[c]}
	if len(n.cache) < maxNSCache {
		if n.cache == nil {
			n.cache = map[string]nsEntry{}
		}
		n.cache[uri] = e
	}
	return e
}

// alias reads the elements of the namespace uri as those of space, for a
// root element whose namespace says what the document is (an RSS root in a
// namespace of its own, an Atom 0.3 draft's).
func (n *nsResolver) alias(uri, space string) {
	n.cache = map[string]nsEntry{uri: {space, modules[space]}}
}

// Element is an element the data model has no field for, kept whole: its
// name (Space is the namespace URI, or "" for none), attributes, text (trimmed,
// entities decoded) and child elements, in document order.
//
// The methods of *Element accept a nil e, as from a [FindElement] or
// [Element.Child] that found nothing, so that lookups chain without a nil
// check at each step:
//
//	rss.FindElement(item.Extensions, rss.NamespaceJSONFeed, "attachments").
//		Child(rss.NamespaceJSONFeed, "title").Value()
type Element struct {
	Name     xml.Name
	Attrs    []xml.Attr
	Text     string
	Children []Element
}

// displayName writes an element's name for a message, as <name>; quoted,
// as strconv.Quote quotes, when the name holds characters that would not
// print as themselves (control and format characters such as U+202E,
// unassigned code points, a quote or a backslash), so that a message never
// carries them raw.
func displayName(local string) string {
	tag := "<" + local + ">"
	if q := strconv.Quote(tag); q[1:len(q)-1] != tag {
		return q
	}
	return tag
}

// Is reports whether e has the given namespace URI and local name. The URI
// is compared as the package compares namespaces: a known namespace matches
// its variant spellings and its undeclared prefix. It is false for a nil e.
func (e *Element) Is(space, local string) bool {
	return e != nil && e.Name.Local == local && canonicalNS(e.Name.Space) == canonicalNS(space)
}

// Attr returns the value of e's attribute with the given namespace URI ("" for
// none) and local name, or "" when it has none or e is nil.
func (e *Element) Attr(space, local string) string {
	if e == nil {
		return ""
	}
	for _, a := range e.Attrs {
		if a.Name.Local == local && canonicalNS(a.Name.Space) == canonicalNS(space) {
			return a.Value
		}
	}
	return ""
}

// Child returns e's first child element with the given namespace URI and
// local name, or nil (also when e is nil).
func (e *Element) Child(space, local string) *Element {
	if e == nil {
		return nil
	}
	return FindElement(e.Children, space, local)
}

// Value returns e's text, or "" when e is nil.
func (e *Element) Value() string {
	if e == nil {
		return ""
	}
	return e.Text
}

// FindElement returns the first element of es with the given namespace URI
// and local name, or nil. Use it on [Feed.Extensions], [Item.Extensions] or
// [Element.Children], for an element the model has no typed field for
// (those with one are never there), such as FeedBurner's original link:
//
//	const feedburner = "http://rssnamespace.org/feedburner/ext/1.0"
//	if e := rss.FindElement(item.Extensions, feedburner, "origLink"); e != nil {
//		fmt.Println(e.Text)
//	}
func FindElement(es []Element, space, local string) *Element {
	for i := range es {
		if es[i].Is(space, local) {
			return &es[i]
		}
	}
	return nil
}

// FindElements returns every element of es with the given namespace URI and
// local name, in order.
func FindElements(es []Element, space, local string) []Element {
	var out []Element
	for i := range es {
		if es[i].Is(space, local) {
			out = append(out, es[i])
		}
	}
	return out
}

type jsonAttr struct {
	Space string `json:"space,omitempty"`
	Name  string `json:"name"`
	Value string `json:"value"`
}

// jsonElement is the JSON form of an Element.
type jsonElement struct {
	Space    string     `json:"space,omitempty"`
	Name     string     `json:"name"`
	Attrs    []jsonAttr `json:"attrs,omitempty"`
	Text     string     `json:"text,omitempty"`
	Children []Element  `json:"children,omitempty"`
}

// MarshalJSON writes e as {"space", "name", "attrs", "text", "children"},
// leaving out what is empty; each attribute is {"space", "name", "value"}.
func (e Element) MarshalJSON() ([]byte, error) {
	var attrs []jsonAttr
	for _, a := range e.Attrs {
		attrs = append(attrs, jsonAttr{a.Name.Space, a.Name.Local, a.Value})
	}
	return json.Marshal(jsonElement{e.Name.Space, e.Name.Local, attrs, e.Text, e.Children})
}

// UnmarshalJSON reads what [Element.MarshalJSON] writes, so that a [Feed]
// written as JSON reads back equal. A JSON null leaves e unchanged.
func (e *Element) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		return nil
	}
	var j jsonElement
	if err := json.Unmarshal(data, &j); err != nil {
		return err
	}
	*e = Element{Name: xml.Name{Space: j.Space, Local: j.Name}, Text: j.Text, Children: j.Children}
	if j.Attrs != nil {
		e.Attrs = make([]xml.Attr, len(j.Attrs))
		for i, a := range j.Attrs {
			e.Attrs[i] = xml.Attr{Name: xml.Name{Space: a.Space, Local: a.Name}, Value: a.Value}
		}
	}
	return nil
}

// keepOtherAttrs keeps a copy of the element t, with its attributes and
// without its text, in exts when t has an attribute its handler does not
// read: one whose local name is none of read (in any case, as attr finds
// them), other than namespace declarations and the xml attributes (xml:base
// is read as the base of URLs, xml:lang is the document's). The handler
// reads the element's text into its field, so that nothing the element
// says is lost.
func (d *Decoder) keepOtherAttrs(exts *[]Element, t xml.StartElement, read ...string) {
	for _, a := range t.Attr {
		if a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns" ||
			a.Name.Space == "xml" || a.Name.Space == xmlNamespace {
			continue
		}
		if !slices.ContainsFunc(read, func(name string) bool { return strings.EqualFold(name, a.Name.Local) }) {
			d.keep(exts, t, "")
			return
		}
	}
}

// keepingAttrs wraps the handler h of an element whose attributes named
// read (none for a text element) are all it reads: when the element has
// others, and h kept nothing of it in the extensions itself (as it does
// with a repeated element, attributes and all), a copy of it with its
// attributes is kept there too (see keepOtherAttrs).
func keepingAttrs[P parent](h func(*Decoder, P, xml.StartElement) error, read ...string) func(*Decoder, P, xml.StartElement) error {
	if h == nil {
		return nil
	}
	return func(d *Decoder, p P, t xml.StartElement) error {
		exts := p.extensions()
		n := len(*exts)
		err := h(d, p, t)
		if len(*exts) == n {
			d.keepOtherAttrs(exts, t, read...)
		}
		return err
	}
}
