package rss_test

import (
	"testing"

	"github.com/feedkit/rss"
	"github.com/stretchr/testify/assert"
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
