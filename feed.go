package rss

import "time"

// Feed is an RSS channel, an Atom feed or a JSON Feed: the feed's own
// metadata and its items.
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
// it in as HTML, or read it with [PlainText].
//
// Dates are kept twice: parsed, with the feed's own UTC offset, and raw, as
// written; a date that cannot be read leaves the time zero and the raw text
// set.
type Feed struct {
	// Version says which format was read. For RSS it is the version the
	// document declares: the rss element's version attribute as written
	// ("2.0", "0.91", "0.92"), but with the minor revisions of RSS 2.0
	// (2.01, 2.0.1) read as "2.0"; for RDF feeds "0.90" or "1.0", from
	// the namespace of their elements; "1.1" for RSS 1.1; or "" when the
	// document does not say. It is "atom1.0" or "atom0.3" for an Atom feed,
	// and "json1.0" or "json1.1" for a JSON Feed (in the default mode, another
	// JSON Feed version URL gives "json" followed by its version number, or
	// "json" when it has none that reads as one).
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

	// prefixes maps each namespace URI the document declared (as
	// Element.Name.Space spells it) to the first prefix it gave it, so
	// that an Encoder writes an extension with the feed's own prefix. It
	// is nil for a feed built in code or read from JSON.
	prefixes map[string]string
	// readAs is the format the document was read as (RSS2 for every RSS
	// and RDF version), for the Encoder, which derives what a format
	// requires only for a feed of another; 0 for a feed built in code or
	// decoded from the model's JSON, whose Version says it instead.
	readAs Format
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

// Authors lists the feed's authors: the first of these places that names
// one, in this order:
//
//  1. managingEditor, read with [ParsePerson];
//  2. each dc:creator of the channel, read with [ParsePerson];
//  3. the Atom authors ([AtomFeed.Authors]): an Atom feed's, the
//     atom:author elements of an RSS channel, and a JSON Feed's authors
//     (version 1.0: author), which the decoder puts there;
//  4. itunes:author, read with [ParsePerson], else the itunes:owner.
//
// It is nil when none of them names anyone. The items' own authors are
// [Item.Authors].
func (f *Feed) Authors() []Person {
	if p := ParsePerson(f.ManagingEditor); p != (Person{}) {
		return []Person{p}
	}
	var ps []Person
	for _, c := range f.DC.Creator {
		if p := ParsePerson(c); p != (Person{}) {
			ps = append(ps, p)
		}
	}
	if ps != nil {
		return ps
	}
	if f.Atom != nil {
		for _, p := range f.Atom.Authors {
			if p != (Person{}) {
				ps = append(ps, p)
			}
		}
		if ps != nil {
			return ps
		}
	}
	if f.ITunes != nil {
		if p := ParsePerson(f.ITunes.Author); p != (Person{}) {
			return []Person{p}
		}
		if o := f.ITunes.Owner; o != nil && *o != (Person{}) {
			return []Person{*o}
		}
	}
	return nil
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
