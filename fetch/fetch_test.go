package fetch_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/feedkit/rss"
	"github.com/feedkit/rss/fetch"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// feedXML is an RSS feed with the given item titles.
func feedXML(title string, items ...string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>` + title + `</title>`)
	for _, it := range items {
		b.WriteString(`<item><title>` + it + `</title></item>`)
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

func itemTitles(f *rss.Feed) []string {
	if f == nil {
		return nil
	}
	var out []string
	for _, it := range f.Items {
		out = append(out, it.Title)
	}
	return out
}

// serve starts an in-process HTTP server on the loopback interface that
// tests stop at the end.
func serve(t *testing.T, h http.HandlerFunc) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// TestFetchConditionalGet checks the 304 flow: the first fetch gets the
// feed and its validators, the second sends them back and gets
// NotModified, keeping the validators when the 304 does not repeat them.
func TestFetchConditionalGet(t *testing.T) {
	const etag, lastMod = `"v1"`, "Mon, 02 Sep 2024 08:00:00 GMT"
	var requests atomic.Int32
	var gotINM, gotIMS atomic.Value
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		gotINM.Store(r.Header.Get("If-None-Match"))
		gotIMS.Store(r.Header.Get("If-Modified-Since"))
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lastMod)
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, feedXML("Polled", "One", "Two"))
	})
	ctx := context.Background()
	res, err := fetch.Fetch(ctx, srv.URL+"/feed", fetch.Validators{})
	require.NoError(t, err)
	assert.Equal(t, []string{"One", "Two"}, itemTitles(res.Feed))
	assert.Equal(t, "Polled", res.Feed.Title)
	assert.False(t, res.NotModified)
	assert.Equal(t, http.StatusOK, res.StatusCode)
	assert.Equal(t, fetch.Validators{ETag: etag, LastModified: lastMod}, res.Validators)
	assert.Equal(t, "", gotINM.Load(), "no validators on the first request")

	res2, err := fetch.Fetch(ctx, srv.URL+"/feed", res.Validators)
	require.NoError(t, err)
	assert.True(t, res2.NotModified)
	assert.Nil(t, res2.Feed)
	assert.Equal(t, http.StatusNotModified, res2.StatusCode)
	assert.Equal(t, res.Validators, res2.Validators, "a 304 without validators keeps the ones sent")
	assert.Equal(t, etag, gotINM.Load())
	assert.Equal(t, lastMod, gotIMS.Load())
	assert.False(t, res2.NextFetch.IsZero())
	assert.Equal(t, int32(2), requests.Load())
}

// TestFetchUserAgent checks the default User-Agent, which names the
// module, and a Fetcher's own.
func TestFetchUserAgent(t *testing.T) {
	var ua atomic.Value
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		ua.Store(r.Header.Get("User-Agent"))
		io.WriteString(w, feedXML("T"))
	})
	_, err := fetch.Fetch(context.Background(), srv.URL, fetch.Validators{})
	require.NoError(t, err)
	assert.Equal(t, fetch.DefaultUserAgent, ua.Load())
	assert.Contains(t, fetch.DefaultUserAgent, "github.com/feedkit/rss")

	f := &fetch.Fetcher{UserAgent: "MyReader/1.0 " + fetch.DefaultUserAgent}
	_, err = f.Fetch(context.Background(), srv.URL, fetch.Validators{})
	require.NoError(t, err)
	assert.Equal(t, f.UserAgent, ua.Load())
}

func gzipped(t testing.TB, s string) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, err := io.WriteString(zw, s)
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

// TestFetchGzip checks that the Fetcher asks for gzip and reads it.
func TestFetchGzip(t *testing.T) {
	body := gzipped(t, feedXML("Zipped", "One", "Two", "Three"))
	var acceptEncoding atomic.Value
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		acceptEncoding.Store(r.Header.Get("Accept-Encoding"))
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(body)
	})
	res, err := fetch.Fetch(context.Background(), srv.URL, fetch.Validators{})
	require.NoError(t, err)
	assert.Equal(t, "gzip", acceptEncoding.Load())
	assert.Equal(t, []string{"One", "Two", "Three"}, itemTitles(res.Feed))
}

// TestFetchUnknownEncoding checks that a body in an encoding the Fetcher
// did not ask for is an error, not garbage read as XML.
func TestFetchUnknownEncoding(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "br")
		w.Write([]byte{0x1b, 0x00, 0x02})
	})
	res, err := fetch.Fetch(context.Background(), srv.URL, fetch.Validators{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `unsupported Content-Encoding "br"`)
	assert.Nil(t, res.Feed)
}

// itemXML is one item with a body of about n bytes.
func itemXML(i, n int) string {
	return fmt.Sprintf("<item><title>Item %d</title><description>%s</description></item>\n", i, strings.Repeat("x", n))
}

// TestFetchGzipBomb serves a gzip body that expands without end (gzip
// members of 1 MiB of items, each a few KiB, over and over): the Fetcher
// stops at MaxBytes of decompressed bytes with ErrTooLarge, returns the
// items before it, and allocates a bounded amount while the bomb would
// expand to 4 GiB.
func TestFetchGzipBomb(t *testing.T) {
	const maxBytes = 1 << 20
	head := gzipped(t, `<rss version="2.0"><channel><title>Bomb</title>`)
	var items strings.Builder
	for i := 0; items.Len() < 1<<20; i++ {
		items.WriteString(itemXML(i, 1000))
	}
	member := gzipped(t, items.String())
	var members atomic.Int64
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(head)
		for range 4096 { // 4 GiB once expanded
			if _, err := w.Write(member); err != nil {
				return // the client hung up
			}
			members.Add(1)
		}
	})
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f := &fetch.Fetcher{MaxBytes: maxBytes}
	res, err := f.Fetch(context.Background(), srv.URL, fetch.Validators{})
	runtime.ReadMemStats(&after)
	require.ErrorIs(t, err, rss.ErrTooLarge)
	var pe *rss.ParseError
	require.ErrorAs(t, err, &pe)
	require.NotNil(t, res.Feed)
	assert.Equal(t, "Bomb", res.Feed.Title)
	n := len(res.Feed.Items)
	assert.Greater(t, n, 900, "the items before the bound")
	assert.Less(t, n, 1100, "no item past the bound")
	allocated := after.TotalAlloc - before.TotalAlloc
	t.Logf("%d items, %d KiB allocated, %d members written", n, allocated>>10, members.Load())
	// The items themselves take about 1 MiB; the decoder's and gzip's
	// buffers a little more. (The race detector about doubles it.)
	assert.Less(t, allocated, uint64(24<<20), "bytes allocated while reading a 4 GiB bomb")
	assert.Less(t, members.Load(), int64(4096), "the server was stopped before the end of the bomb")
}

// TestFetchGzipEmptyMembers serves a gzip body of empty members without
// end, which expands to nothing: MaxBytes bounds the compressed bytes too.
func TestFetchGzipEmptyMembers(t *testing.T) {
	head := gzipped(t, `<rss version="2.0"><channel><title>Empty</title><item><title>One</title></item>`)
	empty := gzipped(t, "")
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(head)
		for {
			if _, err := w.Write(empty); err != nil {
				return // the client hung up
			}
		}
	})
	f := &fetch.Fetcher{MaxBytes: 64 << 10}
	res, err := f.Fetch(context.Background(), srv.URL, fetch.Validators{})
	require.ErrorIs(t, err, rss.ErrTooLarge)
	assert.Equal(t, []string{"One"}, itemTitles(res.Feed))
}

// TestFetchEndlessBody checks that a body that never ends stops at
// MaxBytes with ErrTooLarge, with the items before it, and that the
// Fetcher hangs up rather than draining it.
func TestFetchEndlessBody(t *testing.T) {
	handlerDone := make(chan struct{})
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		defer close(handlerDone)
		io.WriteString(w, `<rss version="2.0"><channel><title>Endless</title>`)
		for i := 0; ; i++ {
			if _, err := io.WriteString(w, itemXML(i, 200)); err != nil {
				return // the client hung up
			}
		}
	})
	f := &fetch.Fetcher{MaxBytes: 256 << 10}
	res, err := f.Fetch(context.Background(), srv.URL, fetch.Validators{})
	require.ErrorIs(t, err, rss.ErrTooLarge)
	var pe *rss.ParseError
	require.ErrorAs(t, err, &pe)
	n := len(res.Feed.Items)
	assert.Greater(t, n, 900, "the items before the bound") // about 260 bytes each
	assert.Less(t, n, 1100)
	<-handlerDone // the handler's writes failed: the connection is closed
}

// TestFetchCutConnection checks that a body cut off by the network gives
// the items completed before the cut, and an error wrapping
// io.ErrUnexpectedEOF.
func TestFetchCutConnection(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		conn, buf, err := http.NewResponseController(w).Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		defer conn.Close()
		body := feedXML("Cut", "One", "Two", "Three")
		cut := strings.Index(body, "Three")
		fmt.Fprintf(buf, "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: %d\r\n\r\n%s",
			len(body), body[:cut])
		buf.Flush()
	})
	res, err := fetch.Fetch(context.Background(), srv.URL, fetch.Validators{})
	require.ErrorIs(t, err, io.ErrUnexpectedEOF)
	var pe *rss.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, []string{"One", "Two"}, itemTitles(res.Feed))
}

// stall is a handler that blocks until the test ends, after writing
// prefix (and flushing it) when it is not "".
func stall(t *testing.T, prefix string) http.HandlerFunc {
	release := make(chan struct{})
	t.Cleanup(func() { close(release) }) // runs before the server's Close
	return func(w http.ResponseWriter, r *http.Request) {
		if prefix != "" {
			io.WriteString(w, prefix)
			w.(http.Flusher).Flush()
		}
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}
}

// TestFetchStalledServer checks that a context deadline leaves a server
// that never answers, and one that stops in the middle of the body: the
// error says the deadline passed, with the items read before it.
func TestFetchStalledServer(t *testing.T) {
	t.Run("before the headers", func(t *testing.T) {
		srv := serve(t, nil)
		srv.Config.Handler = stall(t, "")
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		defer cancel()
		res, err := fetch.Fetch(ctx, srv.URL, fetch.Validators{})
		require.ErrorIs(t, err, context.DeadlineExceeded)
		assert.Equal(t, 0, res.StatusCode)
		assert.Nil(t, res.Feed)
	})
	t.Run("in the body", func(t *testing.T) {
		srv := serve(t, nil)
		body := feedXML("Stalled", "One", "Two")
		srv.Config.Handler = stall(t, body[:strings.Index(body, "<item><title>Two")])
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		defer cancel()
		res, err := fetch.Fetch(ctx, srv.URL, fetch.Validators{})
		require.ErrorIs(t, err, context.DeadlineExceeded)
		var pe *rss.ParseError
		require.ErrorAs(t, err, &pe)
		assert.Equal(t, []string{"One"}, itemTitles(res.Feed))
	})
	t.Run("cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		srv := serve(t, nil)
		inner := stall(t, feedXML("Cancelled", "One")[:80])
		srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			cancel() // the client gives up while the server stalls
			inner(w, r)
		})
		_, err := fetch.Fetch(ctx, srv.URL, fetch.Validators{})
		require.ErrorIs(t, err, context.Canceled)
	})
}

// TestFetchRedirects checks which redirect chains report MovedTo: only
// permanent redirects (301, 308) from the start count, up to the first
// temporary one; URL is always the final URL.
func TestFetchRedirects(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		// /r/CODE/rest redirects with CODE to /rest; /feed is the feed.
		if rest, ok := strings.CutPrefix(r.URL.Path, "/r/"); ok {
			code, path, _ := strings.Cut(rest, "/")
			n, _ := strconv.Atoi(code)
			http.Redirect(w, r, "/"+path, n)
			return
		}
		if r.URL.Path == "/gone" {
			w.WriteHeader(http.StatusGone)
			return
		}
		io.WriteString(w, feedXML("Moved", "One"))
	})
	tests := []struct {
		path, movedTo, final string
	}{
		{"/r/301/feed", "/feed", "/feed"},
		{"/r/308/feed", "/feed", "/feed"},
		{"/r/302/feed", "", "/feed"},
		{"/r/307/feed", "", "/feed"},
		{"/r/303/feed", "", "/feed"},
		{"/r/301/r/301/feed", "/feed", "/feed"},
		{"/r/301/r/302/feed", "/r/302/feed", "/feed"},
		{"/r/302/r/301/feed", "", "/feed"},
		{"/r/301/r/308/r/307/r/301/feed", "/r/307/r/301/feed", "/feed"},
		{"/feed", "", "/feed"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			res, err := fetch.Fetch(context.Background(), srv.URL+tt.path, fetch.Validators{})
			require.NoError(t, err)
			want := ""
			if tt.movedTo != "" {
				want = srv.URL + tt.movedTo
			}
			assert.Equal(t, want, res.MovedTo)
			assert.Equal(t, srv.URL+tt.final, res.URL)
			assert.Equal(t, []string{"One"}, itemTitles(res.Feed))
		})
	}
	t.Run("moved to a feed that is gone", func(t *testing.T) {
		res, err := fetch.Fetch(context.Background(), srv.URL+"/r/301/gone", fetch.Validators{})
		require.ErrorIs(t, err, fetch.ErrGone)
		assert.Equal(t, "", res.MovedTo, "no move to store when the new place fails")
	})
}

// TestFetchRelativeLinks checks that a fetched feed's relative links come
// back absolute: resolved against the URL the feed was found at after
// redirects, or against the response's Content-Location, itself resolved
// against that URL; an absolute link stays as written.
func TestFetchRelativeLinks(t *testing.T) {
	const feed = `<rss version="2.0"><channel><title>T</title><link>./</link>` +
		`<item><title>One</title><link>posts/1</link><enclosure url="/media/1.mp3" length="1" type="audio/mpeg"/>` +
		`<comments>HTTP://Example.COM/c</comments></item></channel></rss>`
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/old/feed.xml":
			http.Redirect(w, r, "/blog/feed.xml", http.StatusMovedPermanently)
			return
		case "/located/feed.xml":
			w.Header().Set("Content-Location", "/elsewhere/rss/index.xml")
		case "/absolute-location/feed.xml":
			w.Header().Set("Content-Location", "https://cdn.example.net/feeds/rss.xml")
		}
		io.WriteString(w, feed)
	})
	tests := []struct {
		path, doc, dir, root string // the document's URL, its directory, its root
	}{
		{"/old/feed.xml", srv.URL + "/blog/feed.xml", srv.URL + "/blog/", srv.URL},
		{"/located/feed.xml", srv.URL + "/elsewhere/rss/index.xml", srv.URL + "/elsewhere/rss/", srv.URL},
		{"/absolute-location/feed.xml", "https://cdn.example.net/feeds/rss.xml", "https://cdn.example.net/feeds/",
			"https://cdn.example.net"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			res, err := fetch.Fetch(context.Background(), srv.URL+tt.path, fetch.Validators{})
			require.NoError(t, err)
			require.Len(t, res.Feed.Items, 1)
			it := res.Feed.Items[0]
			assert.Equal(t, tt.dir, res.Feed.Link)
			assert.Equal(t, tt.dir+"posts/1", it.Link)
			assert.Equal(t, tt.root+"/media/1.mp3", it.Enclosures[0].URL)
			assert.Equal(t, "HTTP://Example.COM/c", it.Comments, "absolute: as written")
			assert.Equal(t, tt.doc, it.Base, "the item's base is the document's URL")
		})
	}
}

// TestFetchRedirectLoop checks that a redirect loop stops at the 10th
// redirect (10 requests: the first and 9 redirects followed) with an error.
func TestFetchRedirectLoop(t *testing.T) {
	var requests atomic.Int32
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		if r.URL.Path == "/a" {
			http.Redirect(w, r, "/b", http.StatusFound)
		} else {
			http.Redirect(w, r, "/a", http.StatusMovedPermanently)
		}
	})
	res, err := fetch.Fetch(context.Background(), srv.URL+"/a", fetch.Validators{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "stopped after 10 redirects")
	assert.True(t, strings.HasPrefix(err.Error(), "rss: "), err.Error())
	var he *fetch.HTTPError
	assert.False(t, errors.As(err, &he))
	assert.Equal(t, int32(10), requests.Load())
	assert.Nil(t, res.Feed)
}

// TestFetchWrongCharset checks that the charset of the Content-Type header
// decides the encoding over the declaration, and that a label that cannot
// be right is ignored.
func TestFetchWrongCharset(t *testing.T) {
	latin1 := `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Caf` + "\xe9" +
		`</title></channel></rss>`
	utf8 := `<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel><title>Caf` + "\xc3\xa9" +
		`</title></channel></rss>`
	tests := []struct{ name, contentType, body string }{
		{"header says latin-1, declaration utf-8", "application/rss+xml; charset=iso-8859-1", latin1},
		{"header says utf-8, declaration latin-1", "text/xml; charset=UTF-8", utf8},
		{"header says utf-16, wrongly", "text/xml; charset=utf-16", strings.Replace(latin1, "utf-8", "iso-8859-1", 1)},
		{"header says bogus", "text/xml; charset=bogus", strings.Replace(latin1, "utf-8", "iso-8859-1", 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", tt.contentType)
				io.WriteString(w, tt.body)
			})
			res, err := fetch.Fetch(context.Background(), srv.URL, fetch.Validators{})
			require.NoError(t, err)
			assert.Equal(t, "Café", res.Feed.Title)
		})
	}
}

// TestFetchHTMLPage checks that an HTML page gives an error wrapping
// ErrNotFeed, with the feeds the page names, resolved against its
// Content-Location, else its final URL (after a redirect).
func TestFetchHTMLPage(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title>Blog</title>` +
		`<link rel="stylesheet" href="/style.css">` +
		`<link rel="alternate" type="application/rss+xml" title="Posts" href="feed.xml">` +
		`<link rel="alternate" type="application/atom+xml" title="Posts (Atom)" href="/atom.xml">` +
		`</head><body><p>Hello</p></body></html>`
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/old":
			http.Redirect(w, r, "/blog/", http.StatusFound)
			return
		case "/located":
			w.Header().Set("Content-Location", "/elsewhere/")
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, page)
	})
	res, err := fetch.Fetch(context.Background(), srv.URL+"/old", fetch.Validators{})
	require.ErrorIs(t, err, rss.ErrNotFeed)
	assert.Equal(t, []fetch.FeedLink{
		{URL: srv.URL + "/blog/feed.xml", Title: "Posts", Type: "application/rss+xml"},
		{URL: srv.URL + "/atom.xml", Title: "Posts (Atom)", Type: "application/atom+xml"},
	}, res.Alternates)

	res, err = fetch.Fetch(context.Background(), srv.URL+"/located", fetch.Validators{})
	require.ErrorIs(t, err, rss.ErrNotFeed)
	require.Len(t, res.Alternates, 2)
	assert.Equal(t, srv.URL+"/elsewhere/feed.xml", res.Alternates[0].URL)
}

// TestFetchHTMLPageLongHead checks that the feeds of a page are found
// after a head longer than what the decoder reads before it gives up.
func TestFetchHTMLPageLongHead(t *testing.T) {
	page := `<!DOCTYPE html><html><head><style>` + strings.Repeat("p { color: red }\n", 20000) + `</style>` +
		`<link rel="alternate" type="application/rss+xml" href="/feed">` +
		`</head><body></body></html>`
	require.Greater(t, len(page), 256<<10)
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, page)
	})
	res, err := fetch.Fetch(context.Background(), srv.URL+"/", fetch.Validators{})
	require.ErrorIs(t, err, rss.ErrNotFeed)
	assert.Equal(t, []fetch.FeedLink{{URL: srv.URL + "/feed", Type: "application/rss+xml"}}, res.Alternates)
}

// TestFetchStatus checks the errors for statuses: 410 is ErrGone, 429 and
// 503 an HTTPError with the Retry-After in seconds or as a date (taken
// relative to the response's Date), 404 an HTTPError without it.
func TestFetchStatus(t *testing.T) {
	date := time.Date(2024, 9, 2, 8, 0, 0, 0, time.UTC)
	tests := []struct {
		name       string
		status     int
		retryAfter string
		want       time.Duration
		gone       bool
	}{
		{"410", http.StatusGone, "", 0, true},
		{"429 seconds", http.StatusTooManyRequests, "120", 2 * time.Minute, false},
		{"429 date", http.StatusTooManyRequests, date.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second, false},
		{"503", http.StatusServiceUnavailable, "", 0, false},
		{"503 seconds", http.StatusServiceUnavailable, "3600", time.Hour, false},
		{"503 date in the past", http.StatusServiceUnavailable, date.Add(-time.Hour).Format(http.TimeFormat), 0, false},
		{"503 garbage", http.StatusServiceUnavailable, "soon", 0, false},
		{"503 largest int64", http.StatusServiceUnavailable, "9223372036854775807", 7 * 24 * time.Hour, false},
		{"503 beyond int64", http.StatusServiceUnavailable, "999999999999999999999", 7 * 24 * time.Hour, false},
		{"503 below int64", http.StatusServiceUnavailable, "-999999999999999999999", 0, false},
		{"404", http.StatusNotFound, "", 0, false},
		{"500", http.StatusInternalServerError, "", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Date", date.Format(http.TimeFormat))
				if tt.retryAfter != "" {
					w.Header().Set("Retry-After", tt.retryAfter)
				}
				w.WriteHeader(tt.status)
				io.WriteString(w, "<html><body>error page</body></html>")
			})
			before := time.Now()
			res, err := fetch.Fetch(context.Background(), srv.URL, fetch.Validators{})
			after := time.Now()
			var he *fetch.HTTPError
			require.ErrorAs(t, err, &he)
			assert.Equal(t, tt.status, he.StatusCode)
			assert.Equal(t, tt.want, he.RetryAfter)
			assert.Equal(t, tt.gone, errors.Is(err, fetch.ErrGone))
			assert.True(t, strings.HasPrefix(err.Error(), fmt.Sprintf("rss: HTTP %d ", tt.status)), err.Error())
			assert.Equal(t, tt.status, res.StatusCode)
			assert.Nil(t, res.Feed)
			// NextFetch honours a Retry-After longer than the floor of 5 minutes.
			wait := max(tt.want, time.Hour) // one hour is the default
			assert.False(t, res.NextFetch.Before(before.Add(wait)), "NextFetch %v", res.NextFetch.Sub(before))
			assert.False(t, res.NextFetch.After(after.Add(wait)), "NextFetch %v", res.NextFetch.Sub(after))
		})
	}
}

// TestFetchNextFetch checks when NextFetch says to ask again: the longest
// of the hints (Retry-After, the response's freshness, the feed's ttl or
// sy:updatePeriod/updateFrequency), one hour without any, within 5 minutes
// and 24 hours (7 days for Retry-After), then past skipHours and skipDays.
func TestFetchNextFetch(t *testing.T) {
	date := time.Date(2024, 9, 2, 8, 0, 0, 0, time.UTC).Format(http.TimeFormat)
	in3h := time.Date(2024, 9, 2, 11, 0, 0, 0, time.UTC).Format(http.TimeFormat)
	channel := func(elems string) string {
		return `<rss version="2.0" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"><channel><title>T</title>` +
			elems + `</channel></rss>`
	}
	// at returns the start of the first hour at or after t+d whose hour
	// (UTC) is h; onDay the start of day t+d.
	at := func(d time.Duration, h int) func(time.Time) time.Time {
		return func(t time.Time) time.Time {
			u := t.Add(d).UTC().Truncate(time.Hour).Add(time.Hour)
			for u.Hour() != h {
				u = u.Add(time.Hour)
			}
			return u
		}
	}
	now := time.Now().UTC()
	open := (now.Add(time.Hour).Hour() + 3) % 24 // the one hour not skipped
	var skipHours strings.Builder
	for h := range 24 {
		if h != open {
			fmt.Fprintf(&skipHours, "<hour>%d</hour>", h)
		}
	}
	allHours := skipHours.String() + fmt.Sprintf("<hour>%d</hour>", open)
	openDay := now.Add(time.Hour + 48*time.Hour).Weekday()
	var skipDays strings.Builder
	for d := time.Sunday; d <= time.Saturday; d++ {
		if d != openDay {
			fmt.Fprintf(&skipDays, "<day>%s</day>", d)
		}
	}
	tests := []struct {
		name    string
		headers map[string]string
		body    string
		wait    time.Duration             // NextFetch - now
		when    func(time.Time) time.Time // or NextFetch as a function of now
	}{
		{"no hint", nil, channel(""), time.Hour, nil},
		{"max-age", map[string]string{"Cache-Control": "public, max-age=7200"}, channel(""), 2 * time.Hour, nil},
		{"max-age below the floor", map[string]string{"Cache-Control": "max-age=60"}, channel(""), 5 * time.Minute, nil},
		{"max-age less Age", map[string]string{"Cache-Control": "max-age=7200", "Age": "3600"}, channel(""), time.Hour, nil},
		{"max-age=0 is no hint", map[string]string{"Cache-Control": "no-cache, max-age=0"}, channel(""), time.Hour, nil},
		{"Expires less Date", map[string]string{"Date": date, "Expires": in3h}, channel(""), 3 * time.Hour, nil},
		{"max-age wins over Expires", map[string]string{"Date": date, "Expires": in3h, "Cache-Control": "max-age=600"},
			channel(""), 10 * time.Minute, nil},
		{"ttl", nil, channel("<ttl>180</ttl>"), 3 * time.Hour, nil},
		{"ttl over the ceiling", nil, channel("<ttl>100000</ttl>"), 24 * time.Hour, nil},
		{"ttl below the floor", nil, channel("<ttl>1</ttl>"), 5 * time.Minute, nil},
		{"sy hourly twice", nil, channel("<sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency>"),
			30 * time.Minute, nil},
		{"sy daily twice", nil, channel("<sy:updatePeriod>daily</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency>"),
			12 * time.Hour, nil},
		{"sy weekly", nil, channel("<sy:updatePeriod>weekly</sy:updatePeriod>"), 24 * time.Hour, nil},
		{"ttl wins over sy", nil, channel("<ttl>120</ttl><sy:updatePeriod>daily</sy:updatePeriod>"), 2 * time.Hour, nil},
		{"the longest hint wins", map[string]string{"Cache-Control": "max-age=7200"}, channel("<ttl>30</ttl>"),
			2 * time.Hour, nil},
		{"the feed's hint wins when longer", map[string]string{"Cache-Control": "max-age=600"}, channel("<ttl>240</ttl>"),
			4 * time.Hour, nil},
		{"Retry-After past the ceiling", map[string]string{"Retry-After": strconv.Itoa(3 * 24 * 3600)}, channel(""),
			3 * 24 * time.Hour, nil},
		{"Retry-After at most a week", map[string]string{"Retry-After": strconv.Itoa(30 * 24 * 3600)}, channel(""),
			7 * 24 * time.Hour, nil},
		{"skipHours", nil, channel("<skipHours>" + skipHours.String() + "</skipHours>"), 0, at(time.Hour, open)},
		{"skipHours of every hour are ignored", nil, channel("<skipHours>" + allHours + "</skipHours>"), time.Hour, nil},
		{"skipDays", nil, channel("<skipDays>" + skipDays.String() + "</skipDays>"), 0, func(t time.Time) time.Time {
			u := t.Add(time.Hour).UTC().Truncate(time.Hour)
			for u.Weekday() != openDay || u.Hour() != 0 {
				u = u.Add(time.Hour)
			}
			return u
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
				for k, v := range tt.headers {
					w.Header().Set(k, v)
				}
				io.WriteString(w, tt.body)
			})
			before := time.Now()
			res, err := fetch.Fetch(context.Background(), srv.URL, fetch.Validators{})
			after := time.Now()
			require.NoError(t, err)
			if tt.when != nil {
				assert.Contains(t, []time.Time{tt.when(before), tt.when(after)}, res.NextFetch.UTC(), "NextFetch %v", res.NextFetch)
				return
			}
			assert.False(t, res.NextFetch.Before(before.Add(tt.wait)), "NextFetch in %v", res.NextFetch.Sub(before))
			assert.False(t, res.NextFetch.After(after.Add(tt.wait)), "NextFetch in %v", res.NextFetch.Sub(after))
		})
	}
}

// TestFetcherConcurrent fetches in parallel through one Fetcher, with the
// default client and with a caller's, which it must not change (run with
// -race).
func TestFetcherConcurrent(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/moved" {
			http.Redirect(w, r, "/feed/moved", http.StatusMovedPermanently)
			return
		}
		w.Header().Set("ETag", `"`+r.URL.Path+`"`)
		io.WriteString(w, feedXML(r.URL.Path, "A", "B"))
	})
	client := &http.Client{Timeout: 10 * time.Second}
	transport := client.Transport
	for _, f := range []*fetch.Fetcher{{}, {Client: client, MaxBytes: 1 << 20}} {
		var wg sync.WaitGroup
		for g := range 8 {
			wg.Go(func() {
				for i := range 5 {
					path := fmt.Sprintf("/feed/%d/%d", g, i)
					want := path
					if i == 4 {
						path, want = "/moved", "/feed/moved"
					}
					res, err := f.Fetch(context.Background(), srv.URL+path, fetch.Validators{})
					if !assert.NoError(t, err) {
						return
					}
					assert.Equal(t, want, res.Feed.Title)
					assert.Equal(t, `"`+want+`"`, res.Validators.ETag)
					if i == 4 {
						assert.Equal(t, srv.URL+"/feed/moved", res.MovedTo)
					}
				}
			})
		}
		wg.Wait()
	}
	assert.Nil(t, client.CheckRedirect, "the caller's client is not changed")
	assert.Equal(t, transport, client.Transport)
	assert.Equal(t, 10*time.Second, client.Timeout)
}

// TestFetchBadURL checks that a URL that cannot be fetched is an error
// prefixed "rss: ", with a Result that says when to try again.
func TestFetchBadURL(t *testing.T) {
	for _, u := range []string{"ftp://example.com/feed", "://nothing", "http://[::1"} {
		res, err := fetch.Fetch(context.Background(), u, fetch.Validators{})
		require.Error(t, err, u)
		assert.True(t, strings.HasPrefix(err.Error(), "rss: "), err.Error())
		require.NotNil(t, res)
		assert.False(t, res.NextFetch.IsZero())
	}
}
