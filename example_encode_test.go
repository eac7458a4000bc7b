package rss_test

import (
	"fmt"
	"log"
	"os"
	"strings"
	"time"

	"github.com/feedkit/rss"
)

// ExampleEncoder converts a feed: an RSS 2.0 feed read, written as Atom 1.0.
func ExampleEncoder() {
	const in = `<rss version="2.0"><channel>
  <title>Example</title><link>https://example.org/</link>
  <item><title>Hello</title><link>https://example.org/hello</link>
    <guid>https://example.org/hello</guid>
    <pubDate>Mon, 09 Sep 2024 08:00:00 +0200</pubDate>
    <description>&lt;p&gt;Hi!&lt;/p&gt;</description></item>
</channel></rss>`
	feed, err := rss.Parse(strings.NewReader(in))
	if err != nil {
		log.Fatal(err)
	}
	enc := rss.NewEncoder(os.Stdout, rss.Atom1)
	enc.Indent = "  "
	if err := enc.Encode(feed); err != nil {
		log.Fatal(err)
	}
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <feed xmlns="http://www.w3.org/2005/Atom">
	// <id>https://example.org/</id>
	// <title>Example</title>
	// <updated>2024-09-09T08:00:00+02:00</updated>
	// <link href="https://example.org/" rel="alternate"/>
	// <author>
	//   <name>Example</name>
	// </author>
	// <entry>
	//   <id>https://example.org/hello</id>
	//   <title>Hello</title>
	//   <updated>2024-09-09T08:00:00+02:00</updated>
	//   <link href="https://example.org/hello" rel="alternate"/>
	//   <summary type="html">&lt;p&gt;Hi!&lt;/p&gt;</summary>
	// </entry>
	// </feed>
}

// ExampleEncoder_podcast publishes a podcast feed built in code, with the
// iTunes and Podcasting 2.0 elements directories ask for.
func ExampleEncoder_podcast() {
	explicit := false
	published := time.Date(2024, 9, 9, 8, 0, 0, 0, time.FixedZone("", 2*3600))
	feed := &rss.Feed{
		Title:       "Bits & Pieces",
		Link:        "https://example.org/",
		Description: "A show about small things.",
		Language:    "en",
		AtomLinks:   []rss.AtomLink{{Href: "https://example.org/feed.xml", Rel: "self", Type: "application/rss+xml"}},
		ITunes: &rss.ITunesFeed{
			Author:     "Jo Bloggs",
			Image:      "https://example.org/art.jpg",
			Categories: []rss.ITunesCategory{{Text: "Technology"}},
			Explicit:   &explicit,
			Owner:      &rss.Person{Name: "Jo Bloggs", Email: "jo@example.org"},
		},
		Podcast: &rss.PodcastFeed{GUID: "917393e3-1b1e-5cef-ace4-edaa54e1f810", Locked: &rss.PodcastLocked{Value: true}},
		Items: []*rss.Item{{
			Title:      "Episode 1",
			GUID:       rss.GUID{Value: "ep1"},
			PubDate:    published,
			Enclosures: []rss.Enclosure{{URL: "https://example.org/ep1.mp3", Length: 24986239, Type: "audio/mpeg"}},
			ITunes:     &rss.ITunesItem{Duration: 62*time.Minute + 3*time.Second, Episode: 1},
			Podcast:    &rss.PodcastItem{Transcripts: []rss.PodcastTranscript{{URL: "https://example.org/ep1.vtt", Type: "text/vtt"}}},
		}},
	}
	enc := rss.NewEncoder(os.Stdout, rss.RSS2)
	enc.Indent = "  "
	if err := enc.Encode(feed); err != nil {
		log.Fatal(err)
	}
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0">
	// <channel>
	//   <title>Bits &amp; Pieces</title>
	//   <link>https://example.org/</link>
	//   <description>A show about small things.</description>
	//   <language>en</language>
	//   <atom:link href="https://example.org/feed.xml" rel="self" type="application/rss+xml"/>
	//   <itunes:author>Jo Bloggs</itunes:author>
	//   <itunes:owner>
	//     <itunes:name>Jo Bloggs</itunes:name>
	//     <itunes:email>jo@example.org</itunes:email>
	//   </itunes:owner>
	//   <itunes:image href="https://example.org/art.jpg"/>
	//   <itunes:category text="Technology"/>
	//   <itunes:explicit>false</itunes:explicit>
	//   <podcast:guid>917393e3-1b1e-5cef-ace4-edaa54e1f810</podcast:guid>
	//   <podcast:locked>yes</podcast:locked>
	//   <item>
	//     <title>Episode 1</title>
	//     <enclosure url="https://example.org/ep1.mp3" length="24986239" type="audio/mpeg"/>
	//     <guid isPermaLink="false">ep1</guid>
	//     <pubDate>Mon, 09 Sep 2024 08:00:00 +0200</pubDate>
	//     <itunes:duration>3723</itunes:duration>
	//     <itunes:episode>1</itunes:episode>
	//     <podcast:transcript url="https://example.org/ep1.vtt" type="text/vtt"/>
	//   </item>
	// </channel>
	// </rss>
}

// ExampleFormat lists the formats an Encoder writes.
func ExampleFormat() {
	for _, f := range []rss.Format{rss.RSS2, rss.Atom1, rss.JSONFeed1} {
		fmt.Println(f)
	}
	// Output:
	// rss
	// atom
	// jsonfeed
}
