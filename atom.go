package rss

import (
	"encoding/xml"
	"strconv"
	"strings"
	"time"
)

// NamespaceAtom is the Atom namespace, usual prefix atom. Of the Atom
// elements inside an RSS feed, atom:link is read ([AtomLink]).
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

// atomModule reads the Atom elements of the channel and of items.
var atomModule = module{
	space:  NamespaceAtom,
	prefix: "atom",
	fold:   true,
	names: map[string]handlers{
		"link": {
			channel: func(d *Decoder, f *Feed, t xml.StartElement) error {
				f.AtomLinks = append(f.AtomLinks, atomLink(t))
				return d.skip()
			},
			item: func(d *Decoder, it *Item, t xml.StartElement) error {
				it.AtomLinks = append(it.AtomLinks, atomLink(t))
				return d.skip()
			},
		},
	},
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
	l.Length, _ = strconv.ParseInt(strings.TrimSpace(attr(t, "length")), 10, 64)
	return l
}

// NamespaceAtom03 is the namespace of Atom 0.3, the draft that came before
// Atom 1.0 and that some feeds still use.
const NamespaceAtom03 = "http://purl.org/atom/ns#"

// AtomFeed holds what an Atom feed (or the Atom elements of an RSS channel,
// or a JSON Feed) says that the shared fields of [Feed] do not: the Atom
// part of a feed. The shared fields get the values with the same meaning
// (title, subtitle → Description, rights → Copyright, updated →
// LastBuildDate, the alternate link → Link).
type AtomFeed struct {
	ID           string   `json:"id,omitempty"`
	Authors      []Person `json:"authors,omitempty"`
	Contributors []Person `json:"contributors,omitempty"`
	// Updated is atom:updated (Atom 0.3: modified), with the feed's own
	// UTC offset; UpdatedRaw is the text as written.
	Updated    time.Time `json:"updated,omitzero"`
	UpdatedRaw string    `json:"updatedRaw,omitempty"`
	Rights     string    `json:"rights,omitempty"`
	// TitleType, SubtitleType and RightsType are the types of those text
	// constructs: "text", "html" or "xhtml" ("" when not given).
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
// or a JSON Feed item) says that the shared fields of [Item] do not.
type AtomEntry struct {
	ID           string    `json:"id,omitempty"`
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
	// media type.
	TitleType   string `json:"titleType,omitempty"`
	SummaryType string `json:"summaryType,omitempty"`
	RightsType  string `json:"rightsType,omitempty"`
	ContentType string `json:"contentType,omitempty"`
	// ContentSrc is the src of a content element whose content is
	// elsewhere.
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
