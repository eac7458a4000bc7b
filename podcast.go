package rss

import (
	"encoding/xml"
	"math"
	"strconv"
	"strings"
	"time"
)

// NamespacePodcast is the Podcasting 2.0 namespace of the Podcast Index
// ([PodcastFeed], [PodcastItem]), usual prefix podcast. Its first URI,
// https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md,
// which the specification says to read as the same, is read as this one.
const NamespacePodcast = "https://podcastindex.org/namespace/1.0"

// namespacePodcastGitHub is the namespace's first URI.
const namespacePodcastGitHub = "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md"

// PodcastFeed holds the Podcasting 2.0 elements (namespace
// [NamespacePodcast]) of a channel; [PodcastItem] those of an item.
//
// Each tag the namespace's 1.0 document formalises has one field, named
// after it, on PodcastFeed where the document lets the tag stand in the
// channel and on PodcastItem where it lets it stand in an item (a tag
// allowed in both has a field in both); a tag standing where the document
// does not allow it is kept in the Extensions. Repeatable tags are lists;
// a tag the document allows once (guid, locked, license...) is read the
// first time and, repeated, kept in the Extensions. [Feed.Podcast] (and
// [Item.Podcast]) is nil when the channel (the item) has none of these
// tags, and set as soon as one stands there, even one whose value is
// empty.
//
// Text is read as every text field of the model is: entities decoded,
// trimmed, markup written back as HTML. Attributes are typed: numbers,
// booleans ("true", "yes", "1" and "false", "no", "0", in any case), dates
// (the time, with the feed's own UTC offset, and the text as written) and
// times in seconds (float64; "73.5", or "1:02:03.5" as clocks write it).
// An element with a value that cannot be read (the typed field stays zero;
// a date keeps its raw text), or with an attribute or child element the
// model has no field for, is read as far as it goes and also kept whole in
// the Extensions, so that nothing is lost. Text inside an element the
// document defines as empty (a transcript, an alternate enclosure) is
// ignored.
//
// A podcast:liveItem is not an item (the decoder's items are RSS items):
// each goes to LiveItems with its status, start and end, and its children,
// read as an item's are, in [PodcastLiveItem.Item].
type PodcastFeed struct {
	// GUID is podcast:guid: the podcast's identifier for life, a UUIDv5.
	GUID    string           `json:"guid,omitempty"`
	Locked  *PodcastLocked   `json:"locked,omitempty"`
	Funding []PodcastFunding `json:"funding,omitempty"`
	Persons []PodcastPerson  `json:"persons,omitempty"`
	// Locations may hold a location the podcast is about (rel "subject")
	// and one where it is made (rel "creator"), and more.
	Locations []PodcastLocation `json:"locations,omitempty"`
	Trailers  []PodcastTrailer  `json:"trailers,omitempty"`
	License   *PodcastLicense   `json:"license,omitempty"`
	// Medium is what the feed is: "podcast" (assumed when absent),
	// "music", "video", "film", "audiobook", "newsletter", "blog",
	// "publisher", "course", or a list medium ("podcastL", "mixed"...).
	Medium string         `json:"medium,omitempty"`
	Txt    []PodcastTxt   `json:"txt,omitempty"`
	Blocks []PodcastBlock `json:"blocks,omitempty"`
	// Podroll is the podcasts podcast:podroll recommends.
	Podroll         []PodcastRemoteItem     `json:"podroll,omitempty"`
	UpdateFrequency *PodcastUpdateFrequency `json:"updateFrequency,omitempty"`
	Value           []PodcastValue          `json:"value,omitempty"`
	// Images is the srcset attribute of podcast:images, which podcast:image
	// replaces: URLs, each with its width ("https://x/a.jpg 1500w, ...").
	Images string         `json:"images,omitempty"`
	Image  []PodcastImage `json:"image,omitempty"`
	// SocialInteract lists the threads where the podcast is discussed.
	SocialInteract []PodcastSocialInteract `json:"socialInteract,omitempty"`
	// RemoteItem lists the podcast:remoteItem elements of the channel
	// itself (those of a podroll, a publisher or a value time split are
	// there).
	RemoteItem []PodcastRemoteItem `json:"remoteItem,omitempty"`
	Podping    *PodcastPodping     `json:"podping,omitempty"`
	Chat       *PodcastChat        `json:"chat,omitempty"`
	// Publisher is the publisher feed that podcast:publisher points to,
	// through its podcast:remoteItem.
	Publisher *PodcastRemoteItem `json:"publisher,omitempty"`
	// LiveItems are the podcast:liveItem elements: live streams, past,
	// present and to come.
	LiveItems []PodcastLiveItem `json:"liveItems,omitempty"`
}

// PodcastItem holds the Podcasting 2.0 elements (namespace
// [NamespacePodcast]) of an item (or of a live item), each named after its
// tag.
type PodcastItem struct {
	Transcripts []PodcastTranscript `json:"transcripts,omitempty"`
	Chapters    *PodcastChapters    `json:"chapters,omitempty"`
	Soundbites  []PodcastSoundbite  `json:"soundbites,omitempty"`
	// Persons, when there are any, replace the channel's for this
	// episode.
	Persons             []PodcastPerson             `json:"persons,omitempty"`
	Locations           []PodcastLocation           `json:"locations,omitempty"`
	Season              *PodcastSeason              `json:"season,omitempty"`
	Episode             *PodcastEpisode             `json:"episode,omitempty"`
	License             *PodcastLicense             `json:"license,omitempty"`
	AlternateEnclosures []PodcastAlternateEnclosure `json:"alternateEnclosures,omitempty"`
	// Value, when there is any, overrides the channel's for this episode.
	Value  []PodcastValue `json:"value,omitempty"`
	Images string         `json:"images,omitempty"` // see PodcastFeed.Images
	Image  []PodcastImage `json:"image,omitempty"`
	// ContentLink lists where the content can be found besides the
	// enclosure: a web page, a video platform.
	ContentLink    []PodcastContentLink    `json:"contentLink,omitempty"`
	SocialInteract []PodcastSocialInteract `json:"socialInteract,omitempty"`
	Txt            []PodcastTxt            `json:"txt,omitempty"`
	Chat           *PodcastChat            `json:"chat,omitempty"`
}

// PodcastLocked is podcast:locked: whether other platforms may import the
// feed, and the address that proves who owns it.
type PodcastLocked struct {
	// Value is true for "yes": the feed must not be moved.
	Value bool   `json:"value"`
	Owner string `json:"owner,omitempty"`
}

// PodcastFunding is podcast:funding: where to support the show, and the
// text to show with the link.
type PodcastFunding struct {
	URL  string `json:"url,omitempty"`
	Text string `json:"text,omitempty"`
}

// PodcastPerson is podcast:person: someone who takes part in the podcast or
// episode. Role and Group come from the Podcast Taxonomy Project and are
// compared without regard to case; absent, they mean "host" and "cast".
type PodcastPerson struct {
	Name  string `json:"name,omitempty"`
	Role  string `json:"role,omitempty"`
	Group string `json:"group,omitempty"`
	Img   string `json:"img,omitempty"`  // a picture of the person
	Href  string `json:"href,omitempty"` // a page about the person
}

// PodcastLocation is podcast:location: a place, by name, "geo" URI
// ("geo:30.2672,97.7431") and OpenStreetMap identifier ("R113314").
type PodcastLocation struct {
	Name string `json:"name,omitempty"`
	// Rel is "subject" (what the content is about; assumed when absent)
	// or "creator" (where it was made).
	Rel     string `json:"rel,omitempty"`
	Geo     string `json:"geo,omitempty"`
	OSM     string `json:"osm,omitempty"`
	Country string `json:"country,omitempty"` // ISO 3166-1 alpha-2
}

// PodcastTrailer is podcast:trailer: a trailer of the podcast, or of one
// season of it.
type PodcastTrailer struct {
	Title      string    `json:"title,omitempty"`
	URL        string    `json:"url,omitempty"`
	PubDate    time.Time `json:"pubDate,omitzero"`
	PubDateRaw string    `json:"pubDateRaw,omitempty"`
	Length     int64     `json:"length,omitempty"` // bytes
	Type       string    `json:"type,omitempty"`   // MIME type
	Season     int       `json:"season,omitempty"`
}

// PodcastLicense is podcast:license: an SPDX identifier in lower case, or
// the name of a custom license, whose text URL points to.
type PodcastLicense struct {
	Identifier string `json:"identifier,omitempty"`
	URL        string `json:"url,omitempty"`
}

// PodcastTxt is podcast:txt: free-form text, such as a code proving who owns
// the feed, with what it is for ("verify", "applepodcastsverify"...).
type PodcastTxt struct {
	Purpose string `json:"purpose,omitempty"`
	Text    string `json:"text,omitempty"`
}

// PodcastBlock is podcast:block: whether the platform ID names (every
// platform, when ID is empty) may not list the feed.
type PodcastBlock struct {
	ID string `json:"id,omitempty"`
	// Value is true for "yes": blocked.
	Value bool `json:"value"`
}

// PodcastUpdateFrequency is podcast:updateFrequency: the release schedule,
// as text and as an iCalendar recurrence rule.
type PodcastUpdateFrequency struct {
	Text string `json:"text,omitempty"`
	// Complete says that no more episodes will come.
	Complete   bool      `json:"complete,omitempty"`
	DTStart    time.Time `json:"dtstart,omitzero"`
	DTStartRaw string    `json:"dtstartRaw,omitempty"`
	RRule      string    `json:"rrule,omitempty"` // "FREQ=WEEKLY;BYDAY=MO"
}

// PodcastValue is podcast:value: how listeners can pay the podcast as they
// listen, in a cryptocurrency or other payment layer, and who receives
// what share.
type PodcastValue struct {
	Type   string `json:"type,omitempty"`   // "lightning"...
	Method string `json:"method,omitempty"` // "keysend"...
	// Suggested is the amount suggested per payment, in the currency of
	// Type.
	Suggested       float64                 `json:"suggested,omitempty"`
	ValueRecipients []PodcastValueRecipient `json:"valueRecipients,omitempty"`
	ValueTimeSplits []PodcastValueTimeSplit `json:"valueTimeSplits,omitempty"`
}

// PodcastValueRecipient is podcast:valueRecipient: one receiver of
// payments, who gets Split shares of each.
type PodcastValueRecipient struct {
	Name        string `json:"name,omitempty"`
	CustomKey   string `json:"customKey,omitempty"`
	CustomValue string `json:"customValue,omitempty"`
	Type        string `json:"type,omitempty"` // of the address: "node"...
	Address     string `json:"address,omitempty"`
	Split       int    `json:"split,omitempty"`
	// Fee says that the split is a fee, taken before the others.
	Fee bool `json:"fee,omitempty"`
}

// PodcastValueTimeSplit is podcast:valueTimeSplit: other recipients for a
// stretch of the episode, given here or as those of a remote item.
type PodcastValueTimeSplit struct {
	StartTime float64 `json:"startTime,omitempty"` // seconds
	Duration  float64 `json:"duration,omitempty"`  // seconds
	// RemoteStartTime is where the stretch begins in the remote item.
	RemoteStartTime float64 `json:"remoteStartTime,omitempty"`
	// RemotePercentage is the percentage of each payment the remote
	// item's recipients get: 100 when the feed does not say, and between
	// 0 and 100, as the specification says.
	RemotePercentage float64                 `json:"remotePercentage"`
	ValueRecipients  []PodcastValueRecipient `json:"valueRecipients,omitempty"`
	RemoteItem       *PodcastRemoteItem      `json:"remoteItem,omitempty"`
}

// PodcastImage is podcast:image: a picture (or a video) for the podcast or
// episode, with what it is meant for.
type PodcastImage struct {
	Href        string `json:"href,omitempty"`
	Alt         string `json:"alt,omitempty"`
	AspectRatio string `json:"aspectRatio,omitempty"` // "16/9"
	Width       int    `json:"width,omitempty"`
	Height      int    `json:"height,omitempty"`
	Type        string `json:"type,omitempty"`
	// Purpose lists the uses the image is meant for ("artwork",
	// "social", "canvas"...), from the space-separated attribute.
	Purpose []string `json:"purpose,omitempty"`
}

// PodcastSocialInteract is podcast:socialInteract: a post whose replies are
// the comments on the podcast or episode. Protocol "disabled" asks that no
// comments be shown.
type PodcastSocialInteract struct {
	Protocol   string `json:"protocol,omitempty"` // "activitypub", "twitter"...
	URI        string `json:"uri,omitempty"`
	AccountID  string `json:"accountId,omitempty"`
	AccountURL string `json:"accountUrl,omitempty"`
	// Priority orders several threads: the lowest first.
	Priority int `json:"priority,omitempty"`
}

// PodcastRemoteItem is podcast:remoteItem: a reference to another feed, or
// to an item of it, by podcast:guid (and URL).
type PodcastRemoteItem struct {
	FeedGUID string `json:"feedGuid,omitempty"`
	FeedURL  string `json:"feedUrl,omitempty"`
	ItemGUID string `json:"itemGuid,omitempty"`
	Medium   string `json:"medium,omitempty"`
	Title    string `json:"title,omitempty"`
}

// PodcastPodping is podcast:podping: whether the feed announces its
// changes through Podping.
type PodcastPodping struct {
	UsesPodping bool `json:"usesPodping"`
}

// PodcastChat is podcast:chat: where the podcast's or episode's chat room
// is.
type PodcastChat struct {
	Server    string `json:"server,omitempty"`
	Protocol  string `json:"protocol,omitempty"` // "irc", "xmpp", "nostr", "matrix"...
	AccountID string `json:"accountId,omitempty"`
	Space     string `json:"space,omitempty"` // the room, channel or topic
}

// PodcastTranscript is podcast:transcript: a transcript or captions file.
type PodcastTranscript struct {
	URL      string `json:"url,omitempty"`
	Type     string `json:"type,omitempty"` // "text/vtt", "application/x-subrip"...
	Language string `json:"language,omitempty"`
	// Rel "captions" says the file is closed captions, with times.
	Rel string `json:"rel,omitempty"`
}

// PodcastChapters is podcast:chapters: the episode's chapters file.
type PodcastChapters struct {
	URL  string `json:"url,omitempty"`
	Type string `json:"type,omitempty"` // "application/json+chapters"
}

// PodcastSoundbite is podcast:soundbite: a clip of the episode's enclosure
// worth sharing.
type PodcastSoundbite struct {
	StartTime float64 `json:"startTime,omitempty"` // seconds
	Duration  float64 `json:"duration,omitempty"`  // seconds
	Title     string  `json:"title,omitempty"`
}

// PodcastSeason is podcast:season: the season's number, and its name.
type PodcastSeason struct {
	Number int    `json:"number,omitempty"`
	Name   string `json:"name,omitempty"`
}

// PodcastEpisode is podcast:episode: the episode's number, which may have a
// fraction (100.5), and what to show instead of it.
type PodcastEpisode struct {
	Number  float64 `json:"number,omitempty"`
	Display string  `json:"display,omitempty"`
}

// PodcastAlternateEnclosure is podcast:alternateEnclosure: another version
// of the enclosure (another bitrate, codec or language, audio for a video),
// or companion media, with the places it can be had from.
type PodcastAlternateEnclosure struct {
	Type    string  `json:"type,omitempty"`    // MIME type
	Length  int64   `json:"length,omitempty"`  // bytes
	Bitrate float64 `json:"bitrate,omitempty"` // bits per second
	Height  int     `json:"height,omitempty"`  // pixels
	Lang    string  `json:"lang,omitempty"`
	Title   string  `json:"title,omitempty"`
	// Rel groups versions of the same media; "" or "default" groups it
	// with the enclosure.
	Rel    string `json:"rel,omitempty"`
	Codecs string `json:"codecs,omitempty"`
	// Default says it is the enclosure's own file, and the preferred one.
	Default   bool              `json:"default,omitempty"`
	Sources   []PodcastSource   `json:"sources,omitempty"`
	Integrity *PodcastIntegrity `json:"integrity,omitempty"`
}

// PodcastSource is podcast:source: one URI an alternate enclosure can be
// had from (https, ipfs, a torrent...).
type PodcastSource struct {
	URI string `json:"uri,omitempty"`
	// ContentType is the type of the file at URI, when it is not the
	// media itself (a torrent).
	ContentType string `json:"contentType,omitempty"`
}

// PodcastIntegrity is podcast:integrity: an SRI string (Type "sri") or a
// base64 PGP signature (Type "pgp-signature") of an alternate enclosure.
type PodcastIntegrity struct {
	Type  string `json:"type,omitempty"`
	Value string `json:"value,omitempty"`
}

// PodcastContentLink is podcast:contentLink: a page where the content can
// be had besides the app, and text saying what it is.
type PodcastContentLink struct {
	Href string `json:"href,omitempty"`
	Text string `json:"text,omitempty"`
}

// PodcastLiveItem is podcast:liveItem: a live stream. Its children are
// those of an item, read into Item as an RSS item's are (its title, guid,
// enclosure, podcast:alternateEnclosure and podcast:contentLink in
// Item.Podcast...).
type PodcastLiveItem struct {
	// Status is "pending", "live" or "ended".
	Status string `json:"status,omitempty"`
	// Start and End are when the stream is meant to start and end, with
	// the feed's own UTC offset; StartRaw and EndRaw are as written.
	Start    time.Time `json:"start,omitzero"`
	StartRaw string    `json:"startRaw,omitempty"`
	End      time.Time `json:"end,omitzero"`
	EndRaw   string    `json:"endRaw,omitempty"`
	Item     *Item     `json:"item,omitempty"`
}

// podcastModule reads the Podcasting 2.0 elements of the channel and of
// items.
var podcastModule = module{
	space:  NamespacePodcast,
	uris:   []string{namespacePodcastGitHub},
	prefix: "podcast",
	fold:   true,
	names: map[string]handlers{
		"guid": podcastTextual(podcastString,
			podcastSetText(func(p *PodcastFeed) *string { return &p.GUID }), nil),
		"locked": podcastTextual(podcastLocked,
			podcastSet(func(p *PodcastFeed) **PodcastLocked { return &p.Locked }), nil),
		"funding": podcastTextual(podcastFunding,
			podcastAdd(func(p *PodcastFeed) *[]PodcastFunding { return &p.Funding }), nil),
		"person": podcastTextual(podcastPerson,
			podcastAdd(func(p *PodcastFeed) *[]PodcastPerson { return &p.Persons }),
			podcastAdd(func(p *PodcastItem) *[]PodcastPerson { return &p.Persons })),
		"location": podcastTextual(podcastLocation,
			podcastAdd(func(p *PodcastFeed) *[]PodcastLocation { return &p.Locations }),
			podcastAdd(func(p *PodcastItem) *[]PodcastLocation { return &p.Locations })),
		"trailer": podcastTextual(podcastTrailer,
			podcastAdd(func(p *PodcastFeed) *[]PodcastTrailer { return &p.Trailers }), nil),
		"license": podcastTextual(podcastLicense,
			podcastSet(func(p *PodcastFeed) **PodcastLicense { return &p.License }),
			podcastSet(func(p *PodcastItem) **PodcastLicense { return &p.License })),
		"medium": podcastTextual(podcastString,
			podcastSetText(func(p *PodcastFeed) *string { return &p.Medium }), nil),
		"txt": podcastTextual(podcastTxt,
			podcastAdd(func(p *PodcastFeed) *[]PodcastTxt { return &p.Txt }),
			podcastAdd(func(p *PodcastItem) *[]PodcastTxt { return &p.Txt })),
		"block": podcastTextual(podcastBlock,
			podcastAdd(func(p *PodcastFeed) *[]PodcastBlock { return &p.Blocks }), nil),
		"podroll": podcastWhole(podcastPodroll,
			func(p *PodcastFeed, v []PodcastRemoteItem) bool {
				if p.Podroll != nil {
					return false
				}
				p.Podroll = v
				return true
			}, nil),
		"updateFrequency": podcastTextual(podcastUpdateFrequency,
			podcastSet(func(p *PodcastFeed) **PodcastUpdateFrequency { return &p.UpdateFrequency }), nil),
		"value": podcastWhole(podcastValue,
			podcastAdd(func(p *PodcastFeed) *[]PodcastValue { return &p.Value }),
			podcastAdd(func(p *PodcastItem) *[]PodcastValue { return &p.Value })),
		"images": podcastWhole(podcastImages,
			podcastSetText(func(p *PodcastFeed) *string { return &p.Images }),
			podcastSetText(func(p *PodcastItem) *string { return &p.Images })),
		"image": podcastWhole(podcastImage,
			podcastAdd(func(p *PodcastFeed) *[]PodcastImage { return &p.Image }),
			podcastAdd(func(p *PodcastItem) *[]PodcastImage { return &p.Image })),
		"socialInteract": podcastWhole(podcastSocialInteract,
			podcastAdd(func(p *PodcastFeed) *[]PodcastSocialInteract { return &p.SocialInteract }),
			podcastAdd(func(p *PodcastItem) *[]PodcastSocialInteract { return &p.SocialInteract })),
		"remoteItem": podcastWhole(podcastRemoteItem,
			podcastAdd(func(p *PodcastFeed) *[]PodcastRemoteItem { return &p.RemoteItem }), nil),
		"podping": podcastWhole(podcastPodping,
			podcastSet(func(p *PodcastFeed) **PodcastPodping { return &p.Podping }), nil),
		"chat": podcastWhole(podcastChat,
			podcastSet(func(p *PodcastFeed) **PodcastChat { return &p.Chat }),
			podcastSet(func(p *PodcastItem) **PodcastChat { return &p.Chat })),
		"publisher": podcastWhole(podcastPublisher,
			func(p *PodcastFeed, v *PodcastRemoteItem) bool {
				if p.Publisher != nil {
					return false
				}
				p.Publisher = v
				return true
			}, nil),
		"liveItem": {channel: channelLiveItem},
		"transcript": podcastWhole(podcastTranscript, nil,
			podcastAdd(func(p *PodcastItem) *[]PodcastTranscript { return &p.Transcripts })),
		"chapters": podcastWhole(podcastChapters, nil,
			podcastSet(func(p *PodcastItem) **PodcastChapters { return &p.Chapters })),
		"soundbite": podcastTextual(podcastSoundbite, nil,
			podcastAdd(func(p *PodcastItem) *[]PodcastSoundbite { return &p.Soundbites })),
		"season": podcastTextual(podcastSeason, nil,
			podcastSet(func(p *PodcastItem) **PodcastSeason { return &p.Season })),
		"episode": podcastTextual(podcastEpisode, nil,
			podcastSet(func(p *PodcastItem) **PodcastEpisode { return &p.Episode })),
		"alternateEnclosure": podcastWhole(podcastAlternateEnclosure, nil,
			podcastAdd(func(p *PodcastItem) *[]PodcastAlternateEnclosure { return &p.AlternateEnclosures })),
		"contentLink": podcastTextual(podcastContentLink, nil,
			podcastAdd(func(p *PodcastItem) *[]PodcastContentLink { return &p.ContentLink })),
	},
}

// podcastWhole returns the handlers of a podcast element read whole (one
// with children, or with attributes only), mapped by parse, then put in its
// place by toFeed (in the channel) or toItem (in an item); a nil one
// leaves the element to the Extensions there. The element is also kept
// whole in the Extensions when parse could not map all of it, or when its
// place was taken (a repeated single element, which the place-setter
// refuses).
func podcastWhole[T any](parse func(*Decoder, *Element, *xmlBase) (T, bool), toFeed func(*PodcastFeed, T) bool, toItem func(*PodcastItem, T) bool) handlers {
	return podcastHandlers(false, parse, toFeed, toItem)
}

// podcastTextual is podcastWhole for an element whose content is text:
// it is read as every text field is (see readText), child elements written
// back as HTML, and parse gets an Element with that text and no children.
func podcastTextual[T any](parse func(*Decoder, *Element, *xmlBase) (T, bool), toFeed func(*PodcastFeed, T) bool, toItem func(*PodcastItem, T) bool) handlers {
	return podcastHandlers(true, parse, toFeed, toItem)
}

func podcastHandlers[T any](textual bool, parse func(*Decoder, *Element, *xmlBase) (T, bool), toFeed func(*PodcastFeed, T) bool, toItem func(*PodcastItem, T) bool) handlers {
	read := func(d *Decoder, t xml.StartElement) (Element, error) {
		if !textual {
			return d.readElement(t)
		}
		s, err := d.readText()
		return Element{Name: xml.Name{Space: d.ns.space(t.Name.Space), Local: t.Name.Local}, Attrs: d.attrs(t), Text: s}, err
	}
	// apply reads the element, maps it, and has put place the value; the
	// element goes to exts too when it was not all mapped or not placed.
	apply := func(d *Decoder, t xml.StartElement, exts *[]Element, put func(T) bool) error {
		b := d.links.here()
		e, err := read(d, t)
		if err != nil {
			return err
		}
		v, ok := parse(d, &e, b)
		if !put(v) || !ok {
			*exts = append(*exts, e)
		}
		return nil
	}
	var h handlers
	if toFeed != nil {
		h.channel = func(d *Decoder, f *Feed, t xml.StartElement) error {
			return apply(d, t, &f.Extensions, func(v T) bool { return toFeed(f.podcast(), v) })
		}
	}
	if toItem != nil {
		h.item = func(d *Decoder, it *Item, t xml.StartElement) error {
			return apply(d, t, &it.Extensions, func(v T) bool { return toItem(it.podcast(), v) })
		}
	}
	return h
}

// podcastAdd is the place-setter of a repeatable element: it appends to the list
// get returns.
func podcastAdd[P, T any](get func(P) *[]T) func(P, T) bool {
	return func(p P, v T) bool {
		s := get(p)
		*s = append(*s, v)
		return true
	}
}

// podcastSet is the place-setter of a single element: it sets the field get
// returns, unless an earlier element did.
func podcastSet[P, T any](get func(P) **T) func(P, T) bool {
	return func(p P, v T) bool {
		dst := get(p)
		if *dst != nil {
			return false
		}
		*dst = &v
		return true
	}
}

// podcastSetText is podcastSet for a single element held as text.
func podcastSetText[P any](get func(P) *string) func(P, string) bool {
	return func(p P, v string) bool {
		dst := get(p)
		if *dst != "" {
			return v == ""
		}
		*dst = v
		return true
	}
}

// channelLiveItem reads a podcast:liveItem: its attributes, then its
// children as an item's. An attribute the model has no field for keeps the
// start tag (without the children, which the live item holds) in the
// Extensions.
func channelLiveItem(d *Decoder, f *Feed, t xml.StartElement) error {
	li := PodcastLiveItem{}
	known := true
	for _, a := range t.Attr {
		v := strings.TrimSpace(a.Value)
		switch {
		case a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns" || a.Name.Space == xmlNamespace:
		case strings.EqualFold(a.Name.Local, "status") && li.Status == "":
			li.Status = v
		case strings.EqualFold(a.Name.Local, "start") && li.StartRaw == "":
			li.Start, li.StartRaw = podcastDate(v)
		case strings.EqualFold(a.Name.Local, "end") && li.EndRaw == "":
			li.End, li.EndRaw = podcastDate(v)
		default:
			known = false
		}
	}
	it, err := d.readItem(t, f != d.feed) // f is an entry's atom:source, or the channel
	if err != nil {
		return err
	}
	li.Item = it
	p := f.podcast()
	p.LiveItems = append(p.LiveItems, li)
	if !known {
		d.keep(&f.Extensions, t, "")
	}
	return nil
}

// podcastAttrs reads the attributes of a podcast element, typed, keeping
// track of which it read and whether each could be read.
type podcastAttrs struct {
	e    *Element
	base *xmlBase // the xml:base in scope at the element, for url
	seen uint64   // the attributes read, by index (the first 64)
	ok   bool     // false once a value could not be read
}

func podcastAttrsOf(e *Element, b *xmlBase) *podcastAttrs {
	return &podcastAttrs{e: e, base: b, ok: true}
}

// str returns the attribute's value, trimmed, or "": the first attribute
// of that local name, in any namespace and any case, as attr does.
func (r *podcastAttrs) str(local string) string {
	for i := range r.e.Attrs {
		if strings.EqualFold(r.e.Attrs[i].Name.Local, local) {
			if i < 64 {
				r.seen |= 1 << i
			}
			return strings.TrimSpace(r.e.Attrs[i].Value)
		}
	}
	return ""
}

// url returns a URL attribute's value, as str does, resolved against the
// base of the element.
func (r *podcastAttrs) url(d *Decoder, local string) string {
	return d.resolved(r.base, r.str(local))
}

// podcastRead reads an attribute with parse; a value parse refuses leaves the
// zero value and marks the element.
func podcastRead[T any](r *podcastAttrs, local string, parse func(string) (T, bool)) T {
	var zero T
	s := r.str(local)
	if s == "" {
		return zero
	}
	v, ok := parse(s)
	if !ok {
		r.ok = false
		return zero
	}
	return v
}

func (r *podcastAttrs) integer(local string) int     { return podcastRead(r, local, atoi) }
func (r *podcastAttrs) length(local string) int64    { return podcastRead(r, local, podcastLength) }
func (r *podcastAttrs) decimal(local string) float64 { return podcastRead(r, local, podcastDecimal) }
func (r *podcastAttrs) seconds(local string) float64 { return podcastRead(r, local, podcastSeconds) }
func (r *podcastAttrs) boolean(local string) bool    { return podcastRead(r, local, podcastBool) }
func (r *podcastAttrs) date(local string) (time.Time, string) {
	return podcastDate(r.str(local))
}

// text returns the element's text (as readText reads it: markup written
// back as HTML).
func (r *podcastAttrs) text() string {
	if len(r.e.Children) > 0 {
		r.ok = false
	}
	return r.e.Text
}

// empty marks an element that should have no children but has some. Its
// text, if any, is ignored.
func (r *podcastAttrs) empty() {
	if len(r.e.Children) > 0 {
		r.ok = false
	}
}

// done reports whether the element was read whole: every value could be
// read, and every attribute was read (xml:lang and the like aside).
func (r *podcastAttrs) done() bool {
	for i, a := range r.e.Attrs {
		if a.Name.Space == xmlNamespace {
			continue
		}
		if i >= 64 || r.seen&(1<<i) == 0 {
			return false
		}
	}
	return r.ok
}

// podcastChild reports whether c is the podcast element local, as spelt
// or in another case (in strict mode too: the name is well-formed).
func (d *Decoder) podcastChild(c *Element, local string) bool {
	return c.Name.Space == NamespacePodcast && strings.EqualFold(c.Name.Local, local)
}

// podcastDate reads a date attribute: the time, when it can be read, and
// the text as written.
func podcastDate(s string) (time.Time, string) {
	if s == "" {
		return time.Time{}, ""
	}
	t, _ := ParseDate(s)
	return t, s
}

// podcastBool reads "true", "yes" or "1" as true and "false", "no" or "0"
// as false, in any case.
func podcastBool(s string) (bool, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "yes", "1":
		return true, true
	case "false", "no", "0":
		return false, true
	}
	return false, false
}

// podcastLength reads a size in bytes: a whole number, not negative.
func podcastLength(s string) (int64, bool) {
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	return n, err == nil && n >= 0
}

// podcastDecimal reads a decimal number ("42", "0.00000005", "1e3"): finite,
// and written in digits (no NaN, Inf or hexadecimal, which JSON cannot
// carry or no feed means).
func podcastDecimal(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case '0' <= c && c <= '9', c == '.', c == '-', c == '+', c == 'e', c == 'E':
		default:
			return 0, false
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil && !math.IsInf(f, 0)
}

// podcastSeconds reads a time in seconds, not negative: "73.5", or as a
// clock, "1:13.5" or "1:02:03".
func podcastSeconds(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	total := 0.0
	for range 2 {
		h, rest, found := strings.Cut(s, ":")
		if !found {
			break
		}
		n, err := strconv.ParseUint(h, 10, 32)
		if err != nil {
			return 0, false
		}
		total = total*60 + float64(n)
		s = rest
		if !strings.Contains(s, ":") {
			total *= 60
		}
	}
	f, ok := podcastDecimal(s)
	if !ok || f < 0 {
		return 0, false
	}
	total += f
	return total, !math.IsInf(total, 0)
}

func podcastString(_ *Decoder, e *Element, b *xmlBase) (string, bool) {
	r := podcastAttrsOf(e, b)
	s := r.text()
	return s, r.done()
}

func podcastLocked(_ *Decoder, e *Element, b *xmlBase) (PodcastLocked, bool) {
	r := podcastAttrsOf(e, b)
	v := PodcastLocked{Owner: r.str("owner")}
	if s := r.text(); s != "" {
		var ok bool
		v.Value, ok = podcastBool(s)
		r.ok = r.ok && ok
	}
	return v, r.done()
}

func podcastFunding(d *Decoder, e *Element, b *xmlBase) (PodcastFunding, bool) {
	r := podcastAttrsOf(e, b)
	v := PodcastFunding{URL: r.url(d, "url"), Text: r.text()}
	return v, r.done()
}

func podcastPerson(d *Decoder, e *Element, b *xmlBase) (PodcastPerson, bool) {
	r := podcastAttrsOf(e, b)
	v := PodcastPerson{Name: r.text(), Role: r.str("role"), Group: r.str("group"), Img: r.url(d, "img"), Href: r.url(d, "href")}
	return v, r.done()
}

func podcastLocation(_ *Decoder, e *Element, b *xmlBase) (PodcastLocation, bool) {
	r := podcastAttrsOf(e, b)
	v := PodcastLocation{Name: r.text(), Rel: r.str("rel"), Geo: r.str("geo"), OSM: r.str("osm"), Country: r.str("country")}
	return v, r.done()
}

func podcastTrailer(d *Decoder, e *Element, b *xmlBase) (PodcastTrailer, bool) {
	r := podcastAttrsOf(e, b)
	v := PodcastTrailer{Title: r.text(), URL: r.url(d, "url"), Length: r.length("length"), Type: r.str("type"),
		Season: r.integer("season")}
	v.PubDate, v.PubDateRaw = r.date("pubdate")
	return v, r.done()
}

func podcastLicense(d *Decoder, e *Element, b *xmlBase) (PodcastLicense, bool) {
	r := podcastAttrsOf(e, b)
	v := PodcastLicense{Identifier: r.text(), URL: r.url(d, "url")}
	return v, r.done()
}

func podcastTxt(_ *Decoder, e *Element, b *xmlBase) (PodcastTxt, bool) {
	r := podcastAttrsOf(e, b)
	v := PodcastTxt{Purpose: r.str("purpose"), Text: r.text()}
	return v, r.done()
}

func podcastBlock(_ *Decoder, e *Element, b *xmlBase) (PodcastBlock, bool) {
	r := podcastAttrsOf(e, b)
	v := PodcastBlock{ID: r.str("id")}
	var ok bool
	v.Value, ok = podcastBool(r.text())
	r.ok = r.ok && ok
	return v, r.done()
}

func podcastUpdateFrequency(_ *Decoder, e *Element, b *xmlBase) (PodcastUpdateFrequency, bool) {
	r := podcastAttrsOf(e, b)
	v := PodcastUpdateFrequency{Text: r.text(), Complete: r.boolean("complete"), RRule: r.str("rrule")}
	v.DTStart, v.DTStartRaw = r.date("dtstart")
	return v, r.done()
}

func podcastImages(d *Decoder, e *Element, b *xmlBase) (string, bool) {
	r := podcastAttrsOf(e, b)
	r.empty()
	v := d.grew(r.str("srcset"), d.resolveSrcset(b, r.str("srcset")))
	return v, r.done()
}

func podcastImage(d *Decoder, e *Element, b *xmlBase) (PodcastImage, bool) {
	r := podcastAttrsOf(e, b)
	r.empty()
	v := PodcastImage{Href: r.url(d, "href"), Alt: r.str("alt"), AspectRatio: r.str("aspect-ratio"),
		Width: r.integer("width"), Height: r.integer("height"), Type: r.str("type")}
	if p := strings.Fields(r.str("purpose")); len(p) > 0 {
		v.Purpose = p
	}
	return v, r.done()
}

func podcastSocialInteract(d *Decoder, e *Element, b *xmlBase) (PodcastSocialInteract, bool) {
	r := podcastAttrsOf(e, b)
	r.empty()
	v := PodcastSocialInteract{Protocol: r.str("protocol"), URI: r.url(d, "uri"), AccountID: r.str("accountId"),
		AccountURL: r.url(d, "accountUrl"), Priority: r.integer("priority")}
	return v, r.done()
}

func podcastRemoteItem(d *Decoder, e *Element, b *xmlBase) (PodcastRemoteItem, bool) {
	r := podcastAttrsOf(e, b)
	r.empty()
	v := PodcastRemoteItem{FeedGUID: r.str("feedGuid"), FeedURL: r.url(d, "feedUrl"), ItemGUID: r.str("itemGuid"),
		Medium: r.str("medium"), Title: r.str("title")}
	return v, r.done()
}

// podcastRemoteItems reads the podcast:remoteItem children of e (a podroll,
// a publisher, a value time split) into ris, at most limit of them (0: any
// number). It reports whether every child was one and could be read.
func podcastRemoteItems(d *Decoder, e *Element, b *xmlBase, limit int) (ris []PodcastRemoteItem, ok bool) {
	ok = true
	for i := range e.Children {
		c := &e.Children[i]
		if !d.podcastChild(c, "remoteItem") || limit > 0 && len(ris) == limit {
			ok = false
			continue
		}
		ri, good := podcastRemoteItem(d, c, baseAttr(b, c.Attrs))
		ris = append(ris, ri)
		ok = ok && good
	}
	return ris, ok
}

func podcastPodroll(d *Decoder, e *Element, b *xmlBase) ([]PodcastRemoteItem, bool) {
	r := podcastAttrsOf(e, b)
	ris, ok := podcastRemoteItems(d, e, b, 0)
	return ris, r.done() && ok
}

func podcastPublisher(d *Decoder, e *Element, b *xmlBase) (*PodcastRemoteItem, bool) {
	r := podcastAttrsOf(e, b)
	ris, ok := podcastRemoteItems(d, e, b, 1)
	if len(ris) == 0 {
		return nil, r.done() && ok
	}
	return &ris[0], r.done() && ok
}

func podcastPodping(_ *Decoder, e *Element, b *xmlBase) (PodcastPodping, bool) {
	r := podcastAttrsOf(e, b)
	r.empty()
	v := PodcastPodping{UsesPodping: r.boolean("usesPodping")}
	return v, r.done()
}

func podcastChat(_ *Decoder, e *Element, b *xmlBase) (PodcastChat, bool) {
	r := podcastAttrsOf(e, b)
	r.empty()
	v := PodcastChat{Server: r.str("server"), Protocol: r.str("protocol"), AccountID: r.str("accountId"),
		Space: r.str("space")}
	return v, r.done()
}

func podcastValue(d *Decoder, e *Element, b *xmlBase) (PodcastValue, bool) {
	r := podcastAttrsOf(e, b)
	v := PodcastValue{Type: r.str("type"), Method: r.str("method"), Suggested: r.decimal("suggested")}
	for i := range e.Children {
		c := &e.Children[i]
		switch {
		case d.podcastChild(c, "valueRecipient"):
			vr, ok := podcastValueRecipient(d, c, b)
			v.ValueRecipients = append(v.ValueRecipients, vr)
			r.ok = r.ok && ok
		case d.podcastChild(c, "valueTimeSplit"):
			ts, ok := podcastValueTimeSplit(d, c, baseAttr(b, c.Attrs))
			v.ValueTimeSplits = append(v.ValueTimeSplits, ts)
			r.ok = r.ok && ok
		default:
			r.ok = false
		}
	}
	return v, r.done()
}

func podcastValueRecipient(_ *Decoder, e *Element, b *xmlBase) (PodcastValueRecipient, bool) {
	r := podcastAttrsOf(e, b)
	r.empty()
	v := PodcastValueRecipient{Name: r.str("name"), CustomKey: r.str("customKey"), CustomValue: r.str("customValue"),
		Type: r.str("type"), Address: r.str("address"), Split: r.integer("split"), Fee: r.boolean("fee")}
	return v, r.done()
}

func podcastValueTimeSplit(d *Decoder, e *Element, b *xmlBase) (PodcastValueTimeSplit, bool) {
	r := podcastAttrsOf(e, b)
	v := PodcastValueTimeSplit{StartTime: r.seconds("startTime"), Duration: r.seconds("duration"),
		RemoteStartTime: r.seconds("remoteStartTime"), RemotePercentage: 100}
	if s := r.str("remotePercentage"); s != "" {
		if p, ok := podcastDecimal(s); ok {
			v.RemotePercentage = min(max(p, 0), 100)
		} else {
			r.ok = false
		}
	}
	for i := range e.Children {
		c := &e.Children[i]
		switch {
		case d.podcastChild(c, "valueRecipient"):
			vr, ok := podcastValueRecipient(d, c, b)
			v.ValueRecipients = append(v.ValueRecipients, vr)
			r.ok = r.ok && ok
		case d.podcastChild(c, "remoteItem") && v.RemoteItem == nil:
			ri, ok := podcastRemoteItem(d, c, baseAttr(b, c.Attrs))
			v.RemoteItem = &ri
			r.ok = r.ok && ok
		default:
			r.ok = false
		}
	}
	return v, r.done()
}

func podcastTranscript(d *Decoder, e *Element, b *xmlBase) (PodcastTranscript, bool) {
	r := podcastAttrsOf(e, b)
	r.empty()
	v := PodcastTranscript{URL: r.url(d, "url"), Type: r.str("type"), Language: r.str("language"), Rel: r.str("rel")}
	return v, r.done()
}

func podcastChapters(d *Decoder, e *Element, b *xmlBase) (PodcastChapters, bool) {
	r := podcastAttrsOf(e, b)
	r.empty()
	v := PodcastChapters{URL: r.url(d, "url"), Type: r.str("type")}
	return v, r.done()
}

func podcastSoundbite(_ *Decoder, e *Element, b *xmlBase) (PodcastSoundbite, bool) {
	r := podcastAttrsOf(e, b)
	v := PodcastSoundbite{StartTime: r.seconds("startTime"), Duration: r.seconds("duration"), Title: r.text()}
	return v, r.done()
}

func podcastSeason(_ *Decoder, e *Element, b *xmlBase) (PodcastSeason, bool) {
	r := podcastAttrsOf(e, b)
	v := PodcastSeason{Name: r.str("name")}
	if s := r.text(); s != "" {
		var ok bool
		v.Number, ok = atoi(s)
		r.ok = r.ok && ok
	}
	return v, r.done()
}

func podcastEpisode(_ *Decoder, e *Element, b *xmlBase) (PodcastEpisode, bool) {
	r := podcastAttrsOf(e, b)
	v := PodcastEpisode{Display: r.str("display")}
	if s := r.text(); s != "" {
		var ok bool
		v.Number, ok = podcastDecimal(s)
		r.ok = r.ok && ok
	}
	return v, r.done()
}

func podcastAlternateEnclosure(d *Decoder, e *Element, b *xmlBase) (PodcastAlternateEnclosure, bool) {
	r := podcastAttrsOf(e, b)
	v := PodcastAlternateEnclosure{Type: r.str("type"), Length: r.length("length"), Bitrate: r.decimal("bitrate"),
		Height: r.integer("height"), Lang: r.str("lang"), Title: r.str("title"), Rel: r.str("rel"),
		Codecs: r.str("codecs"), Default: r.boolean("default")}
	for i := range e.Children {
		c := &e.Children[i]
		switch {
		case d.podcastChild(c, "source"):
			cr := podcastAttrsOf(c, baseAttr(b, c.Attrs))
			cr.empty()
			v.Sources = append(v.Sources, PodcastSource{URI: cr.url(d, "uri"), ContentType: cr.str("contentType")})
			r.ok = r.ok && cr.done()
		case d.podcastChild(c, "integrity") && v.Integrity == nil:
			cr := podcastAttrsOf(c, b)
			cr.empty()
			v.Integrity = &PodcastIntegrity{Type: cr.str("type"), Value: cr.str("value")}
			r.ok = r.ok && cr.done()
		default:
			r.ok = false
		}
	}
	return v, r.done()
}

func podcastContentLink(d *Decoder, e *Element, b *xmlBase) (PodcastContentLink, bool) {
	r := podcastAttrsOf(e, b)
	v := PodcastContentLink{Href: r.url(d, "href"), Text: r.text()}
	return v, r.done()
}

// podcast returns the feed's Podcasting 2.0 part, making it when there is
// none yet.
func (f *Feed) podcast() *PodcastFeed {
	if f.Podcast == nil {
		f.Podcast = &PodcastFeed{}
	}
	return f.Podcast
}

// podcast returns the item's Podcasting 2.0 part, making it when there is
// none yet.
func (it *Item) podcast() *PodcastItem {
	if it.Podcast == nil {
		it.Podcast = &PodcastItem{}
	}
	return it.Podcast
}
