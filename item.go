package rss

import (
	"slices"
	"time"
)

// Item is one item (entry, post, episode) of a feed.
//
// Text fields hold character data as in [Feed]: what the feed wrote, with
// entities decoded and CDATA unwrapped, which may be HTML in any of them,
// Title and Author included, not only in Description and Content. Do not
// assume plain text; see [Feed] and [PlainText].
//
// Fields hold what the feed wrote; the methods ([Item.Published],
// [Item.Updated], [Item.Body], [Item.Text], [Item.ID], [Item.Permalink],
// [Item.Authors], [Item.ImageURL], [Item.Duration]) give the value a
// service usually wants, with the usual fall-backs, without changing the
// fields.
type Item struct {
	Title       string `json:"title,omitempty"`
	Link        string `json:"link,omitempty"`
	Description string `json:"description,omitempty"` // HTML, as the feed wrote it
	// Author is the RSS author element, usually an e-mail address with a
	// name; see [Item.Authors] and [ParsePerson].
	Author     string      `json:"author,omitempty"`
	Categories []Category  `json:"categories,omitempty"`
	Comments   string      `json:"comments,omitempty"`
	Enclosures []Enclosure `json:"enclosures,omitempty"` // all of them, in document order
	GUID       GUID        `json:"guid,omitzero"`
	PubDate    time.Time   `json:"pubDate,omitzero"`
	PubDateRaw string      `json:"pubDateRaw,omitempty"`
	Source     *Source     `json:"source,omitempty"`
	// Content is content:encoded: the item's full body, HTML. An
	// xhtml:body (or a body element in no namespace) fills it too, when
	// there is no content:encoded before it.
	Content   string     `json:"content,omitempty"`
	DC        DublinCore `json:"dc,omitzero"`
	WFW       WFW        `json:"wfw,omitzero"`
	Slash     Slash      `json:"slash,omitzero"`
	AtomLinks []AtomLink `json:"atomLinks,omitempty"`
	// Atom is what an Atom entry, or the Atom elements of an RSS item,
	// say beyond the shared fields; nil when no Atom element (other than
	// atom:link, which has AtomLinks) stands there.
	Atom *AtomEntry `json:"atom,omitempty"`
	// Podcast holds the item's Podcasting 2.0 elements; nil when it has
	// none.
	Podcast *PodcastItem `json:"podcast,omitempty"`
	// ITunes holds the item's iTunes podcast elements; nil when none
	// stands in the item.
	ITunes *ITunesItem `json:"itunes,omitempty"`
	// Media holds the item's Media RSS elements; nil when none stands in
	// the item.
	Media *Media `json:"media,omitempty"`
	// Extensions holds every item element the model has no field for, in
	// document order.
	Extensions []Element `json:"extensions,omitempty"`
	// Base is the base URL in effect for the item's body ([Item.Body]):
	// the xml:base in scope where it stood, else [Decoder.BaseURL], else
	// the channel's link (when absolute); "" when there is none, and when
	// the one in effect is not an http, https or ftp URL (an xml:base of
	// javascript:, data:, file:..., which resolves nothing). The body's
	// relative URLs are relative to it: ResolveHTML(it.Body(), it.Base)
	// resolves them, as [Decoder.ResolveHTML] does while reading.
	Base string `json:"base,omitempty"`
}

// Enclosure is a media object attached to an item.
type Enclosure struct {
	URL    string `json:"url,omitempty"`
	Length int64  `json:"length,omitempty"` // bytes
	Type   string `json:"type,omitempty"`   // MIME type
}

// GUID is an item's globally unique identifier. A relative Value is
// resolved (see [Decoder.BaseURL]) only when the feed says
// isPermaLink="true": a guid that does not say is often no URL at all (a
// number, a UUID), and resolving it would make the item's ID depend on
// where the feed was read from. [Item.Permalink] resolves it.
type GUID struct {
	Value string `json:"value,omitempty"`
	// IsPermaLink says that Value is a URL to the item. It is true when the
	// feed does not say otherwise, as the RSS 2.0 specification says.
	IsPermaLink bool `json:"isPermaLink"`
}

// Source is the channel an item came from.
type Source struct {
	URL   string `json:"url,omitempty"`
	Title string `json:"title,omitempty"`
}

// Published is the item's publication date: pubDate, else the first
// dc:date that can be read, else atom:published, else atom:updated. It is
// the zero time when none can be read. (An Atom entry's published date,
// else its updated date, is its PubDate already.)
func (it *Item) Published() time.Time {
	if !it.PubDate.IsZero() {
		return it.PubDate
	}
	for _, s := range it.DC.Date {
		if t, err := ParseDate(s); err == nil {
			return t
		}
	}
	if a := it.Atom; a != nil {
		if !a.Published.IsZero() {
			return a.Published
		}
		return a.Updated
	}
	return time.Time{}
}

// Updated is when the item was last changed: atom:updated (Atom 0.3:
// modified), else [Item.Published].
func (it *Item) Updated() time.Time {
	if it.Atom != nil && !it.Atom.Updated.IsZero() {
		return it.Atom.Updated
	}
	return it.Published()
}

// Body is the item's HTML body: content:encoded, else description.
func (it *Item) Body() string {
	if it.Content != "" {
		return it.Content
	}
	return it.Description
}

// Text is the item's body as plain text: [PlainText] of [Item.Body].
func (it *Item) Text() string {
	return PlainText(it.Body())
}

// ID is a stable identifier for the item: its guid, else its link.
func (it *Item) ID() string {
	if it.GUID.Value != "" {
		return it.GUID.Value
	}
	return it.Link
}

// Permalink is the URL of the item's page: its link, else its guid when the
// guid is a permalink, resolved against [Item.Base] when it is relative.
func (it *Item) Permalink() string {
	if it.Link != "" {
		return it.Link
	}
	if it.GUID.IsPermaLink {
		return resolveAgainst(it.Base, it.GUID.Value)
	}
	return ""
}

// Authors lists the item's authors: its author element, else each
// dc:creator, each read with [ParsePerson], else the Atom authors (of an
// Atom entry, or the atom:author elements of an RSS item), else
// itunes:author. It is nil when there are none.
func (it *Item) Authors() []Person {
	if it.Author != "" {
		return []Person{ParsePerson(it.Author)}
	}
	var ps []Person
	for _, c := range it.DC.Creator {
		if p := ParsePerson(c); p != (Person{}) {
			ps = append(ps, p)
		}
	}
	if ps != nil {
		return ps
	}
	if it.Atom != nil && len(it.Atom.Authors) > 0 {
		return slices.Clone(it.Atom.Authors)
	}
	if it.ITunes != nil {
		if p := ParsePerson(it.ITunes.Author); p != (Person{}) {
			return []Person{p}
		}
	}
	return nil
}

// ImageURL is the URL of the picture a service shows for the item: the
// first Media RSS thumbnail, else the first media:content that is an
// image, else itunes:image, else the first image enclosure, else the src
// of the first <img> of [Item.Body] that is not a tracking pixel, resolved
// against [Item.Base]. It is "" when there is none. The URL is the one the
// decoder resolved (see [Decoder.BaseURL]).
func (it *Item) ImageURL() string {
	if u := it.Media.thumbnail(); u != "" {
		return u
	}
	if u := it.Media.image(); u != "" {
		return u
	}
	if it.ITunes != nil && it.ITunes.Image != "" {
		return it.ITunes.Image
	}
	for _, e := range it.Enclosures {
		if e.URL != "" && hasPrefixFold(e.Type, "image/") {
			return e.URL
		}
	}
	return resolveAgainst(it.Base, firstImage(it.Body()))
}

// Duration is how long the episode plays: itunes:duration, else the
// duration of the item's default media:content (else of its first one
// that gives one). It is zero when none of them gives a duration that can
// be read. The iTunes duration is read from the forms feeds write:
//
//	"185", "185.5"              seconds
//	"3:05", "03:05.5"           minutes and seconds
//	"1:02:03", "01:02:03.5"     hours, minutes and seconds
//	"PT1H2M3.5S"                ISO 8601
//
// with white space around the whole and its parts. The leading part may
// be any size ("75:30" is 75 minutes) but the minutes and seconds after it
// must be one or two digits below 60: "1:75" is not read, rather than
// guessed at ([ITunesItem.DurationRaw] keeps the text).
func (it *Item) Duration() time.Duration {
	if it.ITunes != nil && it.ITunes.Duration > 0 {
		return it.ITunes.Duration
	}
	return time.Duration(it.Media.duration() * float64(time.Second))
}
