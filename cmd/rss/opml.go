package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/feedkit/rss"
	"github.com/feedkit/rss/opml"
)

// maxKept bounds the bytes of an input kept while the rss package decides
// whether it is a feed, to read them again as OPML. The rss package
// decides at the root element, so only a prologue (comments, a DTD) longer
// than this leaves an OPML document unread.
const maxKept = 1 << 20

// maxOPMLBody bounds the body of an OPML document fetched from a URL.
const maxOPMLBody = 16 << 20

// fetchWorkers is how many feeds of an OPML list -fetch fetches at once.
const fetchWorkers = 4

// feedTimeout bounds the fetch of each feed of an OPML list (a variable
// for the tests).
var feedTimeout = 30 * time.Second

// isOPML reports whether err is the rss package's error for an OPML
// document given as a feed.
func isOPML(err error) bool {
	return errors.Is(err, rss.ErrNotFeed) && strings.Contains(err.Error(), "OPML")
}

// keeper passes reads on and keeps a copy of the first maxKept bytes read
// through it, so that what a parser has consumed can be read again.
type keeper struct {
	r        io.Reader
	kept     []byte
	overflow bool
}

func (k *keeper) Read(p []byte) (int, error) {
	n, err := k.r.Read(p)
	if !k.overflow {
		if len(k.kept)+n > maxKept {
			k.overflow = true
			k.kept = nil
		} else {
			k.kept = append(k.kept, p[:n]...)
		}
	}
	return n, err
}

// again returns a reader of the whole input again: the bytes kept, then
// the rest of the source. It fails when the bytes read were too many to
// keep.
func (k *keeper) again() (io.Reader, error) {
	if k.overflow {
		return nil, fmt.Errorf("an OPML document whose first element starts after %d bytes: not read", maxKept)
	}
	return io.MultiReader(bytes.NewReader(k.kept), k.r), nil
}

// readOPMLURL gets the OPML document at url with net/http, its body
// bounded by maxOPMLBody, within fetchTimeout.
func readOPMLURL(url string) (*opml.Document, error) {
	ctx, cancel := context.WithTimeout(context.Background(), fetchTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return nil, fmt.Errorf("HTTP %s", resp.Status)
	}
	body := &io.LimitedReader{R: resp.Body, N: maxOPMLBody + 1}
	doc, err := opml.Parse(body)
	if err == nil && body.N == 0 {
		err = fmt.Errorf("OPML document longer than %d bytes", maxOPMLBody)
	}
	return doc, err
}

// listFeeds writes the feeds of an OPML document as text, one a line: the
// outline's text (else its title), a tab, its xmlUrl.
func listFeeds(w io.Writer, feeds []opml.Outline) {
	for _, o := range feeds {
		name := o.Text
		if strings.TrimSpace(name) == "" {
			name = o.Title
		}
		fmt.Fprintf(w, "%s\t%s\n", oneLine(name), strings.TrimSpace(o.XMLURL))
	}
}

// oneLine collapses white space (line breaks and tabs included), so that
// a name stays on its line and in its column.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// fetched is what fetching one feed of an OPML list gave.
type fetched struct {
	url  string
	feed *rss.Feed // nil when nothing of it can be printed
	err  error
}

// fetchFeeds fetches the feeds of an OPML list with fetch.Fetch, at most
// fetchWorkers at once, each within feedTimeout, and returns what each
// gave, in the list's order.
func fetchFeeds(feeds []opml.Outline) []fetched {
	out := make([]fetched, len(feeds))
	sem := make(chan struct{}, fetchWorkers)
	var wg sync.WaitGroup
	for i, o := range feeds {
		url := strings.TrimSpace(o.XMLURL)
		out[i].url = url
		if !isURL(url) {
			out[i].err = errors.New("not an http:// or https:// URL: not fetched")
			continue
		}
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			feed, err := fetchFeed(url, feedTimeout)
			out[i].feed, out[i].err = printable(feed, err)
		}()
	}
	wg.Wait()
	return out
}
