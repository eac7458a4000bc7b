package fetch_test

import (
	"context"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"time"

	"github.com/feedkit/rss/fetch"
)

// Fetch polls a feed: the first time it gets the feed and its validators,
// the next time it sends them back, and the unchanged feed costs the
// server a 304 Not Modified instead of the whole body. (The server here
// runs in the example's own process.)
func ExampleFetch() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		const etag = `"v1"`
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		io.WriteString(w, `<rss version="2.0"><channel><title>Example News</title>
			<item><title>First post</title></item>
			<item><title>Second post</title></item>
		</channel></rss>`)
	}))
	defer srv.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var prev fetch.Validators // stored with the subscription between polls
	for poll := 1; poll <= 2; poll++ {
		res, err := fetch.Fetch(ctx, srv.URL+"/feed.xml", prev)
		if err != nil {
			log.Fatal(err)
		}
		prev = res.Validators
		if res.NotModified {
			fmt.Printf("poll %d: %d, not modified\n", poll, res.StatusCode)
			continue
		}
		fmt.Printf("poll %d: %d, %s, %d items, ETag %s\n", poll, res.StatusCode, res.Feed.Title,
			len(res.Feed.Items), res.Validators.ETag)
		fmt.Println("ask again within a day:", time.Until(res.NextFetch) <= 24*time.Hour)
	}
	// Output:
	// poll 1: 200, Example News, 2 items, ETag "v1"
	// ask again within a day: true
	// poll 2: 304, not modified
}
