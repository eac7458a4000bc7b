package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/iotest"
	"time"

	"github.com/feedkit/rss"
	"github.com/feedkit/rss/opml"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const subscriptions = "testdata/subscriptions.opml"

// TestOPMLList checks that an OPML list, from a file or standard input,
// prints the feeds it lists, depth first: as text one a line (the name,
// on one line, a tab, the xmlUrl), as JSON the outlines.
func TestOPMLList(t *testing.T) {
	data, err := os.ReadFile(subscriptions)
	require.NoError(t, err)
	wantURLs := []string{"https://news.example.com/rss", "https://go.dev/blog/feed.atom", "https://cafe.example.org/feed"}
	for _, tt := range []struct {
		name, stdin string
		args        []string
		oneByte     bool
	}{
		{"file", "", []string{subscriptions}, false},
		{"stdin", string(data), nil, false},
		{"stdin dash", string(data), []string{"-"}, false},
		{"stdin one byte at a time", string(data), nil, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var in io.Reader = strings.NewReader(tt.stdin)
			if tt.oneByte {
				in = iotest.OneByteReader(in)
			}
			code, out, errOut := runToolReader(t, in, append([]string{"-format", "text"}, tt.args...)...)
			require.Equal(t, 0, code, errOut)
			assert.Empty(t, errOut)
			assert.Equal(t, "News\thttps://news.example.com/rss\nGo blog\thttps://go.dev/blog/feed.atom\nCafé & code\thttps://cafe.example.org/feed\n", out)

			code, out, errOut = runTool(t, tt.stdin, tt.args...)
			require.Equal(t, 0, code, errOut)
			var outlines []opml.Outline
			require.NoError(t, json.Unmarshal([]byte(out), &outlines), out)
			var urls []string
			for _, o := range outlines {
				urls = append(urls, o.XMLURL)
			}
			assert.Equal(t, wantURLs, urls)
			assert.Equal(t, "Go blog", outlines[1].Title)
			assert.Equal(t, "https://go.dev/blog/", outlines[1].HTMLURL)
		})
	}
}

// TestOPMLBeside checks an OPML list among feeds: in JSON one element of
// the array (its outlines), in text its lines between the listings.
func TestOPMLBeside(t *testing.T) {
	code, out, errOut := runTool(t, "", "../../testdata/rss20_item.xml", subscriptions)
	require.Equal(t, 0, code, errOut)
	var elems []json.RawMessage
	require.NoError(t, json.Unmarshal([]byte(out), &elems))
	require.Len(t, elems, 2)
	var feed rss.Feed
	require.NoError(t, json.Unmarshal(elems[0], &feed))
	assert.Equal(t, "Items", feed.Title)
	var outlines []opml.Outline
	require.NoError(t, json.Unmarshal(elems[1], &outlines))
	assert.Len(t, outlines, 3)

	code, out, errOut = runTool(t, "", "-format", "text", "../../testdata/rss20_item.xml", subscriptions)
	require.Equal(t, 0, code, errOut)
	assert.True(t, strings.HasPrefix(out, "Items\n"), out)
	assert.True(t, strings.HasSuffix(out, "\n\nNews\thttps://news.example.com/rss\nGo blog\thttps://go.dev/blog/feed.atom\nCafé & code\thttps://cafe.example.org/feed\n"), out)
}

// TestOPMLErrors checks OPML inputs that cannot be read whole or are
// given where a feed is needed.
func TestOPMLErrors(t *testing.T) {
	// Cut off inside the body: the outlines read are printed, exit 1.
	cut := `<opml version="1.0"><body><outline text="A" xmlUrl="https://a.example/feed"/><outline text="B" xmlUrl="https://b.example/feed"/><outline text="C"`
	code, out, errOut := runTool(t, cut, "-format", "text")
	assert.Equal(t, 1, code)
	assert.Equal(t, "A\thttps://a.example/feed\nB\thttps://b.example/feed\n", out)
	assert.Contains(t, errOut, "-: opml: line 1")

	// No feeds listed: nothing in text, an empty JSON array.
	empty := `<opml version="2.0"><head><title>None</title></head><body><outline text="folder"/></body></opml>`
	code, out, errOut = runTool(t, empty, "-format", "text")
	assert.Equal(t, 0, code, errOut)
	assert.Empty(t, out)
	code, out, errOut = runTool(t, empty)
	assert.Equal(t, 0, code, errOut)
	assert.Equal(t, "[]\n", out)

	// A conversion reads a feed.
	code, out, errOut = runTool(t, "", "-format", "atom", subscriptions)
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Equal(t, subscriptions+": an OPML subscription list, not a feed: a conversion reads one feed\n", errOut)

	// A prologue longer than what is kept to read it again: an error,
	// never a wrong or empty list.
	long := "<!--" + strings.Repeat("x", maxKept) + "-->" + empty
	code, out, errOut = runTool(t, long)
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Contains(t, errOut, "an OPML document whose first element starts after")

	// Just under the bound, it is read.
	long = "<!--" + strings.Repeat("x", maxKept-40*1024) + "-->" + empty
	code, out, errOut = runTool(t, long)
	assert.Equal(t, 0, code, errOut)
	assert.Equal(t, "[]\n", out)
}

// TestOPMLFetch checks -fetch: the feeds an OPML list names, served by a
// server in the test's process, are fetched and printed in the list's
// order; one that fails (an HTTP error, a server that does not answer in
// time, a URL that is not HTTP) is reported on standard error and left out,
// exit 1.
func TestOPMLFetch(t *testing.T) {
	defer func(d time.Duration) { feedTimeout = d }(feedTimeout)
	feedTimeout = 500 * time.Millisecond
	stop := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/one":
			io.WriteString(w, `<rss version="2.0"><channel><title>One</title><item><title>First</title><link>https://one.example/1</link></item></channel></rss>`)
		case "/two":
			io.WriteString(w, `<feed xmlns="http://www.w3.org/2005/Atom"><title>Two</title><entry><title>Second</title></entry></feed>`)
		case "/stalled":
			select {
			case <-r.Context().Done():
			case <-stop:
			}
		case "/list.opml":
			fmt.Fprintf(w, `<opml version="2.0"><body><outline text="One" xmlUrl="%s/one"/></body></opml>`, "http://"+r.Host)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	defer close(stop)
	list := fmt.Sprintf(`<?xml version="1.0"?>
<opml version="2.0"><head><title>Served</title></head><body>
  <outline text="Two" xmlUrl="%[1]s/two"/>
  <outline text="Folder">
    <outline text="Missing" xmlUrl="%[1]s/missing"/>
    <outline text="One" xmlUrl="%[1]s/one"/>
    <outline text="Stalled" xmlUrl="%[1]s/stalled"/>
  </outline>
  <outline text="Not HTTP" xmlUrl="feed.xml"/>
</body></opml>`, srv.URL)
	file := filepath.Join(t.TempDir(), "list.opml")
	require.NoError(t, os.WriteFile(file, []byte(list), 0o666))

	for _, args := range [][]string{{"-fetch", file}, {"-fetch"}, {file, "-fetch"}} {
		stdin := ""
		if len(args) == 1 {
			stdin = list
		}
		name := file
		if stdin != "" {
			name = "-"
		}
		code, out, errOut := runTool(t, stdin, args...)
		assert.Equal(t, 1, code)
		var feeds []rss.Feed
		require.NoError(t, json.Unmarshal([]byte(out), &feeds), out)
		require.Len(t, feeds, 2)
		assert.Equal(t, "Two", feeds[0].Title, "in the list's order")
		assert.Equal(t, "atom1.0", feeds[0].Version)
		assert.Equal(t, "One", feeds[1].Title)
		require.Len(t, feeds[1].Items, 1)
		assert.Equal(t, "https://one.example/1", feeds[1].Items[0].Link)
		lines := strings.Split(strings.TrimSuffix(errOut, "\n"), "\n")
		require.Len(t, lines, 3, errOut)
		assert.Equal(t, name+": "+srv.URL+"/missing: rss: HTTP 404 Not Found", lines[0])
		assert.True(t, strings.HasPrefix(lines[1], name+": "+srv.URL+"/stalled: "), lines[1])
		assert.Contains(t, lines[1], "deadline exceeded")
		assert.Equal(t, name+": feed.xml: not an http:// or https:// URL: not fetched", lines[2])
	}

	code, out, errOut := runTool(t, "", "-format", "text", "-fetch", file)
	assert.Equal(t, 1, code)
	assert.Equal(t, "Two\n\nSecond\n\nOne\n\nFirst\nhttps://one.example/1\n", out)
	assert.Equal(t, 3, strings.Count(errOut, "\n"), errOut)

	// One OPML list that fetches one feed is still a JSON array.
	code, out, errOut = runTool(t, "", "-fetch", srv.URL+"/list.opml")
	require.Equal(t, 0, code, errOut)
	var feeds []rss.Feed
	require.NoError(t, json.Unmarshal([]byte(out), &feeds), out)
	require.Len(t, feeds, 1)
	assert.Equal(t, "One", feeds[0].Title)

	// Without -fetch, an OPML list at a URL is listed.
	code, out, errOut = runTool(t, "", "-format", "text", srv.URL+"/list.opml")
	require.Equal(t, 0, code, errOut)
	assert.Equal(t, "One\t"+srv.URL+"/one\n", out)
}

// TestOPMLFetchBounded checks that -fetch fetches fetchWorkers feeds at
// once, and never more: each request waits until fetchWorkers are in
// flight, so that fewer at once would stall them all (and fail the test),
// and then a moment more, so that more would show in the maximum.
func TestOPMLFetchBounded(t *testing.T) {
	defer func(d time.Duration) { feedTimeout = d }(feedTimeout)
	feedTimeout = 2 * time.Second // fewer at once fail soon
	var (
		mu       sync.Mutex
		inFlight int
		most     int
		served   int
	)
	full := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		inFlight++
		served++
		most = max(most, inFlight)
		if inFlight == fetchWorkers && most == fetchWorkers {
			select {
			case <-full:
			default:
				close(full)
			}
		}
		mu.Unlock()
		select {
		case <-full:
			// A moment for a request beyond the bound to arrive and
			// show in the maximum.
			time.Sleep(20 * time.Millisecond)
		case <-r.Context().Done():
		}
		fmt.Fprintf(w, `<rss version="2.0"><channel><title>%s</title></channel></rss>`, r.URL.Path)
		mu.Lock()
		inFlight--
		mu.Unlock()
	}))
	defer srv.Close()
	var b strings.Builder
	b.WriteString(`<opml version="2.0"><body>`)
	const n = 3 * fetchWorkers
	for i := range n {
		fmt.Fprintf(&b, `<outline text="%d" xmlUrl="%s/%d"/>`, i, srv.URL, i)
	}
	b.WriteString(`</body></opml>`)
	code, out, errOut := runTool(t, b.String(), "-fetch", "-format", "text")
	require.Equal(t, 0, code, errOut)
	mu.Lock()
	defer mu.Unlock()
	assert.Equal(t, n, served)
	assert.Equal(t, fetchWorkers, most)
	for i := range n {
		assert.Contains(t, out, fmt.Sprintf("/%d\n", i))
	}
}
