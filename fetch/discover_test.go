package fetch_test

import (
	"bytes"
	"errors"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/feedkit/rss/fetch"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func discoverFile(t *testing.T, name, pageURL string) []fetch.FeedLink {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "discover", name))
	require.NoError(t, err)
	defer f.Close()
	links, err := fetch.Discover(f, pageURL)
	require.NoError(t, err)
	return links
}

// TestDiscoverBlog reads a blog's head: the feeds in page order, each once,
// resolved against the <base href> (which applies to the links before it
// too), titles decoded with white space collapsed, types lower case without
// parameters; not the links that are not feeds, not the one a script
// writes, not the one in the body.
func TestDiscoverBlog(t *testing.T) {
	links := discoverFile(t, "blog.html", "https://www.example.com/blog/index.html")
	assert.Equal(t, []fetch.FeedLink{
		{URL: "https://blog.example.com/jo/feed/", Title: "Jo's blog » Feed", Type: "application/rss+xml"},
		{URL: "https://blog.example.com/jo/comments/feed/", Title: "Jo's blog » Comments Feed", Type: "application/rss+xml"},
		{URL: "https://blog.example.com/jo/atom.xml", Type: "application/atom+xml"},
		{URL: "https://blog.example.com/jo/feed.json", Title: "JSON Feed", Type: "application/feed+json"},
	}, links)
}

// TestDiscoverHeadless reads a page without head or body tags, with feed:
// URLs, and links that are not http or https, which are left out.
func TestDiscoverHeadless(t *testing.T) {
	links := discoverFile(t, "headless.html", "http://pod.example.org/show/")
	assert.Equal(t, []fetch.FeedLink{
		{URL: "http://pod.example.org/episodes.rss", Title: "Episodes", Type: "application/rss+xml"},
		{URL: "https://pod.example.org/secure.rss?x=1", Title: "Secure", Type: "application/rss+xml"},
		{URL: "http://pod.example.org/rss.xml", Title: "Old RSS", Type: "text/xml"},
	}, links)
}

// TestDiscover covers the rules one by one.
func TestDiscover(t *testing.T) {
	tests := []struct {
		name, page, pageURL string
		want                []string // the URLs
	}{
		{"relative to the page", `<link rel="alternate" type="application/rss+xml" href="../feed.xml">`,
			"https://example.com/a/b/page", []string{"https://example.com/a/feed.xml"}},
		{"no page URL: left relative", `<link rel="alternate" type="application/rss+xml" href="feed.xml">`,
			"", []string{"feed.xml"}},
		{"no page URL, base href", `<base href="https://example.com/x/"><link rel="alternate" type="application/rss+xml" href="feed.xml">`,
			"", []string{"https://example.com/x/feed.xml"}},
		{"relative base href", `<base href="/x/"><link rel="alternate" type="application/rss+xml" href="feed.xml">`,
			"https://example.com/a/page", []string{"https://example.com/x/feed.xml"}},
		{"only the first base counts", `<base href="/x/"><base href="/y/"><link rel=alternate type=application/rss+xml href=f>`,
			"https://example.com/", []string{"https://example.com/x/f"}},
		{"a base without href does not count", `<base target="_blank"><base href="/y/"><link rel=alternate type=application/rss+xml href=f>`,
			"https://example.com/", []string{"https://example.com/y/f"}},
		{"rel among other tokens, any case", `<link rel="  Nofollow	ALTERNATE " type="application/rss+xml" href="/f">`,
			"https://example.com/", []string{"https://example.com/f"}},
		{"rel that only contains the word", `<link rel="alternates" type="application/rss+xml" href="/f">`,
			"https://example.com/", nil},
		{"no type", `<link rel="alternate" href="/f">`, "https://example.com/", nil},
		{"not a feed type", `<link rel="alternate" type="text/html" href="/f">`, "https://example.com/", nil},
		{"a type that does not parse", `<link rel="alternate" type="application/rss+xml;;=" href="/f">`,
			"https://example.com/", nil},
		{"the types of feeds", `<link rel=alternate type=application/rdf+xml href=/1><link rel=alternate type=application/json href=/2>` +
			`<link rel=alternate type=application/x-atom+xml href=/3><link rel=alternate type=application/xml href=/4>`,
			"https://example.com/", []string{"https://example.com/1", "https://example.com/2", "https://example.com/3", "https://example.com/4"}},
		{"deduplicated after resolution", `<link rel=alternate type=application/rss+xml href=/f><link rel=alternate type=application/atom+xml href=https://example.com/f>`,
			"https://example.com/", []string{"https://example.com/f"}},
		{"an href that does not parse", `<link rel=alternate type=application/rss+xml href="http://[::1">`,
			"https://example.com/", nil},
		{"stops at </head>", `<head></head><link rel=alternate type=application/rss+xml href=/f>`, "https://example.com/", nil},
		{"stops at <body>", `<body><link rel=alternate type=application/rss+xml href=/f>`, "https://example.com/", nil},
		{"not in a comment", `<!-- <link rel=alternate type=application/rss+xml href=/f> -->`, "https://example.com/", nil},
		{"self-closing", `<link rel="alternate" type="application/rss+xml" href="/f"/>`, "https://example.com/", []string{"https://example.com/f"}},
		{"an http URL without a host is left out", `<link rel=alternate type=application/rss+xml href=http:feed>`, "https://example.com/", nil},
		{"mailto is left out", `<link rel=alternate type=application/rss+xml href=mailto:jo@example.com>`, "https://example.com/", nil},
		{"empty page", ``, "https://example.com/", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			links, err := fetch.Discover(strings.NewReader(tt.page), tt.pageURL)
			require.NoError(t, err)
			var got []string
			for _, l := range links {
				got = append(got, l.URL)
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestDiscoverBadPageURL checks that a page URL that does not parse is an
// error.
func TestDiscoverBadPageURL(t *testing.T) {
	_, err := fetch.Discover(strings.NewReader(`<link rel=alternate type=application/rss+xml href=/f>`), "http://[::1")
	require.Error(t, err)
	assert.True(t, strings.HasPrefix(err.Error(), "rss: "), err.Error())
}

// errReader returns data, then err.
type errReader struct {
	data []byte
	err  error
}

func (r *errReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, r.err
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

// TestDiscoverReadError checks that a reader's error is returned, with the
// links found before it.
func TestDiscoverReadError(t *testing.T) {
	boom := errors.New("boom")
	r := &errReader{data: []byte(`<link rel=alternate type=application/rss+xml href=/f><link rel=alt`), err: boom}
	links, err := fetch.Discover(r, "https://example.com/")
	require.ErrorIs(t, err, boom)
	assert.Equal(t, []fetch.FeedLink{{URL: "https://example.com/f", Type: "application/rss+xml"}}, links)
}

// byteCounter counts the bytes read through it.
type byteCounter struct {
	r io.Reader
	n int64
}

func (c *byteCounter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// endlessReader repeats chunk without end.
type endlessReader struct {
	chunk []byte
	off   int
}

func (r *endlessReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		m := copy(p[n:], r.chunk[r.off:])
		n += m
		r.off = (r.off + m) % len(r.chunk)
	}
	return n, nil
}

// TestDiscoverBounded checks that Discover reads at most 1 MiB of a page
// whose head never ends, and stops at the end of the head without reading
// the rest.
func TestDiscoverBounded(t *testing.T) {
	endless := &byteCounter{r: io.MultiReader(
		strings.NewReader(`<head><link rel=alternate type=application/rss+xml href=/f>`),
		&endlessReader{chunk: []byte("<meta name=x content=y>")},
	)}
	links, err := fetch.Discover(endless, "https://example.com/")
	require.NoError(t, err)
	assert.Len(t, links, 1)
	assert.LessOrEqual(t, endless.n, int64(1<<20), "bytes read")

	page := `<head><link rel=alternate type=application/rss+xml href=/f></head><body>` + strings.Repeat("<p>text</p>", 100000)
	short := &byteCounter{r: strings.NewReader(page)}
	links, err = fetch.Discover(short, "https://example.com/")
	require.NoError(t, err)
	assert.Len(t, links, 1)
	assert.Less(t, short.n, int64(len(page)), "the body is not read")
}

// FuzzDiscover checks that Discover never panics and, given an absolute
// page URL, returns only absolute http or https URLs.
func FuzzDiscover(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "discover", "*.html"))
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, "https://example.com/a/b")
	}
	f.Add([]byte(`<base href="//other.example/"><link rel=alternate type=application/rss+xml href="?q">`), "http://x/")
	f.Add([]byte(`<link rel=alternate type=application/rss+xml href="feed:">`), "")
	f.Fuzz(func(t *testing.T, page []byte, pageURL string) {
		links, err := fetch.Discover(bytes.NewReader(page), pageURL)
		if err != nil {
			if _, perr := url.Parse(strings.TrimSpace(pageURL)); perr == nil {
				t.Fatalf("error %v with a page URL that parses", err)
			}
			return
		}
		u, _ := url.Parse(strings.TrimSpace(pageURL))
		abs := u != nil && u.IsAbs()
		seen := map[string]bool{}
		for _, l := range links {
			if seen[l.URL] {
				t.Fatalf("%q returned twice", l.URL)
			}
			seen[l.URL] = true
			lu, err := url.Parse(l.URL)
			if err != nil {
				t.Fatalf("result %q does not parse: %v", l.URL, err)
			}
			if abs && !(lu.IsAbs() && (lu.Scheme == "http" || lu.Scheme == "https") && lu.Host != "") {
				t.Fatalf("result %q is not an absolute http(s) URL (page %q)", l.URL, pageURL)
			}
		}
	})
}
