package opml_test

import (
	"context"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"time"

	"github.com/feedkit/rss/fetch"
	"github.com/feedkit/rss/opml"
)

// Parse reads a subscription list exported by a feed reader; Feeds lists
// its subscriptions, whatever folders they are in.
func ExampleParse() {
	const export = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>My subscriptions</title></head>
  <body>
    <outline text="News" xmlUrl="https://news.example.com/rss" type="rss"/>
    <outline text="Tech">
      <outline text="Go blog" xmlUrl="https://go.dev/blog/feed.atom" htmlUrl="https://go.dev/blog/"/>
      <outline text="Caf&eacute; &amp; code" xmlurl="https://cafe.example.org/feed"/>
    </outline>
  </body>
</opml>`
	doc, err := opml.Parse(strings.NewReader(export))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(doc.Title)
	for _, o := range doc.Feeds() {
		fmt.Printf("%s: %s\n", o.Text, o.XMLURL)
	}
	// Output:
	// My subscriptions
	// News: https://news.example.com/rss
	// Go blog: https://go.dev/blog/feed.atom
	// Café & code: https://cafe.example.org/feed
}

// Write exports a subscription list built in code as OPML 2.0.
func ExampleWrite() {
	doc := &opml.Document{
		Title:       "Exported subscriptions",
		DateCreated: time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC),
		Outlines: []opml.Outline{
			{Text: "Podcasts", Outlines: []opml.Outline{
				{Text: "Talk & more", Type: "rss", XMLURL: "https://pod.example.com/feed.xml"},
			}},
			{Text: "Blog", Type: "rss", XMLURL: "https://blog.example.com/atom.xml", HTMLURL: "https://blog.example.com/"},
		},
	}
	if err := opml.Write(os.Stdout, doc); err != nil {
		log.Fatal(err)
	}
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <opml version="2.0">
	//   <head>
	//     <title>Exported subscriptions</title>
	//     <dateCreated>Sat, 01 Mar 2025 09:00:00 +0000</dateCreated>
	//   </head>
	//   <body>
	//     <outline text="Podcasts">
	//       <outline text="Talk &amp; more" type="rss" xmlUrl="https://pod.example.com/feed.xml"/>
	//     </outline>
	//     <outline text="Blog" type="rss" xmlUrl="https://blog.example.com/atom.xml" htmlUrl="https://blog.example.com/"/>
	//   </body>
	// </opml>
}

// Read a subscription list and fetch each of its feeds with package fetch.
// (The server here runs in the example's own process.)
func ExampleDocument_Feeds() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, `<rss version="2.0"><channel><title>Feed at `+r.URL.Path+`</title>
			<item><title>One</title></item><item><title>Two</title></item></channel></rss>`)
	}))
	defer srv.Close()
	list := `<opml version="1.0"><body>
		<outline text="A" xmlUrl="` + srv.URL + `/a.xml"/>
		<outline text="Folder"><outline text="B" xmlUrl="` + srv.URL + `/b.xml"/></outline>
	</body></opml>`

	doc, err := opml.Parse(strings.NewReader(list))
	if err != nil {
		log.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for _, o := range doc.Feeds() {
		res, err := fetch.Fetch(ctx, o.XMLURL, fetch.Validators{})
		if err != nil {
			fmt.Printf("%s: %v\n", o.Text, err)
			continue
		}
		fmt.Printf("%s: %q, %d items\n", o.Text, res.Feed.Title, len(res.Feed.Items))
	}
	// Output:
	// A: "Feed at /a.xml", 2 items
	// B: "Feed at /b.xml", 2 items
}
