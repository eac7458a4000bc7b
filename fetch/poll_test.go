package fetch_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/feedkit/rss"
	"github.com/feedkit/rss/fetch"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// These tests are the ones a poller relies on to lose nothing between
// polls: validators only for a feed read whole, streaming with Open, and
// errors it can tell apart.

// cutOnce serves a feed with an ETag, cutting the connection in the middle
// of the body the first time and sending it whole after that; it answers
// 304 to a request that sends the ETag back.
func cutOnce(t *testing.T, body string) (*[]string, func(http.ResponseWriter, *http.Request)) {
	var sent []string
	return &sent, func(w http.ResponseWriter, r *http.Request) {
		sent = append(sent, r.Header.Get("If-None-Match"))
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		if len(sent) > 1 {
			w.Header().Set("ETag", `"v1"`)
			io.WriteString(w, body)
			return
		}
		conn, buf, err := http.NewResponseController(w).Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		defer conn.Close()
		cut := strings.Index(body, "Three")
		fmt.Fprintf(buf, "HTTP/1.1 200 OK\r\nETag: \"v1\"\r\nContent-Type: application/rss+xml\r\nContent-Length: %d\r\n\r\n%s",
			len(body), body[:cut])
		buf.Flush()
	}
}

// TestFetchCutBodyNoValidators checks that a body cut off by the network
// gives no validators, so that the poll after it, sending what the first
// one returned, gets the whole feed instead of a 304.
func TestFetchCutBodyNoValidators(t *testing.T) {
	body := feedXML("Cut", "One", "Two", "Three", "Four")
	sent, h := cutOnce(t, body)
	srv := serve(t, h)
	res, err := fetch.Fetch(context.Background(), srv.URL, fetch.Validators{})
	require.ErrorIs(t, err, io.ErrUnexpectedEOF)
	assert.Equal(t, []string{"One", "Two"}, itemTitles(res.Feed))
	assert.Equal(t, fetch.Validators{}, res.Validators, "a partial read gives no validators")

	res, err = fetch.Fetch(context.Background(), srv.URL, res.Validators)
	require.NoError(t, err)
	assert.False(t, res.NotModified)
	assert.Equal(t, []string{"One", "Two", "Three", "Four"}, itemTitles(res.Feed))
	assert.Equal(t, fetch.Validators{ETag: `"v1"`}, res.Validators)

	res, err = fetch.Fetch(context.Background(), srv.URL, res.Validators)
	require.NoError(t, err)
	assert.True(t, res.NotModified)
	assert.Equal(t, []string{"", "", `"v1"`}, *sent)
}

// TestFetchBrokenFeedNoValidators checks that a body read whole but not a
// well-formed feed to its end gives no validators either.
func TestFetchBrokenFeedNoValidators(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Mon, 02 Sep 2024 08:00:00 GMT")
		io.WriteString(w, `<rss version="2.0"><channel><title>T</title><item><title>One</title></item><item><title>Two`)
	})
	res, err := fetch.Fetch(context.Background(), srv.URL, fetch.Validators{})
	require.ErrorIs(t, err, io.ErrUnexpectedEOF)
	assert.Equal(t, []string{"One"}, itemTitles(res.Feed))
	assert.Equal(t, fetch.Validators{}, res.Validators)
}

// TestFetchNotModifiedUnasked checks that a 304 to a request that sent no
// validators is an error: there is no feed to keep.
func TestFetchNotModifiedUnasked(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"v1"`)
		w.WriteHeader(http.StatusNotModified)
	})
	res, err := fetch.Fetch(context.Background(), srv.URL, fetch.Validators{})
	var he *fetch.HTTPError
	require.ErrorAs(t, err, &he)
	assert.Equal(t, http.StatusNotModified, he.StatusCode)
	assert.Contains(t, err.Error(), "sent no validators")
	assert.False(t, res.NotModified)
	assert.Nil(t, res.Feed)
	assert.Equal(t, fetch.Validators{}, res.Validators)

	// Asked with validators, the same answer is NotModified.
	res, err = fetch.Fetch(context.Background(), srv.URL, fetch.Validators{ETag: `"v1"`})
	require.NoError(t, err)
	assert.True(t, res.NotModified)
	assert.Equal(t, fetch.Validators{ETag: `"v1"`}, res.Validators)
}

// TestFetchLongValidators checks that a validator longer than 1 KiB is
// dropped, not returned to be stored and sent back, while the other is
// kept.
func TestFetchLongValidators(t *testing.T) {
	for _, n := range []int{1 << 10, 1<<10 + 1, 9 << 20} {
		etag := `"` + strings.Repeat("e", n-2) + `"`
		srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("ETag", etag)
			w.Header().Set("Last-Modified", "Mon, 02 Sep 2024 08:00:00 GMT")
			io.WriteString(w, feedXML("T", "One"))
		})
		c := &http.Client{Transport: &http.Transport{MaxResponseHeaderBytes: 16 << 20}}
		res, err := (&fetch.Fetcher{Client: c}).Fetch(context.Background(), srv.URL, fetch.Validators{})
		require.NoError(t, err)
		want := fetch.Validators{LastModified: "Mon, 02 Sep 2024 08:00:00 GMT"}
		if n <= 1<<10 {
			want.ETag = etag
		}
		assert.Equal(t, want, res.Validators, "ETag of %d bytes", n)
	}
}

// TestFetchHTMLPageLateHTML checks that the feeds of a page are found when
// its <html> starts after more than the decoder reads at a time (a long
// comment first), as Discover finds them, within the 1 MiB it reads.
func TestFetchHTMLPageLateHTML(t *testing.T) {
	page := `<!DOCTYPE html><!--` + strings.Repeat("a long comment\n", 20000) + `-->` +
		`<html><head><link rel="alternate" type="application/atom+xml" href="/atom"></head><body></body></html>`
	require.Greater(t, len(page), 256<<10)
	require.Less(t, len(page), 1<<20)
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, page)
	})
	want, err := fetch.Discover(strings.NewReader(page), srv.URL+"/")
	require.NoError(t, err)
	require.Len(t, want, 1)
	res, err := fetch.Fetch(context.Background(), srv.URL+"/", fetch.Validators{})
	require.ErrorIs(t, err, rss.ErrNotFeed)
	assert.Equal(t, want, res.Alternates)
	assert.Equal(t, srv.URL+"/atom", res.Alternates[0].URL)
}

// TestFetchTransportErrors checks that what fails below the feed, the
// decompression of the body or its reading, is an *fetch.Error that says
// what failed, inside the decoder's *rss.ParseError when the items before
// it were read.
func TestFetchTransportErrors(t *testing.T) {
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	io.WriteString(zw, feedXML("Gzip", "One", "Two"))
	zw.Close()
	cut := gz.Bytes()[:gz.Len()/2]

	tests := []struct {
		name     string
		encoding string
		body     []byte
		op       string
		parse    bool // inside a *rss.ParseError
	}{
		{"not gzip", "gzip", []byte("this is not gzip at all"), "decompress", false},
		{"gzip cut short", "gzip", cut, "decompress", true},
		{"unknown encoding", "br", []byte{0x1b, 0, 2}, "decompress", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Encoding", tt.encoding)
				w.Write(tt.body)
			})
			res, err := fetch.Fetch(context.Background(), srv.URL, fetch.Validators{})
			var fe *fetch.Error
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tt.op, fe.Op)
			assert.True(t, strings.HasPrefix(err.Error(), "rss: "), err.Error())
			var pe *rss.ParseError
			assert.Equal(t, tt.parse, errors.As(err, &pe), err.Error())
			assert.Equal(t, fetch.Validators{}, res.Validators)
		})
	}

	// A refused connection is an *Error of the request.
	srv := serve(t, func(http.ResponseWriter, *http.Request) {})
	url := srv.URL
	srv.Close()
	_, err := fetch.Fetch(context.Background(), url, fetch.Validators{})
	var fe *fetch.Error
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "request", fe.Op)
}

// TestOpenStreams checks that Open hands out the first items while the
// server has not sent the rest: a poller can stop at the first item it has
// seen. Stopping early gives no validators.
func TestOpenStreams(t *testing.T) {
	release := make(chan struct{})
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"v2"`)
		// (More than the 1 KiB the decoder reads before it decides the
		// encoding.)
		io.WriteString(w, `<rss version="2.0"><channel><title>Stream</title><ttl>120</ttl>`+
			`<description>`+strings.Repeat("A feed that streams. ", 100)+`</description>`+
			`<item><guid>new</guid></item><item><guid>seen</guid></item>`)
		w.(http.Flusher).Flush()
		select { // the rest only once the client has read the first items
		case <-release:
		case <-r.Context().Done():
			return
		}
		io.WriteString(w, `<item><guid>old</guid></item></channel></rss>`)
	})
	defer close(release)
	resp, err := fetch.Open(context.Background(), srv.URL, fetch.Validators{})
	require.NoError(t, err)
	defer resp.Close()
	assert.Equal(t, "Stream", resp.Feed.Title)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	var got []string
	for it, err := range resp.Items() {
		require.NoError(t, err)
		got = append(got, it.GUID.Value)
		if it.GUID.Value == "seen" {
			break // the rest was read last time
		}
	}
	assert.Equal(t, []string{"new", "seen"}, got)
	assert.Equal(t, fetch.Validators{}, resp.Validators(), "a stream stopped early gives no validators")
	require.NoError(t, resp.Close())
	require.NoError(t, resp.Close(), "Close twice")
}

// TestOpenWhole checks that a stream read to its end gives the validators,
// and NextFetch from the channel.
func TestOpenWhole(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"v3"`)
		io.WriteString(w, feedXML("Whole", "One", "Two"))
	})
	resp, err := fetch.Open(context.Background(), srv.URL, fetch.Validators{})
	require.NoError(t, err)
	defer resp.Close()
	n := 0
	for _, err := range resp.Items() {
		require.NoError(t, err)
		assert.Equal(t, fetch.Validators{}, resp.Validators(), "not before the end")
		n++
	}
	assert.Equal(t, 2, n)
	assert.Equal(t, fetch.Validators{ETag: `"v3"`}, resp.Validators())
	_, err = resp.Next()
	assert.Equal(t, io.EOF, err)

	// Not modified: no decoder, the validators to keep.
	srv304 := serve(t, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNotModified) })
	resp, err = fetch.Open(context.Background(), srv304.URL, fetch.Validators{ETag: `"v3"`})
	require.NoError(t, err)
	defer resp.Close()
	assert.True(t, resp.NotModified)
	assert.Nil(t, resp.Decoder)
	assert.Nil(t, resp.Feed)
	assert.Equal(t, fetch.Validators{ETag: `"v3"`}, resp.Validators())
	_, err = resp.Next()
	assert.Equal(t, io.EOF, err)
}

// TestFetcherDecoder checks that Fetcher.Decoder configures the decoder
// Fetch and Open read with: Strict refuses a bare '&' the default repairs,
// and a MaxElementSize bounds an item.
func TestFetcherDecoder(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `<rss version="2.0"><channel><title>A & B</title>`+
			`<item><title>One</title></item><item><description>`+strings.Repeat("x", 64<<10)+`</description></item></channel></rss>`)
	})
	res, err := fetch.Fetch(context.Background(), srv.URL, fetch.Validators{})
	require.NoError(t, err)
	assert.Equal(t, "A & B", res.Feed.Title)

	strict := &fetch.Fetcher{Decoder: func(d *rss.Decoder) { d.Strict = true }}
	_, err = strict.Fetch(context.Background(), srv.URL, fetch.Validators{})
	var pe *rss.ParseError
	require.ErrorAs(t, err, &pe)

	small := &fetch.Fetcher{Decoder: func(d *rss.Decoder) { d.MaxElementSize = 4 << 10 }}
	res, err = small.Fetch(context.Background(), srv.URL, fetch.Validators{})
	require.ErrorIs(t, err, rss.ErrTooLarge)
	assert.Equal(t, []string{"One"}, itemTitles(res.Feed))

	resp, err := small.Open(context.Background(), srv.URL, fetch.Validators{})
	require.NoError(t, err)
	defer resp.Close()
	it, err := resp.Next()
	require.NoError(t, err)
	assert.Equal(t, "One", it.Title)
	_, err = resp.Next()
	require.ErrorIs(t, err, rss.ErrTooLarge)
}
