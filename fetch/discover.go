package fetch

import (
	"io"
	"mime"
	"net/url"
	"strings"

	"golang.org/x/net/html"
)

// discoverMax is how much of an HTML page Discover reads.
const discoverMax = 1 << 20

// A FeedLink is a feed an HTML page names (see [Discover]).
type FeedLink struct {
	// URL is the feed's URL, resolved against the page's.
	URL string
	// Title is the link's title attribute, white space collapsed: the
	// page's own name for the feed ("Comments", "Podcast"), or "".
	Title string
	// Type is the link's media type, lower case and without parameters:
	// "application/rss+xml", "application/atom+xml",
	// "application/feed+json"...
	Type string
}

// feedTypes are the media types of a <link rel="alternate"> that names a
// feed: RSS, RSS 1.0 (RDF), Atom, JSON Feed (application/json is what JSON
// Feed 1.0 said to use), the x- forms old pages use, and plain XML, which
// old blogs give their RSS.
var feedTypes = map[string]bool{
	"application/rss+xml":    true,
	"application/rdf+xml":    true,
	"application/atom+xml":   true,
	"application/feed+json":  true,
	"application/json":       true,
	"application/x-rss+xml":  true,
	"application/x.atom+xml": true,
	"application/x-atom+xml": true,
	"text/xml":               true,
	"application/xml":        true,
}

// Discover returns the feeds an HTML page names, in page order, each once:
// the <link> elements whose rel holds the token "alternate" (in any case,
// among other tokens) and whose type is a feed's (RSS, RSS 1.0, Atom, JSON
// Feed, or XML). Their href is resolved against the page's <base href>,
// itself resolved against pageURL (which may be "" when it is not known);
// a feed: URL is read as the http or https URL it wraps; a link that does
// not resolve to an http or https URL with a host (when it resolves to an
// absolute URL at all) is left out.
//
// It reads the page with golang.org/x/net/html's tokenizer up to the end
// of its head (</head>, or <body>), and at most 1 MiB of it: links in the
// body are not the page's feeds. It decodes the bytes as UTF-8: wrap r with
// golang.org/x/net/html/charset's NewReader for pages in other encodings.
// The error is r's, if it failed before the end of the head; the links
// found before it are returned with it.
func Discover(r io.Reader, pageURL string) ([]FeedLink, error) {
	var page *url.URL
	if pageURL != "" {
		u, err := url.Parse(strings.TrimSpace(pageURL))
		if err != nil {
			return nil, &url.Error{Op: "rss: page URL", URL: pageURL, Err: err}
		}
		page = u
	}
	z := html.NewTokenizer(io.LimitReader(r, discoverMax))
	var (
		links   []FeedLink // href as written in URL
		base    string
		hasBase bool
		err     error
	)
loop:
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if z.Err() != io.EOF {
				err = z.Err()
			}
			break loop
		case html.EndTagToken:
			if name, _ := z.TagName(); string(name) == "head" {
				break loop
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			switch string(name) {
			case "body":
				break loop
			case "base":
				for more {
					var k, v []byte
					k, v, more = z.TagAttr()
					if string(k) == "href" && !hasBase {
						base, hasBase = string(v), true
					}
				}
			case "link":
				var rel, typ, href, title string
				for more {
					var k, v []byte
					k, v, more = z.TagAttr()
					switch string(k) {
					case "rel":
						rel = string(v)
					case "type":
						typ = string(v)
					case "href":
						href = string(v)
					case "title":
						title = string(v)
					}
				}
				if !relHasToken(rel, "alternate") || strings.TrimSpace(href) == "" {
					continue
				}
				mt, _, perr := mime.ParseMediaType(typ)
				if perr != nil || !feedTypes[mt] {
					continue
				}
				links = append(links, FeedLink{URL: href, Title: strings.Join(strings.Fields(title), " "), Type: mt})
			}
		}
	}
	// The document's base URL applies to every link, even one before the
	// <base> element.
	if hasBase {
		if b := resolveRef(page, base); b != nil {
			page = b
		}
	}
	var out []FeedLink
	seen := map[string]bool{}
	for _, l := range links {
		u := resolveRef(page, l.URL)
		if u == nil {
			continue
		}
		u = unwrapFeedScheme(u)
		if u == nil || u.Scheme != "" && (u.Scheme != "http" && u.Scheme != "https" || u.Host == "") {
			continue
		}
		if page != nil && page.IsAbs() && !u.IsAbs() {
			continue
		}
		l.URL = u.String()
		if seen[l.URL] {
			continue
		}
		seen[l.URL] = true
		out = append(out, l)
	}
	return out, err
}

// resolveRef parses ref, with the white space around it that HTML allows
// trimmed, and resolves it against base (nil for none); nil when ref does
// not parse.
func resolveRef(base *url.URL, ref string) *url.URL {
	u, err := url.Parse(strings.Trim(ref, " \t\n\f\r"))
	if err != nil {
		return nil
	}
	if base == nil {
		return u
	}
	return base.ResolveReference(u)
}

// unwrapFeedScheme turns the feed: URLs some pages use into the URL they
// stand for: feed://host/path is http://host/path, and feed:https://...
// is https://...; nil when there is none.
func unwrapFeedScheme(u *url.URL) *url.URL {
	if !strings.EqualFold(u.Scheme, "feed") {
		return u
	}
	if u.Opaque != "" {
		s := u.Opaque
		if u.RawQuery != "" || u.ForceQuery {
			s += "?" + u.RawQuery
		}
		inner, err := url.Parse(s)
		if err != nil || inner.Scheme != "http" && inner.Scheme != "https" {
			return nil
		}
		return inner
	}
	if u.Host == "" {
		return nil
	}
	c := *u
	c.Scheme = "http"
	return &c
}

// relHasToken reports whether the space-separated list s holds tok, in any
// case.
func relHasToken(s, tok string) bool {
	for _, f := range strings.Fields(s) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}
