package rss_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/feedkit/rss"
)

const exampleFeed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Example News</title>
    <link>https://example.com/</link>
    <item>
      <title>First post</title>
      <link>https://example.com/1</link>
      <pubDate>Mon, 02 Sep 2024 08:00:00 -0400</pubDate>
      <dc:creator>Jo Bloggs</dc:creator>
    </item>
    <item>
      <title>Second post</title>
      <link>https://example.com/2</link>
    </item>
  </channel>
</rss>`

// Parse reads a whole feed into a Feed.
func ExampleParse() {
	feed, err := rss.Parse(strings.NewReader(exampleFeed))
	if err != nil {
		log.Fatal(err) // feed still holds what could be read
	}
	fmt.Println(feed.Title, feed.Version)
	for _, item := range feed.Items {
		fmt.Println("-", item.Title, item.Link)
	}
	fmt.Println(feed.Items[0].Authors()[0].Name, feed.Items[0].PubDate)
	// Output:
	// Example News 2.0
	// - First post https://example.com/1
	// - Second post https://example.com/2
	// Jo Bloggs 2024-09-02 08:00:00 -0400 -0400
}

// A Decoder streams a feed: each item is yielded as soon as its end tag is
// read, and leaving the loop stops reading.
func ExampleDecoder_Items() {
	d := rss.NewDecoder(strings.NewReader(exampleFeed))
	feed, err := d.Channel()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(feed.Title)
	for item, err := range d.Items() {
		if err != nil {
			log.Fatal(err) // a *rss.ParseError; the items before it were complete
		}
		fmt.Println("-", item.Title)
		break // only the newest
	}
	// Output:
	// Example News
	// - First post
}

// The lenient decoder repairs what it can; Strict reports it instead.
func ExampleDecoder_strict() {
	const broken = `<rss version="2.0"><channel><title>Fish & Chips&nbsp;Co</title></channel></rss>`
	feed, err := rss.Parse(strings.NewReader(broken))
	fmt.Printf("%q %v\n", feed.Title, err)

	d := rss.NewDecoder(strings.NewReader(broken))
	d.Strict = true
	_, err = d.Channel()
	fmt.Println(err)
	// Output:
	// "Fish & Chips\u00a0Co" <nil>
	// rss: line 1, column 42: XML syntax error: invalid character entity & (no semicolon)
}

// PlainText turns an item's HTML into text to show or index.
func ExamplePlainText() {
	fmt.Println(rss.PlainText(`<p>Fish &amp; chips</p>`))
	// Output:
	// Fish & chips
}

// ParseDate reads the dates feeds write, keeping their UTC offset.
func ExampleParseDate() {
	t, err := rss.ParseDate("Mon, 02 Sep 2024 08:00:00 -0400")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(t)
	fmt.Println(t.UTC())
	// Output:
	// 2024-09-02 08:00:00 -0400 -0400
	// 2024-09-02 12:00:00 +0000 UTC
}
