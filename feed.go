// Package rss reads RSS feeds into typed Go values, streaming item by item.
//
// It reads RSS 2.0 and the older dialects still in use (0.90, 0.91, 0.92 and
// the RDF-based RSS 1.0 and 1.1) into one data model, [Feed] and [Item], together with
// the namespaced elements feeds commonly carry: content:encoded
// ([Item.Content]), Dublin Core ([DublinCore]), the Well-Formed Web comment API
// ([WFW]), Slash ([Slash]), Syndication ([Syndication]) and Atom's elements
// ([AtomLink], [AtomFeed], [AtomEntry]). Namespaces are matched by URI, never
// by prefix. Every other element is kept, in document order, in the Extensions
// of the channel or item it stands in ([Element]): nothing is silently dropped.
//
// It reads Atom feeds (Atom 1.0, RFC 4287, and the older Atom 0.3) into the
// same model, so that code written for RSS works on them unchanged: a feed's
// entries are its items, and each Atom element fills the field with the same
// meaning (subtitle the Description, id the GUID, published the PubDate...);
// what only Atom says is in [Feed.Atom] and [Item.Atom].
//
// Podcasts and media have typed parts too: Apple's iTunes elements
// ([ITunesFeed], [ITunesItem]) and Media RSS ([Media]), with
// [Feed.ImageURL], [Item.ImageURL] and [Item.Duration] for the picture and
// the length a podcast app shows.
//
// [Parse] reads a whole feed. [NewDecoder] streams it: [Decoder.Channel]
// returns the channel's fields, and [Decoder.Items] (or [Decoder.Next]) yields
// each item as soon as its end tag has been read, so a feed of any length is
// read in memory bounded by its largest item.
//
// Real feeds are often broken, always in the same few ways. By default the
// decoder repairs what it can (a byte-order mark, an encoding that differs
// from the declared one, bare ampersands, HTML entities, control characters,
// element names in the wrong case) and returns everything it could read
// together with an error that says where it stopped. Set [Decoder.Strict] to
// have each repair of a document that is not well-formed reported as a
// [*ParseError] instead (names in the wrong case are read in both modes).
//
// # Notable divergences
//
//   - RSS and Atom are read. Another document (an HTML page, an empty one)
//     gives [ErrNotRSS].
//   - Atom's xhtml text is written back as markup without the div that wraps
//     it; XHTML's own elements lose their prefix (the text is meant as
//     HTML), other namespaces' keep theirs, and base64 content is decoded
//     only when it decodes to text. An entry does not inherit the feed's
//     authors: [Item.Authors] gives the entry's own.
//   - Atom elements inside an RSS item or channel fill the Atom part and
//     never take a shared field from the RSS element meant for it (an
//     atom:id does not become the GUID, nor atom:updated the
//     lastBuildDate), whatever the order; the convenience methods
//     ([Item.Published], [Item.Updated], [Item.Authors]) fall back to them.
//   - The package does not write feeds. It reads them from an [io.Reader],
//     which the caller bounds (for example with [io.LimitReader]) if the
//     source is untrusted, or over HTTP with [Fetch] and a [Fetcher], which
//     bounds the body itself.
//   - Relative links are returned as written; they are not resolved.
//     [ResolveHTML] resolves those of HTML text on request.
//   - HTML is returned as the feed wrote it, not sanitised. [PlainText] turns
//     it into plain text.
//   - RSS 1.0's items table of contents (rdf:Seq) and the channel's references
//     to its image and text input are not kept: the items, image and text
//     input themselves are.
//   - Bytes that are not valid UTF-8 are read as windows-1252 one by one;
//     the valid UTF-8 around them stays as it is (Python's feedparser reads
//     the whole document as windows-1252 instead).
//   - dc:author, which is not Dublin Core, is read as dc:creator; a repeated
//     single-valued element (a second title) is kept in Extensions.
//
// # Limits
//
// A [Decoder] refuses, with a [*ParseError], an item (or a channel element)
// longer than [Decoder.MaxElementSize] (16 MiB by default), and so any text
// longer than that, and nesting deeper than [Decoder.MaxDepth] (256 by
// default), so that a hostile feed costs bounded memory: a few times
// MaxElementSize at most, for the element's text as its buffer grows. Entities
// declared in a document's internal DTD subset are expanded, each to at most
// 4 KiB; external entities are never read. The caller bounds the whole input,
// if it must, with [io.LimitReader].
//
// Positions in errors count lines and bytes of the input decoded to UTF-8.
package rss

import "time"

// Feed is an RSS channel, or an Atom feed: the feed's own metadata and its
// items.
//
// Text fields hold character data with entities decoded, CDATA unwrapped and
// surrounding white space trimmed. A value the feed does not give is the zero
// value.
//
// A text field holds what the feed wrote, and feeds write HTML in any of
// them, Title included: escaped (&lt;b&gt;), in CDATA, or as child elements,
// which are written back as HTML. The field then holds the markup as text
// ("<b>Sale</b> &amp; more"). The package cannot tell HTML from plain text
// that happens to hold a '<' or an '&', so do not assume plain text: escape
// a field before putting it into HTML as text, sanitise it before putting
// it in as HTML, or read it with [PlainText]. Dates are kept twice: parsed, with the feed's own UTC offset, and raw,
// as written; a date that cannot be read leaves the time zero and the raw text
// set.
type Feed struct {
	// Version is the RSS version the document declares: "2.0", "0.91",
	// "0.92", "0.90", "1.0", "1.1", or "" when it does not say; "atom1.0" or
	// "atom0.3" for an Atom feed.
	Version          string     `json:"version,omitempty"`
	Title            string     `json:"title,omitempty"`
	Link             string     `json:"link,omitempty"`
	Description      string     `json:"description,omitempty"`
	Language         string     `json:"language,omitempty"`
	Copyright        string     `json:"copyright,omitempty"`
	ManagingEditor   string     `json:"managingEditor,omitempty"`
	WebMaster        string     `json:"webMaster,omitempty"`
	PubDate          time.Time  `json:"pubDate,omitzero"`
	PubDateRaw       string     `json:"pubDateRaw,omitempty"`
	LastBuildDate    time.Time  `json:"lastBuildDate,omitzero"`
	LastBuildDateRaw string     `json:"lastBuildDateRaw,omitempty"`
	Categories       []Category `json:"categories,omitempty"`
	Generator        string     `json:"generator,omitempty"`
	Docs             string     `json:"docs,omitempty"`
	Cloud            *Cloud     `json:"cloud,omitempty"`
	TTL              int        `json:"ttl,omitempty"` // minutes
	Image            *Image     `json:"image,omitempty"`
	Rating           string     `json:"rating,omitempty"`
	TextInput        *TextInput `json:"textInput,omitempty"`
	SkipHours        []int      `json:"skipHours,omitempty"`
	SkipDays         []string   `json:"skipDays,omitempty"`
	AtomLinks        []AtomLink `json:"atomLinks,omitempty"`
	// Atom is what an Atom feed, or the Atom elements of an RSS channel,
	// say beyond the shared fields; nil when no Atom element (other than
	// atom:link, which has AtomLinks) stands there.
	Atom *AtomFeed   `json:"atom,omitempty"`
	DC   DublinCore  `json:"dc,omitzero"`
	Sy   Syndication `json:"sy,omitzero"`
	// Podcast holds the channel's Podcasting 2.0 elements; nil when it
	// has none.
	Podcast *PodcastFeed `json:"podcast,omitempty"`
	// ITunes holds the channel's iTunes podcast elements; nil when none
	// stands in the channel.
	ITunes *ITunesFeed `json:"itunes,omitempty"`
	// Media holds the channel's Media RSS elements; nil when none stands
	// in the channel.
	Media *Media `json:"media,omitempty"`
	// Extensions holds every channel element the model has no field for,
	// in document order.
	Extensions []Element `json:"extensions,omitempty"`
	// Items holds the items [Parse] read. It stays empty on the Feed that
	// [Decoder.Channel] returns: streamed items go to the caller instead.
	Items []*Item `json:"items"`
}

// ImageURL is the URL of the picture that stands for the feed: the
// image's url, else itunes:image, else the first Media RSS thumbnail of the
// channel. It is "" when there is none. The URL is the one the decoder
// resolved (see [Decoder.BaseURL]).
func (f *Feed) ImageURL() string {
	if f.Image != nil && f.Image.URL != "" {
		return f.Image.URL
	}
	if f.ITunes != nil && f.ITunes.Image != "" {
		return f.ITunes.Image
	}
	return f.Media.thumbnail()
}

// Category is a category of a channel or item, with the taxonomy (domain) it
// belongs to, if the feed names one.
type Category struct {
	Domain string `json:"domain,omitempty"` // RSS domain; Atom scheme
	Value  string `json:"value,omitempty"`  // RSS text; Atom term
	// Label is an Atom category's human-readable label.
	Label string `json:"label,omitempty"`
}

// Image is the channel's image (a GIF, JPEG or PNG that represents it).
type Image struct {
	URL         string `json:"url,omitempty"`
	Title       string `json:"title,omitempty"`
	Link        string `json:"link,omitempty"`
	Width       int    `json:"width,omitempty"`
	Height      int    `json:"height,omitempty"`
	Description string `json:"description,omitempty"`
}

// TextInput is the channel's text input box.
type TextInput struct {
	Title       string `json:"title,omitempty"`
	Description string `json:"description,omitempty"`
	Name        string `json:"name,omitempty"`
	Link        string `json:"link,omitempty"`
}

// Cloud is the channel's rssCloud registration point.
type Cloud struct {
	Domain            string `json:"domain,omitempty"`
	Port              int    `json:"port,omitempty"`
	Path              string `json:"path,omitempty"`
	RegisterProcedure string `json:"registerProcedure,omitempty"`
	Protocol          string `json:"protocol,omitempty"`
}
