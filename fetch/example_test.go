package fetch_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"
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

// A Fetcher of one's own names the service in the User-Agent and bounds
// the body. Its errors say what to do with the subscription: a 410 Gone
// means stop polling, and a server that is busy says how long to wait.
func ExampleFetcher() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/old.xml":
			w.WriteHeader(http.StatusGone)
		case "/busy.xml":
			w.Header().Set("Retry-After", "120")
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	}))
	defer srv.Close()

	f := &fetch.Fetcher{
		UserAgent: "MyReader/1.0 " + fetch.DefaultUserAgent,
		MaxBytes:  4 << 20,
	}
	ctx := context.Background()
	for _, path := range []string{"/old.xml", "/busy.xml"} {
		_, err := f.Fetch(ctx, srv.URL+path, fetch.Validators{})
		var he *fetch.HTTPError
		switch {
		case errors.Is(err, fetch.ErrGone):
			fmt.Println(path, "is gone: unsubscribe")
		case errors.As(err, &he):
			fmt.Printf("%s: status %d, wait %s\n", path, he.StatusCode, he.RetryAfter)
		}
	}
	// Output:
	// /old.xml is gone: unsubscribe
	// /busy.xml: status 503, wait 2m0s
}

// Discover lists the feeds a page's head names, resolved against the
// page's URL, for a user who gave the site's address rather than its feed's.
func ExampleDiscover() {
	page := `<!DOCTYPE html>
<html><head>
<title>Jo's blog</title>
<link rel="stylesheet" href="/style.css">
<link rel="alternate" type="application/rss+xml" title="Posts" href="/feed.xml">
<link rel="alternate" type="application/atom+xml" title="Comments" href="comments/atom.xml">
</head><body>...</body></html>`
	links, err := fetch.Discover(strings.NewReader(page), "https://example.com/blog/")
	if err != nil {
		log.Fatal(err)
	}
	for _, l := range links {
		fmt.Println(l.Type, l.URL, l.Title)
	}
	// Output:
	// application/rss+xml https://example.com/feed.xml Posts
	// application/atom+xml https://example.com/blog/comments/atom.xml Comments
}

// Open streams a feed: a poller that remembers the newest item it has seen
// stops reading there, and the rest of the body is never read. (A stream
// stopped early gives no validators: the next poll gets the whole feed.)
func ExampleOpen() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `<rss version="2.0"><channel><title>Example News</title>
			<item><guid>post-3</guid><title>Third post</title></item>
			<item><guid>post-2</guid><title>Second post</title></item>
			<item><guid>post-1</guid><title>First post</title></item>
		</channel></rss>`)
	}))
	defer srv.Close()

	seen := map[string]bool{"post-2": true, "post-1": true}
	resp, err := fetch.Open(context.Background(), srv.URL+"/feed.xml", fetch.Validators{})
	if err != nil {
		log.Fatal(err)
	}
	defer resp.Close()
	fmt.Println(resp.Feed.Title)
	for item, err := range resp.Items() {
		if err != nil {
			log.Fatal(err)
		}
		if seen[item.ID()] {
			break
		}
		fmt.Println("new:", item.Title)
	}
	fmt.Printf("validators to store: %+v\n", resp.Validators())
	// Output:
	// Example News
	// new: Third post
	// validators to store: {ETag: LastModified:}
}
