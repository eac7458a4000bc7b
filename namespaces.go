package rss

import (
	"encoding/json"
	"encoding/xml"
	"strconv"
	"strings"
	"time"
)

// Namespace URIs the package maps into typed fields. Elements are matched by
// their namespace URI, never by prefix; the common misspellings of these URIs
// (letter case, a missing or extra trailing slash, https for http) are read as
// the URI they meant, and so are these namespaces' usual prefixes when a feed
// uses one without declaring it.
const (
	NamespaceContent     = "http://purl.org/rss/1.0/modules/content/"
	NamespaceDublinCore  = "http://purl.org/dc/elements/1.1/"
	NamespaceWFW         = "http://wellformedweb.org/CommentAPI/"
	NamespaceSlash       = "http://purl.org/rss/1.0/modules/slash/"
	NamespaceSyndication = "http://purl.org/rss/1.0/modules/syndication/"
	NamespaceAtom        = "http://www.w3.org/2005/Atom"
	NamespaceRDF         = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	NamespaceRSS10       = "http://purl.org/rss/1.0/"
	NamespaceRSS090      = "http://my.netscape.com/rdf/simple/0.9/"
)

// Namespaces of other common extensions. They have no typed fields, but
// their usual prefixes are resolved to these URIs when a feed uses them
// without declaring them, so that [FindElement] finds them by URI.
const (
	NamespaceDCTerms = "http://purl.org/dc/terms/"
	NamespaceITunes  = "http://www.itunes.com/dtds/podcast-1.0.dtd"
	NamespaceMedia   = "http://search.yahoo.com/mrss/"
)

// nsRSS stands for the RSS core vocabulary: elements in no namespace, or in
// one of the namespaces RSS versions have used for their own elements.
const nsRSS = ""

// knownNS maps the normalised form of every accepted namespace URI (see
// normaliseNS), and every well-known prefix, to the namespace it stands for.
var knownNS = func() map[string]string {
	m := map[string]string{}
	for _, uri := range []string{NamespaceContent, NamespaceDublinCore, NamespaceWFW, NamespaceSlash,
		NamespaceSyndication, NamespaceAtom, NamespaceRDF, NamespaceDCTerms, NamespaceITunes, NamespaceMedia} {
		m[normaliseNS(uri)] = uri
	}
	// The namespaces RSS itself has used for its core elements.
	for _, uri := range []string{NamespaceRSS10, NamespaceRSS090,
		"http://backend.userland.com/rss2", "http://backend.userland.com/rss",
		"http://blogs.law.harvard.edu/tech/rss", "http://purl.org/net/rss1.1#"} {
		m[normaliseNS(uri)] = nsRSS
	}
	m[normaliseNS("http://my.netscape.com/publish/formats/rss-0.91.dtd")] = nsRSS
	// Prefixes feeds use without declaring them: encoding/xml reports the
	// prefix itself as the namespace.
	for prefix, uri := range map[string]string{
		"content": NamespaceContent, "dc": NamespaceDublinCore, "wfw": NamespaceWFW,
		"slash": NamespaceSlash, "sy": NamespaceSyndication, "atom": NamespaceAtom,
		"rdf": NamespaceRDF, "dcterms": NamespaceDCTerms, "itunes": NamespaceITunes,
		"media": NamespaceMedia,
	} {
		m[prefix] = uri
	}
	return m
}()

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

// DublinCore holds the fifteen Dublin Core elements (namespace
// [NamespaceDublinCore]), each in document order.
type DublinCore struct {
	Title       []string `json:"title,omitempty"`
	Creator     []string `json:"creator,omitempty"`
	Subject     []string `json:"subject,omitempty"`
	Description []string `json:"description,omitempty"`
	Publisher   []string `json:"publisher,omitempty"`
	Contributor []string `json:"contributor,omitempty"`
	Date        []string `json:"date,omitempty"` // raw; read them with ParseDate
	Type        []string `json:"type,omitempty"`
	Format      []string `json:"format,omitempty"`
	Identifier  []string `json:"identifier,omitempty"`
	Source      []string `json:"source,omitempty"`
	Language    []string `json:"language,omitempty"`
	Relation    []string `json:"relation,omitempty"`
	Coverage    []string `json:"coverage,omitempty"`
	Rights      []string `json:"rights,omitempty"`
}

// field returns the slice that holds the Dublin Core element with the given
// local name (matched without regard to case), or nil.
func (dc *DublinCore) field(local string) *[]string {
	switch strings.ToLower(local) {
	case "title":
		return &dc.Title
	case "creator", "author":
		return &dc.Creator
	case "subject":
		return &dc.Subject
	case "description":
		return &dc.Description
	case "publisher":
		return &dc.Publisher
	case "contributor":
		return &dc.Contributor
	case "date":
		return &dc.Date
	case "type":
		return &dc.Type
	case "format":
		return &dc.Format
	case "identifier":
		return &dc.Identifier
	case "source":
		return &dc.Source
	case "language":
		return &dc.Language
	case "relation":
		return &dc.Relation
	case "coverage":
		return &dc.Coverage
	case "rights":
		return &dc.Rights
	}
	return nil
}

// WFW holds the Well-Formed Web comment API elements (namespace
// [NamespaceWFW]) of an item.
type WFW struct {
	Comment    string `json:"comment,omitempty"`    // URL to post comments to
	CommentRSS string `json:"commentRss,omitempty"` // URL of the comments' feed
}

// Slash holds the Slash elements (namespace [NamespaceSlash]) of an item.
type Slash struct {
	Section    string `json:"section,omitempty"`
	Department string `json:"department,omitempty"`
	Comments   int    `json:"comments,omitempty"`
	HitParade  []int  `json:"hitParade,omitempty"`
}

// Syndication holds the Syndication elements (namespace
// [NamespaceSyndication]) of a channel: how often it is updated.
type Syndication struct {
	// UpdatePeriod is "hourly", "daily", "weekly", "monthly" or "yearly".
	UpdatePeriod    string    `json:"updatePeriod,omitempty"`
	UpdateFrequency int       `json:"updateFrequency,omitempty"` // times per period
	UpdateBase      time.Time `json:"updateBase,omitzero"`
	UpdateBaseRaw   string    `json:"updateBaseRaw,omitempty"`
}

// AtomLink is an atom:link element (namespace [NamespaceAtom]) of a channel
// or item, such as the feed's rel="self" address or a WebSub hub.
type AtomLink struct {
	Href     string `json:"href,omitempty"`
	Rel      string `json:"rel,omitempty"`
	Type     string `json:"type,omitempty"`
	Hreflang string `json:"hreflang,omitempty"`
	Title    string `json:"title,omitempty"`
	Length   int64  `json:"length,omitempty"`
}

// Element is an element the data model has no field for, kept whole: its
// name (Space is the namespace URI, or "" for none), attributes, text (trimmed,
// entities decoded) and child elements, in document order.
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
// its variant spellings and its undeclared prefix.
func (e *Element) Is(space, local string) bool {
	return e.Name.Local == local && canonicalNS(e.Name.Space) == canonicalNS(space)
}

// Attr returns the value of e's attribute with the given namespace URI ("" for
// none) and local name, or "" when it has none.
func (e *Element) Attr(space, local string) string {
	for _, a := range e.Attrs {
		if a.Name.Local == local && canonicalNS(a.Name.Space) == canonicalNS(space) {
			return a.Value
		}
	}
	return ""
}

// Child returns e's first child element with the given namespace URI and
// local name, or nil.
func (e *Element) Child(space, local string) *Element {
	return FindElement(e.Children, space, local)
}

// FindElement returns the first element of es with the given namespace URI
// and local name, or nil. Use it on [Feed.Extensions], [Item.Extensions] or
// [Element.Children]:
//
//	if d := rss.FindElement(item.Extensions, rss.NamespaceITunes, "duration"); d != nil {
//		fmt.Println(d.Text)
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
