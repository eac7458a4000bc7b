package rss_test

// The tests of "what a service shows, wherever the feed put it" (DESIGN.md):
// each fall-back of Item.Body, Item.ImageURL, Item.Duration and
// Feed.Authors proven by an item where only that place is filled, and the
// order by items where two are.

import (
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/feedkit/rss"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// jsonMember is an element as the JSON Feed decoder keeps a member it has no
// field for.
func jsonMember(key, text string, children ...rss.Element) rss.Element {
	return rss.Element{Name: xml.Name{Space: rss.NamespaceJSONFeed, Local: key}, Text: text, Children: children}
}

func mediaText(s string) *rss.MediaText { return &rss.MediaText{Value: s} }

// TestBodyFallbacks checks each place Item.Body reads, alone, and the
// order between neighbours.
func TestBodyFallbacks(t *testing.T) {
	descOnly := func(m rss.MediaElements) rss.MediaElements { return m }
	tests := []struct {
		name string
		item rss.Item
		want string
	}{
		{"nothing", rss.Item{}, ""},
		{"empty parts", rss.Item{ITunes: &rss.ITunesItem{}, Media: &rss.Media{}}, ""},
		{"content only", rss.Item{Content: "<p>c</p>"}, "<p>c</p>"},
		{"description only", rss.Item{Description: "<p>d</p>"}, "<p>d</p>"},
		{"itunes:summary only", rss.Item{ITunes: &rss.ITunesItem{Summary: "s"}}, "s"},
		{"item media:description only", rss.Item{Media: &rss.Media{MediaElements: rss.MediaElements{Description: mediaText("m")}}}, "m"},
		{"group media:description only", rss.Item{Media: &rss.Media{Groups: []rss.MediaGroup{
			{MediaElements: rss.MediaElements{Title: &rss.MediaText{Value: "no description here"}}},
			{MediaElements: descOnly(rss.MediaElements{Description: mediaText("g2")})},
		}}}, "g2"},
		{"default content's media:description only", rss.Item{Media: &rss.Media{Contents: []rss.MediaContent{
			{URL: "a", MediaElements: rss.MediaElements{Description: mediaText("first")}},
			{URL: "b", IsDefault: true, MediaElements: rss.MediaElements{Description: mediaText("default")}},
		}}}, "default"},
		{"group's default content's media:description", rss.Item{Media: &rss.Media{Groups: []rss.MediaGroup{{Contents: []rss.MediaContent{
			{URL: "a", MediaElements: rss.MediaElements{Description: mediaText("first")}},
			{URL: "b", IsDefault: true, MediaElements: rss.MediaElements{Description: mediaText("default")}},
		}}}}}, "default"},
		{"first content's media:description without a default", rss.Item{Media: &rss.Media{
			Contents: []rss.MediaContent{{URL: "a"}, {URL: "b", MediaElements: rss.MediaElements{Description: mediaText("second")}}},
			Groups:   []rss.MediaGroup{{Contents: []rss.MediaContent{{URL: "c", MediaElements: rss.MediaElements{Description: mediaText("grouped")}}}}},
		}}, "second"},
		{"a default content in a group wins over a content that is not", rss.Item{Media: &rss.Media{
			Contents: []rss.MediaContent{{URL: "a", MediaElements: rss.MediaElements{Description: mediaText("not default")}}},
			Groups: []rss.MediaGroup{{Contents: []rss.MediaContent{
				{URL: "c", IsDefault: true, MediaElements: rss.MediaElements{Description: mediaText("grouped default")}}}}},
		}}, "grouped default"},
		{"itunes:subtitle only", rss.Item{ITunes: &rss.ITunesItem{Subtitle: "sub"}}, "sub"},

		{"content before description", rss.Item{Content: "c", Description: "d"}, "c"},
		{"description before itunes:summary", rss.Item{Description: "d", ITunes: &rss.ITunesItem{Summary: "s"}}, "d"},
		{"itunes:summary before media:description", rss.Item{ITunes: &rss.ITunesItem{Summary: "s"},
			Media: &rss.Media{MediaElements: rss.MediaElements{Description: mediaText("m")}}}, "s"},
		{"media:description before itunes:subtitle", rss.Item{ITunes: &rss.ITunesItem{Subtitle: "sub"},
			Media: &rss.Media{Groups: []rss.MediaGroup{{MediaElements: rss.MediaElements{Description: mediaText("g")}}}}}, "g"},
		{"the item's media:description before its group's", rss.Item{Media: &rss.Media{
			MediaElements: rss.MediaElements{Description: mediaText("own")},
			Groups:        []rss.MediaGroup{{MediaElements: rss.MediaElements{Description: mediaText("group")}}}}}, "own"},
		{"the group's media:description before its contents'", rss.Item{Media: &rss.Media{Groups: []rss.MediaGroup{{
			MediaElements: rss.MediaElements{Description: mediaText("group")},
			Contents:      []rss.MediaContent{{IsDefault: true, MediaElements: rss.MediaElements{Description: mediaText("content")}}}}}}}, "group"},
		{"summary before subtitle", rss.Item{ITunes: &rss.ITunesItem{Summary: "s", Subtitle: "sub"}}, "s"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.item.Body())
			assert.Equal(t, rss.PlainText(tt.want), tt.item.Text())
		})
	}
}

// TestImageURLFallbacks checks each place Item.ImageURL reads, alone, and
// the order between neighbours.
func TestImageURLFallbacks(t *testing.T) {
	thumb := &rss.Media{MediaElements: rss.MediaElements{Thumbnails: []rss.MediaThumbnail{{URL: "https://x/thumb.jpg"}}}}
	content := func(cs ...rss.MediaContent) *rss.Media { return &rss.Media{Contents: cs} }
	jpg := rss.MediaContent{URL: "https://x/untyped.jpg"}
	tests := []struct {
		name string
		item rss.Item
		want string
	}{
		{"nothing", rss.Item{}, ""},
		{"thumbnail", rss.Item{Media: thumb}, "https://x/thumb.jpg"},
		{"image medium", rss.Item{Media: content(rss.MediaContent{URL: "https://x/m", Medium: "Image"})}, "https://x/m"},
		{"image type", rss.Item{Media: content(rss.MediaContent{URL: "https://x/t", Type: "image/png"})}, "https://x/t"},
		{"untyped .jpg", rss.Item{Media: content(jpg)}, "https://x/untyped.jpg"},
		{"untyped .JPEG with a query", rss.Item{Media: content(rss.MediaContent{URL: "https://x/a.JPEG?w=140&s=1"})}, "https://x/a.JPEG?w=140&s=1"},
		{"untyped .webp with a fragment", rss.Item{Media: content(rss.MediaContent{URL: "https://x/a.webp#f"})}, "https://x/a.webp#f"},
		{"the first of two untyped images", rss.Item{Media: content(
			rss.MediaContent{URL: "https://x/a.png"}, rss.MediaContent{URL: "https://x/a.gif"})}, "https://x/a.png"},
		{"untyped .avif", rss.Item{Media: content(rss.MediaContent{URL: "https://x/a.avif"})}, "https://x/a.avif"},
		{"untyped .svg", rss.Item{Media: content(rss.MediaContent{URL: "https://x/a.svg"})}, "https://x/a.svg"},
		{"untyped .gif in a group", rss.Item{Media: &rss.Media{Groups: []rss.MediaGroup{{Contents: []rss.MediaContent{{URL: "https://x/g.gif"}}}}}}, "https://x/g.gif"},
		{"untyped .mp4 is no image", rss.Item{Media: content(rss.MediaContent{URL: "https://x/v.mp4"})}, ""},
		{"the extension only in the query is no image", rss.Item{Media: content(rss.MediaContent{URL: "https://x/v?f=a.jpg"})}, ""},
		{"a bare extension is no image", rss.Item{Media: content(rss.MediaContent{URL: ".jpg"})}, ""},
		{"a .jpg typed video is no image", rss.Item{Media: content(rss.MediaContent{URL: "https://x/v.jpg", Type: "video/mp4"})}, ""},
		{"a .jpg of medium video is no image", rss.Item{Media: content(rss.MediaContent{URL: "https://x/v.jpg", Medium: "video"})}, ""},
		{"itunes:image", rss.Item{ITunes: &rss.ITunesItem{Image: "https://x/it.jpg"}}, "https://x/it.jpg"},
		{"JSON Feed image", rss.Item{Extensions: []rss.Element{jsonMember("image", "https://x/j.jpg")}}, "https://x/j.jpg"},
		{"JSON Feed banner_image", rss.Item{Extensions: []rss.Element{jsonMember("banner_image", "https://x/b.jpg")}}, "https://x/b.jpg"},
		{"JSON Feed image, relative, resolved against Base", rss.Item{Base: "https://x/feed/",
			Extensions: []rss.Element{jsonMember("image", "img/j.jpg")}}, "https://x/feed/img/j.jpg"},
		{"JSON Feed image, relative, without a Base", rss.Item{Extensions: []rss.Element{jsonMember("image", "img/j.jpg")}}, "img/j.jpg"},
		{"an image element in another namespace is not JSON Feed's", rss.Item{Extensions: []rss.Element{
			{Name: xml.Name{Space: "http://example.com/ns", Local: "image"}, Text: "https://x/other.jpg"}}}, ""},
		{"image enclosure", rss.Item{Enclosures: []rss.Enclosure{{URL: "https://x/a.mp3", Type: "audio/mpeg"}, {URL: "https://x/e.jpg", Type: "image/jpeg"}}}, "https://x/e.jpg"},
		{"img in the body", rss.Item{Base: "https://x/", Description: `<img src="p.png" width="1"><img src="b.png">`}, "https://x/b.png"},

		{"thumbnail before an untyped .jpg", rss.Item{Media: &rss.Media{Contents: []rss.MediaContent{jpg},
			MediaElements: thumb.MediaElements}}, "https://x/thumb.jpg"},
		{"untyped .jpg before itunes:image", rss.Item{Media: content(jpg), ITunes: &rss.ITunesItem{Image: "https://x/it.jpg"}}, "https://x/untyped.jpg"},
		{"itunes:image before JSON Feed image", rss.Item{ITunes: &rss.ITunesItem{Image: "https://x/it.jpg"},
			Extensions: []rss.Element{jsonMember("image", "https://x/j.jpg")}}, "https://x/it.jpg"},
		{"JSON Feed image before banner_image, whatever the order", rss.Item{Extensions: []rss.Element{
			jsonMember("banner_image", "https://x/b.jpg"), jsonMember("image", "https://x/j.jpg")}}, "https://x/j.jpg"},
		{"JSON Feed banner_image before an image enclosure", rss.Item{Extensions: []rss.Element{jsonMember("banner_image", "https://x/b.jpg")},
			Enclosures: []rss.Enclosure{{URL: "https://x/e.jpg", Type: "image/jpeg"}}}, "https://x/b.jpg"},
		{"image enclosure before the body's img", rss.Item{Description: `<img src="https://x/b.png">`,
			Enclosures: []rss.Enclosure{{URL: "https://x/e.jpg", Type: "image/jpeg"}}}, "https://x/e.jpg"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.item.ImageURL())
		})
	}
}

// TestDurationFallbacks checks each place Item.Duration reads, alone, and
// the order between them.
func TestDurationFallbacks(t *testing.T) {
	attachment := func(dur string) rss.Element {
		return jsonMember("attachments", "", jsonMember("url", "https://x/a.mp3"), jsonMember("duration_in_seconds", dur))
	}
	media := &rss.Media{Contents: []rss.MediaContent{{URL: "https://x/v.mp4", Duration: 60}}}
	tests := []struct {
		name string
		item rss.Item
		want time.Duration
	}{
		{"nothing", rss.Item{}, 0},
		{"itunes:duration", rss.Item{ITunes: &rss.ITunesItem{Duration: 90 * time.Second}}, 90 * time.Second},
		{"media:content duration", rss.Item{Media: media}, time.Minute},
		{"attachment duration_in_seconds", rss.Item{Extensions: []rss.Element{attachment("1800.5")}}, 1800*time.Second + 500*time.Millisecond},
		{"the first attachment that gives one", rss.Item{Extensions: []rss.Element{
			jsonMember("attachments", "", jsonMember("url", "https://x/a.ogg")), attachment("0"), attachment("not a number"), attachment("120")}}, 2 * time.Minute},
		{"an infinite number is not read", rss.Item{Extensions: []rss.Element{attachment("1e999")}}, 0},
		{"a negative number is not read", rss.Item{Extensions: []rss.Element{attachment("-5")}}, 0},
		{"duration_in_seconds outside an attachment is not read", rss.Item{Extensions: []rss.Element{jsonMember("duration_in_seconds", "30")}}, 0},

		{"itunes:duration before media:content", rss.Item{ITunes: &rss.ITunesItem{Duration: 90 * time.Second}, Media: media}, 90 * time.Second},
		{"media:content before an attachment", rss.Item{Media: media, Extensions: []rss.Element{attachment("120")}}, time.Minute},
		{"an unreadable itunes:duration falls through", rss.Item{ITunes: &rss.ITunesItem{DurationRaw: "45 min"},
			Extensions: []rss.Element{attachment("120")}}, 2 * time.Minute},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.item.Duration())
		})
	}
}

// TestFeedAuthors checks each place Feed.Authors reads, alone, and the
// order between neighbours.
func TestFeedAuthors(t *testing.T) {
	atom := []rss.Person{{Name: "Ann", URI: "https://x/ann"}, {Name: "Bo"}}
	tests := []struct {
		name string
		feed rss.Feed
		want []rss.Person
	}{
		{"nothing", rss.Feed{}, nil},
		{"empty parts", rss.Feed{Atom: &rss.AtomFeed{Authors: []rss.Person{{}}}, ITunes: &rss.ITunesFeed{Owner: &rss.Person{}}}, nil},
		{"managingEditor", rss.Feed{ManagingEditor: "ed@x.org (The Editor)"}, []rss.Person{{Name: "The Editor", Email: "ed@x.org"}}},
		{"dc:creator", rss.Feed{DC: rss.DublinCore{Creator: []string{"Ann", " ", "bo@x.org"}}}, []rss.Person{{Name: "Ann"}, {Email: "bo@x.org"}}},
		{"Atom authors", rss.Feed{Atom: &rss.AtomFeed{Authors: atom}}, atom},
		{"itunes:author", rss.Feed{ITunes: &rss.ITunesFeed{Author: "Ann Host"}}, []rss.Person{{Name: "Ann Host"}}},
		{"itunes:owner", rss.Feed{ITunes: &rss.ITunesFeed{Owner: &rss.Person{Name: "Media Co", Email: "m@x.org"}}}, []rss.Person{{Name: "Media Co", Email: "m@x.org"}}},

		{"managingEditor before dc:creator", rss.Feed{ManagingEditor: "ed@x.org", DC: rss.DublinCore{Creator: []string{"Ann"}}}, []rss.Person{{Email: "ed@x.org"}}},
		{"dc:creator before Atom authors", rss.Feed{DC: rss.DublinCore{Creator: []string{"Cy"}}, Atom: &rss.AtomFeed{Authors: atom}}, []rss.Person{{Name: "Cy"}}},
		{"Atom authors before itunes:author", rss.Feed{Atom: &rss.AtomFeed{Authors: atom}, ITunes: &rss.ITunesFeed{Author: "Ann Host"}}, atom},
		{"itunes:author before itunes:owner", rss.Feed{ITunes: &rss.ITunesFeed{Author: "Ann Host", Owner: &rss.Person{Name: "Media Co"}}}, []rss.Person{{Name: "Ann Host"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.feed.Authors())
		})
	}
}

// TestShowFixtures checks what the methods give on the fixtures written
// for them, as read by Parse.
func TestShowFixtures(t *testing.T) {
	type want struct {
		text, image string
		duration    time.Duration
	}
	tests := []struct {
		file    string
		authors []rss.Person
		items   []want
	}{
		{"show_youtube.xml", []rss.Person{{Name: "A Workshop Channel", URI: "https://www.example.com/channel/UC0000"}}, []want{
			{text: "Three stones, a honing guide and ten minutes.\nTools in this video: 1000/6000 water stone, leather strop.",
				image: "https://i1.example.com/vi/vid00000001/hqdefault.jpg"},
			{text: "Lapping the back of a chisel flat, before the bevel."},
		}},
		{"show_podcast_text.xml", []rss.Person{{Name: "Ann Host & Bo Guest"}}, []want{
			{text: "We feed a starter for a week & bake on day eight.", duration: 41*time.Minute + 5*time.Second},
			{text: "Which three knives a kitchen needs."},
			{text: "Salt, at length: sea, rock and flake."},
			{text: "What this show is."},
		}},
		{"show_guardian_images.xml", []rss.Person{{Name: "News Desk", Email: "desk@example.co.uk"}}, []want{
			{text: "Boats returned on Thursday.",
				image: "https://i.example.co.uk/img/media/abc123/0_0_4000_2400/master/4000.jpg?width=140&quality=85&auto=format&fit=max&s=00ff"},
			{text: "Drone footage.", image: "https://i.example.co.uk/img/storm-still.PNG#crop"},
		}},
		{"show_jsonfeed_media.json", []rss.Person{{Name: "Cam Recordist", URI: "https://sounds.example.net/about"}}, []want{
			{text: "Forty minutes of rain, recorded at night.", image: "https://sounds.example.net/img/rec-2.jpg", duration: 40 * time.Minute},
			{text: "Birds, before sunrise.", image: "https://sounds.example.net/img/rec-1-wide.jpg", duration: 905*time.Second + 500*time.Millisecond},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tt.file))
			require.NoError(t, err)
			f, err := rss.Parse(strings.NewReader(string(data)))
			require.NoError(t, err)
			assert.Equal(t, tt.authors, f.Authors())
			require.Len(t, f.Items, len(tt.items))
			for i, w := range tt.items {
				it := f.Items[i]
				assert.Equal(t, w.text, it.Text(), "item %d", i)
				assert.Equal(t, w.image, it.ImageURL(), "item %d", i)
				assert.Equal(t, w.duration, it.Duration(), "item %d", i)
			}
		})
	}
}

// TestITunesKeywordsAndItemCategories checks that itunes:keywords written
// as a text attribute is read as the keywords, and that itunes:category
// in an item is typed as in the channel, with what it cannot hold kept in
// the extensions.
func TestITunesKeywordsAndItemCategories(t *testing.T) {
	const doc = `<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel>
<itunes:keywords text="a, b"/>
<item><itunes:keywords text=" c ,d,"/><itunes:category text="Arts"><itunes:category text="Food"/></itunes:category></item>
<item><itunes:keywords text="e, f">f, g</itunes:keywords><itunes:category text="News" extra="x"/></item>
<item><itunes:keywords>h</itunes:keywords><itunes:category>Written as text</itunes:category></item>
</channel></rss>`
	f, err := rss.Parse(strings.NewReader(doc))
	require.NoError(t, err)
	require.NotNil(t, f.ITunes)
	assert.Equal(t, []string{"a", "b"}, f.ITunes.Keywords)
	require.Len(t, f.Items, 3)
	for _, it := range f.Items {
		require.NotNil(t, it.ITunes)
	}
	assert.Equal(t, []string{"c", "d"}, f.Items[0].ITunes.Keywords)
	assert.Equal(t, []string{"f", "g", "e"}, f.Items[1].ITunes.Keywords, "the text's, then the attribute's others")
	assert.Equal(t, []string{"h"}, f.Items[2].ITunes.Keywords)

	assert.Equal(t, []rss.ITunesCategory{{Text: "Arts", Subcategories: []rss.ITunesCategory{{Text: "Food"}}}}, f.Items[0].ITunes.Categories)
	assert.Empty(t, f.Items[0].Extensions)
	assert.Equal(t, []rss.ITunesCategory{{Text: "News"}}, f.Items[1].ITunes.Categories)
	require.Len(t, f.Items[1].Extensions, 1, "a category with an attribute the model has no field for is kept too")
	assert.Equal(t, "x", f.Items[1].Extensions[0].Attr("", "extra"))
	assert.Equal(t, []rss.ITunesCategory{{Text: "Written as text"}}, f.Items[2].ITunes.Categories)
}

// hasMediaDescription reports whether m holds a media:description with
// text anywhere: its own, a group's, a content's.
func hasMediaDescription(m *rss.Media) bool {
	if m == nil {
		return false
	}
	has := func(e rss.MediaElements) bool { return e.Description != nil && e.Description.Value != "" }
	contents := func(cs []rss.MediaContent) bool {
		for _, c := range cs {
			if has(c.MediaElements) {
				return true
			}
		}
		return false
	}
	if has(m.MediaElements) || contents(m.Contents) {
		return true
	}
	for _, g := range m.Groups {
		if has(g.MediaElements) || contents(g.Contents) {
			return true
		}
	}
	return false
}

// showTextCounts are what measureText counts.
type showTextCounts struct {
	items int
	// before counts the items with an itunes:summary, itunes:subtitle or
	// media:description whose content and description give no text (what
	// Item.Text read before it read those); bodyless those of them with
	// neither content nor description; after those whose Text is "".
	before, bodyless, after int
}

// measureText counts, over the feeds of files, the items whose text was
// empty when Item.Body read only content and description, although they
// have an itunes:summary, itunes:subtitle or media:description, and those
// of them whose Text is still empty.
func measureText(t *testing.T, files []string) showTextCounts {
	var n showTextCounts
	for _, path := range files {
		f, err := parseFile(t, path)
		if f == nil {
			t.Logf("%s: %v", filepath.Base(path), err)
			continue
		}
		for _, it := range f.Items {
			n.items++
			summary := it.ITunes != nil && (it.ITunes.Summary != "" || it.ITunes.Subtitle != "")
			if !summary && !hasMediaDescription(it.Media) {
				continue
			}
			old := it.Content
			if old == "" {
				old = it.Description
			}
			if rss.PlainText(old) != "" {
				continue
			}
			n.before++
			if old == "" {
				n.bodyless++
			}
			if it.Text() == "" {
				n.after++
				t.Logf("%s: item %q still has no text", filepath.Base(path), it.Title)
			}
		}
	}
	t.Logf("%d items in %d feeds; with an itunes:summary, itunes:subtitle or media:description but no text from content or description: %d before (%d with neither), %d now",
		n.items, len(files), n.before, n.bodyless, n.after)
	return n
}

// TestShowText measures, on the fixtures and on the shared corpus, the
// items that have an itunes:summary, itunes:subtitle or media:description
// but no text from content or description, and checks that each has text
// now, unless those elements' own text is empty.
func TestShowText(t *testing.T) {
	t.Run("testdata", func(t *testing.T) {
		n := measureText(t, fixtures(t))
		assert.Positive(t, n.before, "the fixtures have such items (show_youtube.xml, show_podcast_text.xml)")
		assert.Zero(t, n.after)
	})
	t.Run("corpus", func(t *testing.T) {
		n := measureText(t, sharedFeeds(t))
		assert.Zero(t, n.after)
	})
}
