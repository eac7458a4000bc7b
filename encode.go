package rss

import (
	"bytes"
	"encoding/xml"
	"errors"
	"github.com/feedkit/rss/internal/xmlscan"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Format is a feed format an [Encoder] writes.
type Format int

// The formats an [Encoder] writes.
const (
	RSS2      Format = iota + 1 // RSS 2.0, with the namespaces the feed uses (content, dc, atom, itunes, podcast, media...)
	Atom1                       // Atom 1.0 (RFC 4287)
	JSONFeed1                   // JSON Feed 1.1
)

// String returns the format's name: "rss", "atom" or "jsonfeed".
func (f Format) String() string {
	switch f {
	case RSS2:
		return "rss"
	case Atom1:
		return "atom"
	case JSONFeed1:
		return "jsonfeed"
	}
	return "Format(" + strconv.Itoa(int(f)) + ")"
}

// An Encoder writes feeds in one format to an output stream, as
// encoding/json's Encoder writes values: [NewEncoder], then
// [Encoder.Encode] for each feed.
//
// The output is deterministic: the same model gives the same bytes (no
// clock is read, maps are written in sorted order). Text is escaped (or,
// HTML in RSS and Atom's html text, written as CDATA where that is shorter
// and safe); characters
// that XML cannot carry (control characters, unpaired surrogates, U+FFFE
// and U+FFFF), the C1 controls U+0080 to U+009F (which the Strict decoder
// refuses) and invalid UTF-8 are dropped, in JSON Feed too. Dates are written with their
// own UTC offset: in RSS as RFC 1123 with a numeric zone ("Mon, 02 Jan
// 2006 15:04:05 -0700"; for a date read from RSS, RFC 3339 when the time
// has a fraction of a second, as its input had; for another (read from
// Atom or JSON Feed, or set in code: its raw text empty), whole seconds,
// the fraction dropped, as RSS requires), in Atom and JSON Feed as RFC
// 3339.
//
// The output validates where the input does (the W3C feed validator, and
// Apple's and the Podcast Index's requirements for podcasts, are the
// reference): what the output's format requires and a feed read from
// another format lacks is derived, as each section below lists, and what
// it has in a form the output's format does not allow is left out: a
// language that is no language code (RSS's language and Atom's xml:lang
// are ones), a category domain that is no URI in Atom (whose scheme is
// one). A date the feed gave but
// that could not be read (its time zero, its raw text set) is written as
// its raw text where RSS has an element for it, and left out elsewhere.
//
// What a format requires and a feed lacks (an Atom id, updated date or
// author, a JSON Feed item's id, RSS's channel link and description) is
// derived, as each section says, only for a feed read from another format
// or (for Atom and JSON Feed) built in code. A feed read from the format
// it is written in (as the decoder noted; for a feed decoded from the
// model's JSON, as its Version says: "atom1.0" for Atom, whose 0.3
// required less, "json..." for JSON Feed, anything else, a feed built in
// code too, for RSS) is written
// with what it has and nothing derived, so that reading the output gives
// the same model back, and the output is as valid as its input was.
//
// # RSS 2.0
//
// Every typed field is written where RSS 2.0 holds it: the channel and item
// elements; content:encoded; the fifteen Dublin Core elements; wfw; slash;
// sy; atom:link for AtomLinks and the Atom elements of the Atom part (id,
// author, contributor, updated, published, rights, icon, logo, generator's
// uri and version, source); iTunes; Podcasting 2.0, live items included;
// Media RSS. Extensions are written after the typed fields of the element
// they belong to, in order, with their own namespace URIs. A namespace is
// declared on the rss element only when it is used, with its usual prefix
// (content, dc, atom, itunes, podcast, media...) for a namespace the package
// knows; for any other, the prefix the feed's document gave it (on its root
// or on the extension element; a feed read from XML remembers them), else
// the usual one of a few common extension namespaces (feedburner,
// googleplay, georss...), else ns1, ns2... in the order of first use. The
// same holds in Atom. The channel's title
// and description, which RSS requires, are written even when empty, and
// its link when it has one (an empty link is no URL, and is left out, as
// the feed had none); for a feed read from Atom or JSON Feed (its Version
// says so), they are derived when missing: the link from the rel="self"
// link, else the Atom id when that is an absolute IRI, else the origin
// (scheme and host) of the first http(s) URL among the items' links and
// enclosures, the image and the icon (a feed with no such URL has no
// link, which RSS requires); the title from the link; the description
// from the title; the image's title and link from the channel's. The
// cloud is written with its five attributes, empty ones too, as RSS
// requires them.
//
// An itunes:duration is written as the feed gave it (DurationRaw), else
// as the Duration in whole seconds, the form Apple and the validator read.
//
// An item of a feed read from Atom or JSON Feed with neither title nor
// description (RSS requires one) has its content as its description too;
// an enclosure without a type is written as application/octet-stream
// (RSS requires a type; JSON Feed too); an item with several Atom authors
// (an RSS item has one atom:author) has them as dc:creator elements ("Name
// <email>", else the one of them there is, else the URI); and the Atom
// elements RSS's item has none for (the validator defines no atom:rights,
// atom:source or atom:category there) are written as RSS or Dublin Core
// ones: rights as dc:rights, the source as RSS's source (with the source
// feed's self link, else its link, as the url RSS requires; left out when
// it has neither), the categories without their labels. An item of an
// RSS feed whose RSS title or description came after its atom:title or
// atom:summary (the decoder kept it in Extensions) has its title or
// description written as the Atom element, so that the item holds no
// two, and reads back the same.
//
// An item whose [Item.Base] is not the channel's link (an xml:base stood
// in the feed) is written with it as xml:base, so that the relative URLs of
// its body keep their meaning.
//
// Reading what was written gives the same model back (raw date text, the
// Version label and Item.Base aside), but for these differences, which
// RSS cannot avoid or the model cannot tell apart:
//
//   - A value the decoder both mapped and kept in Extensions, because it
//     could not read all of it, is written once, as the extension, where
//     the typed element would stand (for the enclosure, cloud, skipHours,
//     skipDays, itunes:category, itunes:owner, media:content,
//     media:thumbnail, media:player, the Podcasting 2.0 elements and an
//     Atom person): it reads back the same, when the extensions before it
//     were written so too (the extensions must read back in their order).
//     Otherwise, and for the other elements, it is written twice, typed
//     and as the extension, and the copy reads back as a second value.
//   - A channel or item of an RSS feed whose title, description
//     (subtitle, summary) or content came from an Atom element (its Atom
//     part has the type: TitleType, SubtitleType, SummaryType, ContentType
//     or ContentSrc) has it written as that Atom element, with its type,
//     in place of the RSS element (the channel's title and description are
//     then written empty, as RSS requires them). A feed read from Atom or
//     JSON Feed has them written as the RSS elements, their types left
//     out.
//   - A relative URL the decoder left relative (no base was in effect
//     where it stood: the channel's link came after the item, or an
//     xml:base that resolves nothing) reads back resolved against the
//     channel's link.
//   - An extension element or attribute whose name XML cannot carry (read
//     leniently), or whose namespace URI has white space in it, is left out, and so is an attribute given twice on one
//     element (XML allows one), and so are the characters XML cannot carry.
//   - An empty guid is not written: it reads back as no guid, whose
//     IsPermaLink is false.
//   - A part with no value in it (Atom, ITunes, Podcast or Media non-nil
//     but empty) is not written: it reads back nil. So in Atom and JSON
//     Feed.
//
// # Atom 1.0
//
// For a feed not read from Atom (see above for one that was), the feed:
// id is Atom.ID, else derived (the first of: the feed's Link, the
// href of its rel="self" link, "urn:sha1:" and the SHA-1 of its title),
// made an absolute IRI as an entry's is (below);
// title, subtitle (Description) and rights (Atom.Rights, else Copyright)
// with their types; updated is Atom.Updated, else LastBuildDate, else
// PubDate, else the latest date of an item, else the Unix epoch (never the
// clock); the links (AtomLinks, and Link as rel="alternate" when no link
// holds it); authors and contributors (Atom.Authors; when there are none
// and an entry has no author, one derived from ManagingEditor, else
// WebMaster, else the feed's title, else "unknown", as Atom requires);
// categories; generator; icon and logo (Atom.Icon and Atom.Logo, else
// Image.URL as the logo); xml:lang from Language. Dublin Core, sy, iTunes,
// Podcasting 2.0 (live items included), Media RSS and Extensions are
// written in their own namespaces.
//
// A date that could not be read (its time zero, its raw text set), or
// whose year RFC 3339 cannot write (before 1 or after 9999), is left out,
// or, where Atom requires one (updated), replaced as above.
//
// An entry (of a feed read from Atom: its own id, updated, published and
// authors, nothing derived): id is Atom.ID, else the GUID, else the Link, else
// "urn:sha1:" and the SHA-1 of its title, date and body; for a feed not
// read from Atom, an id that is no absolute IRI (Atom requires one: a
// guid of digits, "42 at example.org"...) is made one: a relative
// permalink resolved against the item's base, a UUID as its URN
// ("urn:uuid:" and the UUID in lower case), any other text as the data URI
// that holds it ("data:," and the text, percent-encoded where URIs
// require), which keeps it readable and distinct; updated is
// [Item.Updated] (Atom.Updated, else the publication date, of pubDate, a
// DC date...), else the feed's updated; published is Atom.Published, else
// [Item.Published] when that is not the updated date; authors are Atom.Authors,
// else Author, else each DC creator (read with ParsePerson); summary
// (Description) and content (Content) with their types (html when the
// item has none and the feed was not read from Atom or JSON Feed: RSS's
// description and content:encoded are HTML; such an item with no content
// and no link has its description as content, which Atom then requires);
// links as
// for the feed, and each enclosure as rel="enclosure"; categories (domain
// as scheme); rights; source.
//
// For a feed not read from Atom, what Atom requires and the feed lacks is
// derived: a rel="alternate" link after another of the same type and
// hreflang (an RSS item's link and an atom:link of it to another page),
// which Atom forbids, is written as rel="related"; an entry with no
// content and no alternate link has an empty content element; content
// from src or of a media type that is neither text nor XML has a summary,
// empty when the item has none; a person without a name is named by its
// address, else its URI, else "unknown". A link is written with its href,
// which Atom requires, even empty (but an enclosure's, which the reader
// would take for one more enclosure).
//
// Content with a src is written empty, as Atom requires (RFC 4287
// 4.1.3.2): text the feed gave beside the src is left out. A category
// without a term (Value), which Atom requires, is left out,
// and so is the type of a text construct that holds no text. An empty
// element in xhtml (<br></br>) reads back in its short form (<br/>).
//
// Atom has no element for: the channel's managingEditor, webMaster (but
// see authors), docs, cloud, ttl, rating, textInput, skipHours, skipDays,
// the image's title, link, size and description, pubDate beside
// lastBuildDate; an item's comments, source (RSS's), the guid's
// isPermaLink. They are left out. Atom 0.3's info and created, which
// Atom 1.0 has no element for, are written in the Atom 0.3 namespace. An xhtml text construct whose markup
// is not well-formed XML (with its namespaces declared) is written as
// html; content of an XML media type that is not is written escaped, as
// text, and reads back as that text.
//
// Reading what was written gives the same model back but for what was
// derived for a feed not read from Atom (above: a feed or entry without
// id, updated or author reads back with them; an entry without an author inherits the feed's, derived
// or not, RFC 4287 section 4.2.1, and the feed's authors, which the output
// writes before the entries, reach the entries that stood before them in
// the input too), an xhtml construct written as html, a date that could
// not be read or written, and the differences listed for RSS that apply
// (an empty part; a value kept in part, for Atom persons only).
//
// # JSON Feed 1.1
//
// The reverse of the mapping in the package doc's "JSON Feed" section.
//
// The feed: version (https://jsonfeed.org/version/1.1), title, home_page_url
// (Link), feed_url and next_url (the AtomLinks of rel self and next),
// description, icon (Atom.Logo, else Image.URL), favicon (Atom.Icon),
// authors (Atom.Authors, with their uri as url), language, hubs (the
// AtomLinks of rel hub, as WebSub hubs).
//
// The title, which JSON Feed requires, is written even empty; so is an
// item's content_html (content_text for text), which it requires too.
//
// An item: id (the GUID; for a feed not read from JSON Feed, else the
// Link, else "urn:sha1:" and the SHA-1 of its title, date and body, as in
// Atom: JSON Feed requires one), url (Link), external_url
// (the first AtomLink of rel related), title; summary (Description) and
// content_html or content_text (Content, by Atom.ContentType). An item of
// a feed not read from Atom or JSON Feed (RSS, or built in code) has its
// body ([Item.Body]) as content_html and its description as summary only
// when it has content:encoded too. An item with neither content nor
// summary has its [Item.Body] (itunes:summary, media:description,
// itunes:subtitle) as content_html, so that its body is not lost.
// date_published (Atom.Published, else [Item.Published] when it is not the
// updated date), date_modified (Atom.Updated); authors (Atom.Authors, else Author,
// else the DC creators); tags (the categories' values); language (the
// first DC language); attachments (Enclosures; of a feed not read from
// JSON Feed, one without a type as application/octet-stream, since JSON
// Feed requires mime_type).
//
// Extensions in [NamespaceJSONFeed] are written back as members named by
// their local names (but for the names of the members above: a member of
// a known name that the reader kept because its value had the wrong type
// or was given twice is left out, and an attachment or author kept whole for its other
// members, title, duration_in_seconds or avatar, is written whole in place
// of the typed one, so that those members are kept): consecutive elements of one name as an array, an
// element with children as an object, one with text as a string (a number,
// true or false as the string of it, which reads back the same), an empty
// one as null. Elements of other namespaces, and every field JSON Feed has
// no member for (RSS's channel elements beyond those above, iTunes,
// Podcasting 2.0, Media RSS, Dublin Core but the item language...), are
// left out. The model keeps an extension's numbers and strings alike, as
// text: a kept attachment's size_in_bytes and duration_in_seconds are
// written as numbers (a string there, which the reader kept, reads back
// as the number), every other value as a string, but expired's true and
// false. The other members are written after the version (feed) and
// before the attachments (item), where they usually stand, so that
// they read back in their order.
//
// Reading what was written gives the same model back but for the members
// left out and the numbers above, and the differences
// listed for RSS that apply.
type Encoder struct {
	w      io.Writer
	format Format
	// Indent is the indentation of each level of elements (or JSON
	// values): "" (the default) writes no line breaks at all.
	Indent string
}

// NewEncoder returns an Encoder that writes feeds in format to w.
func NewEncoder(w io.Writer, format Format) *Encoder {
	return &Encoder{w: w, format: format}
}

// ErrFormat is returned by [Encoder.Encode] for a Format it does not know.
var ErrFormat = errors.New("rss: unknown output format")

// Encode writes f, its channel and its Items, to the Encoder's stream. It
// returns the error of the stream, if any; nothing is written when f is
// nil or the format unknown (an error then).
func (e *Encoder) Encode(f *Feed) error {
	if f == nil {
		return errors.New("rss: Encode of a nil feed")
	}
	var x *xmlWriter
	switch e.format {
	case RSS2:
		x = newXMLWriter(e.Indent)
		x.feedPrefixes = f.prefixes
		x.derive = !htmlByDefault(f)
		x.buf.Grow(sizeHint(f))
		writeRSS(x, f)
		return x.writeDocument(e.w, "rss", []xattr{{"", "version", "2.0"}})
	case Atom1:
		x = newXMLWriter(e.Indent)
		x.defaultNS = NamespaceAtom
		x.feedPrefixes = f.prefixes
		x.derive = !sameFormat(f, Atom1)
		x.buf.Grow(sizeHint(f))
		writeAtom(x, f)
		return x.writeDocument(e.w, "feed", []xattr{{xmlNamespace, "lang", x.language(f.Language)}})
	case JSONFeed1:
		_, err := e.w.Write(writeJSONFeed(f, e.Indent))
		return err
	}
	return ErrFormat
}

// sizeHint estimates the bytes a feed's document takes, so that the
// buffer it is written to is made once rather than grown (and copied) a
// doubling at a time: the text of the items' bodies, titles and links, a
// quarter more for escaping, and a few hundred bytes of markup an item.
func sizeHint(f *Feed) int {
	n := 4 << 10
	for _, it := range f.Items {
		n += 512 + len(it.Title) + len(it.Link) + len(it.GUID.Value) +
			(len(it.Description)+len(it.Content))*5/4
	}
	return min(n, 1<<30)
}

// knownPrefixes are the usual prefixes of the namespaces the package knows.
var knownPrefixes = map[string]string{
	NamespaceContent:     "content",
	NamespaceDublinCore:  "dc",
	NamespaceAtom:        "atom",
	NamespaceITunes:      "itunes",
	NamespacePodcast:     "podcast",
	NamespaceMedia:       "media",
	NamespaceSlash:       "slash",
	NamespaceWFW:         "wfw",
	NamespaceSyndication: "sy",
	NamespaceRDF:         "rdf",
	NamespaceDCTerms:     "dcterms",
	namespaceXHTML:       "xhtml",
	NamespaceAtom03:      "atom03",
	NamespaceRSS10:       "rss10",
}

// extensionPrefixes are the usual prefixes of common extension namespaces
// the model has no part for, used when the feed's own document did not
// name one (a feed built in code, or read from JSON Feed).
var extensionPrefixes = map[string]string{
	"http://rssnamespace.org/feedburner/ext/1.0":            "feedburner",
	"http://www.google.com/schemas/play-podcasts/1.0":       "googleplay",
	"http://purl.org/syndication/thread/1.0":                "thr",
	"http://www.georss.org/georss":                          "georss",
	"http://www.w3.org/2003/01/geo/wgs84_pos#":              "geo",
	"http://podlove.org/simple-chapters":                    "psc",
	"http://www.youtube.com/xml/schemas/2015":               "yt",
	"http://madskills.com/public/xml/rss/module/trackback/": "trackback",
	"http://webns.net/mvcb/":                                "admin",
	"http://backend.userland.com/creativeCommonsRssModule":  "creativeCommons",
	"http://a9.com/-/spec/opensearch/1.1/":                  "opensearch",
}

// xattr is an attribute to write: its namespace URI ("" for none), local
// name and value.
type xattr struct {
	space, local, value string
}

// xmlWriter builds an XML document: the body in buf, the namespaces it
// uses in order, so that the root declares exactly those.
type xmlWriter struct {
	buf       bytes.Buffer
	indent    string
	depth     int
	isOpen    bool   // a start tag is open: ">" not yet written
	hasChild  []bool // per open element: whether it has child elements
	stack     []string
	defaultNS string            // the root's namespace, written without a prefix
	defaults  []string          // per open element: the default namespace in scope
	prefix    map[string]string // namespace URI → prefix
	taken     map[string]bool   // the prefixes given so far
	// feedPrefixes are the prefixes the feed's document declared
	// (Feed.prefixes), by namespace URI; nil for a feed built in code.
	feedPrefixes map[string]string
	used         []string // namespace URIs, in order of first use
	generated    int
	base         string // the base URL items have without an xml:base of their own
	rssNative    bool   // the feed was read from RSS (or built in code): see writeRSS
	// derive: the feed is written in a format other than the one it was
	// read from, so what the output's format requires and the feed lacks
	// is derived (see the Encoder doc).
	derive    bool
	keptStack []keptSet
}

func newXMLWriter(indent string) *xmlWriter {
	return &xmlWriter{indent: indent, prefix: map[string]string{}, taken: map[string]bool{}}
}

// qname returns the name to write for an element or attribute in space.
func (x *xmlWriter) qname(space, local string, isAttr bool) string {
	switch {
	case space == "":
		return local
	case space == xmlNamespace:
		return "xml:" + local
	case space == x.defaultNS && !isAttr:
		return local
	}
	p, ok := x.prefix[space]
	if !ok {
		p = x.choosePrefix(space)
		x.prefix[space] = p
		x.taken[p] = true
		x.used = append(x.used, space)
	}
	return p + ":" + local
}

// choosePrefix picks the prefix of a namespace the document has not used
// yet: the usual one for a namespace the package knows; else the feed's
// own (the one its document declared), then the usual one of a common
// extension namespace, when free and a name XML can carry; else ns1,
// ns2... in the order of first use.
func (x *xmlWriter) choosePrefix(space string) string {
	if p := knownPrefixes[space]; p != "" {
		return p
	}
	for _, p := range []string{x.feedPrefixes[space], extensionPrefixes[space]} {
		if p != "" && !x.taken[p] && isXMLName(p) && !strings.HasPrefix(strings.ToLower(p), "xml") &&
			!reservedPrefix(p) {
			return p
		}
	}
	for {
		x.generated++
		if p := "ns" + strconv.Itoa(x.generated); !x.taken[p] {
			return p
		}
	}
}

// reservedPrefix reports whether p is the usual prefix of a namespace the
// package knows, which a namespace of the feed's own must not take from it.
func reservedPrefix(p string) bool {
	for _, known := range knownPrefixes {
		if p == known {
			return true
		}
	}
	return false
}

func (x *xmlWriter) newline() {
	if x.indent == "" {
		return
	}
	x.buf.WriteByte('\n')
	for range x.depth {
		x.buf.WriteString(x.indent)
	}
}

func (x *xmlWriter) closeStart() {
	if x.isOpen {
		x.buf.WriteByte('>')
		x.isOpen = false
	}
}

// start opens an element, with the attributes that have a value.
func (x *xmlWriter) start(space, local string, attrs ...xattr) {
	x.open(space, local, attrs, false)
}

// startAll opens an element with all of attrs, empty ones too.
func (x *xmlWriter) startAll(space, local string, attrs []xattr) {
	x.open(space, local, attrs, true)
}

func (x *xmlWriter) open(space, local string, attrs []xattr, keepEmpty bool) {
	x.closeStart()
	if n := len(x.hasChild); n > 0 {
		x.hasChild[n-1] = true
	}
	x.newline()
	name := x.qname(space, local, false)
	x.buf.WriteByte('<')
	x.buf.WriteString(name)
	// The default namespace in scope: the root's, unless an element
	// without a namespace undeclared it.
	cur := x.defaultNS
	if n := len(x.defaults); n > 0 {
		cur = x.defaults[n-1]
	}
	switch {
	case space == "" && cur != "":
		x.buf.WriteString(` xmlns=""`) // out of the root's namespace
		cur = ""
	case space != "" && space == x.defaultNS && cur != space:
		x.buf.WriteString(` xmlns="`)
		escapeXML(&x.buf, space, true)
		x.buf.WriteByte('"')
		cur = space
	}
	x.defaults = append(x.defaults, cur)
	x.writeAttrs(attrs, keepEmpty)
	x.isOpen = true
	x.stack = append(x.stack, name)
	x.hasChild = append(x.hasChild, false)
	x.depth++
}

func (x *xmlWriter) writeAttrs(attrs []xattr, keepEmpty bool) {
	for i, a := range attrs {
		if a.local == "" || a.value == "" && !keepEmpty {
			continue
		}
		dup := false
		for _, b := range attrs[:i] {
			if b.local == a.local && b.space == a.space {
				dup = true
			}
		}
		if dup {
			continue
		}
		x.buf.WriteByte(' ')
		x.buf.WriteString(x.qname(a.space, a.local, true))
		x.buf.WriteString(`="`)
		escapeXML(&x.buf, a.value, true)
		x.buf.WriteByte('"')
	}
}

// end closes the element last opened.
func (x *xmlWriter) end() {
	x.depth--
	n := len(x.stack) - 1
	name, child := x.stack[n], x.hasChild[n]
	x.stack, x.hasChild, x.defaults = x.stack[:n], x.hasChild[:n], x.defaults[:n]
	if x.isOpen {
		x.buf.WriteString("/>")
		x.isOpen = false
		return
	}
	if child {
		x.newline()
	}
	x.buf.WriteString("</")
	x.buf.WriteString(name)
	x.buf.WriteByte('>')
}

// text writes character data in the element open.
func (x *xmlWriter) text(s string) {
	if s == "" {
		return
	}
	x.closeStart()
	escapeXML(&x.buf, s, false)
}

// cdataText writes s as CDATA when that is shorter than escaping it and
// safe (s holds no "]]>"), else escaped.
func (x *xmlWriter) cdataText(s string) {
	if s == "" {
		return
	}
	extra := 3*(strings.Count(s, "<")+strings.Count(s, ">")) + 4*strings.Count(s, "&")
	if extra <= len("<![CDATA[]]>") || strings.Contains(s, "]]>") || strings.IndexByte(s, '\r') >= 0 {
		x.text(s)
		return
	}
	x.closeStart()
	x.buf.WriteString("<![CDATA[")
	writeXMLChars(&x.buf, s)
	x.buf.WriteString("]]>")
}

// leaf writes an element holding text s, when s is not empty.
func (x *xmlWriter) leaf(space, local, s string, attrs ...xattr) {
	if s == "" {
		return
	}
	x.start(space, local, attrs...)
	x.text(s)
	x.end()
}

// html writes an element holding s, HTML, when s is not empty: in CDATA
// where that is shorter.
func (x *xmlWriter) html(space, local, s string, attrs ...xattr) {
	if s == "" {
		return
	}
	x.start(space, local, attrs...)
	x.cdataText(s)
	x.end()
}

// empty writes an element with attributes only (those with a value).
func (x *xmlWriter) empty(space, local string, attrs ...xattr) {
	x.start(space, local, attrs...)
	x.end()
}

// element writes an extension element back, whole. An element or
// attribute whose name XML cannot carry (read leniently) is left out.
func (x *xmlWriter) element(e *Element) {
	if !isXMLName(e.Name.Local) || !isNamespaceURI(e.Name.Space) {
		return
	}
	attrs := make([]xattr, 0, len(e.Attrs))
	for _, a := range e.Attrs {
		if a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns" || !isXMLName(a.Name.Local) ||
			!isNamespaceURI(a.Name.Space) {
			continue
		}
		attrs = append(attrs, xattr{a.Name.Space, a.Name.Local, a.Value})
	}
	x.startAll(e.Name.Space, e.Name.Local, attrs)
	x.text(e.Text)
	for i := range e.Children {
		x.element(&e.Children[i])
	}
	x.end()
}

// elements writes extension elements back, but for those a typed element
// was written with (see kept).
func (x *xmlWriter) elements(es []Element) {
	var used []bool
	if n := len(x.keptStack); n > 0 && len(x.keptStack[n-1].exts) == len(es) && len(es) > 0 && &x.keptStack[n-1].exts[0] == &es[0] {
		used = x.keptStack[n-1].used
	}
	for i := range es {
		if used == nil || !used[i] {
			x.element(&es[i])
		}
	}
}

// A keptSet is the extensions of the element being written, and which of
// them a typed element was written with.
type keptSet struct {
	exts []Element
	used []bool
	next int // the first not used: those used are a prefix
}

// pushKept makes exts the extensions kept returns from, until popKept.
func (x *xmlWriter) pushKept(exts []Element) {
	x.keptStack = append(x.keptStack, keptSet{exts: exts, used: make([]bool, len(exts))})
}

func (x *xmlWriter) popKept() { x.keptStack = x.keptStack[:len(x.keptStack)-1] }

// kept returns the extension the decoder kept of the typed element it
// read a value from in part (an enclosure whose length it could not read,
// a category with a child it has no field for...): the first one not yet
// used named space and local for which match holds, marked used, or nil.
// The typed element is then written as that extension (its attributes, or
// all of it), which reads back to the same typed value and the same
// extension, rather than twice. Only the first extension not yet so used
// is a candidate, so that the extensions read back in their order.
func (x *xmlWriter) kept(space, local string, match func(*Element) bool) *Element {
	n := len(x.keptStack)
	if n == 0 {
		return nil
	}
	// Only the first extension not yet used may be: the extensions read
	// back in the order they are written, those written in place first.
	k := &x.keptStack[n-1]
	i := k.next
	if i >= len(k.exts) {
		return nil
	}
	e := &k.exts[i]
	if e.Name.Space == space && strings.EqualFold(e.Name.Local, local) && match(e) {
		k.used[i] = true
		k.next++
		return e
	}
	return nil
}

// keptAttr is the trimmed value of a kept element's attribute.
func keptAttr(e *Element, local string) string {
	for _, a := range e.Attrs {
		if strings.EqualFold(a.Name.Local, local) {
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}

// startKept opens a typed element with the attributes of the extension
// the decoder kept of it.
func (x *xmlWriter) startKept(e *Element) {
	attrs := make([]xattr, 0, len(e.Attrs))
	for _, a := range e.Attrs {
		if isXMLName(a.Name.Local) {
			attrs = append(attrs, xattr{a.Name.Space, a.Name.Local, a.Value})
		}
	}
	x.startAll(e.Name.Space, e.Name.Local, attrs)
}

// writeDocument writes the whole document to w: the XML declaration, the
// root element with its attributes and the declarations of the namespaces
// the body used, the body, and the root's end tag.
func (x *xmlWriter) writeDocument(w io.Writer, root string, attrs []xattr) error {
	var head bytes.Buffer
	head.WriteString(`<?xml version="1.0" encoding="UTF-8"?>`)
	if x.indent != "" {
		head.WriteByte('\n')
	}
	head.WriteByte('<')
	head.WriteString(root)
	if x.defaultNS != "" {
		head.WriteString(` xmlns="`)
		escapeXML(&head, x.defaultNS, true)
		head.WriteByte('"')
	}
	for _, a := range attrs {
		if a.value == "" {
			continue
		}
		head.WriteString(" " + x.qname(a.space, a.local, true) + `="`)
		escapeXML(&head, a.value, true)
		head.WriteByte('"')
	}
	for _, uri := range x.used {
		head.WriteString(" xmlns:" + x.prefix[uri] + `="`)
		escapeXML(&head, uri, true)
		head.WriteByte('"')
	}
	head.WriteByte('>')
	if x.indent != "" {
		x.buf.WriteByte('\n')
	}
	x.buf.WriteString("</" + root + ">\n")
	if _, err := w.Write(head.Bytes()); err != nil {
		return err
	}
	_, err := w.Write(x.buf.Bytes())
	return err
}

// isNamespaceURI reports whether uri can be declared as a namespace
// (the Strict decoder refuses a URI with white space in it).
func isNamespaceURI(uri string) bool { return !strings.ContainsAny(uri, " \t\r\n") }

// isXMLName reports whether s is a name without a colon that
// encoding/xml (and so the Strict decoder) reads as one.
func isXMLName(s string) bool {
	if s == "" {
		return false
	}
	ascii := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			ascii = false
		case c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case i > 0 && (c == '-' || c == '.' || '0' <= c && c <= '9'):
		default:
			return false
		}
	}
	if ascii {
		return true
	}
	d := xml.NewDecoder(strings.NewReader("<" + s + "/>"))
	t, err := d.Token()
	if err != nil {
		return false
	}
	st, ok := t.(xml.StartElement)
	return ok && st.Name.Space == "" && st.Name.Local == s
}

// isXMLChar reports whether r is a character the output carries: one XML
// 1.0 allows, but for the C1 controls (U+0080 to U+009F), which XML
// discourages and the Strict decoder refuses.
func isXMLChar(r rune) bool {
	return xmlscan.IsXMLChar(r) && (r < 0x80 || r > 0x9F)
}

// escapeXML writes s escaped, without the characters the output does not
// carry (see isXMLChar) and without invalid UTF-8. In an attribute, white
// space other than the space is written as a character reference so that
// it survives normalisation; a carriage return always is, since XML reads
// it as a line feed.
func escapeXML(b *bytes.Buffer, s string, attr bool) {
	if attr {
		writeChars(b, s, &attrStops)
	} else {
		writeChars(b, s, &textStops)
	}
}

// writeChars writes s, each byte stop says to look at written as its
// character reference (<, >, &, and the quote and white space stop holds),
// or left out (a control character; a character XML cannot carry; invalid
// UTF-8); the rest as they are. escapeXML and writeXMLChars are it with
// their stops.
func writeChars(b *bytes.Buffer, s string, stop *[256]bool) {
	run := 0 // start of the bytes not yet written
	for i := 0; i < len(s); {
		for i < len(s) && !stop[s[i]] { // the bytes written as they are
			i++
		}
		if i == len(s) {
			break
		}
		if c := s[i]; c < utf8.RuneSelf {
			b.WriteString(s[run:i])
			b.WriteString(asciiEscapes[c]) // "" for a control character
			i++
			run = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || !isXMLChar(r) {
			b.WriteString(s[run:i])
			i += size
			run = i
			continue
		}
		i += size
	}
	b.WriteString(s[run:])
}

// asciiEscapes are the character references writeChars writes for the
// bytes it stops at ("" for the control characters XML cannot carry).
var asciiEscapes = [utf8.RuneSelf]string{
	'<': "&lt;", '>': "&gt;", '&': "&amp;", '"': "&quot;",
	'\r': "&#xD;", '\n': "&#xA;", '\t': "&#x9;",
}

// textStops, attrStops and charStops say which bytes escapeXML (in text,
// in an attribute) and writeXMLChars must look at: those written otherwise
// than as they are (<, >, & and the controls; in an attribute the quote,
// and tab and line feed too), and the first bytes of multi-byte
// characters, which may be ones XML cannot carry. The rest, most of any
// text, are skipped over a table lookup at a time.
var textStops, attrStops, charStops = func() (text, attr, chars [256]bool) {
	for c := range 256 {
		control := c < 0x20 && c != '\n' && c != '\t' && c != '\r'
		chars[c] = control || c >= utf8.RuneSelf
		text[c] = chars[c] || c == '<' || c == '>' || c == '&' || c == '\r'
		attr[c] = text[c] || c == '"' || c == '\n' || c == '\t'
	}
	return
}()

// writeXMLChars writes s as it is (inside CDATA, or markup checked to be
// well-formed), without the characters the output does not carry.
func writeXMLChars(b *bytes.Buffer, s string) { writeChars(b, s, &charStops) }

// rssDate returns a date as RSS writes it: RFC 1123 with a numeric zone,
// or RFC 3339 for a time with a fraction of a second; the raw text when
// the time is zero.
func rssDate(t time.Time, raw string) string {
	if t.IsZero() {
		return raw
	}
	if y := t.Year(); y < 1 || y > 9999 {
		return raw
	}
	if t.Nanosecond() != 0 {
		return t.Format(time.RFC3339Nano)
	}
	return t.Format(time.RFC1123Z)
}

// rssDate returns a date as the RSS writer writes it: as rssDate does for
// a date read from RSS (its raw text set: a date with a fraction of a
// second was no RFC 822 date in the input either, and so reads back the
// same), else always RFC 1123, whole seconds, as RSS requires (the
// fraction is dropped).
func (x *xmlWriter) rssDate(t time.Time, raw string) string {
	if (x.derive || raw == "") && !t.IsZero() && t.Nanosecond() != 0 {
		t = t.Add(-time.Duration(t.Nanosecond()))
	}
	return rssDate(t, raw)
}

// isoDate returns a date as RFC 3339, or the raw text when the time is
// zero or out of RFC 3339's range.
func isoDate(t time.Time, raw string) string {
	if t.IsZero() {
		return raw
	}
	if y := t.Year(); y < 1 || y > 9999 {
		return raw
	}
	return t.Format(time.RFC3339Nano)
}

// language returns the feed's language as the output writes it: for a
// feed read from another format, only a language code (RSS's language
// and Atom's xml:lang are ones: a JSON Feed's "English" is left out).
func (x *xmlWriter) language(s string) string {
	if !x.derive || isLanguageCode(s) {
		return s
	}
	return ""
}

// isLanguageCode reports whether s has the shape of a language code
// (RFC 5646, ISO 639): a primary subtag of two or three letters, then
// subtags of letters and digits after hyphens.
func isLanguageCode(s string) bool {
	for i, part := range strings.Split(s, "-") {
		if i == 0 && (len(part) < 2 || len(part) > 3) || len(part) < 1 || len(part) > 8 {
			return false
		}
		for j := 0; j < len(part); j++ {
			c := part[j] | 0x20
			if !('a' <= c && c <= 'z' || i > 0 && '0' <= part[j] && part[j] <= '9') {
				return false
			}
		}
	}
	return true
}

// itoa writes a number, "" for zero.
func itoa(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func itoa64(n int64) string {
	if n == 0 {
		return ""
	}
	return strconv.FormatInt(n, 10)
}

// ftoa writes a decimal number as the shortest text that reads back the
// same, "" for zero.
func ftoa(f float64) string {
	if f == 0 {
		return ""
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
