package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/feedkit/rss"
	"golang.org/x/net/html/charset"
)

// DefaultMaxBytes is the default for [Fetcher.MaxBytes]: 32 MiB.
const DefaultMaxBytes = 32 << 20

// DefaultUserAgent is the User-Agent a [Fetcher] sends unless told
// otherwise. It names the package by its module path, so that a publisher
// who sees it in a log knows what is asking; a service may put its own name
// in front ("MyReader/2.0 " + DefaultUserAgent).
const DefaultUserAgent = "feedkit-rss (Go package github.com/feedkit/rss; +https://github.com/feedkit/rss)"

// The bounds of [Result.NextFetch], as a polite poller keeps them.
const (
	// minInterval is the shortest wait between two fetches of a feed,
	// whatever the server or the feed says.
	minInterval = 5 * time.Minute
	// defaultInterval is the wait when neither the response nor the feed
	// gives a hint.
	defaultInterval = time.Hour
	// maxInterval is the longest wait a hint of the feed or of the HTTP
	// caching headers can ask for: a feed is looked at at least once a day.
	maxInterval = 24 * time.Hour
	// maxRetryAfter is the longest Retry-After honoured: the server asked
	// explicitly, so it may ask for longer than maxInterval.
	maxRetryAfter = 7 * 24 * time.Hour
)

const (
	// maxRedirects is how many requests of a redirect chain the default
	// client makes.
	maxRedirects = 10
)

// ErrGone is the error, wrapped in an [*HTTPError] with StatusCode 410, for
// a feed its server says is gone for good: stop polling it.
var ErrGone = errors.New("rss: the feed is gone (410 Gone)")

// An HTTPError is the error [Fetcher.Fetch] returns for a response whose
// status is neither a success (2xx) nor 304 Not Modified: 404, 410 (which
// is [ErrGone]), 429 Too Many Requests, 5xx, or a redirect the client did
// not follow; and for a 304 Not Modified to a request that sent no
// validators, which leaves the client with no feed.
type HTTPError struct {
	// StatusCode is the response's status: 404, 410, 503...
	StatusCode int
	// RetryAfter is how long the server asked the client to wait, read
	// from the Retry-After header (a number of seconds, or an HTTP date
	// taken relative to the response's Date), at most 7 days; 0 when it
	// did not say.
	RetryAfter time.Duration
}

// Error reads "rss: HTTP 503 Service Unavailable (retry after 2m0s)".
func (e *HTTPError) Error() string {
	msg := fmt.Sprintf("rss: HTTP %d %s", e.StatusCode, http.StatusText(e.StatusCode))
	if e.StatusCode == http.StatusNotModified {
		msg += " to a request that sent no validators"
	}
	if e.RetryAfter > 0 {
		msg += fmt.Sprintf(" (retry after %s)", e.RetryAfter)
	}
	return msg
}

// Unwrap returns [ErrGone] for a 410, so that errors.Is(err, ErrGone)
// holds, and nil for every other status.
func (e *HTTPError) Unwrap() error {
	if e.StatusCode == http.StatusGone {
		return ErrGone
	}
	return nil
}

// tooLargeError is the error for a response body longer than
// Fetcher.MaxBytes.
type tooLargeError struct{ max int64 }

func (e *tooLargeError) Error() string {
	return fmt.Sprintf("rss: response body larger than %d bytes", e.max)
}
func (e *tooLargeError) Is(t error) bool { return t == rss.ErrTooLarge }

// A Fetcher reads feeds over HTTP the way a polite, long-running client
// must: it sends the validators of the last response so that an unchanged
// feed costs a 304, asks for a compressed body, follows redirects and says
// which of them were permanent, bounds what it reads, and says when to ask
// again ([Result.NextFetch]).
//
// The zero value is ready to use. A Fetcher is safe for concurrent use; it
// never changes its fields or its Client.
type Fetcher struct {
	// Client makes the requests; nil means a client of the package's own,
	// shared, that gives up on a redirect chain at its 10th request, as
	// net/http's default does, and times out (30 s for a connection and
	// for the response headers, 2 min for a whole exchange). A caller's
	// client is used as it is: its CheckRedirect, Jar and Timeout apply.
	// The context given to Fetch bounds every request whichever client
	// makes it.
	Client *http.Client

	// UserAgent is the User-Agent header; "" means [DefaultUserAgent].
	UserAgent string

	// MaxBytes bounds the bytes of a response body, counted after
	// decompression, so that a compressed body cannot expand past it.
	// Zero means [DefaultMaxBytes] (32 MiB); a negative value means no
	// bound. Going past it stops reading with a [*rss.ParseError] wrapping
	// [rss.ErrTooLarge], after the items completed before it.
	MaxBytes int64

	// Decoder, when not nil, is called with each response's decoder
	// before it reads a byte, after ContentType and BaseURL are set: it
	// may set Strict, ResolveHTML and the bounds (MaxElementSize,
	// MaxDepth), or change the BaseURL. It must not read from the decoder.
	// It is called from the goroutines that call Fetch and Open, so it
	// must be safe for concurrent use when they are concurrent.
	Decoder func(*rss.Decoder)
}

// Validators are what a server said identifies the version of a feed it
// sent: the ETag and Last-Modified headers, as written. Send the ones of
// the last [Result] with the next request, and an unchanged feed costs a
// 304 Not Modified instead of the whole body.
type Validators struct{ ETag, LastModified string }

// A Result is what one fetch of a feed gave.
type Result struct {
	// Feed is the feed read, with its items; on an error in the body (one
	// cut off by the network, one too large, one that is not RSS) it holds
	// what was read before the error. It is nil when NotModified, and
	// when no body was read: an HTTP error or a failed request.
	Feed *rss.Feed
	// NotModified is true for a 304 response: the feed has not changed
	// since the Validators sent.
	NotModified bool
	// URL is the final URL, after redirects.
	URL string
	// MovedTo is the URL the feed moved to, when the server answered with
	// a permanent redirect (301 or 308), and only permanent redirects
	// before it, and the fetch at the end of the chain succeeded (2xx or
	// 304): store it in place of the URL fetched. After a chain of
	// permanent redirects it is the last of them; a temporary redirect
	// (302, 303, 307) ends what counts, since the URL before it is the
	// one to keep asking.
	MovedTo string
	// Validators are the ETag and Last-Modified of the response, to send
	// next time. A 304 that repeats neither keeps the ones sent. They are
	// empty unless the body was read whole and parsed to its end (after a
	// cut body or any other error, the next fetch must get the whole feed
	// again), and a validator longer than 1 KiB is dropped.
	Validators Validators
	// NextFetch is when to ask again. It is the latest of the times the
	// hints say: the response's Retry-After, its freshness (Cache-Control
	// max-age less Age, else Expires less Date), and the feed's ttl, else
	// its sy:updatePeriod and sy:updateFrequency; one hour when there is
	// none. It is at least 5 minutes away and at most 24 hours (7 days for
	// a Retry-After, which the server asked for explicitly). It is then
	// moved past the hours and days the feed's skipHours and skipDays name
	// (in GMT, as RSS says), unless they name every hour or every day. It
	// is set after every fetch, an error too.
	NextFetch time.Time
	// StatusCode is the status of the final response, or 0 when there
	// was none.
	StatusCode int
	// Alternates are the feeds an HTML page names (see [Discover]), when
	// the URL gave an HTML page instead of a feed: the error then wraps
	// [rss.ErrNotFeed].
	Alternates []FeedLink
}

// defaultFetcher is the Fetcher of the package function Fetch.
var defaultFetcher Fetcher

// Fetch fetches a feed with a zero [Fetcher]: see [Fetcher.Fetch].
func Fetch(ctx context.Context, url string, prev Validators) (*Result, error) {
	return defaultFetcher.Fetch(ctx, url, prev)
}

// Open opens a feed with a zero [Fetcher], to read it item by item: see
// [Fetcher.Open].
func Open(ctx context.Context, url string, prev Validators) (*Response, error) {
	return defaultFetcher.Open(ctx, url, prev)
}

// defaultClient is the client of Fetchers without one: the transport of
// net/http's default, with timeouts, and at most maxRedirects requests in
// a redirect chain.
var defaultClient = sync.OnceValue(func() *http.Client {
	t, ok := http.DefaultTransport.(*http.Transport)
	if ok {
		t = t.Clone()
	} else { // a program replaced it: start from net/http's settings
		t = &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			DialContext:           (&net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
			ForceAttemptHTTP2:     true,
			MaxIdleConns:          100,
			IdleConnTimeout:       90 * time.Second,
			TLSHandshakeTimeout:   10 * time.Second,
			ExpectContinueTimeout: time.Second,
		}
	}
	t.ResponseHeaderTimeout = 30 * time.Second
	return &http.Client{
		Transport: t,
		Timeout:   2 * time.Minute,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= maxRedirects {
				return fmt.Errorf("stopped after %d redirects", maxRedirects)
			}
			return nil
		},
	}
})

// Fetch gets the feed at url and reads it whole: it is [Fetcher.Open],
// then every item, then Close.
//
// It sends prev's ETag and Last-Modified as If-None-Match and
// If-Modified-Since, so that an unchanged feed gives a Result with
// NotModified set and no error; asks for gzip and decompresses it; and reads
// the body with a [rss.Decoder] whose ContentType is the response's, so that its
// charset decides the encoding, and whose BaseURL is the response's
// Content-Location (resolved against its URL), else its URL after
// redirects, so that the feed's relative links come back absolute.
//
// The Result is never nil: whatever happened, it says when to ask again
// (NextFetch), and, once a response came, its status, its URL and the
// redirects that led there. Its Validators are set only when the body was
// read whole and parsed to its end: after an error they are empty, so that
// the next fetch gets the whole feed again and no item is lost between
// polls. The error is:
//   - an [*HTTPError] for a status other than 2xx and 304, and for a 304 to
//     a request that sent no validators; errors.Is(err, [ErrGone]) for a
//     410, which means unsubscribe;
//   - a [*rss.ParseError] for a body the decoder could not read whole, with the
//     feed read before it in Result.Feed: one cut off by the network
//     (wrapping an [*Error] and [io.ErrUnexpectedEOF] or the network's
//     error), one longer than MaxBytes (wrapping [rss.ErrTooLarge]), one
//     that is not a feed (wrapping [rss.ErrNotFeed]; for an HTML page
//     Result.Alternates holds the feeds it names);
//   - ctx's error (errors.Is with [context.DeadlineExceeded] or
//     [context.Canceled]) when it ends before the body has been read: a
//     stalled server is left at once;
//   - an [*Error] otherwise: the request failed (a bad URL, a refused
//     connection, too many redirects) or the body could not be decompressed.
func (f *Fetcher) Fetch(ctx context.Context, url string, prev Validators) (*Result, error) {
	resp, err := f.Open(ctx, url, prev) // a response never nil, closed on an error
	res := &Result{
		Feed:        resp.Feed,
		NotModified: resp.NotModified,
		URL:         resp.URL,
		MovedTo:     resp.MovedTo,
		NextFetch:   resp.NextFetch,
		StatusCode:  resp.StatusCode,
		Alternates:  resp.Alternates,
	}
	if res.Feed != nil {
		res.Feed.Items = []*rss.Item{}
	}
	if err != nil || resp.Decoder == nil {
		res.Validators = resp.Validators()
		return res, err
	}
	defer resp.Close()
	for {
		it, err := resp.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			res.NextFetch = resp.NextFetch
			return res, err
		}
		res.Feed.Items = append(res.Feed.Items, it)
	}
	// Channel elements after the items (a ttl, skipHours) count too.
	res.NextFetch = resp.NextFetch
	res.Validators = resp.Validators()
	return res, nil
}

// A Response is a feed being read over HTTP, item by item, as
// [Fetcher.Open] returns it: the metadata of the response, the channel, and
// the [rss.Decoder] over the body. Read the items with [Response.Next] or
// [Response.Items] (stopping early is fine) and Close it.
type Response struct {
	// Decoder reads the body; its Channel has been read (Feed). It is nil
	// when NotModified, and when no body could be read.
	Decoder *rss.Decoder
	// Feed is the channel, as Decoder.Channel returned it: it fills in as
	// the items are read (see [rss.Decoder.Channel]); its Items stay
	// empty. It is nil when Decoder is.
	Feed *rss.Feed
	// NotModified is true for a 304 response: the feed has not changed
	// since the Validators sent.
	NotModified bool
	// URL is the final URL, after redirects.
	URL string
	// MovedTo is the URL the feed moved to: see [Result.MovedTo].
	MovedTo string
	// NextFetch is when to ask again: see [Result.NextFetch]. It is set
	// from what the response and the channel say, and moved again when
	// Next reaches the end, for channel elements after the items.
	NextFetch time.Time
	// StatusCode is the status of the final response, or 0 when there
	// was none.
	StatusCode int
	// Alternates are the feeds an HTML page names: see
	// [Result.Alternates].
	Alternates []FeedLink

	ctx        context.Context
	body       io.Closer // nil once closed
	header     http.Header
	now        time.Time
	validators Validators
	complete   bool // the body was read whole and parsed to its end
	err        error
}

// Next returns the next item of the feed, or io.EOF after the last, as
// [rss.Decoder.Next] does. An error is sticky. When the context of Open
// ended first, the error says so.
func (r *Response) Next() (*rss.Item, error) {
	if r.err != nil {
		return nil, r.err
	}
	if r.Decoder == nil || r.body == nil {
		r.err = io.EOF
		if r.body == nil && r.Decoder != nil {
			r.err = errClosed
		}
		return nil, r.err
	}
	it, err := r.Decoder.Next()
	switch {
	case err == io.EOF:
		r.complete = true
		r.NextFetch = nextFetch(r.now, r.header, r.Feed)
	case err != nil:
		if r.ctx.Err() != nil && !errors.Is(err, r.ctx.Err()) {
			// The body was cut because the context ended: say so.
			err = fmt.Errorf("%w (%w)", err, r.ctx.Err())
		}
	}
	if err != nil {
		r.err = err
	}
	return it, err
}

// errClosed is what Next returns after Close.
var errClosed = errors.New("rss: read on a closed response")

// Items returns a single-use iterator over the items Next returns, as
// [rss.Decoder.Items] does: it ends after the last item, or after yielding
// an error. Breaking out of the loop stops reading.
func (r *Response) Items() iter.Seq2[*rss.Item, error] {
	return func(yield func(*rss.Item, error) bool) {
		for {
			it, err := r.Next()
			if err == io.EOF {
				return
			}
			if !yield(it, err) || err != nil {
				return
			}
		}
	}
}

// Validators returns the ETag and Last-Modified to send with the next fetch
// of the feed: those of the response once Next has returned io.EOF (the body
// read whole and parsed to its end), those kept for a 304, and none
// otherwise. A feed read only in part (stopped early, cut off, refused) gives
// none, so that the next fetch gets all of it again: storing the validators
// of a partial read would make the next poll a 304 and lose the items never
// read. Items read through Decoder directly do not count: use Next or Items.
func (r *Response) Validators() Validators {
	if !r.complete {
		return Validators{}
	}
	return r.validators
}

// Close closes the response's body. It is safe to call more than once, and
// on a Response returned with an error.
func (r *Response) Close() error {
	if r == nil || r.body == nil {
		return nil
	}
	b := r.body
	r.body = nil
	return b.Close()
}

// Open gets the feed at url, as [Fetcher.Fetch] does, and reads its channel
// (up to the first item), leaving the items to be read from the returned
// Response as they arrive, so that a poller can stop at the first item it
// has seen before. The caller must Close the Response.
//
// The Response is never nil, and its metadata is that of [Fetcher.Fetch]'s
// Result; so are the errors, those of reading the items coming from
// [Response.Next]. Its [Response.Validators] are set once Next has reached
// the end of the feed.
func (f *Fetcher) Open(ctx context.Context, url string, prev Validators) (*Response, error) {
	res := &Response{ctx: ctx, URL: url}
	res.NextFetch = time.Now().Add(defaultInterval)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return res, &Error{Op: "request", Err: err}
	}
	ua := f.UserAgent
	if ua == "" {
		ua = DefaultUserAgent
	}
	req.Header.Set("User-Agent", ua)
	req.Header.Set("Accept", "application/rss+xml, application/rdf+xml;q=0.9, application/atom+xml;q=0.9, "+
		"application/feed+json;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5")
	// Asked for explicitly, gzip is not decompressed by the transport but
	// here, where MaxBytes bounds what it expands to; the request is the
	// same whatever the caller's transport does.
	req.Header.Set("Accept-Encoding", "gzip")
	if prev.ETag != "" {
		req.Header.Set("If-None-Match", prev.ETag)
	}
	if prev.LastModified != "" {
		req.Header.Set("If-Modified-Since", prev.LastModified)
	}
	client := f.Client
	if client == nil {
		client = defaultClient()
	}
	resp, err := client.Do(req)
	if err != nil {
		return res, &Error{Op: "request", Err: err}
	}
	res.body = resp.Body
	res.now = time.Now()
	res.header = resp.Header
	res.StatusCode = resp.StatusCode
	res.URL = resp.Request.URL.String()
	retryAfter := retryAfter(resp.Header, res.now)
	switch {
	case resp.StatusCode == http.StatusNotModified:
		res.NextFetch = nextFetch(res.now, resp.Header, nil)
		res.Close()
		if prev == (Validators{}) {
			// Nothing was asked for that a 304 could answer: the server
			// sends no feed, and no validators to go on with.
			return res, &HTTPError{StatusCode: resp.StatusCode, RetryAfter: retryAfter}
		}
		res.NotModified = true
		res.MovedTo = movedTo(resp)
		res.validators = responseValidators(resp.Header)
		if res.validators.ETag == "" {
			res.validators.ETag = prev.ETag
		}
		if res.validators.LastModified == "" {
			res.validators.LastModified = prev.LastModified
		}
		res.complete = true
		return res, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		// Read a little of the body, so that the connection can be reused.
		io.CopyN(io.Discard, resp.Body, 4<<10)
		res.Close()
		res.NextFetch = nextFetch(res.now, resp.Header, nil)
		return res, &HTTPError{StatusCode: resp.StatusCode, RetryAfter: retryAfter}
	}
	res.MovedTo = movedTo(resp)
	res.validators = responseValidators(resp.Header)
	err = f.open(res, resp, documentURL(resp))
	res.NextFetch = nextFetch(res.now, resp.Header, res.Feed)
	if err != nil {
		res.Close()
		res.err = err
		if ctx.Err() != nil && !errors.Is(err, ctx.Err()) {
			err = fmt.Errorf("%w (%w)", err, ctx.Err())
		}
	}
	return res, err
}

// open sets up the reading of a successful response's body and reads its
// channel. baseURL is the document's own URL, the decoder's BaseURL.
func (f *Fetcher) open(res *Response, resp *http.Response, baseURL string) error {
	max := f.MaxBytes
	if max == 0 {
		max = DefaultMaxBytes
	}
	var body io.Reader = &wrapReader{r: resp.Body, op: "read"}
	if max > 0 {
		// The compressed bytes are bounded too: a gzip stream of empty
		// members expands to nothing, forever.
		body = &boundedReader{r: body, left: max, max: max}
	}
	switch enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))); enc {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(body)
		if err != nil {
			return &Error{Op: "decompress", Err: fmt.Errorf("reading the gzip body: %w", err)}
		}
		body = &wrapReader{r: zr, op: "decompress"}
		if max > 0 {
			body = &boundedReader{r: body, left: max, max: max}
		}
	default:
		return &Error{Op: "decompress", Err: fmt.Errorf("unsupported Content-Encoding %q", enc)}
	}
	// What the decoder reads before it knows whether the document is a
	// feed is kept, as far as Discover would read, for an HTML page.
	keep := &headBuffer{max: discoverMax}
	contentType := resp.Header.Get("Content-Type")
	d := rss.NewDecoder(io.TeeReader(body, keep))
	d.ContentType = contentType
	d.BaseURL = baseURL
	if f.Decoder != nil {
		f.Decoder(d)
	}
	feed, err := d.Channel()
	res.Decoder, res.Feed = d, feed
	if err == nil || !errors.Is(err, rss.ErrNotFeed) {
		keep.stop()
		return err
	}
	// Perhaps an HTML page: what feeds does it name? Read on from where
	// the decoder stopped, as far as Discover would.
	page := io.MultiReader(bytes.NewReader(keep.buf), io.LimitReader(body, int64(discoverMax-len(keep.buf))))
	if r, cerr := charset.NewReader(page, contentType); cerr == nil {
		page = r
	}
	res.Alternates, _ = Discover(page, baseURL)
	keep.stop()
	return err
}

// An Error is a failure to get a feed's bytes, other than an HTTP status
// (an [*HTTPError]): the request could not be made or was not answered (a
// bad URL, a refused connection, a TLS failure, too many redirects), the
// body could not be read to its end (a connection reset; this one reaches
// the caller inside the [*rss.ParseError] of the decoder that was reading
// it, with the items read before it), or it could not be decompressed (a
// corrupt gzip stream, an unsupported Content-Encoding).
type Error struct {
	// Op is what failed: "request", "read" or "decompress".
	Op string
	// Err is the cause: the client's error (a *url.Error), the
	// connection's, or the decompressor's.
	Err error
}

// Error reads "rss: decompress: ...".
func (e *Error) Error() string { return "rss: " + e.Op + ": " + e.Err.Error() }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// wrapReader wraps the errors of r, but io.EOF, in an *Error.
type wrapReader struct {
	r  io.Reader
	op string
}

func (w *wrapReader) Read(p []byte) (int, error) {
	n, err := w.r.Read(p)
	if err != nil && err != io.EOF {
		var fe *Error
		if !errors.As(err, &fe) {
			err = &Error{Op: w.op, Err: err}
		}
	}
	return n, err
}

// boundedReader reads at most max bytes from r, then fails with a
// tooLargeError if there are more.
type boundedReader struct {
	r         io.Reader
	left, max int64
	err       error
}

func (b *boundedReader) Read(p []byte) (int, error) {
	if b.err != nil {
		return 0, b.err
	}
	if b.left <= 0 {
		// At the bound: one more byte says whether the body goes on.
		var one [1]byte
		n, err := b.r.Read(one[:])
		if n > 0 {
			b.err = &tooLargeError{b.max}
		} else if err != nil {
			b.err = err
		}
		if b.err == nil {
			return 0, nil
		}
		return 0, b.err
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.r.Read(p)
	b.left -= int64(n)
	if err != nil {
		b.err = err
	}
	return n, err
}

// headBuffer keeps the first max bytes written to it, until stop.
type headBuffer struct {
	buf []byte
	max int
}

// stop lets go of what was kept, and keeps nothing more.
func (h *headBuffer) stop() { h.buf, h.max = nil, 0 }

func (h *headBuffer) Write(p []byte) (int, error) {
	if room := h.max - len(h.buf); room > 0 {
		h.buf = append(h.buf, p[:min(room, len(p))]...)
	}
	return len(p), nil
}

// maxValidator is the longest ETag or Last-Modified kept: a longer one is
// dropped, not stored with the subscription and sent back with every poll.
const maxValidator = 1 << 10

// responseValidators returns the validators of a response, each of them
// that is not longer than maxValidator.
func responseValidators(h http.Header) Validators {
	v := Validators{ETag: h.Get("ETag"), LastModified: h.Get("Last-Modified")}
	if len(v.ETag) > maxValidator {
		v.ETag = ""
	}
	if len(v.LastModified) > maxValidator {
		v.LastModified = ""
	}
	return v
}

// movedTo returns where the permanent redirects at the start of the chain
// that led to resp moved the feed, or "". The chain is read back from
// resp.Request: each redirected request keeps the response that caused it.
func movedTo(resp *http.Response) string {
	if resp.StatusCode != http.StatusNotModified && (resp.StatusCode < 200 || resp.StatusCode > 299) {
		return ""
	}
	var chain []*http.Request // the final request first
	for req := resp.Request; req != nil; {
		chain = append(chain, req)
		if req.Response == nil {
			break
		}
		req = req.Response.Request
	}
	moved := ""
	for i := len(chain) - 1; i > 0; i-- { // from the first request on
		switch chain[i-1].Response.StatusCode {
		case http.StatusMovedPermanently, http.StatusPermanentRedirect:
			moved = chain[i-1].URL.String()
		default:
			return moved
		}
	}
	return moved
}

// documentURL is the URL a response's document is at, the base of its
// relative links: its Content-Location, resolved against the URL asked
// for, else the URL asked for.
func documentURL(resp *http.Response) string {
	u := resp.Request.URL
	if cl := strings.TrimSpace(resp.Header.Get("Content-Location")); cl != "" {
		if loc, err := u.Parse(cl); err == nil && (loc.Scheme == "http" || loc.Scheme == "https") {
			return loc.String()
		}
	}
	return u.String()
}

// retryAfter reads a Retry-After header: a number of seconds, or an HTTP
// date, taken relative to the response's Date (else now) so that the
// clocks of the two machines need not agree. It returns 0 when there is
// none, or none in the future.
func retryAfter(h http.Header, now time.Time) time.Duration {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0
	}
	secs, err := strconv.ParseInt(v, 10, 64)
	if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
		// Too many digits for an int64: beyond any bound, like the
		// largest int64 itself.
		if v[0] == '-' {
			return 0
		}
		return maxRetryAfter
	}
	if err == nil {
		if secs <= 0 {
			return 0
		}
		return time.Duration(min(secs, int64(maxRetryAfter/time.Second))) * time.Second
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0
	}
	return min(max(0, t.Sub(serverNow(h, now))), maxRetryAfter)
}

// serverNow is the response's Date, or now when it has none.
func serverNow(h http.Header, now time.Time) time.Time {
	if d, err := http.ParseTime(h.Get("Date")); err == nil {
		return d
	}
	return now
}

// freshness is how long a response stays fresh by its caching headers:
// Cache-Control max-age less its Age, else Expires less Date; 0 when they
// say nothing, or that it is stale.
func freshness(h http.Header, now time.Time) time.Duration {
	for _, cc := range h.Values("Cache-Control") {
		for _, dir := range strings.Split(cc, ",") {
			name, val, _ := strings.Cut(strings.TrimSpace(dir), "=")
			if !strings.EqualFold(strings.TrimSpace(name), "max-age") {
				continue
			}
			secs, err := strconv.ParseInt(strings.Trim(strings.TrimSpace(val), `"`), 10, 64)
			if err != nil || secs <= 0 {
				return 0
			}
			age, _ := strconv.ParseInt(strings.TrimSpace(h.Get("Age")), 10, 64)
			secs = min(secs, int64(maxInterval/time.Second)) - max(age, 0)
			return time.Duration(max(secs, 0)) * time.Second
		}
	}
	if e := h.Get("Expires"); e != "" {
		if t, err := http.ParseTime(e); err == nil {
			return max(0, t.Sub(serverNow(h, now)))
		}
	}
	return 0
}

// feedInterval is how often a feed says it changes: its ttl (minutes),
// else its sy:updatePeriod divided by its sy:updateFrequency; 0 when it
// does not say.
func feedInterval(feed *rss.Feed) time.Duration {
	if feed == nil {
		return 0
	}
	if feed.TTL > 0 {
		return time.Duration(min(feed.TTL, int(maxInterval/time.Minute))) * time.Minute
	}
	var period time.Duration
	switch strings.ToLower(strings.TrimSpace(feed.Sy.UpdatePeriod)) {
	case "hourly":
		period = time.Hour
	case "daily":
		period = 24 * time.Hour
	case "weekly":
		period = 7 * 24 * time.Hour
	case "monthly":
		period = 30 * 24 * time.Hour
	case "yearly":
		period = 365 * 24 * time.Hour
	default:
		return 0
	}
	if freq := feed.Sy.UpdateFrequency; freq > 1 {
		period /= time.Duration(freq)
	}
	return period
}

// nextFetch says when to fetch again after a response with header h, which
// gave feed (nil for none): see Result.NextFetch.
func nextFetch(now time.Time, h http.Header, feed *rss.Feed) time.Time {
	wait := max(freshness(h, now), feedInterval(feed))
	if wait <= 0 {
		wait = defaultInterval
	}
	wait = min(max(wait, minInterval), maxInterval)
	if ra := retryAfter(h, now); ra > wait {
		wait = min(ra, maxRetryAfter)
	}
	next := now.Add(wait)
	if feed != nil {
		next = skipHoursDays(next, feed.SkipHours, feed.SkipDays)
	}
	return next
}

// skipHoursDays moves t to the start of the first hour after it that is neither one
// of the skipHours (0–23, GMT) nor in one of the skipDays ("Monday"...), or
// leaves it when they skip every hour of a week.
func skipHoursDays(t time.Time, skipHours []int, skipDays []string) time.Time {
	if len(skipHours) == 0 && len(skipDays) == 0 {
		return t
	}
	var hours [24]bool
	for _, h := range skipHours {
		if h >= 0 && h < 24 {
			hours[h] = true
		}
	}
	var days [7]bool
	for _, d := range skipDays {
		for wd := time.Sunday; wd <= time.Saturday; wd++ {
			if strings.EqualFold(strings.TrimSpace(d), wd.String()) {
				days[wd] = true
			}
		}
	}
	u := t.UTC()
	for i := 0; i <= 7*24; i++ {
		if !hours[u.Hour()] && !days[u.Weekday()] {
			if i == 0 {
				return t
			}
			return u.In(t.Location())
		}
		u = u.Truncate(time.Hour).Add(time.Hour)
	}
	return t
}
