package rss

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"
	"time"
)

// How elements reach the data model.
//
// Each namespace the decoder maps onto typed fields is a module: a file of
// its own (content.go, dublincore.go, wfw.go, slash.go, syndication.go,
// atom.go, podcast.go, itunes.go, media.go; the RSS core is in this file)
// holding the namespace's URI constant, its types and a module value.
// atom.go holds two, Atom 1.0 and Atom 0.3, and content.go a second one,
// XHTML's body element. JSON Feed (jsonfeed.go) is no module: it is a
// format with a reader of its own, not a namespace of XML elements.
//
// A module's table maps local names to handlers: one for the element
// standing in the channel, one for it standing in an item (either may be
// nil: the element is then kept whole in the Extensions).
//
// The decoder core (advance in parse.go, readItem here) resolves each
// element's namespace URI once per document, through a cache from the URI
// as written to the module (nsResolver.module), then looks its local name up
// in that module's table alone (Decoder.lookup). An element of a namespace
// without a module costs one cache lookup and goes to the Extensions.
//
// To add a module:
//
//  1. Write one file with the namespace constant, the types, and a module
//     value: its URI (and the other URIs that stand for it), its usual
//     prefix, whether names are also matched in another case, and the
//     table of handlers. A handler is called with the start tag read and
//     reads up to the matching end tag. The helpers below (text, date,
//     number, textField, readText, keep, keepElement) do most of the work.
//  2. Add the module to moduleList, below (and take its namespace out of
//     otherNamespaces in namespaces.go, if it was there).
//
// The registry (modules, and the URI table knownNS that canonicalNS reads)
// is built once, by init, from moduleList, and only read after that. The
// code a module's table refers to must not name a module value (rssCore,
// dublinCore...): Go would refuse the initialization cycle. It compares
// namespaces (d.ns.space) instead.

// moduleList lists the modules, the RSS core first.
var moduleList = []*module{
	&rssCore,
	&dublinCore,
	&contentModule,
	&wfwModule,
	&slashModule,
	&syndicationModule,
	&atomModule,
	&podcastModule,
	&itunesModule,
	&mediaModule,
	&atom03Module,
	&xhtmlModule,
}

// A module maps the elements of one namespace onto the data model.
type module struct {
	// space is the namespace, as canonicalNS returns it: the URI constant,
	// or nsRSS for the RSS core.
	space string
	// uris are other namespace URIs read as this one. Variant spellings
	// of a URI (case, scheme, trailing slash) need no entry: see
	// normaliseNS.
	uris []string
	// prefix is the namespace's usual prefix, read as the namespace when a
	// feed uses it without declaring it; "" for none.
	prefix string
	// fold says that local names are matched without regard to case too,
	// after an exact match failed, because feeds misspell them so.
	fold bool
	// names maps local names, as the specification spells them, to their
	// handlers.
	names map[string]handlers
	// folded maps the lower-cased local names to their handlers, when fold
	// is set. init builds it.
	folded map[string]handlers
}

// handlers are what a module does with one element: channel reads it when
// it stands in the channel (or beside it, in RSS 1.0), item when it stands
// in an item. Each reads the element up to its end tag. A nil handler
// leaves the element to the Extensions.
type handlers struct {
	channel func(d *Decoder, f *Feed, t xml.StartElement) error
	item    func(d *Decoder, it *Item, t xml.StartElement) error
	// exact keeps the name out of the folded table: it is matched only as
	// spelt.
	exact bool
}

// modules maps each namespace (as canonicalNS returns it) to its module, and
// coreModule is rssCore's entry. init sets them; they are only read after.
var (
	modules    map[string]*module
	coreModule *module
)

func init() {
	modules = make(map[string]*module, len(moduleList))
	knownNS = map[string]string{}
	add := func(key, space string) {
		if _, dup := knownNS[key]; dup {
			panic("rss: namespace " + key + " registered twice")
		}
		knownNS[key] = space
	}
	for _, m := range moduleList {
		if _, dup := modules[m.space]; dup {
			panic("rss: module " + m.space + " registered twice")
		}
		modules[m.space] = m
		for local := range m.names {
			commonNames[local] = local
		}
		if m.space != nsRSS {
			add(normaliseNS(m.space), m.space)
		}
		for _, uri := range m.uris {
			add(normaliseNS(uri), m.space)
		}
		if m.prefix != "" {
			add(m.prefix, m.space)
		}
		if m.fold {
			m.folded = make(map[string]handlers, len(m.names))
			for local, h := range m.names {
				if !h.exact {
					m.folded[strings.ToLower(local)] = h
				}
			}
		}
	}
	coreModule = modules[nsRSS]
	for _, ns := range otherNamespaces {
		add(normaliseNS(ns.uri), ns.uri)
		if ns.prefix != "" {
			add(ns.prefix, ns.uri)
		}
	}
}

// lookup returns the handlers module m has for a local name: as spelt,
// else, where the module folds case, in any case (in strict mode too: a
// name in the wrong case is well-formed).
func (d *Decoder) lookup(m *module, local string) (handlers, bool) {
	if h, ok := m.names[local]; ok {
		return h, true
	}
	if m.folded == nil {
		return handlers{}, false
	}
	k := append(d.key[:0], local...)
	for i, c := range k {
		if 'A' <= c && c <= 'Z' {
			k[i] = c + 'a' - 'A'
		}
	}
	d.key = k
	h, ok := m.folded[string(k)]
	return h, ok
}

// channelElement reads an element of module m (nil for none) that stands
// in the channel (or beside it, in RSS 1.0) into the feed.
func (d *Decoder) channelElement(m *module, t xml.StartElement) error {
	if m != nil {
		if h, ok := d.lookup(m, t.Name.Local); ok && h.channel != nil {
			return h.channel(d, d.feed, t)
		}
	}
	return d.keepElement(&d.feed.Extensions, t)
}

// itemState is what the decoder keeps of the items: the start tag of the
// next one, and what it needs while it reads one.
type itemState struct {
	next    xml.StartElement // the start tag of the next item (then of the one being read)
	pending bool             // next is an item's that Next has still to read
	cur     itemScope        // the item being read
	// whether the current item's (the channel's) Link came from a link
	// element's href attribute, which a link with text replaces
	linkHref, channelLinkHref bool
}

// itemScope is what the decoder keeps while it reads an item, for its
// links (links.go).
type itemScope struct {
	inItem   bool     // an item is being read: its URLs fall back on the channel's link
	inSource bool     // the item stands in an entry's atom:source (see atomSharedItem)
	base     *xmlBase // the xml:base in scope at the item's start tag
	// The xml:base in scope where the item's Description and Content were
	// read, once set: the base of its body is one of the three.
	descBase, contentBase *xmlBase
	desc, content         bool
}

// readItem reads an item whose start tag has been read; inSource says that
// it stands in an entry's atom:source, as a podcast:liveItem can.
func (d *Decoder) readItem(start xml.StartElement, inSource bool) (*Item, error) {
	outer := d.item.cur // an atom:source's podcast:liveItem is read inside its entry
	d.item.cur = itemScope{inItem: true, inSource: inSource, base: d.links.here()}
	defer func() { d.item.cur = outer }()
	if d.js != nil {
		return d.jsonItem()
	}
	it := &Item{}
	d.built += costItem // checked at the next token
	d.item.linkHref = false
	for {
		tok, err := d.token()
		if err != nil {
			return nil, err
		}
		switch tok.Kind {
		case startToken:
			if err := d.itemElement(it, tok.Start); err != nil {
				return nil, err
			}
		case endToken:
			if it.GUID.Value == "" {
				// An RSS 1.0 item's address is its identifier.
				if about := rdfAbout(start); about != "" {
					it.GUID = GUID{Value: about}
				}
			}
			it.Base = d.bodyBase(it)
			d.inheritAuthors(it, start)
			d.itemParts(it)
			return it, nil
		}
	}
}

// bodyBase returns the base in effect for the item's body (Item.Body):
// where its Content was read, else its Description, else at the item.
func (d *Decoder) bodyBase(it *Item) string {
	b := d.item.cur.base
	switch {
	case it.Content != "" && d.item.cur.content:
		b = d.item.cur.contentBase
	case it.Content == "" && it.Description != "" && d.item.cur.desc:
		b = d.item.cur.descBase
	}
	return d.baseString(b)
}

func rdfAbout(t xml.StartElement) string {
	for _, a := range t.Attr {
		if a.Name.Local == "about" && (a.Name.Space == NamespaceRDF || a.Name.Space == "rdf") {
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}

// itemElement reads an element of an item into it.
func (d *Decoder) itemElement(it *Item, t xml.StartElement) error {
	if m := d.ns.module(t.Name.Space); m != nil {
		if h, ok := d.lookup(m, t.Name.Local); ok && h.item != nil {
			return h.item(d, it, t)
		}
	}
	return d.keepElement(&it.Extensions, t)
}

// parent is what a handler reads an element into: the channel (*Feed) or
// an item (*Item).
type parent interface {
	*Feed | *Item
	extensions() *[]Element
}

func (f *Feed) extensions() *[]Element  { return &f.Extensions }
func (it *Item) extensions() *[]Element { return &it.Extensions }

// text is the handler of a text element read into the field get returns
// (see textField).
func text[P parent](get func(P) *string) func(*Decoder, P, xml.StartElement) error {
	return func(d *Decoder, p P, t xml.StartElement) error {
		return d.textField(get(p), p.extensions(), t)
	}
}

// urlText is the handler of an element whose text is a URL, read into the
// field get returns (see urlField).
func urlText[P parent](get func(P) *string) func(*Decoder, P, xml.StartElement) error {
	return func(d *Decoder, p P, t xml.StartElement) error {
		return d.urlField(get(p), p.extensions(), t)
	}
}

// date is the handler of a date element read into the fields get returns
// (see dateField).
func date[P parent](get func(P) (*time.Time, *string)) func(*Decoder, P, xml.StartElement) error {
	return func(d *Decoder, p P, t xml.StartElement) error {
		dst, raw := get(p)
		return d.dateField(dst, raw, p.extensions(), t)
	}
}

// number is the handler of an element holding a whole number, read into
// the field get returns. A number that cannot be read, or a repeated one,
// goes to the extensions with its text.
func number[P parent](get func(P) *int) func(*Decoder, P, xml.StartElement) error {
	return func(d *Decoder, p P, t xml.StartElement) error {
		s, err := d.readText()
		if n, ok := atoi(s); ok && *get(p) == 0 {
			*get(p) = n
		} else if s != "" {
			d.keep(p.extensions(), t, s)
		}
		return err
	}
}

// textField reads a text element into *dst; a repeated element goes to
// the extensions, so that nothing is lost.
func (d *Decoder) textField(dst *string, exts *[]Element, t xml.StartElement) error {
	s, err := d.readText()
	if *dst == "" {
		*dst = s
	} else if s != "" {
		d.keep(exts, t, s)
	}
	return err
}

// urlField is textField for an element whose text is a URL: the URL is
// resolved (see Decoder.resolveURL). A repeated element goes to the
// extensions as written.
func (d *Decoder) urlField(dst *string, exts *[]Element, t xml.StartElement) error {
	b := d.links.here()
	s, err := d.readText()
	if *dst == "" {
		*dst = d.resolved(b, s)
	} else if s != "" {
		d.keep(exts, t, s)
	}
	return err
}

// htmlField is textField for an element whose text is HTML (an RSS
// description, content:encoded): with ResolveHTML set, its relative URLs
// are resolved against the base in effect there. It reports whether the
// text went to *dst, and returns the xml:base in scope there.
func (d *Decoder) htmlField(dst *string, exts *[]Element, t xml.StartElement) (*xmlBase, error) {
	b := d.links.here()
	s, err := d.readText()
	if *dst != "" {
		if s != "" {
			d.keep(exts, t, s)
		}
		return nil, err
	}
	if d.cfg.resolveHTML {
		s = d.grew(s, ResolveHTML(s, d.baseString(b)))
	}
	*dst = s
	return b, err
}

// itemDescription reads an item's description, noting its base for the
// item's body.
func itemDescription(d *Decoder, it *Item, t xml.StartElement) error {
	set := it.Description == ""
	b, err := d.htmlField(&it.Description, &it.Extensions, t)
	if set && it.Description != "" {
		d.item.cur.descBase, d.item.cur.desc = b, true
	}
	return err
}

// dateField reads a date element: the raw text, and the time when it can
// be read.
func (d *Decoder) dateField(dst *time.Time, raw *string, exts *[]Element, t xml.StartElement) error {
	s, err := d.readText()
	if *raw != "" {
		if s != "" {
			d.keep(exts, t, s)
		}
		return err
	}
	*raw = s
	if s != "" {
		*dst, _ = ParseDate(s)
	}
	return err
}

// keepElement reads an element the model has no field for, whole, into
// the extensions.
func (d *Decoder) keepElement(exts *[]Element, t xml.StartElement) error {
	e, err := d.readElement(t)
	*exts = append(*exts, e)
	return err
}

// Namespaces RSS versions have used for their own elements, besides
// NamespaceRSS10 and NamespaceRSS090.
const (
	// nsRSS090Channel is RSS 0.90's namespace as Netscape's channel
	// server wrote it.
	nsRSS090Channel = "http://channel.netscape.com/rdf/simple/0.9/"
	// nsRSS11 is RSS 1.1's: its root is a Channel in it, its items stand
	// in an items collection.
	nsRSS11 = "http://purl.org/net/rss1.1#"
)

// rssCore is the RSS core vocabulary: elements in no namespace, or in one of
// the namespaces RSS versions have used for their own elements. Feeds spell
// its names in any case.
var rssCore = module{
	space: nsRSS,
	uris: []string{NamespaceRSS10, NamespaceRSS090, nsRSS090Channel, nsRSS11,
		"http://backend.userland.com/rss2", "http://backend.userland.com/rss",
		"http://blogs.law.harvard.edu/tech/rss",
		"http://my.netscape.com/publish/formats/rss-0.91.dtd"},
	fold: true,
	names: map[string]handlers{
		"title": {
			channel: text(func(f *Feed) *string { return &f.Title }),
			item:    text(func(it *Item) *string { return &it.Title }),
		},
		"link": {
			channel: func(d *Decoder, f *Feed, t xml.StartElement) error {
				return d.linkField(&f.Link, &d.item.channelLinkHref, &f.AtomLinks, &f.Extensions, t)
			},
			item: func(d *Decoder, it *Item, t xml.StartElement) error {
				return d.linkField(&it.Link, &d.item.linkHref, &it.AtomLinks, &it.Extensions, t)
			},
		},
		"description": {
			channel: func(d *Decoder, f *Feed, t xml.StartElement) error {
				_, err := d.htmlField(&f.Description, &f.Extensions, t)
				return err
			},
			item: itemDescription,
		},
		"language":       {channel: text(func(f *Feed) *string { return &f.Language })},
		"copyright":      {channel: text(func(f *Feed) *string { return &f.Copyright })},
		"managingEditor": {channel: text(func(f *Feed) *string { return &f.ManagingEditor })},
		"webMaster":      {channel: text(func(f *Feed) *string { return &f.WebMaster })},
		"generator":      {channel: text(func(f *Feed) *string { return &f.Generator })},
		"docs":           {channel: urlText(func(f *Feed) *string { return &f.Docs })},
		"rating":         {channel: text(func(f *Feed) *string { return &f.Rating })},
		"pubDate": {
			channel: date(func(f *Feed) (*time.Time, *string) { return &f.PubDate, &f.PubDateRaw }),
			item:    date(func(it *Item) (*time.Time, *string) { return &it.PubDate, &it.PubDateRaw }),
		},
		"lastBuildDate": {channel: date(func(f *Feed) (*time.Time, *string) { return &f.LastBuildDate, &f.LastBuildDateRaw })},
		"category": {
			channel: func(d *Decoder, f *Feed, t xml.StartElement) error {
				c, err := d.category(t)
				f.Categories = append(f.Categories, c)
				return err
			},
			item: func(d *Decoder, it *Item, t xml.StartElement) error {
				c, err := d.category(t)
				it.Categories = append(it.Categories, c)
				return err
			},
		},
		"ttl":       {channel: number(func(f *Feed) *int { return &f.TTL })},
		"cloud":     {channel: channelCloud},
		"image":     {channel: record(imageNames, imageFields)},
		"textInput": {channel: record(textInputNames, textInputFields)},
		"textinput": {channel: record(textInputNames, textInputFields)}, // RSS 0.91 and 1.0 spell it so
		"skipHours": {channel: whole(skipHoursFields)},
		"skipDays":  {channel: whole(skipDaysFields)},
		// RSS 1.0's list of the items' addresses, which the items repeat.
		"items":     {channel: func(d *Decoder, _ *Feed, _ xml.StartElement) error { return d.skip() }},
		"author":    {item: text(func(it *Item) *string { return &it.Author })},
		"comments":  {item: urlText(func(it *Item) *string { return &it.Comments })},
		"enclosure": {item: itemEnclosure},
		"guid":      {item: itemGUID},
		"source":    {item: itemSource},
		"body":      {item: itemContent}, // as xhtml:body (content.go)
	},
}

// linkField reads a link element into *dst (the page's address), as
// textField does. Some feeds (Arc XP's) write links Atom's way, with no text
// and an href attribute, in no namespace: such a link goes to links, as an
// AtomLink with its rel and type, and it is the page's address only when
// its rel is alternate (or absent) and no link with text has been read: a
// link with text replaces it, and a self or hub link never is one. *fromHref
// records that *dst came from an href.
func (d *Decoder) linkField(dst *string, fromHref *bool, links *[]AtomLink, exts *[]Element, t xml.StartElement) error {
	b := d.links.here()
	s, err := d.readText()
	if s == "" && attr(t, "href") != "" {
		l := atomLink(t)
		l.Href = d.resolved(b, l.Href)
		*links = append(*links, l)
		if *dst == "" && l.Href != "" && (l.Rel == "" || strings.EqualFold(l.Rel, "alternate")) {
			*dst, *fromHref = l.Href, true
		}
		return err
	}
	switch {
	case s == "":
	case *dst == "" || *fromHref:
		*dst, *fromHref = d.resolved(b, s), false
	default:
		d.keep(exts, t, s)
	}
	return err
}

func (d *Decoder) category(t xml.StartElement) (Category, error) {
	s, err := d.readText()
	return Category{Domain: strings.TrimSpace(attr(t, "domain")), Value: s}, err
}

func channelCloud(d *Decoder, f *Feed, t xml.StartElement) error {
	f.Cloud = &Cloud{
		Domain:            attr(t, "domain"),
		Path:              attr(t, "path"),
		RegisterProcedure: attr(t, "registerProcedure"),
		Protocol:          attr(t, "protocol"),
	}
	port := strings.TrimSpace(attr(t, "port"))
	f.Cloud.Port, _ = atoi(port)
	if f.Cloud.Port == 0 && port != "" {
		d.keep(&f.Extensions, t, "")
	}
	return d.skip()
}

func itemEnclosure(d *Decoder, it *Item, t xml.StartElement) error {
	e := Enclosure{URL: d.resolved(d.links.here(), strings.TrimSpace(attr(t, "url"))), Type: strings.TrimSpace(attr(t, "type"))}
	length := strings.TrimSpace(attr(t, "length"))
	if n, err := strconv.ParseInt(length, 10, 64); err == nil && n >= 0 {
		e.Length = n
	} else if length != "" {
		d.keep(&it.Extensions, t, "")
	}
	it.Enclosures = append(it.Enclosures, e)
	return d.skip()
}

func itemGUID(d *Decoder, it *Item, t xml.StartElement) error {
	if it.GUID.Value != "" {
		return d.keepElement(&it.Extensions, t)
	}
	b := d.links.here()
	s, err := d.readText()
	perma := strings.TrimSpace(attr(t, "isPermaLink"))
	it.GUID = GUID{Value: s, IsPermaLink: !strings.EqualFold(perma, "false")}
	if strings.EqualFold(perma, "true") {
		// Only a guid the feed says is a permalink: one that says
		// nothing is often no URL at all ("ep1", a UUID), and would
		// become an ID that depends on where the feed was read.
		it.GUID.Value = d.resolved(b, s)
	}
	return err
}

func itemSource(d *Decoder, it *Item, t xml.StartElement) error {
	if it.Source != nil {
		return d.keepElement(&it.Extensions, t)
	}
	u := d.resolved(d.links.here(), strings.TrimSpace(attr(t, "url")))
	s, err := d.readText()
	it.Source = &Source{URL: u, Title: s}
	return err
}

// whole is the handler of a channel element with children (skipHours,
// skipDays): it reads the element whole and has fill map it onto the feed.
// When fill returns false (the element holds something the model has no
// field for, or a number it cannot read), the whole element is kept in the
// extensions too.
func whole(fill func(d *Decoder, f *Feed, e Element) bool) func(*Decoder, *Feed, xml.StartElement) error {
	return func(d *Decoder, f *Feed, t xml.StartElement) error {
		e, err := d.readElement(t)
		if err != nil {
			return err
		}
		if !fill(d, f, e) {
			f.Extensions = append(f.Extensions, e)
		}
		return nil
	}
}

// record is whole for an element whose children are text fields (image,
// textInput): the children of the RSS core whose lower-cased names are in
// names are read with readText, as every other text field is, so that
// markup in them is kept as HTML; any other child is read whole. fill gets
// the xml:base in scope at the element, for the URLs of its children.
func record(names []string, fill func(d *Decoder, f *Feed, e Element, b *xmlBase) bool) func(*Decoder, *Feed, xml.StartElement) error {
	return func(d *Decoder, f *Feed, t xml.StartElement) error {
		b := d.links.here()
		e, err := d.readRecord(t, names)
		if err != nil {
			return err
		}
		if !fill(d, f, e, b) {
			f.Extensions = append(f.Extensions, e)
		}
		return nil
	}
}

// readRecord reads an element whose start tag has been read, whole, as
// readElement does, except that its children of the RSS core named in
// names are read with readText: their Text has the markup inside them, as
// HTML, and they have no Children.
func (d *Decoder) readRecord(t xml.StartElement, names []string) (Element, error) {
	e := Element{Name: xml.Name{Space: d.ns.space(t.Name.Space), Local: t.Name.Local}, Attrs: d.attrs(t)}
	var text []byte
	for {
		tok, err := d.token()
		if err != nil {
			return e, err
		}
		switch tok.Kind {
		case textToken:
			text = append(text, tok.Text...)
		case startToken:
			c := tok.Start
			var child Element
			if d.ns.space(c.Name.Space) == nsRSS && isField(c.Name.Local, names) {
				child = Element{Name: xml.Name{Space: nsRSS, Local: c.Name.Local}, Attrs: d.attrs(c)}
				child.Text, err = d.readText()
			} else {
				child, err = d.readElement(c)
			}
			e.Children = append(e.Children, child)
			if err != nil {
				return e, err
			}
		case endToken:
			e.Text = string(bytes.TrimSpace(text))
			return e, nil
		}
	}
}

// isField reports whether local is one of names (lower case) in any case.
func isField(local string, names []string) bool {
	for _, n := range names {
		if strings.EqualFold(local, n) {
			return true
		}
	}
	return false
}

var (
	imageNames     = []string{"url", "title", "link", "description", "width", "height"}
	textInputNames = []string{"title", "description", "name", "link"}
)

// imageFields maps an image's children onto the feed's Image; b is the
// xml:base in scope at the image.
func imageFields(d *Decoder, f *Feed, e Element, b *xmlBase) bool {
	ok := true
	im := &Image{}
	for _, c := range e.Children {
		if d.ns.space(c.Name.Space) != nsRSS {
			ok = false
			continue
		}
		switch strings.ToLower(c.Name.Local) {
		case "url":
			im.URL = d.grew(c.Text, d.childURL(b, c))
		case "title":
			im.Title = c.Text
		case "link":
			im.Link = d.grew(c.Text, d.childURL(b, c))
		case "description":
			im.Description = c.Text
		case "width":
			im.Width, ok = atoiOr(c.Text, ok)
		case "height":
			im.Height, ok = atoiOr(c.Text, ok)
		default:
			ok = false
		}
	}
	switch {
	case *im == Image{}:
		// RSS 1.0's reference from the channel to the image beside
		// it: nothing to keep.
	case f.Image == nil:
		f.Image = im
	default:
		ok = false
	}
	return ok
}

// textInputFields maps a text input's children onto the feed's TextInput;
// b is the xml:base in scope at the text input.
func textInputFields(d *Decoder, f *Feed, e Element, b *xmlBase) bool {
	ok := true
	ti := &TextInput{}
	for _, c := range e.Children {
		if d.ns.space(c.Name.Space) != nsRSS {
			ok = false
			continue
		}
		switch strings.ToLower(c.Name.Local) {
		case "title":
			ti.Title = c.Text
		case "description":
			ti.Description = c.Text
		case "name":
			ti.Name = c.Text
		case "link":
			ti.Link = d.grew(c.Text, d.childURL(b, c))
		default:
			ok = false
		}
	}
	switch {
	case *ti == TextInput{}:
	case f.TextInput == nil:
		f.TextInput = ti
	default:
		ok = false
	}
	return ok
}

func skipHoursFields(_ *Decoder, f *Feed, e Element) bool {
	ok := true
	for _, c := range e.Children {
		n, good := atoi(c.Text)
		if good && strings.EqualFold(c.Name.Local, "hour") {
			f.SkipHours = append(f.SkipHours, n)
		} else {
			ok = false
		}
	}
	return ok
}

func skipDaysFields(_ *Decoder, f *Feed, e Element) bool {
	ok := true
	for _, c := range e.Children {
		if strings.EqualFold(c.Name.Local, "day") && c.Text != "" {
			f.SkipDays = append(f.SkipDays, c.Text)
		} else {
			ok = false
		}
	}
	return ok
}

// keep records an element the model could not hold as it was (a repeated
// element, a number that cannot be read) in the extensions, so that its
// text is not lost.
func (d *Decoder) keep(exts *[]Element, t xml.StartElement, text string) {
	*exts = append(*exts, Element{Name: xml.Name{Space: d.ns.space(t.Name.Space), Local: t.Name.Local},
		Attrs: d.attrs(t), Text: text})
}

// attrs copies the attributes of an element kept as an extension, leaving
// out namespace declarations, and notes the prefixes of the namespaces
// the element and its attributes are in (see Feed.prefixes).
func (d *Decoder) attrs(t xml.StartElement) []xml.Attr {
	var out []xml.Attr
	for _, a := range t.Attr {
		if a.Name.Space == "xmlns" {
			d.notePrefix(a.Name.Local, a.Value)
			continue
		}
		if a.Name.Space == "" && a.Name.Local == "xmlns" {
			continue
		}
		if a.Name.Space != "" {
			d.notePrefixOf(a.Name.Space)
			a.Name.Space = d.ns.space(a.Name.Space)
		}
		out = append(out, a)
	}
	d.notePrefixOf(t.Name.Space)
	return out
}

// maxPrefixes bounds the namespace prefixes noted for a feed, and
// maxPrefixLen the bytes of each: a document declaring more namespaces than
// that, or longer prefixes, is not one a writer need copy faithfully, and
// the rest are written with prefixes of the Encoder's own. A namespace URI
// is noted only when it is no longer than maxNSCacheLen, so that the feed
// keeps at most a few KiB of them, whatever the document declares.
const (
	maxPrefixes  = 64
	maxPrefixLen = 32
)

// notePrefix notes the prefix an element kept in Extensions declares for
// a namespace, unless one was noted for it before. Feed.prefixes says why.
func (d *Decoder) notePrefix(prefix, uri string) {
	if prefix == "" || uri == "" || len(prefix) > maxPrefixLen || len(uri) > maxNSCacheLen || d.feed == nil {
		return
	}
	space := d.ns.space(uri)
	if p, ok := d.feed.prefixes[space]; ok && p != "" || !ok && len(d.feed.prefixes) >= maxPrefixes {
		return
	}
	if d.feed.prefixes == nil {
		d.feed.prefixes = map[string]string{}
	}
	d.feed.prefixes[space] = prefix
}

// notePrefixOf notes the prefix the document gives, where the decoder
// stands, the namespace uri of an element or attribute kept in Extensions:
// the innermost declaration of it in scope, or "" when there is none (a
// default namespace, or a declaration on the element itself, which attrs
// notes), so that each namespace is looked up once; at most maxPrefixes of
// them. Only documents with extensions pay for it, once per namespace.
func (d *Decoder) notePrefixOf(uri string) {
	if uri == "" || uri == d.ns.noted || d.tok == nil || d.feed == nil {
		return
	}
	d.ns.noted = uri
	if len(uri) > maxNSCacheLen || len(d.feed.prefixes) >= maxPrefixes {
		return
	}
	space := d.ns.space(uri)
	if _, ok := d.feed.prefixes[space]; ok {
		return
	}
	prefix := ""
	bs := d.tok.Bindings()
	for i := len(bs) - 1; i >= 0; i-- {
		if bs[i].URI == uri {
			prefix = bs[i].Prefix
			break
		}
	}
	if prefix != "" && len(prefix) > maxPrefixLen {
		prefix = ""
	}
	if d.feed.prefixes == nil {
		d.feed.prefixes = map[string]string{}
	}
	d.feed.prefixes[space] = prefix
}

// readElement reads an element whose start tag has been read, whole. The
// elements it is inside wait on a stack of its own rather than in
// recursive calls, so that deep nesting takes heap, not goroutine stack.
func (d *Decoder) readElement(t xml.StartElement) (Element, error) {
	type level struct {
		e    Element
		text []byte
	}
	newLevel := func(t xml.StartElement) level {
		return level{e: Element{Name: xml.Name{Space: d.ns.space(t.Name.Space), Local: t.Name.Local}, Attrs: d.attrs(t)}}
	}
	var outer [4]level // no allocation for the few levels most extensions have
	stack := append(outer[:0], newLevel(t))
	for {
		tok, err := d.token()
		if err != nil {
			// Each element read so far goes into its parent, without its
			// text, which may not be whole.
			for n := len(stack) - 1; n > 0; n-- {
				stack[n-1].e.Children = append(stack[n-1].e.Children, stack[n].e)
			}
			return stack[0].e, err
		}
		top := &stack[len(stack)-1]
		switch tok.Kind {
		case textToken:
			top.text = append(top.text, tok.Text...)
		case startToken:
			stack = append(stack, newLevel(tok.Start))
		case endToken:
			top.e.Text = string(bytes.TrimSpace(top.text))
			n := len(stack) - 1
			if n == 0 {
				return top.e, nil
			}
			stack[n-1].e.Children = append(stack[n-1].e.Children, top.e)
			stack[n] = level{}
			stack = stack[:n]
		}
	}
}

// skip reads up to the end of the element whose start tag has been read.
func (d *Decoder) skip() error {
	for depth := 0; ; {
		tok, err := d.token()
		if err != nil {
			return err
		}
		switch tok.Kind {
		case startToken:
			depth++
		case endToken:
			if depth == 0 {
				return nil
			}
			depth--
		}
	}
}

// readText reads the text of the element whose start tag has been read, up
// to its end tag: character data with entities decoded and CDATA unwrapped,
// trimmed. Child elements (HTML written into the feed without escaping)
// are written back as HTML.
func (d *Decoder) readText() (string, error) {
	buf := d.text[:0]
	depth := 0
	markup := false // whether child elements have been seen
	for {
		tok, err := d.token()
		if err != nil {
			d.text = buf
			return "", err
		}
		switch tok.Kind {
		case textToken:
			if !markup {
				buf = append(buf, tok.Text...)
			} else {
				buf = appendEscaped(buf, tok.Text, false)
			}
		case startToken:
			t := tok.Start
			if !markup {
				// From here on the content is HTML: escape the text
				// that came before.
				markup = true
				buf = append(buf[:0], appendEscaped(nil, buf, false)...)
			}
			depth++
			buf = append(buf, '<')
			buf = append(buf, t.Name.Local...)
			for _, a := range t.Attr {
				if a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns" {
					continue
				}
				buf = append(buf, ' ')
				buf = append(buf, a.Name.Local...)
				buf = append(buf, `="`...)
				buf = appendEscaped(buf, []byte(a.Value), true)
				buf = append(buf, '"')
			}
			buf = append(buf, '>')
		case endToken:
			t := tok.End
			if depth == 0 {
				d.text = buf
				return string(bytes.TrimSpace(buf)), nil
			}
			depth--
			if !voidElements[strings.ToLower(t.Local)] {
				buf = append(buf, "</"...)
				buf = append(buf, t.Local...)
				buf = append(buf, '>')
			}
		}
	}
}

// voidElements are the HTML elements that have no end tag.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true,
}

// appendEscaped appends s to buf with the characters HTML gives meaning to
// escaped.
func appendEscaped(buf, s []byte, quote bool) []byte {
	for _, c := range s {
		switch {
		case c == '&':
			buf = append(buf, "&amp;"...)
		case c == '<':
			buf = append(buf, "&lt;"...)
		case c == '>':
			buf = append(buf, "&gt;"...)
		case c == '"' && quote:
			buf = append(buf, "&quot;"...)
		default:
			buf = append(buf, c)
		}
	}
	return buf
}

// atoi reads a whole number, allowing surrounding white space.
func atoi(s string) (int, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	return n, err == nil
}

// atoiOr is atoi that also carries an ok flag along: ok stays false once
// one number failed.
func atoiOr(s string, ok bool) (int, bool) {
	n, good := atoi(s)
	return n, ok && good
}

// atois reads a comma-separated list of whole numbers.
func atois(s string) ([]int, bool) {
	var ns []int
	for p := range strings.SplitSeq(s, ",") {
		n, ok := atoi(p)
		if !ok {
			return nil, false
		}
		ns = append(ns, n)
	}
	return ns, len(ns) > 0
}

// exact marks handlers to be matched only by the name as spelt, in a module
// that otherwise folds case.
func exact(h handlers) handlers {
	h.exact = true
	return h
}
