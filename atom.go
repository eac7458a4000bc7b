package rss

import (
	"encoding/xml"
	"strconv"
	"strings"
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
