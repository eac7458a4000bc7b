// Package fetch reads web feeds over HTTP, for a program that polls them:
// it gets a feed with a conditional GET, reads it with package
// [github.com/feedkit/rss], and says when to ask again. [Discover] finds the
// feeds an HTML page names, for a user who gives a site's address instead of
// its feed's.
//
// [Fetch] gets a feed with a zero [Fetcher]:
//
//	res, err := fetch.Fetch(ctx, "https://example.com/feed.xml", prev)
//
// A Fetcher of one's own sets the [net/http.Client] (used as it is, never
// changed), the User-Agent and the bound on a response body. The context
// bounds the whole exchange, the reading of the body included. A Fetcher is
// safe for concurrent use, and so is the package: it holds no mutable state
// but the default client, which is made once.
//
// The body is read with an [rss.Decoder] that is told the response's
// Content-Type (its charset decides the encoding) and the document's URL (its
// Content-Location, else the URL after redirects), so that the feed's
// relative links come back absolute. Gzip is asked for and decompressed here,
// under [Fetcher.MaxBytes].
//
// [Fetcher.Decoder] sets the decoder's Strict, ResolveHTML and bounds, for
// Fetch and Open alike.
//
// # Streaming
//
// [Fetcher.Open] reads the response's headers and the feed's channel, and
// returns a [Response] whose items are read as they arrive, so that a
// poller can stop at the first item it has already seen:
//
//	resp, err := fetch.Open(ctx, url, prev)
//	defer resp.Close()
//	for item, err := range resp.Items() { ... }
//
// # Conditional GET
//
// Keep the [Result.Validators] of a fetch with the subscription and pass them
// to the next one: they go out as If-None-Match and If-Modified-Since, and a
// feed that has not changed costs a 304 Not Modified, which gives a Result
// with NotModified set, no Feed and no error. Validators are given only for
// a feed read whole and parsed to its end: after a body cut off by the
// network, a feed that is not well-formed to its end, or a stream closed
// early, they are empty, so that the next poll gets the whole feed again
// and no item is lost between polls. A validator longer than 1 KiB is
// dropped. A 304 to a request that sent no validators is an [*HTTPError]. A Result's MovedTo is set when
// the server said, with a permanent redirect, that the feed lives at another
// URL: keep that URL instead.
//
// # When to ask again
//
// Every Result, after an error too, has a [Result.NextFetch]: the latest of
// the times the response's Retry-After and caching headers and the feed's
// ttl or sy:updatePeriod ask for, one hour when none does, kept between 5
// minutes and 24 hours (7 days for a Retry-After) and moved out of the hours
// and days the feed's skipHours and skipDays name.
//
// # Errors
//
// The Result comes back with the error, never nil, and holds what was
// learnt before it. The error is one of:
//   - an [*HTTPError] for a status other than 2xx and 304, with the
//     Retry-After the server asked for; errors.Is(err, [ErrGone]) for a 410,
//     which means the feed will not come back: stop polling it;
//   - an [*rss.ParseError] for a body that could not be read whole, the feed
//     read before it in Result.Feed: one cut off (wrapping
//     [io.ErrUnexpectedEOF] or the network's error), one longer than
//     MaxBytes (wrapping [rss.ErrTooLarge]), or no feed at all (wrapping
//     [rss.ErrNotFeed]); for an HTML page [Result.Alternates] lists the
//     feeds it names, as [Discover] reads them;
//   - the context's error, when it ended first (wrapped);
//   - an [*Error] otherwise, saying what failed: the request (a bad URL, a
//     refused connection, too many redirects) or the decompression of the
//     body. A body cut off by the network or by a broken gzip stream is an
//     *rss.ParseError that wraps an *Error, after the items read before it.
package fetch
