package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/feedkit/rss"
	"github.com/feedkit/rss/fetch"
)

// fetchTimeout bounds the fetch of one URL.
const fetchTimeout = 2 * time.Minute

// isURL reports whether a command-line argument names a feed over HTTP
// rather than a file.
func isURL(name string) bool {
	return strings.HasPrefix(name, "http://") || strings.HasPrefix(name, "https://")
}

// readFeed reads the feed a command-line argument names: from r, or, for a
// URL, with fetch.Fetch. For a URL that gave no feed (an HTTP error) the feed
// is nil; for an HTML page the error lists the feeds the page names.
func readFeed(name string, r io.Reader) (*rss.Feed, error) {
	if !isURL(name) {
		return rss.Parse(r)
	}
	return fetchFeed(name, fetchTimeout)
}

// fetchFeed reads the feed at url with fetch.Fetch, within timeout.
func fetchFeed(url string, timeout time.Duration) (*rss.Feed, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	res, err := fetch.Fetch(ctx, url, fetch.Validators{})
	if len(res.Alternates) > 0 {
		var urls []string
		for _, l := range res.Alternates {
			urls = append(urls, l.URL)
		}
		err = fmt.Errorf("%w; the page names these feeds: %s", err, strings.Join(urls, " "))
	}
	return res.Feed, err
}
