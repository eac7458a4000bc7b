package rss

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"math"
	"slices"
	"strings"
	"time"
)

// NamespaceITunes is the namespace of Apple's podcast elements
// ([ITunesFeed], [ITunesItem]), usual prefix itunes. Feeds write it in any
// case and with https for http; every spelling is read.
const NamespaceITunes = "http://www.itunes.com/dtds/podcast-1.0.dtd"

// ITunesFeed holds the iTunes elements (namespace [NamespaceITunes]) of a
// channel: those Apple documents for podcasts today and the older ones
// feeds still carry. Elements of the namespace it has no field for
// (itunes:order, itunes:isClosedCaptioned...) are kept in
// [Feed.Extensions], as are a repeated single-valued element, a value
// that cannot be read, and (with its attributes, its value being read
// too) an element with an attribute the model has no field for.
type ITunesFeed struct {
	Author string `json:"author,omitempty"`
	// Block is itunes:block: "yes" (or "true", in any case) asks
	// directories not to list the podcast.
	Block bool `json:"block,omitempty"`
	// Categories are the itunes:category elements, in order, each with
	// the categories nested in it.
	Categories []ITunesCategory `json:"categories,omitempty"`
	// Complete is itunes:complete: "yes" says no more episodes will come.
	Complete bool `json:"complete,omitempty"`
	// Explicit is itunes:explicit: true for "true", "yes" or "explicit",
	// false for "false", "no" or "clean" (in any case), nil when absent
	// or unreadable.
	Explicit *bool `json:"explicit,omitempty"`
	// Image is the artwork's URL: itunes:image's href, or the url
	// attribute or text where feeds write it there.
	Image string `json:"image,omitempty"`
	// Keywords are itunes:keywords split at commas, trimmed, without
	// empty ones: its text, and its text attribute where a feed writes
	// them there.
	Keywords []string `json:"keywords,omitempty"`
	// NewFeedURL is itunes:new-feed-url: where the podcast has moved.
	NewFeedURL string `json:"newFeedUrl,omitempty"`
	// Owner is itunes:owner, from its itunes:name and itunes:email.
	Owner    *Person `json:"owner,omitempty"`
	Subtitle string  `json:"subtitle,omitempty"`
	Summary  string  `json:"summary,omitempty"`
	Title    string  `json:"title,omitempty"`
	// Type is itunes:type: "episodic" or "serial".
	Type string `json:"type,omitempty"`
}

// ITunesCategory is an itunes:category: its text attribute and the
// categories nested in it.
type ITunesCategory struct {
	Text          string           `json:"text,omitempty"`
	Subcategories []ITunesCategory `json:"subcategories,omitempty"`
}

// ITunesItem holds the iTunes elements (namespace [NamespaceITunes]) of an
// item (an episode). Booleans, Explicit, Image, Keywords and Categories
// read as in [ITunesFeed], and what it has no field for is kept in
// [Item.Extensions] as there.
//
// In JSON, Duration is a number of whole seconds (rounded to the nearest);
// reading it back, a Duration that DurationRaw gives to the same whole
// second is taken from DurationRaw, so that a fraction of a second is
// kept.
type ITunesItem struct {
	Author string `json:"author,omitempty"`
	Block  bool   `json:"block,omitempty"`
	// Duration is itunes:duration read as a length of time; it is zero
	// when the text cannot be read (see [Item.Duration] for the forms
	// read), DurationRaw holding the text as written.
	Duration    time.Duration `json:"duration,omitzero"`
	DurationRaw string        `json:"durationRaw,omitempty"`
	Episode     int           `json:"episode,omitempty"`
	Season      int           `json:"season,omitempty"`
	// EpisodeType is "full", "trailer" or "bonus".
	EpisodeType string   `json:"episodeType,omitempty"`
	Explicit    *bool    `json:"explicit,omitempty"`
	Image       string   `json:"image,omitempty"`
	Keywords    []string `json:"keywords,omitempty"`
	Subtitle    string   `json:"subtitle,omitempty"`
	Summary     string   `json:"summary,omitempty"`
	Title       string   `json:"title,omitempty"`
	// Categories are the itunes:category elements that stand in the
	// item (Apple documents them for the channel only, but feeds write
	// them in episodes too), read as [ITunesFeed.Categories].
	Categories []ITunesCategory `json:"categories,omitempty"`
}

// plainITunesItem is ITunesItem without its JSON methods.
type plainITunesItem ITunesItem

// MarshalJSON writes the item's fields, Duration as whole seconds.
func (i ITunesItem) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		plainITunesItem
		Duration int64 `json:"duration,omitempty"`
	}{plainITunesItem(i), int64(i.Duration.Round(time.Second) / time.Second)})
}

// UnmarshalJSON reads what [ITunesItem.MarshalJSON] writes. A duration in
// seconds may have a fraction.
func (i *ITunesItem) UnmarshalJSON(data []byte) error {
	v := struct {
		*plainITunesItem
		Duration *float64 `json:"duration"`
	}{plainITunesItem: (*plainITunesItem)(i)}
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	i.Duration = 0
	if v.Duration != nil {
		s := *v.Duration
		if s < 0 || s > float64(math.MaxInt64/int64(time.Second)) {
			return errors.New("rss: iTunes duration out of range")
		}
		i.Duration = time.Duration(s * float64(time.Second))
	}
	if d, ok := parseDuration(i.DurationRaw); ok && d.Round(time.Second) == i.Duration.Round(time.Second) {
		i.Duration = d
	}
	return nil
}

// itunes returns the feed's iTunes part, making it when there is none yet:
// an iTunes element stands in the channel.
func (f *Feed) itunes() *ITunesFeed {
	if f.ITunes == nil {
		f.ITunes = &ITunesFeed{}
	}
	return f.ITunes
}

// itunes returns the item's iTunes part, making it when there is none yet.
func (it *Item) itunes() *ITunesItem {
	if it.ITunes == nil {
		it.ITunes = &ITunesItem{}
	}
	return it.ITunes
}

// itunesModule reads the iTunes elements of the channel and of items.
// Feeds spell the names in other cases (itunes:episodetype).
var itunesModule = module{
	space:  NamespaceITunes,
	prefix: "itunes",
	fold:   true,
	names:  itunesNames(),
}

// itunesAttrs are the attributes the iTunes handlers read, by element;
// itunes:category and itunes:owner are read whole, and kept whole when
// they hold more. An element with other attributes keeps a copy, with
// them, in the extensions (see keepingAttrs).
var itunesAttrs = map[string][]string{"image": {"href", "url"}, "keywords": {"text"}}

// itunesNames builds itunesModule's table from itunesHandlers, each
// handler keeping the attributes it does not read.
func itunesNames() map[string]handlers {
	names := map[string]handlers{}
	for name, h := range itunesHandlers {
		if name != "category" && name != "owner" {
			h.channel = keepingAttrs(h.channel, itunesAttrs[name]...)
			h.item = keepingAttrs(h.item, itunesAttrs[name]...)
		}
		names[name] = h
	}
	return names
}

// itunesHandlers read the iTunes elements.
var itunesHandlers = map[string]handlers{
	"author": {
		channel: text(func(f *Feed) *string { return &f.itunes().Author }),
		item:    text(func(it *Item) *string { return &it.itunes().Author }),
	},
	"block": {
		channel: flag(func(f *Feed) *bool { return &f.itunes().Block }),
		item:    flag(func(it *Item) *bool { return &it.itunes().Block }),
	},
	"category": {channel: channelITunesCategory, item: itemITunesCategory},
	"complete": {channel: flag(func(f *Feed) *bool { return &f.itunes().Complete })},
	"explicit": {
		channel: explicit(func(f *Feed) **bool { return &f.itunes().Explicit }),
		item:    explicit(func(it *Item) **bool { return &it.itunes().Explicit }),
	},
	"image": {
		channel: itunesImage(func(f *Feed) *string { return &f.itunes().Image }),
		item:    itunesImage(func(it *Item) *string { return &it.itunes().Image }),
	},
	"keywords": {
		channel: keywords(func(f *Feed) *[]string { return &f.itunes().Keywords }),
		item:    keywords(func(it *Item) *[]string { return &it.itunes().Keywords }),
	},
	"new-feed-url": {channel: urlText(func(f *Feed) *string { return &f.itunes().NewFeedURL })},
	"owner":        {channel: channelITunesOwner},
	"subtitle": {
		channel: text(func(f *Feed) *string { return &f.itunes().Subtitle }),
		item:    text(func(it *Item) *string { return &it.itunes().Subtitle }),
	},
	"summary": {
		channel: text(func(f *Feed) *string { return &f.itunes().Summary }),
		item:    text(func(it *Item) *string { return &it.itunes().Summary }),
	},
	"title": {
		channel: text(func(f *Feed) *string { return &f.itunes().Title }),
		item:    text(func(it *Item) *string { return &it.itunes().Title }),
	},
	"type":        {channel: text(func(f *Feed) *string { return &f.itunes().Type })},
	"duration":    {item: itemDuration},
	"episode":     {item: number(func(it *Item) *int { return &it.itunes().Episode })},
	"season":      {item: number(func(it *Item) *int { return &it.itunes().Season })},
	"episodeType": {item: text(func(it *Item) *string { return &it.itunes().EpisodeType })},
}

// flag is the handler of an iTunes yes/no element, read into the field get
// returns: "yes" or "true" (in any case, trimmed) is true; "no", "false"
// and empty text are false. Other text, which Apple says has no effect,
// reads as false and is kept in the extensions. Repeated, a true one
// wins.
func flag[P parent](get func(P) *bool) func(*Decoder, P, xml.StartElement) error {
	return func(d *Decoder, p P, t xml.StartElement) error {
		dst := get(p)
		s, err := d.readText()
		switch strings.ToLower(s) {
		case "yes", "true":
			*dst = true
		case "", "no", "false":
		default:
			d.keep(p.extensions(), t, s)
		}
		return err
	}
}

// explicit is the handler of itunes:explicit, read into the field get
// returns (see [ITunesFeed.Explicit]). A value that cannot be read, or a
// repeated one, is kept in the extensions.
func explicit[P parent](get func(P) **bool) func(*Decoder, P, xml.StartElement) error {
	return func(d *Decoder, p P, t xml.StartElement) error {
		dst := get(p)
		s, err := d.readText()
		var v bool
		switch strings.ToLower(s) {
		case "yes", "true", "explicit":
			v = true
		case "no", "false", "clean":
		case "":
			return err
		default:
			d.keep(p.extensions(), t, s)
			return err
		}
		if *dst != nil {
			d.keep(p.extensions(), t, s)
			return err
		}
		*dst = &v
		return err
	}
}

// itunesImage is the handler of itunes:image: its href attribute, else a
// url attribute, else its text, as feeds variously write it.
func itunesImage[P parent](get func(P) *string) func(*Decoder, P, xml.StartElement) error {
	return func(d *Decoder, p P, t xml.StartElement) error {
		dst := get(p)
		b := d.links.here()
		s, err := d.readText()
		u := strings.TrimSpace(attr(t, "href"))
		if u == "" {
			u = strings.TrimSpace(attr(t, "url"))
		}
		if u == "" {
			u = s
		}
		if *dst == "" {
			*dst = d.resolved(b, u)
		} else if u != "" {
			d.keep(p.extensions(), t, s)
		}
		return err
	}
}

// keywords is the handler of itunes:keywords, a comma-separated list of
// keywords appended to the slice get returns: its text, and its text
// attribute, where some feeds write them (<itunes:keywords text="a, b"/>,
// as itunes:category is written). When both are given, the attribute's
// keywords that the text does not give follow the text's.
func keywords[P parent](get func(P) *[]string) func(*Decoder, P, xml.StartElement) error {
	return func(d *Decoder, p P, t xml.StartElement) error {
		dst := get(p)
		s, err := d.readText()
		n := len(*dst)
		*dst = appendKeywords(*dst, s)
		for _, k := range appendKeywords(nil, attr(t, "text")) {
			if !slices.Contains((*dst)[n:], k) {
				*dst = append(*dst, k)
			}
		}
		return err
	}
}

// appendKeywords appends the comma-separated keywords of s, trimmed,
// leaving out empty ones.
func appendKeywords(dst []string, s string) []string {
	for k := range strings.SplitSeq(s, ",") {
		if k = strings.TrimSpace(k); k != "" {
			dst = append(dst, k)
		}
	}
	return dst
}

// itemDuration reads itunes:duration: the raw text, and the length of
// time when it can be read.
func itemDuration(d *Decoder, it *Item, t xml.StartElement) error {
	i := it.itunes()
	s, err := d.readText()
	if i.DurationRaw != "" {
		if s != "" {
			d.keep(&it.Extensions, t, s)
		}
		return err
	}
	i.DurationRaw = s
	i.Duration, _ = parseDuration(s)
	return err
}

// channelITunesCategory reads an itunes:category with the categories
// nested in it. When it holds anything else (text beside a text
// attribute, other elements), the whole element is kept in the extensions
// too.
func channelITunesCategory(d *Decoder, f *Feed, t xml.StartElement) error {
	e, err := d.readElement(t)
	c, ok := itunesCategory(e)
	i := f.itunes()
	i.Categories = append(i.Categories, c)
	if !ok {
		f.Extensions = append(f.Extensions, e)
	}
	return err
}

// itemITunesCategory reads an itunes:category standing in an item, as
// channelITunesCategory does in the channel.
func itemITunesCategory(d *Decoder, it *Item, t xml.StartElement) error {
	e, err := d.readElement(t)
	c, ok := itunesCategory(e)
	i := it.itunes()
	i.Categories = append(i.Categories, c)
	if !ok {
		it.Extensions = append(it.Extensions, e)
	}
	return err
}

// itunesCategory maps an itunes:category element read whole; ok is false
// when the element holds something the model has no field for.
func itunesCategory(e Element) (c ITunesCategory, ok bool) {
	ok = true
	for _, a := range e.Attrs {
		if strings.EqualFold(a.Name.Local, "text") && c.Text == "" {
			c.Text = strings.TrimSpace(a.Value)
		} else {
			ok = false
		}
	}
	switch {
	case c.Text == "":
		// Some feeds write the category as text.
		c.Text = e.Text
	case e.Text != "":
		ok = false
	}
	for _, child := range e.Children {
		if child.Name.Space == NamespaceITunes && strings.EqualFold(child.Name.Local, "category") {
			sub, good := itunesCategory(child)
			c.Subcategories = append(c.Subcategories, sub)
			ok = ok && good
		} else {
			ok = false
		}
	}
	return c, ok
}

// channelITunesOwner reads itunes:owner: its itunes:name and itunes:email,
// or, when it has no child elements, its text read with [ParsePerson].
// Anything else in it, or a second owner, keeps the whole element in the
// extensions.
func channelITunesOwner(d *Decoder, f *Feed, t xml.StartElement) error {
	e, err := d.readElement(t)
	i := f.itunes()
	if err != nil || i.Owner != nil {
		f.Extensions = append(f.Extensions, e)
		return err
	}
	p, ok := Person{}, len(e.Attrs) == 0
	if len(e.Children) == 0 {
		p = ParsePerson(e.Text)
	} else if e.Text != "" {
		ok = false
	}
	for _, c := range e.Children {
		dst := (*string)(nil)
		if c.Name.Space == NamespaceITunes {
			switch strings.ToLower(c.Name.Local) {
			case "name":
				dst = &p.Name
			case "email":
				dst = &p.Email
			}
		}
		if dst == nil || *dst != "" || len(c.Children) > 0 {
			ok = false
			continue
		}
		*dst = c.Text
	}
	i.Owner = &p
	if !ok {
		f.Extensions = append(f.Extensions, e)
	}
	return nil
}

// maxDurationSeconds is the longest duration read: about 292 years, the
// most a time.Duration holds.
const maxDurationSeconds = math.MaxInt64 / int64(time.Second)

// parseDuration reads a duration as feeds write itunes:duration:
//
//	"185", "185.5"              seconds
//	"3:05", "03:05.5"           minutes and seconds
//	"1:02:03", "01:02:03.5"     hours, minutes and seconds
//	"PT1H2M3.5S"                ISO 8601 (days, hours, minutes, seconds)
//
// with white space around the whole and around each part. The leading part
// may be any size ("75:30" is 75 minutes), but the minutes and seconds
// after it must be below 60, one or two digits: "1:75" cannot be read, so
// that a mistake is never turned into a guess. Only the last part may have
// a fraction. Units in words ("45 min") and negative values cannot be
// read.
func parseDuration(s string) (time.Duration, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	if s[0] == 'P' || s[0] == 'p' {
		return parseISODuration(s[1:])
	}
	parts := strings.Split(s, ":")
	if len(parts) > 3 {
		return 0, false
	}
	var secs int64
	var frac time.Duration
	for i, p := range parts {
		p = strings.TrimSpace(p)
		last := i == len(parts)-1
		if last {
			var ok bool
			if p, frac, ok = cutFraction(p); !ok {
				return 0, false
			}
		}
		n, ok := digits(p)
		if !ok || i > 0 && (len(p) > 2 || n >= 60) {
			return 0, false
		}
		if secs > (maxDurationSeconds-n)/60 {
			return 0, false
		}
		secs = secs*60 + n
	}
	if secs >= maxDurationSeconds {
		return 0, false
	}
	return time.Duration(secs)*time.Second + frac, true
}

// parseISODuration reads the part of an ISO 8601 duration after its "P":
// [nD][T[nH][nM][n[.f]S]], at least one of them.
func parseISODuration(s string) (time.Duration, bool) {
	units := []struct {
		unit byte
		secs int64
		time bool // after the T
	}{{'D', 86400, false}, {'H', 3600, true}, {'M', 60, true}, {'S', 1, true}}
	var total int64
	var frac time.Duration
	inTime, found := false, false
	for _, u := range units {
		if u.time && !inTime {
			if s == "" {
				break
			}
			if s[0] != 'T' && s[0] != 't' {
				return 0, false
			}
			s, inTime = s[1:], true
			if s == "" {
				return 0, false
			}
		}
		i := strings.IndexAny(s, string(u.unit)+strings.ToLower(string(u.unit)))
		if i < 0 || strings.IndexFunc(s[:i], func(r rune) bool { return (r < '0' || r > '9') && r != '.' }) >= 0 {
			continue
		}
		p := s[:i]
		if u.unit == 'S' {
			var ok bool
			if p, frac, ok = cutFraction(p); !ok {
				return 0, false
			}
		}
		n, ok := digits(p)
		if !ok || n > maxDurationSeconds/u.secs || total > maxDurationSeconds-n*u.secs {
			return 0, false
		}
		total += n * u.secs
		s, found = s[i+1:], true
	}
	if s != "" || !found || total >= maxDurationSeconds {
		return 0, false
	}
	return time.Duration(total)*time.Second + frac, true
}

// cutFraction splits "12.345" into "12" and 345 ms; a fraction beyond
// nanoseconds is cut off. ok is false for a fraction without digits.
func cutFraction(s string) (whole string, frac time.Duration, ok bool) {
	whole, f, found := strings.Cut(s, ".")
	if !found {
		return s, 0, true
	}
	if f == "" {
		return "", 0, false
	}
	scale := time.Duration(time.Second)
	for i := 0; i < len(f); i++ {
		c := f[i]
		if c < '0' || c > '9' {
			return "", 0, false
		}
		if scale /= 10; scale > 0 {
			frac += time.Duration(c-'0') * scale
		}
	}
	return whole, frac, true
}

// digits reads a non-empty string of ASCII digits, up to the longest
// duration in seconds.
func digits(s string) (int64, bool) {
	if s == "" {
		return 0, false
	}
	var n int64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
		if n > maxDurationSeconds {
			return 0, false
		}
	}
	return n, true
}
