package rss_test

import (
	"strings"
	"testing"

	"github.com/feedkit/rss"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFeedImageURL checks the order of the feed's ImageURL fall-backs:
// the image's url, itunes:image, then a Media RSS thumbnail.
func TestFeedImageURL(t *testing.T) {
	for _, tt := range []struct{ channel, want string }{
		{`<image><url>https://example.com/rss.png</url></image><itunes:image href="https://example.com/it.jpg"/>` +
			`<media:thumbnail url="https://example.com/th.jpg"/>`, "https://example.com/rss.png"},
		{`<image><title>no url</title></image><itunes:image href="https://example.com/it.jpg"/>` +
			`<media:thumbnail url="https://example.com/th.jpg"/>`, "https://example.com/it.jpg"},
		{`<itunes:image/><media:content url="https://example.com/v.mp4"><media:thumbnail url="https://example.com/th.jpg"/></media:content>`,
			"https://example.com/th.jpg"},
		{`<media:content url="https://example.com/photo.jpg" medium="image"/>`, ""},
		{``, ""},
	} {
		doc := `<rss xmlns:media="http://search.yahoo.com/mrss/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">` +
			`<channel><title>T</title>` + tt.channel + `</channel></rss>`
		feed, err := rss.Parse(strings.NewReader(doc))
		require.NoError(t, err)
		assert.Equal(t, tt.want, feed.ImageURL(), tt.channel)
	}
}
