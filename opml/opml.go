package opml

import (
	"encoding/xml"
	"strings"
	"time"
	"unicode/utf8"
)

// A Document is an OPML document: the fields of its head and the outlines
// of its body.
type Document struct {
	// Title is the head's title.
	Title string `json:"title,omitempty"`
	// OwnerName and OwnerEmail are the head's ownerName and ownerEmail.
	OwnerName  string `json:"ownerName,omitempty"`
	OwnerEmail string `json:"ownerEmail,omitempty"`
	// DateCreated and DateModified are the head's dateCreated and
	// dateModified, read with [rss.ParseDate] in the offset the date
	// gives; the zero time when the head has none, or one that does not
	// read as a date.
	DateCreated  time.Time `json:"dateCreated,omitzero"`
	DateModified time.Time `json:"dateModified,omitzero"`
	// Head holds every other element of the head, in document order:
	// OPML 2.0's ownerId, docs, expansionState, vertScrollState and
	// window positions, and any element of another namespace.
	Head []Element `json:"head,omitempty"`
	// Outlines are the body's top-level outlines.
	Outlines []Outline `json:"outlines,omitempty"`
}

// An Element is an element of the head that has no field of its own in
// [Document]. Name.Space is its namespace URI, "" for OPML's own elements;
// Text is its text, that of the elements inside it included, with white
// space trimmed at both ends. Its attributes are not kept.
type Element struct {
	Name xml.Name `json:"name"`
	Text string   `json:"text"`
}

// An Outline is an outline element: a subscription (one with an XMLURL),
// a folder of outlines, a link or a line of text.
//
// The attributes that have a field here are matched by name in any case
// (xmlUrl, xmlurl and XMLURL are all XMLURL); Attrs holds every other
// attribute, in document order, its name resolved to a namespace URI as in
// encoding/xml (a prefix nobody declared stands for itself).
type Outline struct {
	Text        string `json:"text,omitempty"`        // text: what a reader shows
	Title       string `json:"title,omitempty"`       // title: the feed's own title (OPML 2.0 subscription lists)
	Type        string `json:"type,omitempty"`        // type: "rss" for a feed, "link", "include"...
	XMLURL      string `json:"xmlUrl,omitempty"`      // xmlUrl: the feed's address
	HTMLURL     string `json:"htmlUrl,omitempty"`     // htmlUrl: the site's address
	Description string `json:"description,omitempty"` // description
	Language    string `json:"language,omitempty"`    // language
	Category    string `json:"category,omitempty"`    // category: comma-separated slash-delimited categories (OPML 2.0)
	// Attrs holds every other attribute, in document order, such as
	// version, url, created, isComment or isBreakpoint.
	Attrs []xml.Attr `json:"attrs,omitempty"`
	// Outlines are the outlines inside this one.
	Outlines []Outline `json:"outlines,omitempty"`
}

// Feeds returns every outline that has an XMLURL (one that is not only
// white space), depth first, in document order: the subscriptions of a
// subscription list, whatever folders they are in. An outline listed keeps
// its Outlines. Feeds returns nil when there are none.
func (d *Document) Feeds() []Outline {
	var feeds []Outline
	var walk func([]Outline)
	walk = func(os []Outline) {
		for _, o := range os {
			if strings.TrimSpace(o.XMLURL) != "" {
				feeds = append(feeds, o)
			}
			walk(o.Outlines)
		}
	}
	walk(d.Outlines)
	return feeds
}

// knownAttr is the index of the field of an outline attribute name, in
// lower case, in outlineFields; names not listed are kept in Attrs.
var knownAttr = map[string]int{
	"text": 0, "title": 1, "type": 2, "xmlurl": 3, "htmlurl": 4,
	"description": 5, "language": 6, "category": 7,
}

// outlineFields returns pointers to an outline's attribute fields, in the
// order Write writes them, with the names it writes.
func outlineFields(o *Outline) [8]*string {
	return [8]*string{&o.Text, &o.Title, &o.Type, &o.XMLURL, &o.HTMLURL, &o.Description, &o.Language, &o.Category}
}

// attrNames are the names Write gives the fields of outlineFields.
var attrNames = [8]string{"text", "title", "type", "xmlUrl", "htmlUrl", "description", "language", "category"}

// Head elements with fields of their own, by their name in lower case.
const (
	headTitle = iota
	headOwnerName
	headOwnerEmail
	headDateCreated
	headDateModified
	headFields
)

var knownHead = map[string]int{
	"title": headTitle, "ownername": headOwnerName, "owneremail": headOwnerEmail,
	"datecreated": headDateCreated, "datemodified": headDateModified,
}

// xmlnsURI is the namespace of namespace declarations, to which no prefix
// may be bound.
const xmlnsURI = "http://www.w3.org/2000/xmlns/"

// xmlURI is the namespace the prefix xml stands for.
const xmlURI = "http://www.w3.org/XML/1998/namespace"

// isNCName reports whether s is an XML name without a colon (Namespaces in
// XML's NCName) that encoding/xml reads too: encoding/xml checks names with
// the tables of XML 1.0's fourth edition, stricter than the fifth's
// (U+3180 is a name in the fifth only), so a name with a character outside
// ASCII is also checked by encoding/xml itself.
func isNCName(s string) bool {
	if s == "" || !utf8.ValidString(s) {
		return false
	}
	ascii := true
	for i, r := range s {
		if !isNameChar(r, i == 0) {
			return false
		}
		ascii = ascii && r < utf8.RuneSelf
	}
	if ascii {
		return true
	}
	_, err := xml.NewDecoder(strings.NewReader("<" + s + "/>")).RawToken()
	return err == nil
}

func isNameChar(r rune, first bool) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r == '_',
		r >= 0xC0 && r <= 0xD6, r >= 0xD8 && r <= 0xF6, r >= 0xF8 && r <= 0x2FF,
		r >= 0x370 && r <= 0x37D, r >= 0x37F && r <= 0x1FFF, r >= 0x200C && r <= 0x200D,
		r >= 0x2070 && r <= 0x218F, r >= 0x2C00 && r <= 0x2FEF, r >= 0x3001 && r <= 0xD7FF,
		r >= 0xF900 && r <= 0xFDCF, r >= 0xFDF0 && r <= 0xFFFD, r >= 0x10000 && r <= 0xEFFFF:
		return true
	case first:
		return false
	}
	return r == '-' || r == '.' || r >= '0' && r <= '9' || r == 0xB7 ||
		r >= 0x300 && r <= 0x36F || r >= 0x203F && r <= 0x2040
}
