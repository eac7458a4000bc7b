package rss

import (
	"cmp"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
)

// writeRSS writes f as an RSS 2.0 channel (the body of the rss element).
func writeRSS(x *xmlWriter, f *Feed) {
	x.base = f.Link
	x.rssNative = htmlByDefault(f)
	x.pushKept(f.Extensions)
	x.start("", "channel")
	// RSS requires these three: written even when empty. A title or
	// subtitle type says an Atom element came first and gave the value:
	// it is written as that element, after an empty RSS one.
	title, link, desc := f.Title, f.Link, f.Description
	if x.derive {
		// Read from Atom or JSON Feed, which do not require them: derived.
		link = cmp.Or(link, firstLink(f.AtomLinks, "self"))
		if f.Atom != nil && isFullIRI(f.Atom.ID) {
			link = cmp.Or(link, f.Atom.ID)
		}
		link = cmp.Or(link, derivedSite(f))
		title = cmp.Or(title, link)
		desc = cmp.Or(desc, title)
	}
	if f.Atom != nil && x.rssNative && f.Atom.TitleType != "" {
		title = ""
	}
	if f.Atom != nil && x.rssNative && f.Atom.SubtitleType != "" {
		desc = ""
	}
	for _, v := range [...]struct{ name, s string }{{"title", title}, {"link", link}, {"description", desc}} {
		if v.name == "link" && v.s == "" {
			// An empty link is no URL: left out, as the feed had none.
			continue
		}
		x.start("", v.name)
		if v.name == "description" {
			x.cdataText(v.s)
		} else {
			x.text(v.s)
		}
		x.end()
	}
	x.leaf("", "language", x.language(f.Language))
	x.leaf("", "copyright", f.Copyright)
	x.leaf("", "managingEditor", f.ManagingEditor)
	x.leaf("", "webMaster", f.WebMaster)
	x.leaf("", "pubDate", x.rssDate(f.PubDate, f.PubDateRaw))
	x.leaf("", "lastBuildDate", x.rssDate(f.LastBuildDate, f.LastBuildDateRaw))
	rssCategories(x, f.Categories)
	x.leaf("", "generator", f.Generator)
	x.leaf("", "docs", f.Docs)
	if k := x.kept("", "cloud", func(*Element) bool { return f.Cloud != nil }); k != nil {
		x.startKept(k)
		x.end()
	} else if c := f.Cloud; c != nil {
		// All five attributes, which RSS requires, empty ones too.
		x.startAll("", "cloud", []xattr{{"", "domain", c.Domain}, {"", "port", itoa(c.Port)}, {"", "path", c.Path},
			{"", "registerProcedure", c.RegisterProcedure}, {"", "protocol", c.Protocol}})
		x.end()
	}
	x.leaf("", "ttl", itoa(f.TTL))
	if im := f.Image; im != nil {
		imTitle, imLink := im.Title, im.Link
		if x.derive {
			// RSS requires them; Atom and JSON Feed have only the URL.
			imTitle, imLink = cmp.Or(imTitle, title), cmp.Or(imLink, link)
		}
		x.start("", "image")
		x.leaf("", "url", im.URL)
		x.leaf("", "title", imTitle)
		x.leaf("", "link", imLink)
		x.leaf("", "width", itoa(im.Width))
		x.leaf("", "height", itoa(im.Height))
		x.leaf("", "description", im.Description)
		x.end()
	}
	x.leaf("", "rating", f.Rating)
	if ti := f.TextInput; ti != nil {
		x.start("", "textInput")
		x.leaf("", "title", ti.Title)
		x.leaf("", "description", ti.Description)
		x.leaf("", "name", ti.Name)
		x.leaf("", "link", ti.Link)
		x.end()
	}
	if k := x.kept("", "skipHours", func(*Element) bool { return true }); k != nil {
		x.element(k)
	} else if len(f.SkipHours) > 0 {
		x.start("", "skipHours")
		for _, h := range f.SkipHours {
			x.leaf("", "hour", strconv.Itoa(h))
		}
		x.end()
	}
	if k := x.kept("", "skipDays", func(*Element) bool { return true }); k != nil {
		x.element(k)
	} else if len(f.SkipDays) > 0 {
		x.start("", "skipDays")
		for _, d := range f.SkipDays {
			x.leaf("", "day", d)
		}
		x.end()
	}
	atomLinks(x, NamespaceAtom, f.AtomLinks, "")
	rssAtomFeed(x, f)
	feedModulesXML(x, f)
	x.popKept()
	for _, it := range f.Items {
		if it != nil {
			rssItem(x, "item", it)
		}
	}
	x.end()
}

// rssItem writes an item (or, with name "podcast:liveItem", the children
// of a live item, whose start tag the caller wrote).
func rssItem(x *xmlWriter, name string, it *Item, attrs ...xattr) {
	if name == "item" {
		x.start("", "item", itemBase(x, it))
	} else {
		x.start(NamespacePodcast, name, attrs...)
	}
	x.pushKept(it.Extensions)
	defer x.popKept()
	a := it.Atom
	title, desc := it.Title, it.Description
	if x.derive && title == "" && desc == "" {
		// RSS requires a title or a description: the content is the
		// description too.
		desc = it.Content
	}
	// A type says the Atom element came first and gave the value: it is
	// written in place of the RSS element. So it is when the RSS element
	// came after it, kept in Extensions, which written beside the typed
	// one would give the item two.
	if a != nil && x.rssNative && (a.TitleType != "" || title != "" && keptRSS(it.Extensions, "title")) {
		atomText(x, "title", title, a.TitleType, true)
		title = ""
	}
	x.leaf("", "title", title)
	x.leaf("", "link", it.Link)
	if a != nil && x.rssNative && (a.SummaryType != "" || desc != "" && keptRSS(it.Extensions, "description")) {
		atomText(x, "summary", desc, a.SummaryType, true)
		desc = ""
	}
	x.html("", "description", desc)
	x.leaf("", "author", it.Author)
	cats := it.Categories
	if x.derive {
		// An RSS item has no atom:category: the label is left out.
		cats = slices.Clone(cats)
		for i := range cats {
			cats[i].Label = ""
		}
	}
	rssCategories(x, cats)
	x.leaf("", "comments", it.Comments)
	for _, e := range it.Enclosures {
		if k := x.kept("", "enclosure", func(k *Element) bool {
			return len(k.Children) == 0 && keptAttr(k, "url") == e.URL && keptAttr(k, "type") == e.Type
		}); k != nil {
			x.startKept(k)
			x.end()
			continue
		}
		typ := e.Type
		if x.derive && typ == "" {
			typ = "application/octet-stream" // RSS requires one
		}
		x.empty("", "enclosure", xattr{"", "url", e.URL}, xattr{"", "length", strconv.FormatInt(e.Length, 10)},
			xattr{"", "type", typ})
	}
	if it.GUID.Value != "" {
		// isPermaLink="true" is the default, and written would have the
		// reader resolve a relative guid.
		perma := ""
		if !it.GUID.IsPermaLink {
			perma = "false"
		}
		x.leaf("", "guid", it.GUID.Value, xattr{"", "isPermaLink", perma})
	}
	x.leaf("", "pubDate", x.rssDate(it.PubDate, it.PubDateRaw))
	if s := it.Source; s != nil {
		x.start("", "source", xattr{"", "url", s.URL})
		x.text(s.Title)
		x.end()
	}
	content := it.Content
	if a != nil && x.rssNative && (a.ContentType != "" || a.ContentSrc != "") {
		atomContent(x, content, a.ContentType, a.ContentSrc)
		content = ""
	}
	x.html(NamespaceContent, "encoded", content)
	dublinCoreXML(x, &it.DC)
	x.leaf(NamespaceWFW, "comment", it.WFW.Comment)
	x.leaf(NamespaceWFW, "commentRss", it.WFW.CommentRSS)
	x.leaf(NamespaceSlash, "section", it.Slash.Section)
	x.leaf(NamespaceSlash, "department", it.Slash.Department)
	x.leaf(NamespaceSlash, "comments", itoa(it.Slash.Comments))
	if len(it.Slash.HitParade) > 0 {
		s := make([]string, len(it.Slash.HitParade))
		for i, n := range it.Slash.HitParade {
			s[i] = strconv.Itoa(n)
		}
		x.leaf(NamespaceSlash, "hit_parade", strings.Join(s, ","))
	}
	atomLinks(x, NamespaceAtom, it.AtomLinks, it.Base)
	rssAtomEntry(x, it, it.DC.Creator)
	itunesItemXML(x, it.ITunes)
	podcastItemXML(x, it.Podcast)
	mediaXML(x, it.Media)
	x.elements(it.Extensions)
	x.end()
}

// itemBase is the xml:base attribute an item needs: its Base, when that is
// not the base its relative URLs would have anyway (the channel's link).
func itemBase(x *xmlWriter, it *Item) xattr {
	if it.Base == "" || it.Base == x.base {
		return xattr{}
	}
	return xattr{xmlNamespace, "base", it.Base}
}

func rssCategories(x *xmlWriter, cs []Category) {
	for _, c := range cs {
		if c.Label != "" {
			// Only Atom's category has a label.
			x.empty(NamespaceAtom, "category", xattr{"", "term", c.Value}, xattr{"", "scheme", c.Domain},
				xattr{"", "label", c.Label})
			continue
		}
		x.start("", "category", xattr{"", "domain", c.Domain})
		x.text(c.Value)
		x.end()
	}
}

// atomLinks writes links as atom:link (or, in Atom, link) elements, each
// with its href, which Atom requires (empty, a reference to the document,
// when it is; but for an enclosure, which the reader would take an empty
// href of for one more enclosure).
func atomLinks(x *xmlWriter, space string, ls []AtomLink, base string) {
	for _, l := range ls {
		attrs := make([]xattr, 0, 6)
		// Atom requires an href. An empty one (a same-document reference)
		// reads back as the base in effect, base (the item's, "" for the
		// channel's links): with a base, a link of no href had none, and
		// is written without.
		if l.Href != "" || base == "" && !relIs(l.Rel, "enclosure") {
			attrs = append(attrs, xattr{"", "href", l.Href})
		}
		for _, a := range [...]xattr{{"", "rel", l.Rel}, {"", "type", l.Type}, {"", "hreflang", l.Hreflang},
			{"", "title", l.Title}, {"", "length", itoa64(l.Length)}} {
			if a.value != "" {
				attrs = append(attrs, a)
			}
		}
		x.startAll(space, "link", attrs)
		x.end()
	}
}

// personText is a person as RSS's author and dc:creator write one: "Name
// <email>", or the one of them there is (else the URI).
func personText(p Person) string {
	switch {
	case p.Name != "" && p.Email != "":
		return p.Name + " <" + p.Email + ">"
	case p.Name != "" || p.Email != "":
		return p.Name + p.Email
	}
	return p.URI
}

// keptRSS reports whether exts hold an element of RSS (no namespace) named
// local: the second of an element the item had twice.
func keptRSS(exts []Element, local string) bool {
	for i := range exts {
		if exts[i].Name.Space == "" && strings.EqualFold(exts[i].Name.Local, local) {
			return true
		}
	}
	return false
}

// atomPersons writes person constructs.
func atomPersons(x *xmlWriter, space, name string, ps []Person) {
	for _, p := range ps {
		if x.derive && p.Name == "" {
			// Atom requires a name: the address, else the URI.
			p.Name = cmp.Or(p.Email, p.URI, "unknown")
		}
		if k := x.kept(space, name, func(k *Element) bool {
			return len(k.Children) > 0 && childText(k, "name") == p.Name && childText(k, "email") == p.Email &&
				childText(k, "uri") == p.URI
		}); k != nil {
			x.element(k) // the person with more in it than the model has fields for
			continue
		}
		x.start(space, name)
		x.leaf(space, "name", p.Name)
		x.leaf(space, "email", p.Email)
		x.leaf(space, "uri", p.URI)
		x.end()
	}
}

// rssAtomFeed writes the Atom part of a channel that RSS has no element for.
func rssAtomFeed(x *xmlWriter, f *Feed) {
	a := f.Atom
	if a == nil {
		return
	}
	if x.rssNative && a.TitleType != "" {
		atomText(x, "title", f.Title, a.TitleType, true)
	}
	if x.rssNative && a.SubtitleType != "" {
		atomText(x, "subtitle", f.Description, a.SubtitleType, true)
	}
	x.leaf(NamespaceAtom, "id", a.ID)
	atomPersons(x, NamespaceAtom, "author", a.Authors)
	atomPersons(x, NamespaceAtom, "contributor", a.Contributors)
	x.leaf(NamespaceAtom, "updated", isoDate(a.Updated, a.UpdatedRaw))
	x.leaf(NamespaceAtom, "rights", a.Rights, xattr{"", "type", a.RightsType})
	x.leaf(NamespaceAtom, "icon", a.Icon)
	x.leaf(NamespaceAtom, "logo", a.Logo)
	atom03Parts(x, a.Info, a.InfoType, time.Time{}, "")
	if g := a.Generator; g != nil {
		// The generator's name is the RSS generator.
		x.empty(NamespaceAtom, "generator", xattr{"", "uri", g.URI}, xattr{"", "version", g.Version})
	}
}

// rssAtomEntry writes the Atom part of an item that RSS has no element for.
func rssAtomEntry(x *xmlWriter, it *Item, creators []string) {
	a := it.Atom
	if a == nil {
		return
	}
	x.leaf(NamespaceAtom, "id", a.ID)
	if x.derive && len(a.Authors) > 1 {
		// An RSS item has one atom:author: several are dc:creators.
		for _, p := range a.Authors {
			if s := personText(p); !slices.Contains(creators, s) {
				x.leaf(NamespaceDublinCore, "creator", s)
			}
		}
	} else {
		atomPersons(x, NamespaceAtom, "author", a.Authors)
	}
	atomPersons(x, NamespaceAtom, "contributor", a.Contributors)
	x.leaf(NamespaceAtom, "updated", isoDate(a.Updated, a.UpdatedRaw))
	x.leaf(NamespaceAtom, "published", isoDate(a.Published, a.PublishedRaw))
	if !x.derive {
		x.leaf(NamespaceAtom, "rights", a.Rights, xattr{"", "type", a.RightsType})
	} else if !slices.Contains(it.DC.Rights, a.Rights) {
		// An RSS item has no atom:rights: dc:rights says it.
		x.leaf(NamespaceDublinCore, "rights", a.Rights)
	}
	atom03Parts(x, "", "", a.Created, a.CreatedRaw)
	switch s := a.Source; {
	case s == nil:
	case !x.derive:
		x.start(NamespaceAtom, "source", []xattr{{xmlNamespace, "lang", s.Language}}...)
		atomFeedMeta(x, NamespaceAtom, s, it.Base)
		x.end()
	case it.Source == nil:
		// An RSS item has no atom:source: RSS's source, which requires
		// the feed's URL, says it when there is one.
		if u := cmp.Or(firstLink(s.AtomLinks, "self"), s.Link); u != "" {
			x.start("", "source", xattr{"", "url", u})
			x.text(s.Title)
			x.end()
		}
	}
}

// dublinCoreXML writes the Dublin Core elements.
func dublinCoreXML(x *xmlWriter, dc *DublinCore) {
	for _, v := range [...]struct {
		name string
		vs   []string
	}{
		{"title", dc.Title}, {"creator", dc.Creator}, {"subject", dc.Subject}, {"description", dc.Description},
		{"publisher", dc.Publisher}, {"contributor", dc.Contributor}, {"date", dc.Date}, {"type", dc.Type},
		{"format", dc.Format}, {"identifier", dc.Identifier}, {"source", dc.Source}, {"language", dc.Language},
		{"relation", dc.Relation}, {"coverage", dc.Coverage}, {"rights", dc.Rights},
	} {
		for _, s := range v.vs {
			x.leaf(NamespaceDublinCore, v.name, s)
		}
	}
}

func itunesExplicit(b *bool) string {
	if b == nil {
		return ""
	}
	if *b {
		return "true"
	}
	return "false"
}

func itunesFlag(b bool) string {
	if b {
		return "yes"
	}
	return ""
}

func itunesFeedXML(x *xmlWriter, i *ITunesFeed) {
	if i == nil {
		return
	}
	const ns = NamespaceITunes
	x.leaf(ns, "title", i.Title)
	x.leaf(ns, "subtitle", i.Subtitle)
	x.leaf(ns, "summary", i.Summary)
	x.leaf(ns, "author", i.Author)
	if k := x.kept(ns, "owner", func(k *Element) bool {
		return i.Owner != nil && childText(k, "name") == i.Owner.Name && childText(k, "email") == i.Owner.Email
	}); k != nil {
		x.element(k) // the owner with more in it than the model has fields for
	} else if i.Owner != nil {
		x.start(ns, "owner")
		x.leaf(ns, "name", i.Owner.Name)
		x.leaf(ns, "email", i.Owner.Email)
		x.end()
	}
	if i.Image != "" {
		x.empty(ns, "image", xattr{"", "href", i.Image})
	}
	itunesCategories(x, i.Categories)
	x.leaf(ns, "explicit", itunesExplicit(i.Explicit))
	x.leaf(ns, "type", i.Type)
	x.leaf(ns, "keywords", strings.Join(i.Keywords, ","))
	x.leaf(ns, "new-feed-url", i.NewFeedURL)
	x.leaf(ns, "block", itunesFlag(i.Block))
	x.leaf(ns, "complete", itunesFlag(i.Complete))
}

func itunesCategories(x *xmlWriter, cs []ITunesCategory) {
	for _, c := range cs {
		if k := x.kept(NamespaceITunes, "category", func(k *Element) bool {
			return keptAttr(k, "text") == c.Text && len(k.Children) > 0
		}); k != nil {
			x.element(k)
			continue
		}
		x.start(NamespaceITunes, "category", xattr{"", "text", c.Text})
		itunesCategories(x, c.Subcategories)
		x.end()
	}
}

func itunesItemXML(x *xmlWriter, i *ITunesItem) {
	if i == nil {
		return
	}
	const ns = NamespaceITunes
	x.leaf(ns, "title", i.Title)
	x.leaf(ns, "subtitle", i.Subtitle)
	x.leaf(ns, "summary", i.Summary)
	x.leaf(ns, "author", i.Author)
	if i.Image != "" {
		x.empty(ns, "image", xattr{"", "href", i.Image})
	}
	d := i.DurationRaw
	if d == "" && i.Duration > 0 {
		// Whole seconds, as Apple and the validator read a duration.
		d = strconv.FormatInt(int64(i.Duration.Round(time.Second)/time.Second), 10)
	}
	x.leaf(ns, "duration", d)
	x.leaf(ns, "explicit", itunesExplicit(i.Explicit))
	x.leaf(ns, "episode", itoa(i.Episode))
	x.leaf(ns, "season", itoa(i.Season))
	x.leaf(ns, "episodeType", i.EpisodeType)
	x.leaf(ns, "keywords", strings.Join(i.Keywords, ","))
	itunesCategories(x, i.Categories)
	x.leaf(ns, "block", itunesFlag(i.Block))
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// seconds writes a time in seconds, "" for zero.
func seconds(f float64) string { return ftoa(f) }

func podcastFeedXML(x *xmlWriter, p *PodcastFeed) {
	if p == nil {
		return
	}
	const ns = NamespacePodcast
	if !keptPodcast(x, "guid", p.GUID, podcastString) {
		x.leaf(ns, "guid", p.GUID)
	}
	if l := p.Locked; l != nil && !keptPodcast(x, "locked", *l, podcastLocked) {
		x.leaf(ns, "locked", yesNo(l.Value), xattr{"", "owner", l.Owner})
	}
	for _, v := range p.Funding {
		if keptPodcast(x, "funding", v, podcastFunding) {
			continue
		}
		x.start(ns, "funding", []xattr{{"", "url", v.URL}}...)
		x.text(v.Text)
		x.end()
	}
	podcastPersons(x, p.Persons)
	podcastLocations(x, p.Locations)
	for _, v := range p.Trailers {
		if keptPodcast(x, "trailer", v, podcastTrailer) {
			continue
		}
		x.start(ns, "trailer", []xattr{{"", "pubdate", x.rssDate(v.PubDate, v.PubDateRaw)}, {"", "url", v.URL},
			{"", "length", itoa64(v.Length)}, {"", "type", v.Type}, {"", "season", itoa(v.Season)}}...)
		x.text(v.Title)
		x.end()
	}
	podcastLicenseXML(x, p.License)
	if !keptPodcast(x, "medium", p.Medium, podcastString) {
		x.leaf(ns, "medium", p.Medium)
	}
	podcastTxts(x, p.Txt)
	for _, v := range p.Blocks {
		if keptPodcast(x, "block", v, podcastBlock) {
			continue
		}
		x.leaf(ns, "block", yesNo(v.Value), []xattr{{"", "id", v.ID}}...)
	}
	if p.Podroll != nil {
		x.start(ns, "podroll")
		for _, r := range p.Podroll {
			podcastRemoteItemXML(x, r)
		}
		x.end()
	}
	if u := p.UpdateFrequency; u != nil && !keptPodcast(x, "updateFrequency", *u, podcastUpdateFrequency) {
		attrs := []xattr{{"", "rrule", u.RRule}, {"", "dtstart", isoDate(u.DTStart, u.DTStartRaw)}}
		if u.Complete {
			attrs = append(attrs, xattr{"", "complete", "true"})
		}
		x.start(ns, "updateFrequency", attrs...)
		x.text(u.Text)
		x.end()
	}
	podcastValues(x, p.Value)
	podcastImagesXML(x, p.Images, p.Image)
	podcastSocial(x, p.SocialInteract)
	for _, r := range p.RemoteItem {
		if !keptPodcast(x, "remoteItem", r, podcastRemoteItem) {
			podcastRemoteItemXML(x, r)
		}
	}
	if p.Podping != nil && !keptPodcast(x, "podping", *p.Podping, podcastPodping) {
		x.empty(ns, "podping", xattr{"", "usesPodping", boolText(p.Podping.UsesPodping)})
	}
	podcastChatXML(x, p.Chat)
	if p.Publisher != nil {
		x.start(ns, "publisher")
		podcastRemoteItemXML(x, *p.Publisher)
		x.end()
	}
	for _, li := range p.LiveItems {
		it := li.Item
		if it == nil {
			it = &Item{}
		}
		attrs := []xattr{{"", "status", li.Status}, {"", "start", isoDate(li.Start, li.StartRaw)},
			{"", "end", isoDate(li.End, li.EndRaw)}}
		// The start tag the decoder kept (an attribute it has no field
		// for), when there is one.
		if k := x.kept(ns, "liveItem", func(k *Element) bool {
			return len(k.Children) == 0 && keptAttr(k, "status") == li.Status &&
				keptAttr(k, "start") == li.StartRaw && keptAttr(k, "end") == li.EndRaw
		}); k != nil {
			attrs = attrs[:0]
			for _, a := range k.Attrs {
				if isXMLName(a.Name.Local) {
					attrs = append(attrs, xattr{a.Name.Space, a.Name.Local, a.Value})
				}
			}
		}
		rssItem(x, "liveItem", it, attrs...)
	}
}

func podcastItemXML(x *xmlWriter, p *PodcastItem) {
	if p == nil {
		return
	}
	const ns = NamespacePodcast
	for _, v := range p.Transcripts {
		if keptPodcast(x, "transcript", v, podcastTranscript) {
			continue
		}
		x.empty(ns, "transcript", xattr{"", "url", v.URL}, xattr{"", "type", v.Type}, xattr{"", "language", v.Language},
			xattr{"", "rel", v.Rel})
	}
	if c := p.Chapters; c != nil && !keptPodcast(x, "chapters", *c, podcastChapters) {
		x.empty(ns, "chapters", xattr{"", "url", c.URL}, xattr{"", "type", c.Type})
	}
	for _, v := range p.Soundbites {
		if keptPodcast(x, "soundbite", v, podcastSoundbite) {
			continue
		}
		x.start(ns, "soundbite", []xattr{{"", "startTime", seconds(v.StartTime)}, {"", "duration", seconds(v.Duration)}}...)
		x.text(v.Title)
		x.end()
	}
	podcastPersons(x, p.Persons)
	podcastLocations(x, p.Locations)
	if s := p.Season; s != nil && !keptPodcast(x, "season", *s, podcastSeason) {
		x.start(ns, "season", []xattr{{"", "name", s.Name}}...)
		x.text(itoa(s.Number))
		x.end()
	}
	if e := p.Episode; e != nil && !keptPodcast(x, "episode", *e, podcastEpisode) {
		x.start(ns, "episode", []xattr{{"", "display", e.Display}}...)
		x.text(ftoa(e.Number))
		x.end()
	}
	podcastLicenseXML(x, p.License)
	for _, v := range p.AlternateEnclosures {
		if keptPodcast(x, "alternateEnclosure", v, podcastAlternateEnclosure) {
			continue
		}
		attrs := []xattr{{"", "type", v.Type}, {"", "length", itoa64(v.Length)}, {"", "bitrate", ftoa(v.Bitrate)},
			{"", "height", itoa(v.Height)}, {"", "lang", v.Lang}, {"", "title", v.Title}, {"", "rel", v.Rel},
			{"", "codecs", v.Codecs}}
		if v.Default {
			attrs = append(attrs, xattr{"", "default", "true"})
		}
		x.start(ns, "alternateEnclosure", attrs...)
		for _, s := range v.Sources {
			x.empty(ns, "source", xattr{"", "uri", s.URI}, xattr{"", "contentType", s.ContentType})
		}
		if in := v.Integrity; in != nil {
			x.empty(ns, "integrity", xattr{"", "type", in.Type}, xattr{"", "value", in.Value})
		}
		x.end()
	}
	podcastValues(x, p.Value)
	podcastImagesXML(x, p.Images, p.Image)
	for _, v := range p.ContentLink {
		if keptPodcast(x, "contentLink", v, podcastContentLink) {
			continue
		}
		x.start(ns, "contentLink", []xattr{{"", "href", v.Href}}...)
		x.text(v.Text)
		x.end()
	}
	podcastSocial(x, p.SocialInteract)
	podcastTxts(x, p.Txt)
	podcastChatXML(x, p.Chat)
}

func podcastPersons(x *xmlWriter, ps []PodcastPerson) {
	for _, v := range ps {
		if keptPodcast(x, "person", v, podcastPerson) {
			continue
		}
		x.start(NamespacePodcast, "person", []xattr{{"", "role", v.Role}, {"", "group", v.Group},
			{"", "img", v.Img}, {"", "href", v.Href}}...)
		x.text(v.Name)
		x.end()
	}
}

func podcastLocations(x *xmlWriter, ls []PodcastLocation) {
	for _, v := range ls {
		if keptPodcast(x, "location", v, podcastLocation) {
			continue
		}
		x.start(NamespacePodcast, "location", []xattr{{"", "rel", v.Rel}, {"", "geo", v.Geo},
			{"", "osm", v.OSM}, {"", "country", v.Country}}...)
		x.text(v.Name)
		x.end()
	}
}

func podcastLicenseXML(x *xmlWriter, l *PodcastLicense) {
	if l == nil || keptPodcast(x, "license", *l, podcastLicense) {
		return
	}
	x.start(NamespacePodcast, "license", []xattr{{"", "url", l.URL}}...)
	x.text(l.Identifier)
	x.end()
}

func podcastTxts(x *xmlWriter, ts []PodcastTxt) {
	for _, v := range ts {
		if keptPodcast(x, "txt", v, podcastTxt) {
			continue
		}
		x.start(NamespacePodcast, "txt", []xattr{{"", "purpose", v.Purpose}}...)
		x.text(v.Text)
		x.end()
	}
}

func podcastRemoteItemXML(x *xmlWriter, r PodcastRemoteItem) {
	x.empty(NamespacePodcast, "remoteItem", xattr{"", "feedGuid", r.FeedGUID}, xattr{"", "feedUrl", r.FeedURL},
		xattr{"", "itemGuid", r.ItemGUID}, xattr{"", "medium", r.Medium}, xattr{"", "title", r.Title})
}

func podcastRecipient(x *xmlWriter, r PodcastValueRecipient) {
	attrs := []xattr{{"", "name", r.Name}, {"", "customKey", r.CustomKey}, {"", "customValue", r.CustomValue},
		{"", "type", r.Type}, {"", "address", r.Address}, {"", "split", itoa(r.Split)}}
	if r.Fee {
		attrs = append(attrs, xattr{"", "fee", "true"})
	}
	x.empty(NamespacePodcast, "valueRecipient", attrs...)
}

func podcastValues(x *xmlWriter, vs []PodcastValue) {
	const ns = NamespacePodcast
	for _, v := range vs {
		if keptPodcast(x, "value", v, podcastValue) {
			continue
		}
		x.start(ns, "value", []xattr{{"", "type", v.Type}, {"", "method", v.Method},
			{"", "suggested", ftoa(v.Suggested)}}...)
		for _, r := range v.ValueRecipients {
			podcastRecipient(x, r)
		}
		for _, ts := range v.ValueTimeSplits {
			attrs := []xattr{{"", "startTime", seconds(ts.StartTime)}, {"", "duration", seconds(ts.Duration)},
				{"", "remoteStartTime", seconds(ts.RemoteStartTime)}}
			if ts.RemotePercentage != 100 {
				attrs = append(attrs, xattr{"", "remotePercentage", strconv.FormatFloat(ts.RemotePercentage, 'f', -1, 64)})
			}
			x.start(ns, "valueTimeSplit", attrs...)
			for _, r := range ts.ValueRecipients {
				podcastRecipient(x, r)
			}
			if ts.RemoteItem != nil {
				podcastRemoteItemXML(x, *ts.RemoteItem)
			}
			x.end()
		}
		x.end()
	}
}

func podcastImagesXML(x *xmlWriter, srcset string, ims []PodcastImage) {
	const ns = NamespacePodcast
	if srcset != "" {
		x.empty(ns, "images", xattr{"", "srcset", srcset})
	}
	for _, v := range ims {
		if keptPodcast(x, "image", v, podcastImage) {
			continue
		}
		x.empty(ns, "image", xattr{"", "href", v.Href}, xattr{"", "alt", v.Alt}, xattr{"", "aspect-ratio", v.AspectRatio},
			xattr{"", "width", itoa(v.Width)}, xattr{"", "height", itoa(v.Height)}, xattr{"", "type", v.Type},
			xattr{"", "purpose", strings.Join(v.Purpose, " ")})
	}
}

func podcastSocial(x *xmlWriter, ss []PodcastSocialInteract) {
	for _, v := range ss {
		if keptPodcast(x, "socialInteract", v, podcastSocialInteract) {
			continue
		}
		x.empty(NamespacePodcast, "socialInteract", xattr{"", "protocol", v.Protocol}, xattr{"", "uri", v.URI},
			xattr{"", "accountId", v.AccountID}, xattr{"", "accountUrl", v.AccountURL}, xattr{"", "priority", itoa(v.Priority)})
	}
}

func podcastChatXML(x *xmlWriter, c *PodcastChat) {
	if c == nil || keptPodcast(x, "chat", *c, podcastChat) {
		return
	}
	x.empty(NamespacePodcast, "chat", xattr{"", "server", c.Server}, xattr{"", "protocol", c.Protocol},
		xattr{"", "accountId", c.AccountID}, xattr{"", "space", c.Space})
}

// mediaXML writes the Media RSS elements of a channel or item.
func mediaXML(x *xmlWriter, m *Media) {
	if m == nil {
		return
	}
	for i := range m.Contents {
		mediaContentXML(x, &m.Contents[i])
	}
	for i := range m.Groups {
		g := &m.Groups[i]
		x.pushKept(g.Extensions)
		x.start(NamespaceMedia, "group")
		for j := range g.Contents {
			mediaContentXML(x, &g.Contents[j])
		}
		mediaElementsXML(x, &g.MediaElements)
		x.elements(g.Extensions)
		x.end()
		x.popKept()
	}
	mediaElementsXML(x, &m.MediaElements)
}

func mediaContentXML(x *xmlWriter, c *MediaContent) {
	attrs := []xattr{{"", "url", c.URL}, {"", "fileSize", itoa64(c.FileSize)}, {"", "type", c.Type},
		{"", "medium", c.Medium}}
	if c.IsDefault {
		attrs = append(attrs, xattr{"", "isDefault", "true"})
	}
	attrs = append(attrs, xattr{"", "expression", c.Expression}, xattr{"", "bitrate", ftoa(c.Bitrate)},
		xattr{"", "framerate", ftoa(c.Framerate)}, xattr{"", "samplingrate", ftoa(c.SamplingRate)},
		xattr{"", "channels", itoa(c.Channels)}, xattr{"", "duration", ftoa(c.Duration)},
		xattr{"", "height", itoa(c.Height)}, xattr{"", "width", itoa(c.Width)}, xattr{"", "lang", c.Lang})
	if k := x.kept(NamespaceMedia, "content", func(k *Element) bool {
		return len(k.Children) == 0 && k.Text == "" && keptAttr(k, "url") == c.URL
	}); k != nil {
		x.startKept(k)
	} else {
		x.start(NamespaceMedia, "content", attrs...)
	}
	x.pushKept(c.Extensions)
	defer x.popKept()
	mediaElementsXML(x, &c.MediaElements)
	x.elements(c.Extensions)
	x.end()
}

func mediaElementsXML(x *xmlWriter, m *MediaElements) {
	const ns = NamespaceMedia
	if t := m.Title; t != nil {
		x.start(ns, "title", []xattr{{"", "type", t.Type}}...)
		x.text(t.Value)
		x.end()
	}
	if t := m.Description; t != nil {
		x.start(ns, "description", []xattr{{"", "type", t.Type}}...)
		x.text(t.Value)
		x.end()
	}
	x.leaf(ns, "keywords", strings.Join(m.Keywords, ", "))
	for _, t := range m.Thumbnails {
		if k := x.kept(ns, "thumbnail", func(k *Element) bool {
			return len(k.Children) == 0 && keptAttr(k, "url") == t.URL
		}); k != nil {
			x.startKept(k)
			x.end()
			continue
		}
		x.empty(ns, "thumbnail", xattr{"", "url", t.URL}, xattr{"", "width", itoa(t.Width)},
			xattr{"", "height", itoa(t.Height)}, xattr{"", "time", t.Time})
	}
	for _, c := range m.Categories {
		x.start(ns, "category", []xattr{{"", "scheme", c.Scheme}, {"", "label", c.Label}}...)
		x.text(c.Value)
		x.end()
	}
	for _, c := range m.Credits {
		x.start(ns, "credit", []xattr{{"", "role", c.Role}, {"", "scheme", c.Scheme}}...)
		x.text(c.Value)
		x.end()
	}
	for _, r := range m.Ratings {
		x.start(ns, "rating", []xattr{{"", "scheme", r.Scheme}}...)
		x.text(r.Value)
		x.end()
	}
	if k := x.kept(ns, "player", func(k *Element) bool {
		return m.Player != nil && len(k.Children) == 0 && keptAttr(k, "url") == m.Player.URL
	}); k != nil {
		x.startKept(k)
		x.end()
	} else if p := m.Player; p != nil {
		x.empty(ns, "player", xattr{"", "url", p.URL}, xattr{"", "width", itoa(p.Width)}, xattr{"", "height", itoa(p.Height)})
	}
	if m.Copyright != "" || m.CopyrightURL != "" {
		x.start(ns, "copyright", []xattr{{"", "url", m.CopyrightURL}}...)
		x.text(m.Copyright)
		x.end()
	}
	if c := m.Community; c != nil {
		x.start(ns, "community")
		if s := c.StarRating; s != nil {
			x.empty(ns, "starRating", xattr{"", "average", ftoa(s.Average)}, xattr{"", "count", itoa64(s.Count)},
				xattr{"", "min", itoa(s.Min)}, xattr{"", "max", itoa(s.Max)})
		}
		if s := c.Statistics; s != nil {
			x.empty(ns, "statistics", xattr{"", "views", itoa64(s.Views)}, xattr{"", "favorites", itoa64(s.Favorites)})
		}
		if len(c.Tags) > 0 {
			tags := make([]string, len(c.Tags))
			for i, t := range c.Tags {
				tags[i] = t.Name + ":" + strconv.Itoa(t.Weight)
			}
			x.leaf(ns, "tags", strings.Join(tags, ", "))
		}
		x.end()
	}
}

// keptPodcast writes, in place of the typed Podcasting 2.0 element local
// of value v, the element the decoder kept whole of it in the Extensions
// (a value it could not read in full, an attribute it has no field for),
// when one reads as v: parse, the decoder's own mapping, tells. It reports
// whether it did.
func keptPodcast[T any](x *xmlWriter, local string, v T, parse func(*Decoder, *Element, *xmlBase) (T, bool)) bool {
	k := x.kept(NamespacePodcast, local, func(e *Element) bool {
		got, _ := parse(&Decoder{}, e, nil)
		return reflect.DeepEqual(got, v)
	})
	if k == nil {
		return false
	}
	x.element(k)
	return true
}

// feedModulesXML writes the channel's elements of the namespaced modules
// (Dublin Core, sy, iTunes, Podcasting 2.0, Media RSS) and its extensions,
// as RSS and Atom both write them.
func feedModulesXML(x *xmlWriter, f *Feed) {
	dublinCoreXML(x, &f.DC)
	if s := f.Sy; s != (Syndication{}) {
		x.leaf(NamespaceSyndication, "updatePeriod", s.UpdatePeriod)
		x.leaf(NamespaceSyndication, "updateFrequency", itoa(s.UpdateFrequency))
		x.leaf(NamespaceSyndication, "updateBase", isoDate(s.UpdateBase, s.UpdateBaseRaw))
	}
	itunesFeedXML(x, f.ITunes)
	podcastFeedXML(x, f.Podcast)
	mediaXML(x, f.Media)
	x.elements(f.Extensions)
}
