package rss_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/feedkit/rss"
)

// FindElement finds an element the model has no typed field for, kept in
// the item's Extensions: here FeedBurner's link to the original article.
func ExampleFindElement() {
	const doc = `<rss version="2.0" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0">
<channel><title>Example</title>
<item>
  <title>Post</title>
  <link>https://feeds.example.com/~r/example/~3/abc/</link>
  <feedburner:origLink>https://example.com/2024/post</feedburner:origLink>
</item>
</channel></rss>`
	f, err := rss.Parse(strings.NewReader(doc))
	if err != nil {
		log.Fatal(err)
	}
	const feedburner = "http://rssnamespace.org/feedburner/ext/1.0"
	it := f.Items[0]
	if e := rss.FindElement(it.Extensions, feedburner, "origLink"); e != nil {
		fmt.Println(e.Text)
	}
	// A typed element is never in Extensions: itunes:duration is
	// ITunes.Duration, and a lookup of what is absent chains safely.
	fmt.Printf("%q\n", rss.FindElement(it.Extensions, rss.NamespaceITunes, "duration").Value())
	// Output:
	// https://example.com/2024/post
	// ""
}

// Text reads an item's text from wherever the feed put it: here a
// YouTube-like entry, whose description is only in its media:group.
func ExampleItem_Text() {
	const doc = `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
<title>Channel</title>
<entry>
  <title>Video</title>
  <media:group>
    <media:thumbnail url="https://i.example.com/v1.jpg" width="480" height="360"/>
    <media:description>What the video shows.</media:description>
  </media:group>
</entry>
</feed>`
	f, err := rss.Parse(strings.NewReader(doc))
	if err != nil {
		log.Fatal(err)
	}
	it := f.Items[0]
	fmt.Println(it.Text())
	fmt.Println(it.ImageURL())
	// Output:
	// What the video shows.
	// https://i.example.com/v1.jpg
}

// Feed.Authors names who writes the feed, from whichever element says it.
func ExampleFeed_Authors() {
	const doc = `<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel>
<title>A podcast</title>
<itunes:owner><itunes:name>Example Media</itunes:name><itunes:email>pod@example.com</itunes:email></itunes:owner>
</channel></rss>`
	f, err := rss.Parse(strings.NewReader(doc))
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range f.Authors() {
		fmt.Println(p)
	}
	// Output:
	// Example Media <pod@example.com>
}
