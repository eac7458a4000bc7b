package rss

import (
	"encoding/xml"
	"math"
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// NamespaceMedia is the namespace of Media RSS ([Media]), usual prefix
// media. Feeds write it with and without its trailing slash; both are
// read.
const NamespaceMedia = "http://search.yahoo.com/mrss/"

// Media holds the Media RSS elements (namespace [NamespaceMedia]) of a
// channel or an item: its media:content elements, its media:group elements,
// and the optional elements standing on the channel or item itself, which
// apply to every content in it unless a group or content says otherwise.
//
// Elements of the namespace the model has no field for (media:hash,
// media:restriction, media:license...) are kept in the Extensions of the
// element they stand in: the [Feed], the [Item], the [MediaGroup] or the
// [MediaContent]. So is, with its attributes, an element with a number it
// cannot read, and a repeated single-valued element; and, with its
// attributes but not its text or children (which are read), an element
// with an attribute the model has no field for (YouTube's yt:format on a
// media:content).
type Media struct {
	Contents []MediaContent `json:"contents,omitempty"`
	Groups   []MediaGroup   `json:"groups,omitempty"`
	MediaElements
}

// MediaGroup is a media:group: contents that are versions of the same
// thing (in different formats or sizes), with the optional elements that
// apply to them all.
type MediaGroup struct {
	Contents []MediaContent `json:"contents,omitempty"`
	MediaElements
	// Extensions holds the group's child elements the model has no field
	// for, in document order.
	Extensions []Element `json:"extensions,omitempty"`
}

// MediaContent is a media:content: one media object, with its attributes
// and the optional elements that describe it alone.
type MediaContent struct {
	URL      string `json:"url,omitempty"`
	FileSize int64  `json:"fileSize,omitempty"` // bytes
	Type     string `json:"type,omitempty"`     // MIME type
	// Medium is "image", "audio", "video", "document" or "executable".
	Medium    string `json:"medium,omitempty"`
	IsDefault bool   `json:"isDefault,omitempty"`
	// Expression is "full", "sample" or "nonstop".
	Expression   string  `json:"expression,omitempty"`
	Bitrate      float64 `json:"bitrate,omitempty"`      // kilobits per second
	Framerate    float64 `json:"framerate,omitempty"`    // frames per second
	SamplingRate float64 `json:"samplingRate,omitempty"` // thousands of samples per second
	Channels     int     `json:"channels,omitempty"`     // audio channels
	Duration     float64 `json:"duration,omitempty"`     // seconds
	Height       int     `json:"height,omitempty"`       // pixels
	Width        int     `json:"width,omitempty"`        // pixels
	Lang         string  `json:"lang,omitempty"`
	MediaElements
	// Extensions holds the content's child elements the model has no field
	// for, in document order.
	Extensions []Element `json:"extensions,omitempty"`
}

// MediaElements are the optional Media RSS elements, which may stand on a
// channel, an item, a group or a content.
type MediaElements struct {
	Title       *MediaText `json:"title,omitempty"`
	Description *MediaText `json:"description,omitempty"`
	// Keywords are media:keywords split at commas, trimmed, without empty
	// ones.
	Keywords   []string         `json:"keywords,omitempty"`
	Thumbnails []MediaThumbnail `json:"thumbnails,omitempty"`
	Categories []MediaCategory  `json:"categories,omitempty"`
	Credits    []MediaCredit    `json:"credits,omitempty"`
	Ratings    []MediaRating    `json:"ratings,omitempty"`
	Player     *MediaPlayer     `json:"player,omitempty"`
	// Copyright is media:copyright's text, CopyrightURL its url
	// attribute.
	Copyright    string          `json:"copyright,omitempty"`
	CopyrightURL string          `json:"copyrightUrl,omitempty"`
	Community    *MediaCommunity `json:"community,omitempty"`
}

// MediaText is a media:title or media:description: the text and its type,
// "plain" or "html" ("" when not given, which means plain).
type MediaText struct {
	Type  string `json:"type,omitempty"`
	Value string `json:"value,omitempty"`
}

// MediaThumbnail is a media:thumbnail: a picture of the media. Time is the
// moment of the media it shows, as written (NTP form, "12:05:01.123").
type MediaThumbnail struct {
	URL    string `json:"url,omitempty"`
	Width  int    `json:"width,omitempty"`
	Height int    `json:"height,omitempty"`
	Time   string `json:"time,omitempty"`
}

// MediaCategory is a media:category: a category (Value) in a taxonomy
// (Scheme, a URI), with a label for people.
type MediaCategory struct {
	Scheme string `json:"scheme,omitempty"`
	Label  string `json:"label,omitempty"`
	Value  string `json:"value,omitempty"`
}

// MediaCredit is a media:credit: someone (Value) who took part in making
// the media, in a role ("producer", "composer"...) of a scheme (a URI;
// the specification's default is urn:ebu).
type MediaCredit struct {
	Role   string `json:"role,omitempty"`
	Scheme string `json:"scheme,omitempty"`
	Value  string `json:"value,omitempty"`
}

// MediaRating is a media:rating: the audience the media suits ("adult",
// "nonadult", "pg-13"...) in a rating scheme (the default is urn:simple).
type MediaRating struct {
	Scheme string `json:"scheme,omitempty"`
	Value  string `json:"value,omitempty"`
}

// MediaPlayer is a media:player: a page or embeddable player that plays
// the media.
type MediaPlayer struct {
	URL    string `json:"url,omitempty"`
	Width  int    `json:"width,omitempty"`
	Height int    `json:"height,omitempty"`
}

// MediaCommunity is a media:community: what the media's audience made of
// it.
type MediaCommunity struct {
	StarRating *MediaStarRating `json:"starRating,omitempty"`
	Statistics *MediaStatistics `json:"statistics,omitempty"`
	Tags       []MediaTag       `json:"tags,omitempty"`
}

// MediaStarRating is media:starRating: the average of Count ratings on a
// scale from Min to Max.
type MediaStarRating struct {
	Average float64 `json:"average,omitempty"`
	Count   int64   `json:"count,omitempty"`
	Min     int     `json:"min,omitempty"`
	Max     int     `json:"max,omitempty"`
}

// MediaStatistics is media:statistics: how often the media was viewed and
// marked as a favourite.
type MediaStatistics struct {
	Views     int64 `json:"views,omitempty"`
	Favorites int64 `json:"favorites,omitempty"`
}

// MediaTag is one tag of media:tags, with its weight (1 when the feed
// gives none).
type MediaTag struct {
	Name   string `json:"name,omitempty"`
	Weight int    `json:"weight,omitempty"`
}

// media returns the feed's Media part, making it when there is none yet.
func (f *Feed) media() *Media {
	if f.Media == nil {
		f.Media = &Media{}
	}
	return f.Media
}

// media returns the item's Media part, making it when there is none yet.
func (it *Item) media() *Media {
	if it.Media == nil {
		it.Media = &Media{}
	}
	return it.Media
}

// mediaModule reads the Media RSS elements of the channel and of items.
var mediaModule = module{
	space:  NamespaceMedia,
	prefix: "media",
	fold:   true,
	names:  mediaNames(),
}

// mediaNames builds mediaModule's table: content, group, and the optional
// elements.
func mediaNames() map[string]handlers {
	names := map[string]handlers{
		"content": {
			channel: func(d *Decoder, f *Feed, t xml.StartElement) error {
				m := f.media()
				c, err := d.mediaContent(&f.Extensions, t)
				m.Contents = append(m.Contents, c)
				return err
			},
			item: func(d *Decoder, it *Item, t xml.StartElement) error {
				m := it.media()
				c, err := d.mediaContent(&it.Extensions, t)
				m.Contents = append(m.Contents, c)
				return err
			},
		},
		"group": {
			channel: func(d *Decoder, f *Feed, t xml.StartElement) error {
				m := f.media()
				d.keepOtherAttrs(&f.Extensions, t)
				g, err := d.mediaGroup()
				m.Groups = append(m.Groups, g)
				return err
			},
			item: func(d *Decoder, it *Item, t xml.StartElement) error {
				m := it.media()
				d.keepOtherAttrs(&it.Extensions, t)
				g, err := d.mediaGroup()
				m.Groups = append(m.Groups, g)
				return err
			},
		},
	}
	for name, read := range mediaReaders {
		names[name] = handlers{
			channel: func(d *Decoder, f *Feed, t xml.StartElement) error {
				return read(d, &f.media().MediaElements, &f.Extensions, t)
			},
			item: func(d *Decoder, it *Item, t xml.StartElement) error {
				return read(d, &it.media().MediaElements, &it.Extensions, t)
			},
		}
	}
	return names
}

// A mediaReader reads an optional Media RSS element, whose start tag has
// been read, into m; exts are the Extensions of the element it stands in.
type mediaReader func(d *Decoder, m *MediaElements, exts *[]Element, t xml.StartElement) error

// mediaReaders are the readers of the optional elements, by name as the
// specification spells it, each keeping in the extensions a copy of an
// element with attributes it does not read (see keepOtherAttrs).
var mediaReaders = func() map[string]mediaReader {
	readers := map[string]mediaReader{}
	for name, read := range mediaReadersOf {
		attrs := mediaReaderAttrs[name]
		readers[name] = func(d *Decoder, m *MediaElements, exts *[]Element, t xml.StartElement) error {
			n := len(*exts)
			err := read(d, m, exts, t)
			if len(*exts) == n {
				d.keepOtherAttrs(exts, t, attrs...)
			}
			return err
		}
	}
	return readers
}()

// mediaReaderAttrs are the attributes each reader of mediaReadersOf reads;
// media:community is read whole, and kept whole when it holds more.
var mediaReaderAttrs = map[string][]string{
	"title":       {"type"},
	"description": {"type"},
	"thumbnail":   {"url", "width", "height", "time"},
	"category":    {"scheme", "label"},
	"credit":      {"role", "scheme"},
	"rating":      {"scheme"},
	"player":      {"url", "width", "height"},
	"copyright":   {"url"},
	"community":   nil,
}

// mediaContentAttrs are the attributes of media:content that
// [MediaContent] has a field for.
var mediaContentAttrs = []string{"url", "fileSize", "type", "medium", "isDefault", "expression", "bitrate",
	"framerate", "samplingrate", "channels", "duration", "height", "width", "lang"}

// mediaReadersOf are the readers of the optional elements, by name.
var mediaReadersOf = map[string]mediaReader{
	"title": func(d *Decoder, m *MediaElements, exts *[]Element, t xml.StartElement) error {
		return d.mediaText(&m.Title, exts, t)
	},
	"description": func(d *Decoder, m *MediaElements, exts *[]Element, t xml.StartElement) error {
		return d.mediaText(&m.Description, exts, t)
	},
	"keywords": func(d *Decoder, m *MediaElements, _ *[]Element, _ xml.StartElement) error {
		s, err := d.readText()
		m.Keywords = appendKeywords(m.Keywords, s)
		return err
	},
	"thumbnail": func(d *Decoder, m *MediaElements, exts *[]Element, t xml.StartElement) error {
		a := mediaAttrs{t: t, ok: true}
		th := MediaThumbnail{URL: a.url(d, "url"), Width: a.int("width"), Height: a.int("height"), Time: a.text("time")}
		m.Thumbnails = append(m.Thumbnails, th)
		a.keepUnread(d, exts)
		return d.skip()
	},
	"category": func(d *Decoder, m *MediaElements, _ *[]Element, t xml.StartElement) error {
		s, err := d.readText()
		m.Categories = append(m.Categories, MediaCategory{
			Scheme: strings.TrimSpace(attr(t, "scheme")), Label: strings.TrimSpace(attr(t, "label")), Value: s})
		return err
	},
	"credit": func(d *Decoder, m *MediaElements, _ *[]Element, t xml.StartElement) error {
		s, err := d.readText()
		m.Credits = append(m.Credits, MediaCredit{
			Role: strings.TrimSpace(attr(t, "role")), Scheme: strings.TrimSpace(attr(t, "scheme")), Value: s})
		return err
	},
	"rating": func(d *Decoder, m *MediaElements, _ *[]Element, t xml.StartElement) error {
		s, err := d.readText()
		m.Ratings = append(m.Ratings, MediaRating{Scheme: strings.TrimSpace(attr(t, "scheme")), Value: s})
		return err
	},
	"player": func(d *Decoder, m *MediaElements, exts *[]Element, t xml.StartElement) error {
		if m.Player != nil {
			return d.keepElement(exts, t)
		}
		a := mediaAttrs{t: t, ok: true}
		m.Player = &MediaPlayer{URL: a.url(d, "url"), Width: a.int("width"), Height: a.int("height")}
		a.keepUnread(d, exts)
		return d.skip()
	},
	"copyright": func(d *Decoder, m *MediaElements, exts *[]Element, t xml.StartElement) error {
		if m.Copyright != "" || m.CopyrightURL != "" {
			return d.keepElement(exts, t)
		}
		u := d.resolved(d.links.here(), strings.TrimSpace(attr(t, "url")))
		s, err := d.readText()
		m.Copyright, m.CopyrightURL = s, u
		return err
	},
	"community": readMediaCommunity,
}

// mediaFolded maps the lower-cased names of the elements that may stand in
// a media:group or media:content to their spelling in the specification.
var mediaFolded = func() map[string]string {
	m := map[string]string{"content": "content", "group": "group"}
	for name := range mediaReaders {
		m[strings.ToLower(name)] = name
	}
	return m
}()

// mediaName returns the specification's spelling of a Media RSS element's
// local name, matched as spelt or else in any case (in strict mode too:
// the name is well-formed), and whether it is one of the elements read.
func (d *Decoder) mediaName(local string) (string, bool, error) {
	if name, ok := mediaFolded[local]; ok && name == local {
		return name, true, nil
	}
	name, ok := mediaFolded[strings.ToLower(local)]
	return name, ok, nil
}

// mediaGroup reads a media:group whose start tag has been read.
func (d *Decoder) mediaGroup() (MediaGroup, error) {
	d.built += costMediaGroup - costElement // its start tag paid for an Element
	var g MediaGroup
	err := d.mediaChildren(&g.MediaElements, &g.Extensions, &g.Contents)
	return g, err
}

// mediaContent reads a media:content whose start tag has been read. An
// attribute it cannot read keeps a copy of the element, with its
// attributes, in exts, the Extensions of the element it stands in.
func (d *Decoder) mediaContent(exts *[]Element, t xml.StartElement) (MediaContent, error) {
	a := mediaAttrs{t: t, ok: true}
	d.built += costMediaContent - costElement // its start tag paid for an Element
	c := MediaContent{
		URL:          a.url(d, "url"),
		FileSize:     a.int64("fileSize"),
		Type:         a.text("type"),
		Medium:       a.text("medium"),
		IsDefault:    a.bool("isDefault"),
		Expression:   a.text("expression"),
		Bitrate:      a.float("bitrate"),
		Framerate:    a.float("framerate"),
		SamplingRate: a.float("samplingrate"),
		Channels:     a.int("channels"),
		Duration:     a.seconds("duration"),
		Height:       a.int("height"),
		Width:        a.int("width"),
		Lang:         a.text("lang"),
	}
	if a.keepUnread(d, exts); a.ok {
		d.keepOtherAttrs(exts, t, mediaContentAttrs...)
	}
	err := d.mediaChildren(&c.MediaElements, &c.Extensions, nil)
	return c, err
}

// mediaChildren reads the child elements of a media:group or media:content
// up to its end tag: the optional elements into m, contents (in a group,
// where contents is not nil) into contents, anything else into exts.
func (d *Decoder) mediaChildren(m *MediaElements, exts *[]Element, contents *[]MediaContent) error {
	for {
		tok, err := d.token()
		if err != nil {
			return err
		}
		switch tok.Kind {
		case startToken:
			if err := d.mediaChild(m, exts, contents, tok.Start); err != nil {
				return err
			}
		case endToken:
			return nil
		}
	}
}

func (d *Decoder) mediaChild(m *MediaElements, exts *[]Element, contents *[]MediaContent, t xml.StartElement) error {
	if d.ns.space(t.Name.Space) == NamespaceMedia {
		name, ok, err := d.mediaName(t.Name.Local)
		if err != nil {
			return err
		}
		switch {
		case !ok:
		case name == "content" && contents != nil:
			c, err := d.mediaContent(exts, t)
			*contents = append(*contents, c)
			return err
		case mediaReaders[name] != nil:
			return mediaReaders[name](d, m, exts, t)
		}
	}
	return d.keepElement(exts, t)
}

// mediaText reads a media:title or media:description into *dst; a repeated
// one goes to exts.
func (d *Decoder) mediaText(dst **MediaText, exts *[]Element, t xml.StartElement) error {
	s, err := d.readText()
	if *dst == nil {
		*dst = &MediaText{Type: strings.TrimSpace(attr(t, "type")), Value: s}
	} else if s != "" {
		d.keep(exts, t, s)
	}
	return err
}

// readMediaCommunity reads media:community whole. When it holds an element
// the model has no field for, or a number that cannot be read, or when it
// is repeated, the whole element is kept in exts too.
func readMediaCommunity(d *Decoder, m *MediaElements, exts *[]Element, t xml.StartElement) error {
	e, err := d.readElement(t)
	if err != nil {
		*exts = append(*exts, e)
		return err
	}
	c, ok := mediaCommunity(e)
	if m.Community == nil {
		m.Community = c
	} else {
		ok = false
	}
	if !ok {
		*exts = append(*exts, e)
	}
	return nil
}

// mediaCommunity maps a media:community element read whole; ok is false
// when it holds something the model has no field for.
func mediaCommunity(e Element) (*MediaCommunity, bool) {
	c := &MediaCommunity{}
	ok := len(e.Attrs) == 0 // the model has no field for them; its own text means nothing
	for _, child := range e.Children {
		a := mediaAttrs{t: xml.StartElement{Attr: child.Attrs}, ok: len(child.Children) == 0}
		switch {
		case child.Name.Space != NamespaceMedia:
			a.ok = false
		case strings.EqualFold(child.Name.Local, "starRating") && c.StarRating == nil:
			c.StarRating = &MediaStarRating{Average: a.float("average"), Count: a.int64("count"), Min: a.int("min"), Max: a.int("max")}
		case strings.EqualFold(child.Name.Local, "statistics") && c.Statistics == nil:
			c.Statistics = &MediaStatistics{Views: a.int64("views"), Favorites: a.int64("favorites")}
		case strings.EqualFold(child.Name.Local, "tags") && c.Tags == nil:
			c.Tags = mediaTags(child.Text)
		default:
			a.ok = false
		}
		ok = ok && a.ok
	}
	return c, ok
}

// mediaTags reads media:tags: "news: 5, abc:3, reuters", tags with
// optional weights, 1 by default. A part after the last colon that is not
// a number is part of the name.
func mediaTags(s string) []MediaTag {
	var tags []MediaTag
	for p := range strings.SplitSeq(s, ",") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		tag := MediaTag{Name: p, Weight: 1}
		if i := strings.LastIndexByte(p, ':'); i >= 0 {
			if w, err := strconv.Atoi(strings.TrimSpace(p[i+1:])); err == nil && w >= 0 {
				tag = MediaTag{Name: strings.TrimSpace(p[:i]), Weight: w}
			}
		}
		tags = append(tags, tag)
	}
	return tags
}

// mediaAttrs reads the attributes of a Media RSS element; ok turns false
// when one cannot be read.
type mediaAttrs struct {
	t  xml.StartElement
	ok bool
}

func (a *mediaAttrs) text(name string) string {
	return strings.TrimSpace(attr(a.t, name))
}

// url reads a URL attribute, resolved against the xml:base in scope: the
// element's start tag must be the last token read.
func (a *mediaAttrs) url(d *Decoder, name string) string {
	return d.resolved(d.links.here(), a.text(name))
}

func (a *mediaAttrs) int64(name string) int64 {
	s := a.text(name)
	if s == "" {
		return 0
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		a.ok = false
		return 0
	}
	return n
}

func (a *mediaAttrs) int(name string) int {
	n := a.int64(name)
	if n > math.MaxInt32 {
		a.ok = false
		return 0
	}
	return int(n)
}

func (a *mediaAttrs) float(name string) float64 {
	s := a.text(name)
	if s == "" {
		return 0
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 0 || math.IsInf(f, 0) || math.IsNaN(f) {
		a.ok = false
		return 0
	}
	return f
}

// seconds reads a duration in seconds ("185", "185.5"), or written as
// itunes:duration is ("3:05").
func (a *mediaAttrs) seconds(name string) float64 {
	s := a.text(name)
	if s == "" {
		return 0
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && f >= 0 && !math.IsInf(f, 0) {
		return f
	}
	if d, ok := parseDuration(s); ok {
		return d.Seconds()
	}
	a.ok = false
	return 0
}

// bool reads "true", "yes" or "1" as true and "false", "no" or "0" as
// false, in any case.
func (a *mediaAttrs) bool(name string) bool {
	switch strings.ToLower(a.text(name)) {
	case "true", "yes", "1":
		return true
	case "", "false", "no", "0":
		return false
	}
	a.ok = false
	return false
}

// keepUnread keeps a copy of the element, with its attributes, in exts
// when one of them could not be read.
func (a *mediaAttrs) keepUnread(d *Decoder, exts *[]Element) {
	if !a.ok {
		d.keep(exts, a.t, "")
	}
}

// thumbnail is the URL of the first media thumbnail of m: its own, else
// its contents', else its groups' (the group's own, then its contents').
func (m *Media) thumbnail() string {
	if m == nil {
		return ""
	}
	if u := firstThumbnail(m.Thumbnails, m.Contents); u != "" {
		return u
	}
	for _, g := range m.Groups {
		if u := firstThumbnail(g.Thumbnails, g.Contents); u != "" {
			return u
		}
	}
	return ""
}

func firstThumbnail(ths []MediaThumbnail, cs []MediaContent) string {
	for _, th := range ths {
		if th.URL != "" {
			return th.URL
		}
	}
	for _, c := range cs {
		if u := firstThumbnail(c.Thumbnails, nil); u != "" {
			return u
		}
	}
	return ""
}

// image is the URL of the first media:content of m that is an image (its
// medium says so, or, without a medium, its type, or, without either, the
// extension of its URL's path), its own before its groups'.
func (m *Media) image() string {
	if m == nil {
		return ""
	}
	isImage := func(c MediaContent) bool {
		switch {
		case c.Medium != "":
			return strings.EqualFold(c.Medium, "image")
		case c.Type != "":
			return hasPrefixFold(c.Type, "image/")
		}
		return hasImageExtension(c.URL)
	}
	for _, c := range m.Contents {
		if c.URL != "" && isImage(c) {
			return c.URL
		}
	}
	for _, g := range m.Groups {
		for _, c := range g.Contents {
			if c.URL != "" && isImage(c) {
				return c.URL
			}
		}
	}
	return ""
}

// imageExtensions are the extensions of the image files a media:content
// without type or medium is taken for, lower-cased.
var imageExtensions = []string{".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg"}

// hasImageExtension reports whether the path of the URL u (what comes
// before its query or fragment) ends in one of imageExtensions, in any
// case.
func hasImageExtension(u string) bool {
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	for _, ext := range imageExtensions {
		if len(u) > len(ext) && strings.EqualFold(u[len(u)-len(ext):], ext) {
			return true
		}
	}
	return false
}

// description is the text of m's media:description that stands for the
// item (see [Item.Body]): its own, else its first group's that has one,
// else its default content's (its own contents before its groups'), else
// the first content's that has one; "" when there is none.
func (m *Media) description() string {
	if m == nil {
		return ""
	}
	if s := m.Description.text(); s != "" {
		return s
	}
	for _, g := range m.Groups {
		if s := g.Description.text(); s != "" {
			return s
		}
	}
	first := ""
	check := func(cs []MediaContent) string {
		for _, c := range cs {
			s := c.Description.text()
			if s != "" && c.IsDefault {
				return s
			}
			if first == "" {
				first = s
			}
		}
		return ""
	}
	if s := check(m.Contents); s != "" {
		return s
	}
	for _, g := range m.Groups {
		if s := check(g.Contents); s != "" {
			return s
		}
	}
	return first
}

// text is t's Value, "" for a nil t.
func (t *MediaText) text() string {
	if t == nil {
		return ""
	}
	return t.Value
}

// duration is the duration of m's default media:content, else of the first
// one with a duration: its own before its groups'.
func (m *Media) duration() float64 {
	if m == nil {
		return 0
	}
	first := 0.0
	check := func(cs []MediaContent) bool {
		for _, c := range cs {
			if c.Duration > 0 && c.IsDefault {
				first = c.Duration
				return true
			}
			if c.Duration > 0 && first == 0 {
				first = c.Duration
			}
		}
		return false
	}
	if check(m.Contents) {
		return first
	}
	for _, g := range m.Groups {
		if check(g.Contents) {
			return first
		}
	}
	return first
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// firstImage returns the src of the first <img> of an HTML text that is
// not a tracking pixel (width or height 0 or 1), or "". Text without
// "<img" (in any case) is not tokenized at all.
func firstImage(s string) string {
	if !hasImgTag(s) {
		return ""
	}
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			if string(name) != "img" {
				continue
			}
			src, pixel := "", false
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				switch string(k) {
				case "src":
					src = strings.TrimSpace(string(v))
				case "width", "height":
					if n, err := strconv.Atoi(strings.TrimSpace(string(v))); err == nil && n <= 1 {
						pixel = true
					}
				}
			}
			if src != "" && !pixel {
				return src
			}
		}
	}
}

// hasImgTag reports whether s holds "<img", in any case.
func hasImgTag(s string) bool {
	for i := strings.IndexByte(s, '<'); i >= 0; {
		if i+4 <= len(s) && strings.EqualFold(s[i+1:i+4], "img") {
			return true
		}
		j := strings.IndexByte(s[i+1:], '<')
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}
