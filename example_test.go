package rss_test

import (
	"fmt"
	"log"
	"strings"
	"time"

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

// Atom feeds are read into the same Feed and Item as RSS, so that code
// written for RSS works on them unchanged; what only Atom says is in the
// Atom part.
func ExampleParse_atom() {
	feed, err := rss.Parse(strings.NewReader(`<feed xmlns="http://www.w3.org/2005/Atom">
	  <title>Example Feed</title>
	  <link href="https://example.org/"/>
	  <updated>2003-12-13T18:30:02Z</updated>
	  <author><name>John Doe</name></author>
	  <id>urn:uuid:60a76c80-d399-11d9-b93c-0003939e0af6</id>
	  <entry>
	    <title>Atom-Powered Robots Run Amok</title>
	    <link href="https://example.org/2003/12/13/atom03"/>
	    <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
	    <updated>2003-12-13T18:30:02Z</updated>
	    <summary type="html">Some &lt;b&gt;text&lt;/b&gt;.</summary>
	  </entry>
	</feed>`))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(feed.Version, feed.Title, feed.Link)
	fmt.Println("by", feed.Atom.Authors[0].Name)
	for _, it := range feed.Items {
		fmt.Println(it.Published().Format(time.DateOnly), it.Title, it.Link)
		fmt.Println(it.ID(), rss.PlainText(it.Body()))
	}
	// Output:
	// atom1.0 Example Feed https://example.org/
	// by John Doe
	// 2003-12-13 Atom-Powered Robots Run Amok https://example.org/2003/12/13/atom03
	// urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a Some text.
}
