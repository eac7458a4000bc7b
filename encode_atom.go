package rss

import (
	"bytes"
	"cmp"
	"crypto/sha1"
	"encoding/base64"
	"encoding/hex"
	"encoding/xml"
	"io"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
)

// The Atom writer: what it writes and derives is documented on Encoder.

// writeAtom writes f as the body of an Atom feed element.
func writeAtom(x *xmlWriter, f *Feed) {
	const ns = NamespaceAtom
	a := f.Atom
	if a == nil {
		a = &AtomFeed{}
	}
	derive := x.derive
	id := a.ID
	if id == "" && derive {
		id = derivedFeedID(f)
	}
	if x.derive {
		id = atomIRI(id) // Atom's id is an absolute IRI
	}
	x.pushKept(f.Extensions)
	x.leaf(ns, "id", id)
	atomText(x, "title", f.Title, a.TitleType, true)
	atomText(x, "subtitle", f.Description, a.SubtitleType, false)
	var updated time.Time
	if derive {
		updated = feedUpdated(f)
		if isoDate(updated, "") == "" {
			updated = time.Unix(0, 0).UTC()
		}
		x.leaf(ns, "updated", isoDate(updated, ""))
	} else {
		x.leaf(ns, "updated", isoDate(a.Updated, a.UpdatedRaw))
	}
	atomLinks(x, ns, x.uniqueAlternates(withAlternate(f.AtomLinks, f.Link)), "")
	authors := a.Authors
	if len(authors) == 0 && derive && needsFeedAuthor(f) {
		authors = []Person{derivedFeedAuthor(f)}
	}
	atomPersons(x, ns, "author", authors)
	atomPersons(x, ns, "contributor", a.Contributors)
	atomCategories(x, f.Categories)
	rights, rightsType := a.Rights, a.RightsType
	if rights == "" {
		rights = f.Copyright
	}
	atomText(x, "rights", rights, rightsType, false)
	atomGenerator(x, ns, f.Generator, a.Generator)
	x.leaf(ns, "icon", a.Icon)
	logo := a.Logo
	if logo == "" && a.Icon == "" && f.Image != nil {
		logo = f.Image.URL
	}
	x.leaf(ns, "logo", logo)
	foreignFeed(x, f)
	x.popKept()
	for _, it := range f.Items {
		if it != nil {
			atomEntry(x, f, it, updated)
		}
	}
}

// atomFeedMeta writes the metadata of a feed as an atom:source (or, within
// RSS, an item's atom:source) holds it, without deriving what is missing;
// base is the item's (see atomLinks).
func atomFeedMeta(x *xmlWriter, ns string, f *Feed, base string) {
	a := f.Atom
	if a == nil {
		a = &AtomFeed{}
	}
	x.leaf(ns, "id", a.ID)
	atomText(x, "title", f.Title, a.TitleType, false)
	atomText(x, "subtitle", f.Description, a.SubtitleType, false)
	x.leaf(ns, "updated", isoDate(a.Updated, a.UpdatedRaw))
	atomLinks(x, ns, f.AtomLinks, base)
	atomPersons(x, ns, "author", a.Authors)
	atomPersons(x, ns, "contributor", a.Contributors)
	atomCategories(x, f.Categories)
	atomText(x, "rights", a.Rights, a.RightsType, false)
	atomGenerator(x, ns, f.Generator, a.Generator)
	x.leaf(ns, "icon", a.Icon)
	x.leaf(ns, "logo", a.Logo)
	x.elements(f.Extensions)
}

// atomGenerator writes a feed's generator, its text and Atom's uri and
// version, when it has one.
func atomGenerator(x *xmlWriter, ns, text string, g *AtomGenerator) {
	if text == "" && g == nil {
		return
	}
	if g == nil {
		g = &AtomGenerator{}
	}
	x.start(ns, "generator", []xattr{{"", "uri", g.URI}, {"", "version", g.Version}}...)
	x.text(text)
	x.end()
}

// atom03Parts writes what only Atom 0.3 says (a feed's info, an entry's
// created), in the Atom 0.3 namespace, which RSS and Atom 1.0 documents may
// carry as a foreign namespace.
func atom03Parts(x *xmlWriter, info, infoType string, created time.Time, createdRaw string) {
	if info != "" || infoType != "" {
		typ := map[string]string{"text": "text/plain", "html": "text/html", "xhtml": "application/xhtml+xml"}[infoType]
		if typ == "" {
			typ = infoType
		}
		if info == "" { // a type without text: the element, empty
			x.empty(NamespaceAtom03, "info", xattr{"", "type", typ})
		} else {
			x.leaf(NamespaceAtom03, "info", info, xattr{"", "type", typ}, xattr{"", "mode", "escaped"})
		}
	}
	x.leaf(NamespaceAtom03, "created", isoDate(created, createdRaw))
}

// foreignFeed writes the channel's elements of other namespaces.
func foreignFeed(x *xmlWriter, f *Feed) {
	if f.Atom != nil {
		atom03Parts(x, f.Atom.Info, f.Atom.InfoType, time.Time{}, "")
	}
	feedModulesXML(x, f)
}

// atomEntry writes an item as an entry; what Atom requires and the item
// lacks is derived when x.derive says so, feedUpdated then being the
// feed's updated date.
func atomEntry(x *xmlWriter, f *Feed, it *Item, feedUpdated time.Time) {
	derive := x.derive
	const ns = NamespaceAtom
	a := it.Atom
	if a == nil {
		a = &AtomEntry{}
	}
	x.start(ns, "entry")
	x.pushKept(it.Extensions)
	defer x.popKept()
	id := a.ID
	if id == "" {
		id = it.GUID.Value
	}
	if id == "" && derive {
		id = it.Link
		if id == "" {
			id = "urn:sha1:" + derivedItemHash(it)
		}
	}
	if x.derive && !isFullIRI(id) {
		// Atom's id is an absolute IRI: a relative permalink resolved,
		// else any other guid made one.
		if p := resolveAgainst(it.Base, id); it.GUID.IsPermaLink && id == it.GUID.Value && isFullIRI(p) {
			id = p
		} else {
			id = atomIRI(id)
		}
	}
	x.leaf(ns, "id", id)
	atomText(x, "title", it.Title, a.TitleType, true)
	if derive {
		updated := it.Updated()
		if isoDate(updated, "") == "" {
			updated = feedUpdated
		}
		x.leaf(ns, "updated", isoDate(updated, ""))
		published := a.Published
		if p := it.Published(); published.IsZero() && !p.IsZero() && !p.Equal(updated) {
			published = p
		}
		x.leaf(ns, "published", isoDate(published, ""))
	} else {
		x.leaf(ns, "updated", isoDate(a.Updated, a.UpdatedRaw))
		x.leaf(ns, "published", isoDate(a.Published, a.PublishedRaw))
	}
	authors := a.Authors
	if len(authors) == 0 && derive {
		authors = itemPersons(it)
	}
	atomPersons(x, ns, "author", authors)
	atomPersons(x, ns, "contributor", a.Contributors)
	links := withAlternate(it.AtomLinks, it.Link)
	for _, e := range it.Enclosures {
		if e.URL == "" || hasLink(links, "enclosure", e.URL) {
			continue
		}
		links = append(links, AtomLink{Href: e.URL, Rel: "enclosure", Type: e.Type, Length: e.Length})
	}
	links = x.uniqueAlternates(links)
	atomLinks(x, ns, links, it.Base)
	atomCategories(x, it.Categories)
	atomText(x, "rights", a.Rights, a.RightsType, false)
	sumType, contentType := a.SummaryType, a.ContentType
	if htmlByDefault(f) {
		// RSS's description and content:encoded are HTML.
		sumType, contentType = cmp.Or(sumType, "html"), cmp.Or(contentType, "html")
	}
	summary, content := it.Description, it.Content
	if htmlByDefault(f) && content == "" && a.ContentSrc == "" && !hasRel(links, "alternate") {
		// Atom requires content of an entry without an alternate link:
		// RSS's description is the body.
		summary, content, contentType = "", summary, sumType
	}
	writeContent := content != "" || a.ContentSrc != "" || a.ContentType != ""
	if x.derive && !writeContent && !hasRel(links, "alternate") {
		// Atom requires content of an entry without an alternate link:
		// empty, when the item has no body.
		writeContent, contentType = true, cmp.Or(contentType, "text")
	}
	// Atom requires a summary beside content that is not text: empty,
	// when the item has none.
	needSummary := x.derive && writeContent && contentNeedsSummary(contentType, a.ContentSrc)
	atomText(x, "summary", summary, sumType, needSummary)
	if writeContent {
		atomContent(x, content, contentType, a.ContentSrc)
	}
	if a.Source != nil {
		x.start(ns, "source", []xattr{{xmlNamespace, "lang", a.Source.Language}}...)
		atomFeedMeta(x, ns, a.Source, it.Base)
		x.end()
	}
	atom03Parts(x, "", "", a.Created, a.CreatedRaw)
	dublinCoreXML(x, &it.DC)
	x.leaf(NamespaceWFW, "comment", it.WFW.Comment)
	x.leaf(NamespaceWFW, "commentRss", it.WFW.CommentRSS)
	x.leaf(NamespaceSlash, "section", it.Slash.Section)
	x.leaf(NamespaceSlash, "department", it.Slash.Department)
	x.leaf(NamespaceSlash, "comments", itoa(it.Slash.Comments))
	itunesItemXML(x, it.ITunes)
	podcastItemXML(x, it.Podcast)
	mediaXML(x, it.Media)
	x.elements(it.Extensions)
	x.end()
}

// sameFormat reports whether f was read from format (its Version says so):
// the writer then writes what the feed has, and derives nothing it lacks,
// so that reading the output gives the same model, and the output is as
// valid as the input was. A feed read from another format, or built in
// code, has what the format requires and it lacks derived (see Encoder).
func sameFormat(f *Feed, format Format) bool {
	if format == Atom1 && f.Version == "atom0.3" {
		// Atom 0.3 is another format: Atom 1.0 requires what it did not
		// (an id, for one).
		return false
	}
	return readFormat(f) == format
}

// readFormat is the format f was read from: the one the decoder noted,
// else (a feed built in code, or decoded from the model's JSON) the one
// its Version names, RSS for any other. (An RSS document may declare any
// version, "atom" too: the decoder's note tells.)
func readFormat(f *Feed) Format {
	switch {
	case f.readAs != 0:
		return f.readAs
	case strings.HasPrefix(f.Version, "atom"):
		return Atom1
	case strings.HasPrefix(f.Version, "json"):
		return JSONFeed1
	}
	return RSS2
}

// contentNeedsSummary reports whether Atom requires a summary beside
// content of type typ (or from src): content from src, or of a media type
// that is neither text nor XML.
func contentNeedsSummary(typ, src string) bool {
	if src != "" {
		return true
	}
	l := strings.ToLower(typ)
	if l == "" || l == "text" || l == "html" || l == "xhtml" {
		return false
	}
	return !strings.HasPrefix(l, "text/") && !isXMLType(l)
}

// uniqueAlternates returns links as the output may write them: when the
// feed is written in a format other than its own, a rel="alternate" link
// after another of the same type and hreflang, which Atom forbids (RFC
// 4287 4.1.1), is written as rel="related" (an RSS item's link, and an
// atom:link of it to another page).
func (x *xmlWriter) uniqueAlternates(links []AtomLink) []AtomLink {
	if !x.derive {
		return links
	}
	var out []AtomLink
	var seen [][2]string
	for i, l := range links {
		if !relIs(l.Rel, "alternate") {
			continue
		}
		k := [2]string{strings.ToLower(l.Type), strings.ToLower(l.Hreflang)}
		if !slices.Contains(seen, k) {
			seen = append(seen, k)
			continue
		}
		if out == nil {
			out = slices.Clone(links)
		}
		out[i].Rel = "related"
	}
	if out == nil {
		return links
	}
	return out
}

// atomIRI returns id as an Atom id, which is an absolute IRI: id itself
// when it is one; a UUID as its URN (urn:uuid:..., RFC 4122); any other
// text as the data URI that holds it ("data:," and the text, escaped), which
// keeps it, readable, and distinct from every other.
func atomIRI(id string) string {
	if isFullIRI(id) {
		return id
	}
	if u := "urn:uuid:" + strings.ToLower(id); uuidURN.MatchString(u) {
		return u
	}
	var b strings.Builder
	b.WriteString("data:,")
	const hexDigits = "0123456789ABCDEF"
	for i := 0; i < len(id); i++ {
		c := id[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			strings.IndexByte(";/?:@&=+$.-_!~*'(),", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hexDigits[c>>4])
		b.WriteByte(hexDigits[c&15])
	}
	return b.String()
}

// isFullIRI reports whether s is an absolute IRI as feed validators read
// one (an Atom id, an RSS link): a scheme, then characters URIs allow (no
// white space), a host after http:// or ftp://, and the syntax of tag and
// urn URIs for those.
func isFullIRI(s string) bool {
	i := strings.IndexByte(s, ':')
	if i < 1 || i == len(s)-1 {
		return false
	}
	for k := 0; k < i; k++ {
		c := s[k]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || k > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return false
		}
	}
	for k := i + 1; k < len(s); k++ {
		c := s[k]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte(";/?:@&=+$.-_!~*'()%,#", c) >= 0) {
			return false
		}
	}
	switch scheme := strings.ToLower(s[:i]); scheme {
	case "http", "https", "ftp":
		return strings.HasPrefix(s[i:], "://") && len(s) > i+3 && s[i+3] != '/'
	case "tag":
		return tagURI.MatchString(s)
	case "urn":
		if strings.HasPrefix(strings.ToLower(s), "urn:uuid:") {
			return uuidURN.MatchString(s)
		}
		return urnURI.MatchString(s)
	}
	return true
}

// The syntax of tag URIs (RFC 4151) and URNs (RFC 2141), as validators
// check them.
var (
	tagURI  = regexp.MustCompile(`^tag:([a-z0-9\-._]+?@)?[a-z0-9.\-]+?,\d{4}(-\d{2}(-\d{2})?)?:[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,]*(#[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,]*)?$`)
	urnURI  = regexp.MustCompile(`^[Uu][Rr][Nn]:[a-zA-Z0-9][a-zA-Z0-9-]{1,31}:([a-zA-Z0-9()+,.:=@;$_!*'\-]|%[0-9A-Fa-f]{2})+$`)
	uuidURN = regexp.MustCompile(`^[Uu][Rr][Nn]:[Uu][Uu][Ii][Dd]:[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}$`)
)

// derivedSite is the link of a feed that has none (an RSS channel
// requires one): the origin (scheme and host) of the first http(s) URL of
// its items' links and enclosures, its image or icon, or "".
func derivedSite(f *Feed) string {
	var urls []string
	for _, it := range f.Items {
		if it == nil {
			continue
		}
		urls = append(urls, it.Link)
		for _, e := range it.Enclosures {
			urls = append(urls, e.URL)
		}
	}
	if f.Image != nil {
		urls = append(urls, f.Image.URL)
	}
	if f.Atom != nil {
		urls = append(urls, f.Atom.Logo, f.Atom.Icon)
	}
	for _, s := range urls {
		u, err := url.Parse(s)
		if err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && u.User == nil {
			if site := u.Scheme + "://" + u.Host + "/"; isFullIRI(site) {
				return site
			}
		}
	}
	return ""
}

// htmlByDefault reports whether f's text constructs with no type are HTML:
// those of a feed not read from Atom or JSON Feed (RSS, or built in code).
func htmlByDefault(f *Feed) bool {
	return readFormat(f) == RSS2
}

// itemPersons derives an entry's authors from an RSS item: its author,
// else its Dublin Core creators.
func itemPersons(it *Item) []Person {
	var ps []Person
	if it.Author != "" {
		ps = append(ps, ParsePerson(it.Author))
	} else {
		for _, c := range it.DC.Creator {
			if p := ParsePerson(c); p != (Person{}) {
				ps = append(ps, p)
			}
		}
	}
	for i := range ps {
		if ps[i].Name == "" {
			ps[i].Name = ps[i].Email // Atom requires a name
		}
	}
	return ps
}

// needsFeedAuthor reports whether an entry of f has no author of its own.
func needsFeedAuthor(f *Feed) bool {
	for _, it := range f.Items {
		if it == nil {
			continue
		}
		if it.Atom != nil && len(it.Atom.Authors) > 0 || len(itemPersons(it)) > 0 {
			continue
		}
		return true
	}
	return false
}

func derivedFeedAuthor(f *Feed) Person {
	for _, s := range []string{f.ManagingEditor, f.WebMaster} {
		if p := ParsePerson(s); p != (Person{}) {
			if p.Name == "" {
				p.Name = p.Email
			}
			return p
		}
	}
	if t := strings.TrimSpace(f.Title); t != "" {
		return Person{Name: t}
	}
	return Person{Name: "unknown"}
}

func derivedFeedID(f *Feed) string {
	if f.Link != "" {
		return f.Link
	}
	for _, l := range f.AtomLinks {
		if relIs(l.Rel, "self") && l.Href != "" {
			return l.Href
		}
	}
	return "urn:sha1:" + sha1Hex(f.Title)
}

// feedUpdated is the feed's updated date: Atom.Updated, else
// LastBuildDate, else PubDate, else the latest item date, else the epoch.
func feedUpdated(f *Feed) time.Time {
	if f.Atom != nil && !f.Atom.Updated.IsZero() {
		return f.Atom.Updated
	}
	if !f.LastBuildDate.IsZero() {
		return f.LastBuildDate
	}
	if !f.PubDate.IsZero() {
		return f.PubDate
	}
	var latest time.Time
	for _, it := range f.Items {
		if it == nil {
			continue
		}
		if t := it.Updated(); t.After(latest) {
			latest = t
		}
	}
	if !latest.IsZero() {
		return latest
	}
	return time.Unix(0, 0).UTC()
}

// derivedItemHash is the hash of an item's title, date and body, for an
// item with no guid and no link.
func derivedItemHash(it *Item) string {
	return sha1Hex(it.Title + "\n" + isoDate(it.Published(), it.PubDateRaw) + "\n" + it.Body())
}

func sha1Hex(s string) string {
	h := sha1.Sum([]byte(s))
	return hex.EncodeToString(h[:])
}

// withAlternate returns links with link as rel="alternate" first, unless a
// link holds it already (or link is empty).
func withAlternate(links []AtomLink, link string) []AtomLink {
	if link == "" || hasLink(links, "alternate", link) {
		return links
	}
	return append([]AtomLink{{Href: link, Rel: "alternate"}}, links...)
}

func hasRel(links []AtomLink, rel string) bool {
	for _, l := range links {
		if l.Href != "" && relIs(l.Rel, rel) {
			return true
		}
	}
	return false
}

func hasLink(links []AtomLink, rel, href string) bool {
	for _, l := range links {
		if l.Href == href && relIs(l.Rel, rel) {
			return true
		}
	}
	return false
}

func atomCategories(x *xmlWriter, cs []Category) {
	for _, c := range cs {
		if c.Value == "" {
			continue
		}
		scheme := c.Domain
		if x.derive && !isIRIRef(scheme) {
			scheme = "" // Atom's scheme is an IRI; RSS's domain any text
		}
		x.empty(NamespaceAtom, "category", xattr{"", "term", c.Value}, xattr{"", "scheme", scheme},
			xattr{"", "label", c.Label})
	}
}

// isIRIRef reports whether s is an IRI reference, absolute or relative:
// no white space, and only the characters URIs allow (or beyond ASCII).
func isIRIRef(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x80 && !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			strings.IndexByte(";/?:@&=+$.-_!~*'()%,#[]", c) >= 0) {
			return false
		}
	}
	return true
}

// atomText writes a text construct of the given type; required writes it
// even when empty.
func atomText(x *xmlWriter, name, s, typ string, required bool) {
	if s == "" && !required {
		return
	}
	if typ == "xhtml" && !wellFormedXML(s) {
		typ = "html"
	}
	x.start(NamespaceAtom, name, []xattr{{"", "type", typ}}...)
	switch typ {
	case "xhtml":
		x.raw(`<div xmlns="` + namespaceXHTML + `">` + s + `</div>`)
	case "html":
		x.cdataText(s) // HTML, as RSS's: in CDATA where that is shorter
	default:
		x.text(s)
	}
	x.end()
}

// atomContent writes an entry's content of any type.
func atomContent(x *xmlWriter, s, typ, src string) {
	attrs := []xattr{{"", "type", typ}, {"", "src", src}}
	l := strings.ToLower(typ)
	switch {
	case src != "":
		x.empty(NamespaceAtom, "content", attrs...)
	case l == "" || l == "text" || l == "html" || l == "xhtml":
		atomText(x, "content", s, typ, true)
	case isXMLType(l) && wellFormedXML(s):
		x.start(NamespaceAtom, "content", attrs...)
		x.raw(s)
		x.end()
	case strings.HasPrefix(l, "text/") || isXMLType(l):
		x.start(NamespaceAtom, "content", attrs...)
		x.text(s)
		x.end()
	default:
		x.start(NamespaceAtom, "content", attrs...)
		x.text(base64.StdEncoding.EncodeToString([]byte(s)))
		x.end()
	}
}

// raw writes markup as it is; the caller has checked it is well-formed.
func (x *xmlWriter) raw(s string) {
	x.closeStart()
	writeXMLChars(&x.buf, s)
}

// wellFormedXML reports whether s is well-formed XML content (elements
// balanced, no DTD, no processing instruction) that encoding/xml reads
// strictly, with only the characters XML carries.
func wellFormedXML(s string) bool {
	if s == "" {
		return true
	}
	for _, r := range s {
		if !isXMLChar(r) {
			return false
		}
	}
	d := xml.NewDecoder(strings.NewReader("<div>" + s + "</div>"))
	d.Strict = true
	declared := map[string]bool{}
	for {
		t, err := d.Token()
		if err == io.EOF {
			return true
		}
		if err != nil {
			return false
		}
		switch t := t.(type) {
		case xml.Directive, xml.ProcInst:
			return false
		case xml.StartElement:
			// encoding/xml leaves an undeclared prefix as the space:
			// only declared namespaces are well-formed here.
			for _, a := range t.Attr {
				if a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns" {
					declared[a.Value] = true
				}
			}
			if t.Name.Space != "" && !declared[t.Name.Space] {
				return false
			}
			for _, a := range t.Attr {
				if a.Name.Space != "" && a.Name.Space != "xmlns" && a.Name.Space != xmlNamespace && !declared[a.Name.Space] {
					return false
				}
			}
		case xml.CharData:
			if bytes.Contains(t, []byte("]]>")) {
				return false
			}
		}
	}
}
