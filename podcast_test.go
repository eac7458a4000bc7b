package rss_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/feedkit/rss"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// podcastDoc wraps channel elements, and item elements in its one item, in
// a feed declaring the Podcasting 2.0 namespace as podcast.
func podcastDoc(channel, item string) string {
	return `<rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel><title>T</title>` +
		channel + `<item><title>I</title>` + item + `</item></channel></rss>`
}

func parseString(t *testing.T, doc string) *rss.Feed {
	t.Helper()
	feed, err := rss.Parse(strings.NewReader(doc))
	require.NoError(t, err)
	return feed
}

// TestPodcastChannel checks typed values of the channel fixture: numbers,
// booleans, dates with their offsets, nested remote items and recipients;
// nothing goes to the Extensions, and the item without podcast elements
// has no podcast part.
func TestPodcastChannel(t *testing.T) {
	feed, err := parseFile(t, "testdata/podcast_channel.xml")
	require.NoError(t, err)
	p := feed.Podcast
	require.NotNil(t, p)
	assert.Empty(t, feed.Extensions)
	assert.Equal(t, "917393e3-1b1e-5cef-ace4-edaa54e1f810", p.GUID)
	assert.Equal(t, &rss.PodcastLocked{Value: true, Owner: "owner@example.com"}, p.Locked)
	require.Len(t, p.Trailers, 1)
	assertTime(t, date(2021, 4, 1, 8, 0, 0, -5), p.Trailers[0].PubDate)
	assert.Equal(t, int64(12345678), p.Trailers[0].Length)
	assert.Equal(t, 4, p.Trailers[0].Season)
	assert.Equal(t, []rss.PodcastBlock{{Value: true}, {ID: "google", Value: false}}, p.Blocks)
	require.Len(t, p.Value, 1)
	assert.InDelta(t, 5e-8, p.Value[0].Suggested, 1e-20)
	assert.Equal(t, []int{99, 1}, []int{p.Value[0].ValueRecipients[0].Split, p.Value[0].ValueRecipients[1].Split})
	assert.True(t, p.Value[0].ValueRecipients[1].Fee)
	require.Len(t, p.Podroll, 2)
	assert.Equal(t, "Buzzcast", p.Podroll[0].Title)
	require.NotNil(t, p.Publisher)
	assert.Equal(t, "publisher", p.Publisher.Medium)
	require.NotNil(t, p.UpdateFrequency)
	assertTime(t, date(2023, 8, 28, 0, 0, 0, 0), p.UpdateFrequency.DTStart)
	assert.Equal(t, []string{"artwork", "social"}, p.Image[0].Purpose)
	assert.Equal(t, 3000, p.Image[0].Width)
	assert.Equal(t, &rss.PodcastPodping{UsesPodping: true}, p.Podping)
	require.Len(t, feed.Items, 1)
	assert.Nil(t, feed.Items[0].Podcast)
}

// TestPodcastItem checks typed values of the item fixture, times in
// seconds read from decimals and from a clock among them.
func TestPodcastItem(t *testing.T) {
	feed, err := parseFile(t, "testdata/podcast_item.xml")
	require.NoError(t, err)
	assert.Nil(t, feed.Podcast, "no podcast element in the channel")
	require.Len(t, feed.Items, 1)
	it := feed.Items[0]
	assert.Empty(t, it.Extensions)
	p := it.Podcast
	require.NotNil(t, p)
	assert.Len(t, p.Transcripts, 2)
	assert.Equal(t, []rss.PodcastSoundbite{
		{StartTime: 73, Duration: 60},
		{StartTime: 3723.5, Duration: 42.25, Title: "Why the Namespace Matters"},
	}, p.Soundbites)
	assert.Equal(t, &rss.PodcastSeason{Number: 3, Name: "Race for the Whitehouse 2020"}, p.Season)
	assert.Equal(t, &rss.PodcastEpisode{Number: 315.5, Display: "Ch.3"}, p.Episode)
	assert.Equal(t, []rss.PodcastSocialInteract{{Protocol: "disabled"}}, p.SocialInteract)
}

// TestPodcastLiveItems checks that a live item is not one of the feed's
// items: it goes to the channel's live items, whether it stands before or
// after the items, its start and end keep their offsets, and its children
// are read as an item's are.
func TestPodcastLiveItems(t *testing.T) {
	data, err := os.ReadFile("testdata/podcast_live_item.xml")
	require.NoError(t, err)
	d := rss.NewDecoder(bytes.NewReader(data))
	feed, err := d.Channel()
	require.NoError(t, err)
	require.NotNil(t, feed.Podcast)
	require.Len(t, feed.Podcast.LiveItems, 1, "the live item before the items, at Channel")

	live := feed.Podcast.LiveItems[0]
	assert.Equal(t, "live", live.Status)
	assertTime(t, date(2021, 9, 26, 7, 30, 0, -6), live.Start)
	assertTime(t, date(2021, 9, 26, 9, 30, 0, -6), live.End)
	assert.Equal(t, "2021-09-26T09:30:00.000-0600", live.EndRaw)
	require.NotNil(t, live.Item)
	assert.Equal(t, "Podcasting 2.0 Live Show", live.Item.Title)
	assert.Equal(t, rss.GUID{Value: "https://example.com/live", IsPermaLink: true}, live.Item.GUID)
	require.Len(t, live.Item.Enclosures, 1)
	require.NotNil(t, live.Item.Podcast)
	assert.Len(t, live.Item.Podcast.ContentLink, 2)
	require.Len(t, live.Item.Podcast.AlternateEnclosures, 1)
	assert.True(t, live.Item.Podcast.AlternateEnclosures[0].Default)

	var items []*rss.Item
	for it, err := range d.Items() {
		require.NoError(t, err)
		items = append(items, it)
	}
	require.Len(t, items, 1, "live items are not items")
	assert.Equal(t, "Episode 1", items[0].Title)
	require.Len(t, feed.Podcast.LiveItems, 2, "the live item after the items, once they are read")
	assert.Equal(t, "pending", feed.Podcast.LiveItems[1].Status)
	assert.True(t, feed.Podcast.LiveItems[1].End.IsZero())
	assert.Empty(t, feed.Extensions)
}

// TestPodcastLiveItemInSource checks the Atom rule for shared fields in an
// RSS feed, where a podcast:liveItem stands in an item's atom:source: the
// source, and the live item in it, take their link, rights and ID from Atom
// elements, as a feed's metadata does; the item around them, and a live
// item of the channel, do not, even after the source.
func TestPodcastLiveItemInSource(t *testing.T) {
	doc := `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:podcast="https://podcastindex.org/namespace/1.0">
<channel><title>c</title>
<podcast:liveItem status="pending"><title>top</title><atom:id>urn:top</atom:id><atom:link href="https://top.example/"/></podcast:liveItem>
<item><title>i</title>
<atom:source><atom:title>s</atom:title><atom:rights>r</atom:rights><atom:link href="https://src.example/"/>
<podcast:liveItem status="live"><title>live</title><atom:id>urn:live</atom:id><atom:link href="https://live.example/"/></podcast:liveItem>
</atom:source>
<atom:id>urn:entry</atom:id><atom:link href="https://entry.example/"/>
</item></channel></rss>`
	feed, err := rss.Parse(strings.NewReader(doc))
	require.NoError(t, err)
	require.NotNil(t, feed.Podcast)
	require.Len(t, feed.Podcast.LiveItems, 1)
	top := feed.Podcast.LiveItems[0].Item
	assert.Empty(t, top.GUID.Value, "a channel's live item in RSS")
	assert.Empty(t, top.Link, "a channel's live item in RSS")

	require.Len(t, feed.Items, 1)
	it := feed.Items[0]
	assert.Empty(t, it.GUID.Value, "the RSS item, after its source")
	assert.Empty(t, it.Link, "the RSS item, after its source")
	require.NotNil(t, it.Atom)
	assert.Equal(t, "urn:entry", it.Atom.ID)
	require.NotNil(t, it.Atom.Source)
	src := it.Atom.Source
	assert.Equal(t, "https://src.example/", src.Link)
	assert.Equal(t, "r", src.Copyright)
	require.NotNil(t, src.Podcast)
	require.Len(t, src.Podcast.LiveItems, 1)
	live := src.Podcast.LiveItems[0].Item
	assert.Equal(t, rss.GUID{Value: "urn:live"}, live.GUID, "a live item in a source")
	assert.Equal(t, "https://live.example/", live.Link, "a live item in a source")
}

// TestPodcastAlternateEnclosure checks alternate enclosures with their
// sources and integrity.
func TestPodcastAlternateEnclosure(t *testing.T) {
	feed, err := parseFile(t, "testdata/podcast_alternate_enclosure.xml")
	require.NoError(t, err)
	require.Len(t, feed.Items, 1)
	it := feed.Items[0]
	assert.Empty(t, it.Extensions)
	require.NotNil(t, it.Podcast)
	assert.Equal(t, []rss.PodcastAlternateEnclosure{
		{Type: "audio/mpeg", Length: 2490970, Bitrate: 160707.74, Default: true, Title: "Standard", Lang: "en-US",
			Codecs: "mp3", Sources: []rss.PodcastSource{
				{URI: "https://example.com/file-0.mp3"},
				{URI: "ipfs://QmdwGqd3d2gFPGeJNLLCshdiPert45fMu84552Y4XHTy4y"},
				{URI: "https://example.com/file-0.torrent", ContentType: "application/x-bittorrent"},
			}},
		{Type: "video/mp4", Length: 7924786, Bitrate: 511276.52, Height: 720, Rel: "video",
			Sources: []rss.PodcastSource{{URI: "https://example.com/file-720.mp4"}},
			Integrity: &rss.PodcastIntegrity{Type: "sri",
				Value: "sha384-ExVqijgYHm15PqQqdXfW95x+Rs6C+d6E/ICxyQOeFevnxNLR/wtJNrNYTjIysUBo"}},
	}, it.Podcast.AlternateEnclosures)
}

// TestPodcastPersonsLocations checks that persons and locations are lists
// in the channel and in items, with rel creator and subject together.
func TestPodcastPersonsLocations(t *testing.T) {
	feed, err := parseFile(t, "testdata/podcast_persons_locations.xml")
	require.NoError(t, err)
	require.NotNil(t, feed.Podcast)
	assert.Len(t, feed.Podcast.Persons, 2)
	var rels []string
	for _, l := range feed.Podcast.Locations {
		rels = append(rels, l.Rel)
	}
	assert.Equal(t, []string{"creator", "subject"}, rels)
	p := feed.Items[0].Podcast
	require.NotNil(t, p)
	assert.Len(t, p.Persons, 3)
	assert.Equal(t, rss.PodcastPerson{Name: "Becky Smith", Role: "Cover Art Designer", Group: "visuals",
		Href: "https://example.com/becky"}, p.Persons[2])
	assert.Len(t, p.Locations, 2)
}

// TestPodcastValueTimeSplits checks an item's value block with its time
// splits, remote and local, and the default remote percentage.
func TestPodcastValueTimeSplits(t *testing.T) {
	feed, err := parseFile(t, "testdata/podcast_value.xml")
	require.NoError(t, err)
	require.Len(t, feed.Podcast.Value, 1)
	assert.Len(t, feed.Podcast.Value[0].ValueRecipients, 3)
	assert.Equal(t, "696969", feed.Podcast.Value[0].ValueRecipients[1].CustomKey)
	v := feed.Items[0].Podcast.Value
	require.Len(t, v, 1)
	require.Len(t, v[0].ValueTimeSplits, 2)
	remote, local := v[0].ValueTimeSplits[0], v[0].ValueTimeSplits[1]
	assert.Equal(t, 95.0, remote.RemotePercentage)
	assert.Equal(t, 174.0, remote.RemoteStartTime)
	require.NotNil(t, remote.RemoteItem)
	assert.Equal(t, "a94f5cc9-8c58-55fc-91fe-a324087a655b", remote.RemoteItem.FeedGUID)
	assert.Equal(t, 100.0, local.RemotePercentage, "absent: 100, as the specification says")
	assert.Len(t, local.ValueRecipients, 2)
	assert.Nil(t, local.RemoteItem)
}

// TestPodcastValues reads one attribute or text at a time: what can be
// read is typed and leaves no Extensions; what cannot leaves the zero value
// and the element whole in the Extensions.
func TestPodcastValues(t *testing.T) {
	soundbite := func(attr string) string { return `<podcast:soundbite ` + attr + `/>` }
	start := func(f *rss.Feed) any { return f.Items[0].Podcast.Soundbites[0].StartTime }
	for _, tc := range []struct {
		name    string
		channel string
		item    string
		get     func(*rss.Feed) any
		want    any
		kept    bool // the element is kept in the Extensions too
	}{
		{"seconds", "", soundbite(`startTime="73.5"`), start, 73.5, false},
		{"seconds trimmed", "", soundbite(`startTime=" 60 "`), start, 60.0, false},
		{"minutes clock", "", soundbite(`startTime="1:13.5"`), start, 73.5, false},
		{"hours clock", "", soundbite(`startTime="1:02:03"`), start, 3723.0, false},
		{"exponent", "", soundbite(`startTime="1e2"`), start, 100.0, false},
		{"negative seconds", "", soundbite(`startTime="-1"`), start, 0.0, true},
		{"NaN seconds", "", soundbite(`startTime="NaN"`), start, 0.0, true},
		{"Inf seconds", "", soundbite(`startTime="+Inf"`), start, 0.0, true},
		{"overflowing seconds", "", soundbite(`startTime="1e999"`), start, 0.0, true},
		{"hexadecimal seconds", "", soundbite(`startTime="0x1p3"`), start, 0.0, true},
		{"four-part clock", "", soundbite(`startTime="1:2:3:4"`), start, 0.0, true},
		{"negative clock", "", soundbite(`startTime="1:-2"`), start, 0.0, true},
		{"word", "", soundbite(`startTime="soon"`), start, 0.0, true},
		{"episode decimal", "", `<podcast:episode>100.5</podcast:episode>`,
			func(f *rss.Feed) any { return f.Items[0].Podcast.Episode.Number }, 100.5, false},
		{"episode NaN", "", `<podcast:episode>nan</podcast:episode>`,
			func(f *rss.Feed) any { return f.Items[0].Podcast.Episode.Number }, 0.0, true},
		{"season decimal", "", `<podcast:season>2.5</podcast:season>`,
			func(f *rss.Feed) any { return f.Items[0].Podcast.Season.Number }, 0, true},
		{"length", "", `<podcast:alternateEnclosure type="a" length="12"/>`,
			func(f *rss.Feed) any { return f.Items[0].Podcast.AlternateEnclosures[0].Length }, int64(12), false},
		{"negative length", "", `<podcast:alternateEnclosure type="a" length="-12"/>`,
			func(f *rss.Feed) any { return f.Items[0].Podcast.AlternateEnclosures[0].Length }, int64(0), true},
		{"bool yes", `<podcast:locked>YES</podcast:locked>`, "",
			func(f *rss.Feed) any { return f.Podcast.Locked.Value }, true, false},
		{"bool 0", `<podcast:podping usesPodping="0"/>`, "",
			func(f *rss.Feed) any { return f.Podcast.Podping.UsesPodping }, false, false},
		{"bool other", `<podcast:block>sometimes</podcast:block>`, "",
			func(f *rss.Feed) any { return f.Podcast.Blocks[0].Value }, false, true},
		{"remote percentage clamped", `<podcast:value type="l" method="k"><podcast:valueTimeSplit startTime="1" duration="2" remotePercentage="150"/></podcast:value>`, "",
			func(f *rss.Feed) any { return f.Podcast.Value[0].ValueTimeSplits[0].RemotePercentage }, 100.0, false},
		{"bad date keeps its text", `<podcast:updateFrequency dtstart="next year">Soon</podcast:updateFrequency>`, "",
			func(f *rss.Feed) any {
				u := f.Podcast.UpdateFrequency
				return fmt.Sprint(u.DTStart.IsZero(), " ", u.DTStartRaw)
			}, "true next year", false},
		{"unknown attribute", `<podcast:funding url="https://x" currency="EUR">Give</podcast:funding>`, "",
			func(f *rss.Feed) any { return f.Podcast.Funding[0].URL }, "https://x", true},
		{"xml:lang is no unknown attribute", `<podcast:funding url="https://x" xml:lang="en">Give</podcast:funding>`, "",
			func(f *rss.Feed) any { return f.Podcast.Funding[0].Text }, "Give", false},
		{"unknown child", `<podcast:podroll><podcast:remoteItem feedGuid="a"/><podcast:other/></podcast:podroll>`, "",
			func(f *rss.Feed) any { return len(f.Podcast.Podroll) }, 1, true},
		{"second remote item of a publisher", `<podcast:publisher><podcast:remoteItem feedGuid="a"/><podcast:remoteItem feedGuid="b"/></podcast:publisher>`, "",
			func(f *rss.Feed) any { return f.Podcast.Publisher.FeedGUID }, "a", true},
		{"markup in a name is HTML", "", `<podcast:person>Jo <b>Bold</b> &amp; co</podcast:person>`,
			func(f *rss.Feed) any { return f.Items[0].Podcast.Persons[0].Name }, "Jo <b>Bold</b> &amp; co", false},
		{"text of an empty element is ignored", "", `<podcast:transcript url="https://x" type="text/vtt">stray</podcast:transcript>`,
			func(f *rss.Feed) any { return f.Items[0].Podcast.Transcripts[0].URL }, "https://x", false},
		{"repeated single element", `<podcast:guid>a</podcast:guid><podcast:guid>b</podcast:guid>`, "",
			func(f *rss.Feed) any { return f.Podcast.GUID }, "a", true},
		{"empty element makes the part", `<podcast:medium/>`, "",
			func(f *rss.Feed) any { return *f.Podcast }, rss.PodcastFeed{}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			feed := parseString(t, podcastDoc(tc.channel, tc.item))
			require.Len(t, feed.Items, 1)
			assert.Equal(t, tc.want, tc.get(feed))
			kept := len(feed.Extensions) + len(feed.Items[0].Extensions)
			if tc.kept {
				assert.Equal(t, 1, kept, "kept in the Extensions")
			} else {
				assert.Zero(t, kept, "kept in the Extensions: %v %v", feed.Extensions, feed.Items[0].Extensions)
			}
		})
	}
}

// TestPodcastPlacement checks that a tag standing where the 1.0 document
// does not allow it, or nested where it is not read, is kept in the
// Extensions and makes no podcast part.
func TestPodcastPlacement(t *testing.T) {
	for _, tc := range []struct{ name, channel, item string }{
		{"transcript in the channel", `<podcast:transcript url="https://x" type="text/vtt"/>`, ""},
		{"medium in an item", "", `<podcast:medium>music</podcast:medium>`},
		{"live item in an item", "", `<podcast:liveItem status="live"><title>x</title></podcast:liveItem>`},
		{"source outside an alternate enclosure", "", `<podcast:source uri="https://x"/>`},
		{"a tag the document does not have", `<podcast:unknownTag/>`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			feed := parseString(t, podcastDoc(tc.channel, tc.item))
			require.Len(t, feed.Items, 1)
			assert.Nil(t, feed.Podcast)
			assert.Nil(t, feed.Items[0].Podcast)
			assert.Equal(t, 1, len(feed.Extensions)+len(feed.Items[0].Extensions))
		})
	}
}

// TestPodcastStrict checks strict mode: the fixtures read the same as in
// lenient mode, a name in the wrong case is an error, and a child in the
// wrong case is not read but kept.
func TestPodcastStrict(t *testing.T) {
	files, err := filepath.Glob("testdata/podcast_*.xml")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, path := range files {
		if strings.HasSuffix(path, "podcast_undeclared_prefix.xml") {
			continue // a prefix never declared: strict mode reports it
		}
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			require.NoError(t, err)
			lenient, err := stream(bytes.NewReader(data), false)
			require.NoError(t, err)
			strict, err := stream(bytes.NewReader(data), true)
			require.NoError(t, err)
			assert.Equal(t, lenient, strict)
		})
	}

	// Names in another case are well-formed: both modes read them alike.
	for _, doc := range []string{
		podcastDoc(`<podcast:Medium>music</podcast:Medium>`, ""),
		podcastDoc("", `<podcast:alternateEnclosure type="a"><podcast:SOURCE uri="https://x"/></podcast:alternateEnclosure>`),
	} {
		strict, err := stream(strings.NewReader(doc), true)
		require.NoError(t, err)
		lenient := parseString(t, doc)
		assert.Equal(t, lenient, strict)
	}
	lenient := parseString(t, podcastDoc("", `<podcast:alternateEnclosure type="a"><podcast:SOURCE uri="https://x"/></podcast:alternateEnclosure>`))
	assert.Len(t, lenient.Items[0].Podcast.AlternateEnclosures[0].Sources, 1)
	assert.Empty(t, lenient.Items[0].Extensions)
}

// TestPodcastNilWithoutNamespace checks that feeds without the namespace's
// elements have no podcast part, on the fixtures and on every shared feed
// (two of which declare the namespace but use none of its elements).
func TestPodcastNilWithoutNamespace(t *testing.T) {
	files := fixtures(t)
	if _, err := os.Stat(shared); err == nil {
		files = append(files, sharedFeeds(t)...)
	}
	checked := 0
	for _, path := range files {
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		if podcastPrefixes(data) != nil || strings.HasPrefix(filepath.Base(path), "podcast_") {
			continue
		}
		feed, _ := rss.Parse(bytes.NewReader(data))
		assert.Nil(t, feed.Podcast, path)
		for _, it := range feed.Items {
			assert.Nil(t, it.Podcast, path)
		}
		checked++
	}
	assert.Positive(t, checked)
}

var podcastNS = regexp.MustCompile(`xmlns:([A-Za-z_][\w.-]*)\s*=\s*["'](?i:https?://podcastindex\.org/namespace/1\.0|https?://github\.com/Podcastindex-org/podcast-namespace/blob/main/docs/1\.0\.md)/?["']`)

// podcastPrefixes returns the prefixes a document binds to the namespace,
// read from its bytes.
func podcastPrefixes(data []byte) []string {
	var ps []string
	for _, m := range podcastNS.FindAllSubmatch(data, -1) {
		ps = append(ps, string(m[1]))
	}
	return ps
}

// podcastCounts counts the typed values of the tags rawPodcastCounts
// counts, in the channel, its live items and the items.
func podcastCounts(feed *rss.Feed) map[string]int {
	n := map[string]int{}
	item := func(it *rss.Item) {
		p := it.Podcast
		if p == nil {
			return
		}
		n["person"] += len(p.Persons)
		n["location"] += len(p.Locations)
		n["transcript"] += len(p.Transcripts)
		n["soundbite"] += len(p.Soundbites)
		n["alternateEnclosure"] += len(p.AlternateEnclosures)
		n["contentLink"] += len(p.ContentLink)
		for _, ae := range p.AlternateEnclosures {
			n["source"] += len(ae.Sources)
		}
		for _, v := range p.Value {
			n["valueRecipient"] += len(v.ValueRecipients)
			for _, ts := range v.ValueTimeSplits {
				n["valueRecipient"] += len(ts.ValueRecipients)
			}
		}
	}
	if p := feed.Podcast; p != nil {
		n["person"] += len(p.Persons)
		n["location"] += len(p.Locations)
		n["liveItem"] += len(p.LiveItems)
		for _, v := range p.Value {
			n["valueRecipient"] += len(v.ValueRecipients)
		}
		for _, li := range p.LiveItems {
			item(li.Item)
		}
	}
	for _, it := range feed.Items {
		item(it)
	}
	for tag, c := range n {
		if c == 0 {
			delete(n, tag)
		}
	}
	return n
}

// rawPodcastCounts counts the start tags of a few repeatable tags in the
// document's bytes, under each prefix it binds to the namespace, in any
// case (as the lenient decoder reads them).
func rawPodcastCounts(data []byte, prefixes []string) map[string]int {
	n := map[string]int{}
	for _, tag := range []string{"person", "location", "transcript", "soundbite", "alternateEnclosure", "source",
		"contentLink", "valueRecipient", "liveItem"} {
		for _, p := range prefixes {
			re := regexp.MustCompile(`<` + regexp.QuoteMeta(p) + `:(?i:` + tag + `)[\s/>]`)
			if c := len(re.FindAll(data, -1)); c > 0 {
				n[tag] += c
			}
		}
	}
	return n
}

// TestPodcastCounts compares, for every feed that declares the namespace
// (the shared corpus's and the fixtures, but for the one whose values are
// meant to be unreadable), the start tags counted in its bytes with the
// typed values read: each element lands in its field.
func TestPodcastCounts(t *testing.T) {
	files := fixtures(t)
	if _, err := os.Stat(shared); err == nil {
		files = append(files, sharedFeeds(t)...)
	}
	declaring, using := 0, 0
	for _, path := range files {
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		prefixes := podcastPrefixes(data)
		if prefixes == nil {
			continue
		}
		declaring++
		t.Run(filepath.Base(path), func(t *testing.T) {
			feed, err := rss.Parse(bytes.NewReader(data))
			require.NoError(t, err)
			raw := rawPodcastCounts(data, prefixes)
			if len(raw) > 0 {
				using++
			}
			assert.Equal(t, raw, podcastCounts(feed))
			if bytes.Contains(data, []byte("<"+prefixes[0]+":")) {
				assert.True(t, feed.Podcast != nil || len(feed.Items) > 0 && feed.Items[0].Podcast != nil)
			} else {
				assert.Nil(t, feed.Podcast, "declared, never used")
			}
		})
	}
	assert.GreaterOrEqual(t, declaring, 8, "feeds declaring the namespace")
	assert.Positive(t, using)
}

// TestPodcastLinear checks that the cost of reading podcast elements grows
// linearly with their number: allocations for 2n alternate-enclosure
// sources, 2n persons and 2n attributes are about twice those for n.
func TestPodcastLinear(t *testing.T) {
	build := map[string]func(n int) string{
		"sources": func(n int) string {
			return podcastDoc("", `<podcast:alternateEnclosure type="a">`+
				strings.Repeat(`<podcast:source uri="https://example.com/a.mp3"/>`, n)+`</podcast:alternateEnclosure>`)
		},
		"persons": func(n int) string {
			return podcastDoc(strings.Repeat(`<podcast:person role="guest">Jo</podcast:person>`, n), "")
		},
		"attributes": func(n int) string {
			var b strings.Builder
			for i := range n {
				fmt.Fprintf(&b, ` a%d="v"`, i)
			}
			return podcastDoc("", `<podcast:transcript url="https://x"`+b.String()+`/>`)
		},
	}
	for name, doc := range build {
		t.Run(name, func(t *testing.T) {
			allocs := func(n int) float64 {
				s := doc(n)
				return testing.AllocsPerRun(5, func() {
					if _, err := rss.Parse(strings.NewReader(s)); err != nil {
						t.Fatal(err)
					}
				})
			}
			base := allocs(0)
			a1, a2 := allocs(500)-base, allocs(1000)-base
			assert.InDelta(t, 2, a2/a1, 0.3, "allocations for 500: %v, for 1000: %v", a1, a2)
		})
	}
}

// A podcast's Podcasting 2.0 parts: the channel's live streams, which are
// not among the items, and an episode's transcripts and people.
func ExamplePodcastFeed() {
	const doc = `<rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel>
	<title>Example Show</title>
	<podcast:liveItem status="pending" start="2021-09-26T07:30:00-06:00">
		<title>Live: Q&amp;A</title>
		<podcast:contentLink href="https://example.com/live">Listen live</podcast:contentLink>
	</podcast:liveItem>
	<item>
		<title>Episode 1</title>
		<podcast:transcript url="https://example.com/1.vtt" type="text/vtt"/>
		<podcast:person role="guest">Jane Doe</podcast:person>
	</item>
</channel></rss>`
	feed, err := rss.Parse(strings.NewReader(doc))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, live := range feed.Podcast.LiveItems {
		fmt.Println(live.Status, live.Start.Format(time.RFC3339), live.Item.Title, live.Item.Podcast.ContentLink[0].Href)
	}
	for _, it := range feed.Items {
		p := it.Podcast
		fmt.Println(it.Title, p.Transcripts[0].Type, p.Persons[0].Name, p.Persons[0].Role)
	}
	// Output:
	// pending 2021-09-26T07:30:00-06:00 Live: Q&A https://example.com/live
	// Episode 1 text/vtt Jane Doe guest
}
