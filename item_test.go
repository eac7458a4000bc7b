package rss_test

import (
	"strings"
	"testing"

	"github.com/feedkit/rss"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestItemMethods checks the convenience methods of Item on a hand-built
// item: what each gives, and which field wins when several are set.
func TestItemMethods(t *testing.T) {
	it := &rss.Item{Description: "<p>d</p>", GUID: rss.GUID{Value: "https://example.com/g", IsPermaLink: true},
		DC: rss.DublinCore{Date: []string{"not a date", "2024-01-02T03:04:05Z"}, Creator: []string{"A <a@example.com>", "B"}}}
	assertTime(t, date(2024, 1, 2, 3, 4, 5, 0), it.Published(), "the first dc:date that can be read")
	assert.Equal(t, "<p>d</p>", it.Body())
	assert.Equal(t, "d", it.Text())
	assert.Equal(t, "https://example.com/g", it.ID())
	assert.Equal(t, "https://example.com/g", it.Permalink(), "a permalink guid when there is no link")
	assert.Equal(t, []rss.Person{{Name: "A", Email: "a@example.com"}, {Name: "B"}}, it.Authors())

	it.Author = "jo@example.com"
	it.Link = "https://example.com/l"
	assert.Equal(t, []rss.Person{{Email: "jo@example.com"}}, it.Authors(), "author wins over dc:creator")
	assert.Equal(t, "https://example.com/l", it.Permalink())
	assert.Equal(t, "https://example.com/g", it.ID(), "guid wins over link")

	empty := &rss.Item{}
	assert.True(t, empty.Published().IsZero())
	assert.Nil(t, empty.Authors())
	assert.Empty(t, empty.ID())
}

// TestItemDateAndAuthorFallbacks checks the order of the convenience
// methods' fall-backs on hand-built items.
func TestItemDateAndAuthorFallbacks(t *testing.T) {
	pub := date(2024, 1, 1, 0, 0, 0, 0)
	dc := date(2024, 1, 2, 0, 0, 0, 0)
	published := date(2024, 1, 3, 0, 0, 0, 0)
	updated := date(2024, 1, 4, 0, 0, 0, 0)
	it := &rss.Item{PubDate: pub, DC: rss.DublinCore{Date: []string{"2024-01-02T00:00:00Z"}},
		Atom: &rss.AtomEntry{Published: published, Updated: updated}}
	assertTime(t, pub, it.Published(), "pubDate first")
	assertTime(t, updated, it.Updated(), "atom:updated first")
	it.PubDate = rss.Item{}.PubDate
	assertTime(t, dc, it.Published(), "then dc:date")
	it.DC.Date = nil
	assertTime(t, published, it.Published(), "then atom:published")
	it.Atom.Published = rss.Item{}.PubDate
	assertTime(t, updated, it.Published(), "then atom:updated")
	it.Atom.Updated = rss.Item{}.PubDate
	assert.True(t, it.Published().IsZero())
	assert.True(t, it.Updated().IsZero())
	it.DC.Date = []string{"2024-01-02T00:00:00Z"}
	assertTime(t, dc, it.Updated(), "Updated falls back to Published")

	atomAuthors := []rss.Person{{Name: "Atom Author", URI: "https://example.com/a"}}
	it = &rss.Item{Author: "jo@example.com", DC: rss.DublinCore{Creator: []string{"Dee"}}, Atom: &rss.AtomEntry{Authors: atomAuthors}}
	assert.Equal(t, []rss.Person{{Email: "jo@example.com"}}, it.Authors(), "author first")
	it.Author = ""
	assert.Equal(t, []rss.Person{{Name: "Dee"}}, it.Authors(), "then dc:creator")
	it.DC.Creator = nil
	got := it.Authors()
	assert.Equal(t, atomAuthors, got, "then the Atom authors")
	got[0].Name = "changed"
	assert.Equal(t, "Atom Author", it.Atom.Authors[0].Name, "Authors returns a copy")
}

// TestItemImageURL checks the order of ImageURL's fall-backs, one item
// of the fixture for each.
func TestItemImageURL(t *testing.T) {
	feed, err := parseFile(t, "testdata/media_image_fallbacks.xml")
	require.NoError(t, err)
	want := map[string]string{
		"thumbnail":       "https://example.com/1-thumb.jpg",
		"group thumbnail": "https://example.com/2-thumb.jpg",
		"image content":   "https://example.com/3.jpg",
		"itunes image":    "https://example.com/4-itunes.jpg",
		"image enclosure": "https://example.com/5.png",
		"body image":      "https://example.com/6.jpg",
		"tracking pixel":  "https://example.com/7.jpg",
		"none":            "",
	}
	require.Len(t, feed.Items, len(want))
	for _, it := range feed.Items {
		assert.Equal(t, want[it.Title], it.ImageURL(), it.Title)
	}
}

// TestImageURLBodyCost checks that ImageURL reads an item's body with an
// HTML tokenizer only when the body holds an <img>: a long body without
// one costs no allocation, and one with an image early stops there.
func TestImageURLBodyCost(t *testing.T) {
	long := strings.Repeat("<p>Some <b>text</b> &amp; a <a href='https://example.com/'>link</a>.</p>\n", 10000)
	it := &rss.Item{Content: long}
	assert.Equal(t, "", it.ImageURL())
	assert.Zero(t, testing.AllocsPerRun(10, func() { it.ImageURL() }), "no <img>: no tokenizer")

	early := &rss.Item{Content: `<img src="https://example.com/a.jpg">` + long}
	small := &rss.Item{Content: `<img src="https://example.com/a.jpg">`}
	assert.Equal(t, "https://example.com/a.jpg", early.ImageURL())
	assert.Equal(t, testing.AllocsPerRun(10, func() { small.ImageURL() }),
		testing.AllocsPerRun(10, func() { early.ImageURL() }), "the body after the first image is not read")
}

// TestItemAuthorsOrder checks Authors' fall-backs: author, else
// dc:creator, else itunes:author.
func TestItemAuthorsOrder(t *testing.T) {
	for _, tt := range []struct {
		item string
		want []rss.Person
	}{
		{`<author>jo@example.com (Jo)</author><dc:creator>Al</dc:creator><itunes:author>Pod</itunes:author>`,
			[]rss.Person{{Name: "Jo", Email: "jo@example.com"}}},
		{`<dc:creator>Al</dc:creator><dc:creator>Bo</dc:creator><itunes:author>Pod</itunes:author>`,
			[]rss.Person{{Name: "Al"}, {Name: "Bo"}}},
		{`<itunes:author>Pod Host</itunes:author>`, []rss.Person{{Name: "Pod Host"}}},
		{`<itunes:author></itunes:author>`, nil},
	} {
		doc := `<rss xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">` +
			`<channel><item>` + tt.item + `</item></channel></rss>`
		feed, err := rss.Parse(strings.NewReader(doc))
		require.NoError(t, err)
		assert.Equal(t, tt.want, feed.Items[0].Authors(), tt.item)
	}
}
