package rss_test

import (
	"errors"
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

func TestMediaItem(t *testing.T) {
	feed, err := parseFile(t, "testdata/media_item.xml")
	require.NoError(t, err)
	assert.Nil(t, feed.Media)
	require.Len(t, feed.Items, 1)
	it := feed.Items[0]
	require.NotNil(t, it.Media)
	require.Len(t, it.Media.Contents, 1)
	c := it.Media.Contents[0]
	assert.Equal(t, rss.MediaContent{
		URL: "https://example.com/clip.mov", FileSize: 12216320, Type: "video/quicktime", Medium: "video",
		IsDefault: true, Expression: "full", Bitrate: 128, Framerate: 25, SamplingRate: 44.1, Channels: 2,
		Duration: 185.5, Height: 200, Width: 300, Lang: "en",
		MediaElements: rss.MediaElements{
			Title:      &rss.MediaText{Type: "plain", Value: "The clip"},
			Thumbnails: []rss.MediaThumbnail{{URL: "https://example.com/clip.jpg", Width: 75, Height: 50, Time: "12:05:01.123"}},
		},
		Extensions: c.Extensions,
	}, c)
	require.Len(t, c.Extensions, 1)
	assert.Equal(t, "au us", c.Extensions[0].Text)
	assert.Equal(t, "country", c.Extensions[0].Attr("", "type"))

	assert.Empty(t, it.Media.Groups)
	assert.Equal(t, rss.MediaElements{
		Title:       &rss.MediaText{Type: "html", Value: "A <i>clip</i>"},
		Description: &rss.MediaText{Type: "plain", Value: "What the clip shows"},
		Keywords:    []string{"kitty", "cat", "big dog", "yarn"},
		Thumbnails: []rss.MediaThumbnail{
			{URL: "https://example.com/t1.jpg"},
			{URL: "https://example.com/t2.jpg", Width: 640, Height: 480},
		},
		Categories: []rss.MediaCategory{
			{Scheme: "http://search.yahoo.com/mrss/category_schema", Label: "Music", Value: "music/artist/album"},
			{Value: "pets"},
		},
		Credits:      []rss.MediaCredit{{Role: "producer", Scheme: "urn:ebu", Value: "Jo Producer"}},
		Ratings:      []rss.MediaRating{{Scheme: "urn:simple", Value: "nonadult"}},
		Player:       &rss.MediaPlayer{URL: "https://example.com/player?id=1", Width: 400, Height: 300},
		Copyright:    "2024 Example",
		CopyrightURL: "https://example.com/copyright",
		Community: &rss.MediaCommunity{
			StarRating: &rss.MediaStarRating{Average: 3.5, Count: 20, Min: 1, Max: 10},
			Statistics: &rss.MediaStatistics{Views: 5, Favorites: 4},
			Tags:       []rss.MediaTag{{Name: "news", Weight: 5}, {Name: "abc", Weight: 3}, {Name: "reuters", Weight: 1}},
		},
	}, it.Media.MediaElements)
	require.Len(t, it.Extensions, 1)
	assert.True(t, it.Extensions[0].Is(rss.NamespaceMedia, "hash"))
	assert.Equal(t, "https://example.com/t1.jpg", it.ImageURL(), "the item's own thumbnail first")
	assert.Equal(t, 185500*time.Millisecond, it.Duration(), "no itunes:duration: the default content's")
}

func TestMediaChannel(t *testing.T) {
	feed, err := parseFile(t, "testdata/media_channel.xml")
	require.NoError(t, err)
	assert.Equal(t, &rss.Media{
		Contents: []rss.MediaContent{{URL: "https://example.com/trailer.mp4", Type: "video/mp4"}},
		MediaElements: rss.MediaElements{
			Title:      &rss.MediaText{Value: "Channel media title"},
			Thumbnails: []rss.MediaThumbnail{{URL: "https://example.com/channel.jpg", Width: 144, Height: 144}},
			Ratings:    []rss.MediaRating{{Value: "adult"}},
			Credits:    []rss.MediaCredit{{Role: "author", Value: "Jo"}},
			Categories: []rss.MediaCategory{{Value: "videos"}},
		},
	}, feed.Media, "read with the URI written without its slash")
	assert.Empty(t, feed.Extensions)
	assert.Equal(t, "https://example.com/channel.jpg", feed.ImageURL())
	require.Len(t, feed.Items, 1)
	assert.Nil(t, feed.Items[0].Media, "the channel's media are not the item's")
}

func TestMediaGroup(t *testing.T) {
	feed, err := parseFile(t, "testdata/media_group.xml")
	require.NoError(t, err)
	it := feed.Items[0]
	require.NotNil(t, it.Media)
	assert.Equal(t, []rss.MediaContent{{URL: "https://example.com/cover.png", Medium: "image"}}, it.Media.Contents)
	require.Len(t, it.Media.Groups, 2)
	g := it.Media.Groups[0]
	assert.Equal(t, &rss.MediaText{Value: "Song in two formats"}, g.Title)
	assert.Equal(t, []rss.MediaThumbnail{{URL: "https://example.com/song.jpg"}}, g.Thumbnails)
	require.Len(t, g.Contents, 2)
	assert.Equal(t, rss.MediaContent{URL: "https://example.com/song.mp3", FileSize: 1000, Type: "audio/mpeg",
		Expression: "full", Duration: 240}, g.Contents[0])
	ogg := g.Contents[1]
	assert.True(t, ogg.IsDefault)
	assert.Equal(t, &rss.MediaText{Value: "Ogg version"}, ogg.Title)
	require.Len(t, ogg.Extensions, 1, "a content inside a content is kept in the outer one's Extensions")
	assert.Equal(t, "https://example.com/nested.ogg", ogg.Extensions[0].Attr("", "url"))
	require.Len(t, g.Extensions, 1)
	assert.True(t, g.Extensions[0].Is(rss.NamespaceMedia, "license"))
	assert.Equal(t, "CC BY", g.Extensions[0].Value())
	assert.Equal(t, []rss.MediaContent{{URL: "https://example.com/sample.mp3", Expression: "sample"}}, it.Media.Groups[1].Contents)
	assert.Empty(t, it.Extensions)

	assert.Equal(t, "https://example.com/song.jpg", it.ImageURL(), "a group's thumbnail before an image content")
	assert.Equal(t, 240*time.Second, it.Duration(), "the default content gives no duration: the first that does")
}

// TestMediaDurationFallback checks Item.Duration's order: itunes:duration,
// else the default media:content's duration, else the first one's.
func TestMediaDurationFallback(t *testing.T) {
	for _, tt := range []struct {
		item string
		want time.Duration
	}{
		{`<itunes:duration>10</itunes:duration><media:content duration="20" isDefault="true"/>`, 10 * time.Second},
		{`<itunes:duration>1:75</itunes:duration><media:content duration="20"/>`, 20 * time.Second},
		{`<media:content duration="20"/><media:content duration="30" isDefault="true"/>`, 30 * time.Second},
		{`<media:content/><media:group><media:content duration="2.5"/></media:group>`, 2500 * time.Millisecond},
		{`<media:content duration="0:40"/>`, 40 * time.Second},
		{`<media:content/>`, 0},
	} {
		doc := `<rss xmlns:media="http://search.yahoo.com/mrss/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">` +
			`<channel><item>` + tt.item + `</item></channel></rss>`
		feed, err := rss.Parse(strings.NewReader(doc))
		require.NoError(t, err)
		assert.Equal(t, tt.want, feed.Items[0].Duration(), tt.item)
	}
}

func TestMediaUnreadable(t *testing.T) {
	feed, err := parseFile(t, "testdata/media_unreadable.xml")
	require.NoError(t, err)
	it := feed.Items[0]
	require.NotNil(t, it.Media)
	assert.Equal(t, []rss.MediaContent{{URL: "https://example.com/a.mp4", Height: 360}}, it.Media.Contents)
	assert.Equal(t, []rss.MediaThumbnail{{URL: "https://example.com/a.jpg"}}, it.Media.Thumbnails)
	assert.Equal(t, &rss.MediaText{Value: "First"}, it.Media.Title)
	assert.Equal(t, &rss.MediaPlayer{URL: "https://example.com/p1"}, it.Media.Player)
	assert.Equal(t, &rss.MediaCommunity{Statistics: &rss.MediaStatistics{Views: 10}}, it.Media.Community)
	var kept []string
	for _, e := range it.Extensions {
		kept = append(kept, e.Name.Local)
	}
	assert.Equal(t, []string{"content", "thumbnail", "title", "player", "community"}, kept)
	assert.Equal(t, "big", it.Extensions[0].Attr("", "fileSize"), "the raw attribute")
	assert.Empty(t, it.Extensions[0].Children)
	assert.Equal(t, "-1", it.Extensions[1].Attr("", "height"))
	assert.Equal(t, "Nice", it.Extensions[4].Child(rss.NamespaceMedia, "comments").Child(rss.NamespaceMedia, "comment").Value())
}

// TestMediaNameCase reads Media RSS names in another case, inside a
// content too, and reports them in strict mode.
func TestMediaNameCase(t *testing.T) {
	for _, el := range []string{
		`<media:Thumbnail url="https://example.com/t.jpg"/>`,
		`<media:content url="https://example.com/v.mp4"><media:THUMBNAIL url="https://example.com/t.jpg"/></media:content>`,
		`<media:group><media:Content url="https://example.com/v.mp4"/><media:thumbnail url="https://example.com/t.jpg"/></media:group>`,
	} {
		doc := `<rss xmlns:media="http://search.yahoo.com/mrss/"><channel><item>` + el + `</item></channel></rss>`
		feed, err := rss.Parse(strings.NewReader(doc))
		require.NoError(t, err, el)
		assert.Equal(t, "https://example.com/t.jpg", feed.Items[0].ImageURL(), el)
		assert.Empty(t, feed.Items[0].Extensions, el)
		// Well-formed: strict mode reads the names alike.
		strict, err := stream(strings.NewReader(doc), true)
		require.NoError(t, err, el)
		lenient, err := stream(strings.NewReader(doc), false)
		require.NoError(t, err, el)
		assert.Equal(t, lenient, strict, el)
	}
}

// TestMediaOnlyWhereWritten checks that the Media parts stay nil for
// feeds without the namespace, and that an element whose value is zero
// still makes them.
func TestMediaOnlyWhereWritten(t *testing.T) {
	feed, err := parseFile(t, "testdata/rss20_item.xml")
	require.NoError(t, err)
	assert.Nil(t, feed.Media)
	for _, it := range feed.Items {
		assert.Nil(t, it.Media)
	}
	feed, err = rss.Parse(strings.NewReader(`<rss xmlns:media="http://search.yahoo.com/mrss/"><channel>` +
		`<media:keywords> , </media:keywords><item><media:group/></item></channel></rss>`))
	require.NoError(t, err)
	assert.Equal(t, &rss.Media{}, feed.Media)
	assert.Equal(t, &rss.Media{Groups: []rss.MediaGroup{{}}}, feed.Items[0].Media)
}

// podcastNamespaces are the namespaces TestCorpusPodcastElements counts
// elements of, normalised as the package compares URIs.
var podcastNamespaces = map[string]string{
	"itunes.com/dtds/podcast-1.0.dtd": "itunes",
	"search.yahoo.com/mrss":           "media",
}

var xmlnsDecl = regexp.MustCompile(`xmlns:([A-Za-z_][\w.-]*)\s*=\s*["']([^"']*)["']`)

// TestCorpusPodcastElements checks, on every feed of the corpus that
// declares the iTunes or Media RSS namespace, that each itunes:duration,
// media:content and media:thumbnail the file holds (counted in its bytes
// under the prefixes the file declares) is read into the typed fields.
func TestCorpusPodcastElements(t *testing.T) {
	rss.NeedShared(t, "corpus")
	files, err := filepath.Glob(filepath.Join(shared, "corpus", "*"))
	require.NoError(t, err)
	checked, total := 0, map[string]int{}
	for _, path := range files {
		if strings.HasSuffix(path, ".tsv") || strings.HasSuffix(path, ".jsonl") {
			continue
		}
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		prefixes := map[string][]string{}
		for _, m := range xmlnsDecl.FindAllStringSubmatch(string(data), -1) {
			uri := strings.ToLower(strings.TrimSpace(m[2]))
			uri = strings.TrimPrefix(strings.TrimPrefix(uri, "http://"), "https://")
			uri = strings.TrimRight(strings.TrimPrefix(uri, "www."), "/")
			if ns, ok := podcastNamespaces[uri]; ok {
				prefixes[ns] = append(prefixes[ns], regexp.QuoteMeta(m[1]))
			}
		}
		if len(prefixes) == 0 {
			continue
		}
		count := func(ns, local string) int {
			if len(prefixes[ns]) == 0 {
				return 0
			}
			re := regexp.MustCompile(`<(?:` + strings.Join(prefixes[ns], "|") + `):` + local + `[\s/>]`)
			return len(re.FindAllIndex(data, -1))
		}
		t.Run(filepath.Base(path), func(t *testing.T) {
			feed, err := rss.Parse(strings.NewReader(string(data)))
			if errors.Is(err, rss.ErrNotFeed) {
				t.Skipf("not RSS: %v", err)
			}
			require.NoError(t, err)
			checked++
			var durations, contents, thumbnails int
			media := func(m *rss.Media) {
				if m == nil {
					return
				}
				all := func(e rss.MediaElements, cs []rss.MediaContent) {
					thumbnails += len(e.Thumbnails)
					contents += len(cs)
					for _, c := range cs {
						thumbnails += len(c.Thumbnails)
					}
				}
				all(m.MediaElements, m.Contents)
				for _, g := range m.Groups {
					all(g.MediaElements, g.Contents)
				}
			}
			media(feed.Media)
			for _, it := range feed.Items {
				if it.ITunes != nil && it.ITunes.DurationRaw != "" {
					durations++
				}
				media(it.Media)
			}
			assert.Equal(t, count("itunes", "duration"), durations, "itunes:duration")
			assert.Equal(t, count("media", "content"), contents, "media:content")
			assert.Equal(t, count("media", "thumbnail"), thumbnails, "media:thumbnail")
			total["duration"] += durations
			total["content"] += contents
			total["thumbnail"] += thumbnails
		})
	}
	assert.GreaterOrEqual(t, checked, 20, "corpus feeds with these namespaces")
	t.Logf("typed: %v", total)
	for _, kind := range []string{"duration", "content", "thumbnail"} {
		assert.Positive(t, total[kind], "the corpus has %s elements to find", kind)
	}
}
