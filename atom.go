package rss

import (
	"bytes"
	"encoding/base64"
	"encoding/xml"
	"github.com/feedkit/rss/internal/xmlscan"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// NamespaceAtom is the namespace of Atom 1.0 (RFC 4287), usual prefix atom.
// [Parse] and the [Decoder] read Atom feeds, and the Atom elements of RSS
// feeds, into the same [Feed] and [Item] as RSS: see [AtomFeed].
const NamespaceAtom = "http://www.w3.org/2005/Atom"

// AtomLink is an atom:link element (namespace [NamespaceAtom]) of a channel
// or item, such as the feed's rel="self" address or a WebSub hub, or an RSS
// link element written Atom's way, with an href attribute and no text (as
// Arc XP's feeds write <link rel="self" href="..."/>). Such a link is also the
// channel's or item's Link when its rel is "alternate" or absent and no link
// with text is there; a self or hub link never is.
type AtomLink struct {
	Href     string `json:"href,omitempty"`
	Rel      string `json:"rel,omitempty"`
	Type     string `json:"type,omitempty"`
	Hreflang string `json:"hreflang,omitempty"`
	Title    string `json:"title,omitempty"`
	Length   int64  `json:"length,omitempty"`
}

// NamespaceAtom03 is the namespace of Atom 0.3, the draft that came before
// Atom 1.0 and that some feeds still use.
const NamespaceAtom03 = "http://purl.org/atom/ns#"

// AtomFeed holds what an Atom feed (or the Atom elements of an RSS channel,
// or a JSON Feed) says that the shared fields of [Feed] do not: the Atom
// part of a feed. In an Atom feed the shared fields get the values with the
// same meaning: title → Title, subtitle (Atom 0.3: tagline) → Description,
// rights (copyright) → Copyright, updated (modified) → LastBuildDate, the
// first alternate link → Link (every link is in AtomLinks), logo, else icon,
// → Image.URL, generator → Generator, category → Categories, xml:lang →
// Language. ID, Rights and Updated are kept here as well.
type AtomFeed struct {
	ID string `json:"id,omitempty"`
	// Authors are the feed's authors. In an Atom document they are also
	// those of each entry, read after them, that has none of its own
	// (see [AtomEntry.Authors]).
	Authors      []Person `json:"authors,omitempty"`
	Contributors []Person `json:"contributors,omitempty"`
	// Updated is atom:updated (Atom 0.3: modified), with the feed's own
	// UTC offset; UpdatedRaw is the text as written.
	Updated    time.Time `json:"updated,omitzero"`
	UpdatedRaw string    `json:"updatedRaw,omitempty"`
	// Rights is atom:rights (Atom 0.3: copyright).
	Rights string `json:"rights,omitempty"`
	// TitleType, SubtitleType and RightsType are the types of those text
	// constructs: "text", "html" or "xhtml" ("" when not given; Atom 0.3's
	// text/plain, text/html and application/xhtml+xml are "text", "html"
	// and "xhtml").
	TitleType    string         `json:"titleType,omitempty"`
	SubtitleType string         `json:"subtitleType,omitempty"`
	RightsType   string         `json:"rightsType,omitempty"`
	Icon         string         `json:"icon,omitempty"`
	Logo         string         `json:"logo,omitempty"`
	Generator    *AtomGenerator `json:"generator,omitempty"`
	// Info and InfoType are Atom 0.3's info element.
	Info     string `json:"info,omitempty"`
	InfoType string `json:"infoType,omitempty"`
}

// AtomEntry holds what an Atom entry (or the Atom elements of an RSS item,
// or a JSON Feed item) says that the shared fields of [Item] do not. In an
// Atom feed the shared fields get the values with the same meaning: title →
// Title, summary → Description, content → Content, id → GUID (IsPermaLink
// false), published (Atom 0.3: issued), else updated, → PubDate, the first
// alternate link → Link and the enclosure links → Enclosures (every link is
// in AtomLinks), category → Categories (term → Value, scheme → Domain,
// label → Label). ID, Published and Updated are kept here as well.
type AtomEntry struct {
	ID string `json:"id,omitempty"`
	// Authors are the entry's authors: its own atom:author elements; in
	// an Atom document (feed or entry document), for an entry with none,
	// those of its atom:source (Source.Atom.Authors), else those of the
	// feed (Feed.Atom.Authors), as RFC 4287 section 4.2.1 says, copied.
	// Whether they were inherited is not recorded (an entry that names
	// the feed's authors itself reads the same). The decoder streams, so the feed's
	// authors count from where they stand: those stated after the entries
	// (rare) reach only the entries after them. An RSS item's atom:author
	// elements are its own: its channel's are not inherited. A JSON Feed
	// item without authors has the feed's (JSON Feed 1.1), the same way.
	Authors      []Person  `json:"authors,omitempty"`
	Contributors []Person  `json:"contributors,omitempty"`
	Updated      time.Time `json:"updated,omitzero"`
	UpdatedRaw   string    `json:"updatedRaw,omitempty"`
	// Published is atom:published (Atom 0.3: issued).
	Published    time.Time `json:"published,omitzero"`
	PublishedRaw string    `json:"publishedRaw,omitempty"`
	Rights       string    `json:"rights,omitempty"`
	// TitleType, SummaryType, RightsType and ContentType are the types of
	// those text constructs: "text", "html", "xhtml", or (for content) a
	// media type; "" when not given. Atom 0.3's text/plain, text/html and
	// application/xhtml+xml are "text", "html" and "xhtml".
	TitleType   string `json:"titleType,omitempty"`
	SummaryType string `json:"summaryType,omitempty"`
	RightsType  string `json:"rightsType,omitempty"`
	ContentType string `json:"contentType,omitempty"`
	// ContentSrc is the src of a content element whose content is
	// elsewhere (Content is then empty), as written.
	ContentSrc string `json:"contentSrc,omitempty"`
	// Created is Atom 0.3's created.
	Created    time.Time `json:"created,omitzero"`
	CreatedRaw string    `json:"createdRaw,omitempty"`
	// Source is atom:source: the metadata of the feed the entry was
	// copied from, without items.
	Source *Feed `json:"source,omitempty"`
}

// AtomGenerator is the URI and version of an Atom feed's generator; its
// name is [Feed.Generator].
type AtomGenerator struct {
	URI     string `json:"uri,omitempty"`
	Version string `json:"version,omitempty"`
}

// How Atom is read.
//
// Atom documents and the Atom elements of RSS feeds go through the same
// handlers: those of atomModule (Atom 1.0) and atom03Module (Atom 0.3).
// Their channel handlers read the elements of a feed (and of an entry's
// source), their item handlers those of an entry. begin (parse.go) takes a
// feed root for an Atom document, and advance reads each of its entries as
// an item, so that entries stream through Next and Items as RSS items do;
// an entry root makes an entry document, whose root advance hands on as
// its one item (beginEntry, advanceEntry). Once an entry of an Atom
// document is read, readItem gives it, if it has no author, its source's
// or the feed's (inheritAuthors).
//
// The handlers map each element onto the model as the docs of [AtomFeed]
// and [AtomEntry] say (and the package doc's "Notable divergences" for
// Atom in RSS), by one rule for both kinds of document:
//
//   - An element with a field in the Atom part (id, author, contributor,
//     updated, published, rights, icon, logo, and the links, which have
//     AtomLinks) always fills it. It fills the shared field that RSS has an
//     element of its own for (GUID, LastBuildDate, PubDate, Copyright,
//     Image, Link, Enclosures) only in an Atom document or an entry's
//     source (Decoder.atomSharedFeed, atomSharedItem): inside RSS the RSS element keeps it,
//     whatever the order, and the convenience methods (Item.Published,
//     Item.Updated, Item.Authors) fall back to the Atom part.
//   - The others (title, subtitle, summary, content, category, the
//     generator's name) have only the shared field, and fill it as the RSS
//     element would: the first one wins, and a repeated one is kept in the
//     Extensions.
//
// Every Atom element but link (which has AtomLinks) makes the Atom part of
// its feed or entry, even one whose value has no field there, so that
// Feed.Atom and Item.Atom are non-nil as soon as an Atom element stands in
// the feed or item: always, in practice, in an Atom document.
//
// Every URL an Atom element gives is resolved against the xml:base in
// scope where it stands (Decoder.resolveURL), and, with ResolveHTML, so are
// those of the html and xhtml text constructs (atomText).

// atomModule reads the elements of Atom 1.0: those of an Atom 1.0 feed, and
// those standing in an RSS channel or item.
var atomModule = module{
	space:  NamespaceAtom,
	prefix: "atom",
	fold:   true,
	names:  atomNames(false),
}

// atom03Module reads the elements of Atom 0.3.
var atom03Module = module{
	space: NamespaceAtom03,
	fold:  true,
	names: atomNames(true),
}

// atomNames returns the handler table of Atom 1.0, or of Atom 0.3 when v03
// is set. The two share their handlers: 0.3's tagline, copyright, modified
// and issued are 1.0's subtitle, rights, updated and published under their
// older names.
func atomNames(v03 bool) map[string]handlers {
	names := map[string]handlers{
		"title": {
			channel: func(d *Decoder, f *Feed, t xml.StartElement) error {
				a := f.atom()
				typ, ok, err := d.atomTextField(&f.Title, &f.Extensions, t)
				if ok {
					a.TitleType = typ
				}
				return err
			},
			item: func(d *Decoder, it *Item, t xml.StartElement) error {
				a := it.atom()
				typ, ok, err := d.atomTextField(&it.Title, &it.Extensions, t)
				if ok {
					a.TitleType = typ
				}
				return err
			},
		},
		"summary": {item: func(d *Decoder, it *Item, t xml.StartElement) error {
			a := it.atom()
			b := d.links.here()
			typ, ok, err := d.atomTextField(&it.Description, &it.Extensions, t)
			if ok {
				a.SummaryType = typ
				d.item.cur.descBase, d.item.cur.desc = b, true
			}
			return err
		}},
		"content": {item: entryContent},
		"link":    {channel: feedLink, item: entryLink},
		"id": {
			channel: func(d *Decoder, f *Feed, t xml.StartElement) error {
				return d.textField(&f.atom().ID, &f.Extensions, t)
			},
			item: func(d *Decoder, it *Item, t xml.StartElement) error {
				a := it.atom()
				err := d.textField(&a.ID, &it.Extensions, t)
				if d.atomSharedItem() && it.GUID.Value == "" && a.ID != "" {
					it.GUID = GUID{Value: a.ID}
				}
				return err
			},
		},
		"author": {
			channel: func(d *Decoder, f *Feed, t xml.StartElement) error {
				return d.atomPerson(&f.atom().Authors, &f.Extensions, t)
			},
			item: func(d *Decoder, it *Item, t xml.StartElement) error {
				return d.atomPerson(&it.atom().Authors, &it.Extensions, t)
			},
		},
		"contributor": {
			channel: func(d *Decoder, f *Feed, t xml.StartElement) error {
				return d.atomPerson(&f.atom().Contributors, &f.Extensions, t)
			},
			item: func(d *Decoder, it *Item, t xml.StartElement) error {
				return d.atomPerson(&it.atom().Contributors, &it.Extensions, t)
			},
		},
		"category": {
			channel: func(d *Decoder, f *Feed, t xml.StartElement) error {
				f.atom()
				c, err := d.atomCategory(&f.Extensions, t)
				f.Categories = append(f.Categories, c)
				return err
			},
			item: func(d *Decoder, it *Item, t xml.StartElement) error {
				it.atom()
				c, err := d.atomCategory(&it.Extensions, t)
				it.Categories = append(it.Categories, c)
				return err
			},
		},
		"generator": {channel: feedGenerator},
	}
	subtitle := handlers{channel: func(d *Decoder, f *Feed, t xml.StartElement) error {
		a := f.atom()
		typ, ok, err := d.atomTextField(&f.Description, &f.Extensions, t)
		if ok {
			a.SubtitleType = typ
		}
		return err
	}}
	rights := handlers{
		channel: func(d *Decoder, f *Feed, t xml.StartElement) error {
			a := f.atom()
			typ, ok, err := d.atomTextField(&a.Rights, &f.Extensions, t)
			if ok {
				a.RightsType = typ
			}
			if d.atomSharedFeed(f) && f.Copyright == "" {
				f.Copyright = a.Rights
			}
			return err
		},
		item: func(d *Decoder, it *Item, t xml.StartElement) error {
			a := it.atom()
			typ, ok, err := d.atomTextField(&a.Rights, &it.Extensions, t)
			if ok {
				a.RightsType = typ
			}
			return err
		},
	}
	updated := handlers{
		channel: func(d *Decoder, f *Feed, t xml.StartElement) error {
			a := f.atom()
			err := d.dateField(&a.Updated, &a.UpdatedRaw, &f.Extensions, t)
			if d.atomSharedFeed(f) && f.LastBuildDateRaw == "" {
				f.LastBuildDate, f.LastBuildDateRaw = a.Updated, a.UpdatedRaw
			}
			return err
		},
		item: func(d *Decoder, it *Item, t xml.StartElement) error {
			a := it.atom()
			err := d.dateField(&a.Updated, &a.UpdatedRaw, &it.Extensions, t)
			d.entryPubDate(it)
			return err
		},
	}
	published := handlers{item: func(d *Decoder, it *Item, t xml.StartElement) error {
		a := it.atom()
		err := d.dateField(&a.Published, &a.PublishedRaw, &it.Extensions, t)
		d.entryPubDate(it)
		return err
	}}
	if !v03 {
		names["subtitle"] = subtitle
		names["rights"] = rights
		names["updated"] = updated
		names["published"] = published
		names["icon"] = handlers{channel: func(d *Decoder, f *Feed, t xml.StartElement) error {
			err := d.urlField(&f.atom().Icon, &f.Extensions, t)
			d.feedImage(f)
			return err
		}}
		names["logo"] = handlers{channel: func(d *Decoder, f *Feed, t xml.StartElement) error {
			err := d.urlField(&f.atom().Logo, &f.Extensions, t)
			d.feedImage(f)
			return err
		}}
		names["source"] = handlers{item: entrySource}
		return names
	}
	names["tagline"] = subtitle
	names["copyright"] = rights
	names["modified"] = updated
	names["issued"] = published
	names["created"] = handlers{item: func(d *Decoder, it *Item, t xml.StartElement) error {
		a := it.atom()
		return d.dateField(&a.Created, &a.CreatedRaw, &it.Extensions, t)
	}}
	names["info"] = handlers{channel: func(d *Decoder, f *Feed, t xml.StartElement) error {
		a := f.atom()
		typ, ok, err := d.atomTextField(&a.Info, &f.Extensions, t)
		if ok {
			a.InfoType = typ
		}
		return err
	}}
	return names
}

// atom returns the feed's Atom part, adding it when there is none.
func (f *Feed) atom() *AtomFeed {
	if f.Atom == nil {
		f.Atom = &AtomFeed{}
	}
	return f.Atom
}

// atom returns the item's Atom part, adding it when there is none.
func (it *Item) atom() *AtomEntry {
	if it.Atom == nil {
		it.Atom = &AtomEntry{}
	}
	return it.Atom
}

// atomState is what the decoder knows of Atom in the document it reads.
type atomState struct {
	// module is the document's own module (atomModule or atom03Module)
	// when the document is an Atom feed (or entry), nil when it is RSS.
	module *module
	// entryDoc is set for an Atom entry document (see beginEntry), and
	// entryTaken once advance has handed its entry on.
	entryDoc, entryTaken bool
}

// inheritAuthors gives it, when it is an entry of an Atom document (start
// is its start tag) without an author of its own, the authors of its
// atom:source, else those of the feed read so far, as RFC 4287 section
// 4.2.1 says (see [AtomEntry]): a copy, charged to the build bound, since a
// feed of many authors and many empty entries would otherwise build far
// more than its size. An RSS item's atom:author elements are its own, and
// its channel's are not its; nor are they those of a podcast:liveItem,
// which is no entry.
func (d *Decoder) inheritAuthors(it *Item, start xml.StartElement) {
	if d.atom.module == nil || it.Atom != nil && len(it.Atom.Authors) > 0 ||
		!strings.EqualFold(start.Name.Local, "entry") || d.ns.module(start.Name.Space) != d.atom.module {
		return
	}
	var from []Person
	if it.Atom != nil && it.Atom.Source != nil && it.Atom.Source.Atom != nil {
		from = it.Atom.Source.Atom.Authors
	}
	if len(from) == 0 && d.feed.Atom != nil {
		from = d.feed.Atom.Authors
	}
	if len(from) == 0 {
		return
	}
	d.built += costPerson * int64(len(from)) // checked at the next token
	it.atom().Authors = slices.Clone(from)
}

// beginEntry reads the root element's start tag, an entry of Atom 1.0, as
// an Atom entry document's (RFC 4287 section 5.2): a feed of that one item.
// The Feed has only what the entry document says of itself: Version
// "atom1.0", and its xml:lang as Language. advance hands the root on as
// the item, then ends.
func (d *Decoder) beginEntry(start xml.StartElement) {
	d.atom.module, d.atom.entryDoc = &atomModule, true
	d.feed.Version, d.feed.readAs = "atom1.0", Atom1
	d.feed.Language = xmlLang(start)
	d.item.next = start
}

// advanceEntry is advance for an entry document: the root, as the item,
// the first time; the end of the document the next.
func (d *Decoder) advanceEntry() error {
	if d.atom.entryTaken {
		return d.afterRoot()
	}
	d.atom.entryTaken = true
	d.markUnit()
	d.item.pending = true
	return nil
}

// atomSharedFeed reports whether Atom elements of f, the channel or an
// entry's source, fill the shared fields that RSS has elements of its own
// for: in an Atom document, and in an entry's source (a Feed of its own,
// see entrySource), which holds nothing else.
func (d *Decoder) atomSharedFeed(f *Feed) bool {
	return d.atom.module != nil || f != d.feed
}

// atomSharedItem is atomSharedFeed for the item being read: in an Atom
// document, and in an item that stands in an entry's source (a
// podcast:liveItem there).
func (d *Decoder) atomSharedItem() bool {
	return d.atom.module != nil || d.item.cur.inSource
}

// beginAtom reads the root element's start tag as an Atom feed's, and
// reports whether it is one: a feed element of Atom 1.0 or 0.3; one in no
// namespace, whose elements are then read as Atom 1.0's (0.3's when it says
// version="0.3"); or one in another namespace that says version="0.3", as
// the drafts before 0.3 wrote (http://purl.org/echo/, http://purl.org/pie/),
// whose namespace is then read as 0.3's.
func (d *Decoder) beginAtom(start xml.StartElement, space string) bool {
	v03 := strings.TrimSpace(attr(start, "version")) == "0.3"
	switch {
	case space == NamespaceAtom:
		d.atom.module = &atomModule
	case space == NamespaceAtom03:
		d.atom.module = &atom03Module
	case start.Name.Space == "" && !v03:
		d.atom.module = &atomModule
		d.defaultSpace(NamespaceAtom)
	case start.Name.Space == "":
		d.atom.module = &atom03Module
		d.defaultSpace(NamespaceAtom03)
	case v03:
		d.atom.module = &atom03Module
		d.ns.alias(start.Name.Space, NamespaceAtom03)
	default:
		return false
	}
	d.feed.Version, d.feed.readAs = "atom1.0", Atom1
	if d.atom.module == &atom03Module {
		d.feed.Version = "atom0.3"
	}
	d.feed.Language = xmlLang(start)
	d.levels = append(d.levels, levelRoot)
	return true
}

// defaultSpace reads the elements in no namespace inside the root as if the
// root had declared uri its default namespace.
func (d *Decoder) defaultSpace(uri string) {
	d.tok.DefaultSpace(uri) // the root's scope
}

// xmlLang returns the xml:lang attribute of a start tag, or "".
func xmlLang(t xml.StartElement) string {
	for _, a := range t.Attr {
		if a.Name.Space == xmlNamespace && a.Name.Local == "lang" {
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}

// feedImage sets the feed's image to its logo, else its icon, in an Atom
// document.
func (d *Decoder) feedImage(f *Feed) {
	if !d.atomSharedFeed(f) {
		return
	}
	url := f.Atom.Logo
	if url == "" {
		url = f.Atom.Icon
	}
	if url == "" {
		return
	}
	if f.Image == nil {
		f.Image = &Image{}
	}
	f.Image.URL = url
}

// entryPubDate sets an entry's PubDate to its published date, else its
// updated date, in an Atom document.
func (d *Decoder) entryPubDate(it *Item) {
	if !d.atomSharedItem() {
		return
	}
	switch a := it.Atom; {
	case a.PublishedRaw != "":
		it.PubDate, it.PubDateRaw = a.Published, a.PublishedRaw
	case a.UpdatedRaw != "":
		it.PubDate, it.PubDateRaw = a.Updated, a.UpdatedRaw
	}
}

// atomLinkElement reads a link element whole: its attributes, and its text,
// which Atom 0.3 feeds write the address in when they give no href.
func (d *Decoder) atomLinkElement(t xml.StartElement) (AtomLink, error) {
	b := d.links.here()
	l := atomLink(t)
	s, err := d.readText()
	raw := l.Href
	if raw == "" {
		raw = s
	}
	// (href="" is a reference to the base itself, RFC 3986 section 5.2.)
	l.Href = d.grew(raw, d.linkHref(b, t, s))
	return l, err
}

// atomLink reads the attributes of a link element.
func atomLink(t xml.StartElement) AtomLink {
	l := AtomLink{
		Href:     strings.TrimSpace(attr(t, "href")),
		Rel:      strings.TrimSpace(attr(t, "rel")),
		Type:     strings.TrimSpace(attr(t, "type")),
		Hreflang: strings.TrimSpace(attr(t, "hreflang")),
		Title:    attr(t, "title"),
	}
	if n := strings.TrimSpace(attr(t, "length")); n != "" {
		l.Length, _ = strconv.ParseInt(n, 10, 64)
	}
	return l
}

// ianaRelations is the URI prefix that makes a registered link relation's
// name a URI, as RFC 4287 allows.
const ianaRelations = "http://www.iana.org/assignments/relation/"

// relIs reports whether a link's rel is the registered relation name (in
// any case, or written as a URI); an absent rel is "alternate".
func relIs(rel, name string) bool {
	if len(rel) > len(ianaRelations) && strings.EqualFold(rel[:len(ianaRelations)], ianaRelations) {
		rel = rel[len(ianaRelations):]
	}
	return strings.EqualFold(rel, name) || rel == "" && name == "alternate"
}

func feedLink(d *Decoder, f *Feed, t xml.StartElement) error {
	l, err := d.atomLinkElement(t)
	f.AtomLinks = append(f.AtomLinks, l)
	if d.atomSharedFeed(f) && f.Link == "" && relIs(l.Rel, "alternate") {
		f.Link = l.Href
	}
	return err
}

func entryLink(d *Decoder, it *Item, t xml.StartElement) error {
	l, err := d.atomLinkElement(t)
	it.AtomLinks = append(it.AtomLinks, l)
	if d.atomSharedItem() {
		switch {
		case it.Link == "" && relIs(l.Rel, "alternate"):
			it.Link = l.Href
		case relIs(l.Rel, "enclosure") && l.Href != "":
			it.Enclosures = append(it.Enclosures, Enclosure{URL: l.Href, Length: l.Length, Type: l.Type})
		}
	}
	return err
}

func entryContent(d *Decoder, it *Item, t xml.StartElement) error {
	a := it.atom()
	b := d.links.here()
	src := d.resolved(b, strings.TrimSpace(attr(t, "src")))
	typ, ok, err := d.atomTextField(&it.Content, &it.Extensions, t)
	if ok {
		a.ContentType, a.ContentSrc = typ, src
		d.item.cur.contentBase, d.item.cur.content = b, true
	}
	return err
}

func feedGenerator(d *Decoder, f *Feed, t xml.StartElement) error {
	a := f.atom()
	b := d.links.here()
	first := f.Generator == "" && a.Generator == nil
	err := d.textField(&f.Generator, &f.Extensions, t)
	uri := attr(t, "uri")
	if uri == "" {
		uri = attr(t, "url") // Atom 0.3
	}
	g := AtomGenerator{URI: d.resolved(b, strings.TrimSpace(uri)), Version: strings.TrimSpace(attr(t, "version"))}
	if first && g != (AtomGenerator{}) {
		a.Generator = &g
	}
	return err
}

// atomCategory reads a category: term, scheme and label, or the text of a
// category written RSS's way. Text beside a term goes to the extensions.
func (d *Decoder) atomCategory(exts *[]Element, t xml.StartElement) (Category, error) {
	s, err := d.readText()
	c := Category{
		Value:  strings.TrimSpace(attr(t, "term")),
		Domain: strings.TrimSpace(attr(t, "scheme")),
		Label:  attr(t, "label"),
	}
	if c.Value == "" {
		c.Value = s
	} else if s != "" {
		d.keep(exts, t, s)
	}
	return c, err
}

// atomPerson reads a person construct (author, contributor) into *dst: its
// name, email and uri (Atom 0.3: url; some feeds write homepage), or, from
// a person written as text, what [ParsePerson] reads in it. A person with
// anything else in it (other elements, a repeated one, text beside the
// elements) is also kept whole in the extensions.
func (d *Decoder) atomPerson(dst *[]Person, exts *[]Element, t xml.StartElement) error {
	var p Person
	var uriBase *xmlBase // the xml:base in scope at the uri element
	// The children read into p, to be kept with the rest if the person
	// turns out to hold more, and the fields of p they were read into
	// (apart, so that p, which they point into, stays on the stack:
	// escape analysis does not tell read's fields apart, and read's
	// strings go into Elements).
	var read [3]struct {
		t xml.StartElement
		s string
	}
	var fields [3]*string
	n := 0
	var e *Element // the person whole, once it holds more than p has fields for
	whole := func() *Element {
		e := &Element{Name: xml.Name{Space: d.ns.space(t.Name.Space), Local: t.Name.Local}, Attrs: d.attrs(t)}
		for _, r := range read[:n] {
			e.Children = append(e.Children, Element{Name: xml.Name{Space: d.ns.space(r.t.Name.Space), Local: r.t.Name.Local},
				Attrs: d.attrs(r.t), Text: r.s})
		}
		return e
	}
	var text []byte
	children := false
	for {
		tok, err := d.token()
		if err != nil {
			return err
		}
		switch tok.Kind {
		case textToken:
			if len(text) > 0 || len(bytes.TrimSpace(tok.Text)) > 0 {
				text = append(text, tok.Text...)
			}
		case startToken:
			children = true
			c := tok.Start
			if e == nil {
				f := personField(&p, t, c)
				for _, g := range fields[:n] {
					if g == f {
						f = nil // a field given twice, the first time empty
					}
				}
				if f != nil {
					if f == &p.URI {
						uriBase = d.links.here()
					}
					s, err := d.readText()
					*f = s
					read[n].t, read[n].s, fields[n] = c, s, f
					n++
					if err != nil {
						return err
					}
					continue
				}
				e = whole()
			}
			ce, err := d.readElement(c)
			e.Children = append(e.Children, ce)
			if err != nil {
				return err
			}
		case endToken:
			s := string(bytes.TrimSpace(text))
			switch {
			case !children:
				p = ParsePerson(s)
			case s != "" && e == nil:
				e = whole()
			}
			if e != nil {
				e.Text = s
				*exts = append(*exts, *e)
			}
			p.URI = d.resolved(uriBase, p.URI)
			if p != (Person{}) {
				*dst = append(*dst, p)
			}
			return nil
		}
	}
}

// personField returns the field of p that the child element c of the
// person element t holds, when it is one p has, in the person's namespace,
// and still empty; nil when it is not.
func personField(p *Person, t, c xml.StartElement) *string {
	if c.Name.Space != t.Name.Space {
		return nil
	}
	var f *string
	switch strings.ToLower(c.Name.Local) {
	case "name":
		f = &p.Name
	case "email":
		f = &p.Email
	case "uri", "url", "homepage":
		f = &p.URI
	}
	if f == nil || *f != "" {
		return nil
	}
	return f
}

// entrySource reads an entry's atom:source, the metadata of the feed the
// entry was copied from, with the feed's handlers, into a Feed of its own.
func entrySource(d *Decoder, it *Item, t xml.StartElement) error {
	if it.Atom != nil && it.Atom.Source != nil {
		return d.keepElement(&it.Extensions, t)
	}
	src := &Feed{Language: xmlLang(t)}
	if src.Language == "" {
		src.Language = xmlLang(d.item.next) // the entry being read
	}
	if src.Language == "" && d.atom.module != nil {
		src.Language = d.feed.Language
	}
	it.atom().Source = src
	for {
		tok, err := d.token()
		if err != nil {
			return err
		}
		switch tok.Kind {
		case startToken:
			if err := d.sourceElement(src, tok.Start); err != nil {
				return err
			}
		case endToken:
			return nil
		}
	}
}

// sourceElement reads an element of an atom:source into src, as
// channelElement reads one of the channel into the feed.
func (d *Decoder) sourceElement(src *Feed, t xml.StartElement) error {
	if m := d.ns.module(t.Name.Space); m != nil {
		if h, ok := d.lookup(m, t.Name.Local); ok && h.channel != nil {
			return h.channel(d, src, t)
		}
	}
	return d.keepElement(&src.Extensions, t)
}

// atomTextField reads a text construct into *dst (see atomText), the first
// one winning as in textField. It returns the construct's type, and whether
// its value went to *dst.
func (d *Decoder) atomTextField(dst *string, exts *[]Element, t xml.StartElement) (typ string, ok bool, err error) {
	s, typ, err := d.atomText(t, *dst == "" && d.cfg.resolveHTML)
	if *dst == "" {
		*dst = s
		return typ, true, err
	}
	if s != "" {
		d.keep(exts, t, s)
	}
	return "", false, err
}

// atomText reads a text construct (title, subtitle, summary, rights,
// content...) whose start tag has been read: its value and its type.
//
// In Atom 1.0 the type is "text" (the default), "html" or "xhtml", or, for
// content, a media type. Text and HTML are character data (HTML written as
// child elements is written back, as in RSS); XHTML, and content of an XML
// media type, are the XHTML (XML) inside, written back as markup (see
// readMarkup), without the div that wraps XHTML; content of another media
// type that is not text/* is base64, decoded when it decodes to text.
//
// In Atom 0.3 the type is a media type (text/plain, text/html,
// application/xhtml+xml: returned as "text", "html" and "xhtml") and the
// mode attribute says how the value is written: "xml" (the default: the
// text, or the markup inside), "escaped" (character data) or "base64".
// Its XHTML keeps the div it is wrapped in, as 0.3 says.
//
// With resolve set, the relative URLs of HTML and XHTML are resolved (see
// Decoder.ResolveHTML): those of XHTML read as markup element by element,
// each against the xml:base in scope there; the others against the base
// in effect at t.
func (d *Decoder) atomText(t xml.StartElement, resolve bool) (s, typ string, err error) {
	b := d.links.here()
	v03 := d.ns.space(t.Name.Space) == NamespaceAtom03
	typ = strings.TrimSpace(attr(t, "type"))
	if v03 {
		typ = atom03Type(typ)
	} else if l := strings.ToLower(typ); l == "text" || l == "html" || l == "xhtml" {
		typ = l
	}
	mode := strings.TrimSpace(attr(t, "mode"))
	switch {
	case strings.EqualFold(mode, "escaped"):
		s, err = d.readText()
	case strings.EqualFold(mode, "base64"):
		s, err = d.readText()
		s = decodeBase64(s)
	case typ == "xhtml" || isXMLType(typ):
		xhtml := typ == "xhtml" || strings.EqualFold(typ, "application/xhtml+xml")
		s, err = d.readMarkup(!v03 && xhtml, resolve && xhtml)
		return s, typ, err
	case v03 || typ == "" || typ == "text" || typ == "html" || len(typ) >= 5 && strings.EqualFold(typ[:5], "text/"):
		s, err = d.readText()
	default:
		s, err = d.readText()
		s = decodeBase64(s)
	}
	if resolve && isHTMLType(typ) {
		s = d.grew(s, ResolveHTML(s, d.baseString(b)))
	}
	return s, typ, err
}

// isHTMLType reports whether a text construct's type (as atomText returns
// it) is HTML's or XHTML's.
func isHTMLType(typ string) bool {
	return typ == "html" || typ == "xhtml" || strings.EqualFold(typ, "text/html") ||
		strings.EqualFold(typ, "application/xhtml+xml")
}

// atom03Type returns the type of an Atom 0.3 text construct as Atom 1.0
// names it, where it has a name: "text", "html" or "xhtml".
func atom03Type(typ string) string {
	switch strings.ToLower(typ) {
	case "text/plain", "text":
		return "text"
	case "text/html", "html":
		return "html"
	case "application/xhtml+xml", "xhtml":
		return "xhtml"
	}
	return typ
}

// isXMLType reports whether a media type is XML's: */xml or */*+xml.
func isXMLType(typ string) bool {
	typ, _, _ = strings.Cut(typ, ";")
	typ = strings.ToLower(strings.TrimSpace(typ))
	return strings.Contains(typ, "/") && (strings.HasSuffix(typ, "+xml") || strings.HasSuffix(typ, "/xml"))
}

// decodeBase64 returns the text that s, base64 with white space anywhere in
// it, encodes; s itself when it is not base64 or does not decode to UTF-8
// text of characters XML carries (binary data that happens to be valid
// UTF-8, control characters and all, is no text).
func decodeBase64(s string) string {
	clean := strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, s)
	b, err := base64.StdEncoding.DecodeString(clean)
	if err != nil {
		b, err = base64.RawStdEncoding.DecodeString(strings.TrimRight(clean, "="))
	}
	if err != nil || !utf8.Valid(b) || strings.ContainsFunc(string(b), func(r rune) bool { return !xmlscan.IsXMLChar(r) }) {
		return s
	}
	return string(bytes.TrimSpace(b))
}

// namespaceXHTML is the namespace of XHTML, in which Atom's xhtml text
// constructs are written.
const namespaceXHTML = "http://www.w3.org/1999/xhtml"

// readMarkup reads the content of the element whose start tag has been read
// as XML markup, and writes it back: text escaped, elements with their
// attributes. Elements of XHTML (or of no namespace) are written without a
// prefix, since the text is meant as HTML, and an empty void one (br, img)
// as <br/>; those of other namespaces, and attributes, keep their prefixes
// as written, and namespace declarations other than XHTML's stay where they
// stood. With strip set, a single div that wraps the whole content (as
// Atom 1.0's xhtml constructs have) is left out. With resolve set, the URL
// attributes of the XHTML elements are resolved as ResolveHTML resolves
// them, each against the xml:base in scope at its element.
func (d *Decoder) readMarkup(strip, resolve bool) (string, error) {
	type open struct {
		name string
		void bool
		end  int // len(buf) after the start tag
	}
	var stack []open
	buf := d.text[:0]
	top := 0         // elements at the top level
	var inner [2]int // the first top-level element's content: buf[inner[0]:inner[1]]
	div := false     // the first top-level element is a div
	loose := false   // text other than white space stands at the top level
	for {
		tok, err := d.token()
		if err != nil {
			d.text = buf
			return "", err
		}
		switch tok.Kind {
		case textToken:
			if len(stack) == 0 && len(bytes.TrimSpace(tok.Text)) > 0 {
				loose = true
			}
			buf = appendEscaped(buf, tok.Text, false)
		case startToken:
			t := tok.Start
			if len(stack) == 0 {
				top++
				if top == 1 {
					div = t.Name.Local == "div"
				}
			}
			name := d.markupName(t.Name)
			buf = append(buf, '<')
			buf = append(buf, name...)
			html := t.Name.Space == "" || t.Name.Space == namespaceXHTML
			var r *htmlResolver // the element's, once needed
			for _, a := range t.Attr {
				if resolve && html && a.Name.Space == "" {
					v := a.Value
					a.Value, r = d.resolveMarkupAttr(r, a)
					d.grew(v, a.Value)
				}
				buf = d.appendMarkupAttr(buf, a)
			}
			buf = append(buf, '>')
			stack = append(stack, open{name, html && voidElements[strings.ToLower(t.Name.Local)], len(buf)})
			if len(stack) == 1 && top == 1 {
				inner[0] = len(buf)
			}
		case endToken:
			if len(stack) == 0 {
				d.text = buf
				out := buf
				if strip && top == 1 && div && !loose {
					out = buf[inner[0]:inner[1]]
				}
				return string(bytes.TrimSpace(out)), nil
			}
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if len(stack) == 0 && top == 1 {
				inner[1] = len(buf)
			}
			if o.void && len(buf) == o.end {
				buf = append(buf[:len(buf)-1], "/>"...)
			} else {
				buf = append(buf, "</"...)
				buf = append(buf, o.name...)
				buf = append(buf, '>')
			}
		}
	}
}

// markupName is an element's name as readMarkup writes it.
func (d *Decoder) markupName(n xml.Name) string {
	if n.Space == "" || n.Space == namespaceXHTML {
		return n.Local
	}
	if p := d.prefixOf(n.Space, true); p != "" {
		return p + ":" + n.Local
	}
	return n.Local
}

// appendMarkupAttr appends an attribute as readMarkup writes it.
func (d *Decoder) appendMarkupAttr(buf []byte, a xml.Attr) []byte {
	buf = append(buf, ' ')
	switch {
	case a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns":
		if a.Value == namespaceXHTML {
			return buf[:len(buf)-1]
		}
		if a.Name.Space != "" {
			buf = append(buf, "xmlns:"...)
		}
	case a.Name.Space == xmlNamespace:
		buf = append(buf, "xml:"...)
	case a.Name.Space != "":
		if p := d.prefixOf(a.Name.Space, false); p != "" {
			buf = append(buf, p...)
			buf = append(buf, ':')
		}
	}
	buf = append(buf, a.Name.Local...)
	buf = append(buf, `="`...)
	buf = appendEscaped(buf, []byte(a.Value), true)
	return append(buf, '"')
}

// maxPrefixScan bounds how many of the innermost namespace declarations
// prefixOf looks through, so that a document declaring thousands of
// prefixes costs linear time.
const maxPrefixScan = 32

// prefixOf returns the prefix a namespace URI is written with where the
// decoder stands: the innermost prefix in scope bound to it ("" for the
// default namespace, which attributes, for which element is false, cannot
// use), or, for a prefix nobody declared (which names it stands for), the
// prefix itself.
func (d *Decoder) prefixOf(uri string, element bool) string {
	bs := d.innerBindings(maxPrefixScan)
	for i := len(bs) - 1; i >= 0; i-- {
		b := bs[i]
		if b.uri != uri || b.prefix == "" && !element || shadowed(bs[i+1:], b.prefix) {
			continue
		}
		return b.prefix
	}
	if !strings.ContainsAny(uri, ":/") {
		return uri // undeclared: the prefix as written
	}
	return ""
}

// shadowed reports whether one of the bindings (further in) binds prefix
// again.
func shadowed(inner []binding, prefix string) bool {
	for _, b := range inner {
		if b.prefix == prefix {
			return true
		}
	}
	return false
}
