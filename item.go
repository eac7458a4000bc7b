package rss

import (
	"math"
	"slices"
	"strconv"
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

// Body is the item's body, HTML as the feed wrote it (see [Item]): the
// first of these places that holds text, in this order:
//
//  1. [Item.Content]: content:encoded, an Atom entry's content, a JSON
//     Feed item's content_html (or its content_text, which the decoder
//     puts there when there is no content_html; see the package doc).
//  2. [Item.Description]: description, an Atom entry's summary, a JSON
//     Feed item's summary.
//  3. itunes:summary ([ITunesItem.Summary]).
//  4. media:description ([MediaElements.Description]): the item's own,
//     else its first media:group's that has one, else its default
//     media:content's (isDefault="true", the item's own before its
//     groups'), else the first media:content's that has one. YouTube's
//     channel feeds write the description of a video only there.
//  5. itunes:subtitle ([ITunesItem.Subtitle]).
//
// It is "" when none of them holds text. The fields after the first are
// usually plain text, but feeds write HTML in them as in description, so
// they are returned as written too.
func (it *Item) Body() string {
	if it.Content != "" {
		return it.Content
	}
	if it.Description != "" {
		return it.Description
	}
	if it.ITunes != nil && it.ITunes.Summary != "" {
		return it.ITunes.Summary
	}
	if s := it.Media.description(); s != "" {
		return s
	}
	if it.ITunes != nil {
		return it.ITunes.Subtitle
	}
	return ""
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
// first of these that gives one, in this order:
//
//  1. the first Media RSS thumbnail (the item's own, else its contents',
//     else its groups');
//  2. the first media:content that is an image: its medium says
//     "image", or, without a medium, its type is image/*, or, with
//     neither, its URL's path ends in an image file's extension (.jpg,
//     .jpeg, .png, .gif, .webp, .avif or .svg, in any case; the Guardian
//     writes them so); the item's own before its groups';
//  3. itunes:image;
//  4. a JSON Feed item's image, else its banner_image (kept in
//     [Item.Extensions], namespace [NamespaceJSONFeed]), resolved against
//     [Item.Base] as the decoder resolves the item's other URLs;
//  5. the first enclosure whose type is image/*;
//  6. the src of the first <img> of [Item.Body] that is not a tracking
//     pixel, resolved against [Item.Base].
//
// It is "" when there is none. The URLs of the first three and the fifth
// are the ones the decoder resolved (see [Decoder.BaseURL]).
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
	for _, key := range [...]string{"image", "banner_image"} {
		if u := jsonFeedText(it.Extensions, key); u != "" {
			return resolveAgainst(it.Base, u)
		}
	}
	for _, e := range it.Enclosures {
		if e.URL != "" && hasPrefixFold(e.Type, "image/") {
			return e.URL
		}
	}
	return resolveAgainst(it.Base, firstImage(it.Body()))
}

// jsonFeedText is the text of the first element named key in the
// namespace of JSON Feed's members among es that has text and no
// children (a JSON string, as an item's image is), or "".
func jsonFeedText(es []Element, key string) string {
	for i := range es {
		e := &es[i]
		if e.Name.Space == NamespaceJSONFeed && e.Name.Local == key && e.Text != "" && len(e.Children) == 0 {
			return e.Text
		}
	}
	return ""
}

// Duration is how long the episode plays: itunes:duration, else the
// duration of the item's default media:content (else of its first one
// that gives one), else the duration_in_seconds of a JSON Feed item's
// first attachment that gives a positive one (kept in [Item.Extensions]).
// It is zero when none of them gives a duration that can be read. The
// iTunes duration is read from the forms feeds write:
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
	if d := it.Media.duration(); d > 0 {
		return secondsDuration(d)
	}
	for i := range it.Extensions {
		e := &it.Extensions[i]
		if e.Name.Space != NamespaceJSONFeed || e.Name.Local != "attachments" {
			continue
		}
		for j := range e.Children {
			c := &e.Children[j]
			if c.Name.Space != NamespaceJSONFeed || c.Name.Local != "duration_in_seconds" {
				continue
			}
			if f, err := strconv.ParseFloat(c.Text, 64); err == nil && f > 0 && !math.IsInf(f, 1) {
				return secondsDuration(f)
			}
		}
	}
	return 0
}

// secondsDuration is a positive number of seconds as a Duration, the
// longest one for a number beyond it.
func secondsDuration(s float64) time.Duration {
	if s >= float64(maxDurationSeconds) {
		return time.Duration(maxDurationSeconds) * time.Second
	}
	return time.Duration(s * float64(time.Second))
}
