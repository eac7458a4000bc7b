// Package rss reads web feeds into typed Go values, streaming item by item:
// RSS in all its versions, Atom and JSON Feed, into one model.
//
// It reads RSS 2.0 and the older dialects still in use (0.90, 0.91, 0.92 and
// the RDF-based RSS 1.0 and 1.1) into one data model, [Feed] and [Item],
// together with the namespaced elements feeds commonly carry: content:encoded
// ([Item.Content]), Dublin Core ([DublinCore]), the Well-Formed Web comment
// API ([WFW]), Slash ([Slash]), Syndication ([Syndication]) and Atom's
// elements ([AtomLink], [AtomFeed], [AtomEntry]). Namespaces are matched by
// URI, never by prefix. Every other element is kept, in document order, in
// the Extensions of the channel or item it stands in ([Element]): nothing is
// silently dropped.
//
// It reads Atom feeds (Atom 1.0, RFC 4287, and the older Atom 0.3) and JSON
// Feed 1.0 and 1.1 into the same model, so that code written for RSS works on
// them unchanged: a feed's entries are its items, and each element fills the
// field with the same meaning (subtitle the Description, id the GUID,
// published the PubDate...); what only Atom or JSON Feed says is in
// [Feed.Atom] and [Item.Atom]. [Feed.Version] says which format was read.
//
// Podcasts and media have typed parts too: Apple's iTunes elements
// ([ITunesFeed], [ITunesItem]), Podcasting 2.0 ([PodcastFeed],
// [PodcastItem]) and Media RSS ([Media]), with [Feed.ImageURL],
// [Item.ImageURL] and [Item.Duration] for the picture and the length a
// podcast app shows.
//
// [Parse] reads a whole feed. [NewDecoder] streams it: [Decoder.Channel]
// returns the channel's fields, and [Decoder.Items] (or [Decoder.Next])
// yields each item as soon as its end tag has been read. Package
// [github.com/feedkit/rss/fetch] reads a feed over HTTP the way a polite
// poller must (conditional requests, compression, redirects, Retry-After, a
// next time to ask) and finds the feeds an HTML page names; this package
// does not link net/http, so a program that only parses stays small.
//
// Real feeds are often broken, always in the same few ways. By default the
// decoder repairs what it can (a byte-order mark, an encoding that differs
// from the declared one, bare ampersands, HTML entities, control characters,
// element names in the wrong case) and returns everything it could read
// together with an error that says where it stopped. Set [Decoder.Strict] to
// have each repair of a document that is not well-formed reported as a
// [*ParseError] instead (names in the wrong case, which are well-formed, are
// read alike in both modes).
//
// # Notable divergences
//
//   - RSS, Atom and JSON Feed are read. Another document (an HTML page, an
//     empty one) gives [ErrNotFeed].
//   - Atom's xhtml text is written back as markup without the div that wraps
//     it; XHTML's own elements lose their prefix (the text is meant as
//     HTML), other namespaces' keep theirs, and base64 content is decoded
//     only when it decodes to text. An entry does not inherit the feed's
//     authors: [Item.Authors] gives the entry's own.
//   - Atom elements inside an RSS item or channel fill the Atom part and
//     never take a shared field from the RSS element meant for it (an
//     atom:id does not become the GUID, nor atom:updated the
//     lastBuildDate), whatever the order; the convenience methods
//     ([Item.Published], [Item.Updated], [Item.Authors]) fall back to them.
//   - The package does not write feeds. It reads them from an [io.Reader],
//     which the caller bounds (for example with [io.LimitReader]) if the
//     source is untrusted, or over HTTP with package
//     [github.com/feedkit/rss/fetch], which bounds the body itself.
//   - Relative URLs are resolved, in every URL-valued field, against the
//     nearest xml:base, else [Decoder.BaseURL], else (for an item) the
//     channel's link; absolute URLs are kept byte for byte. HTML text is
//     left as written unless [Decoder.ResolveHTML] asks for its URLs to be
//     resolved too ([ResolveHTML] does it for any text). A guid is resolved
//     only when it says isPermaLink="true", so that an ID does not depend
//     on where the feed was read. xml:base is not applied inside HTML
//     written as child elements of an RSS element, nor inside elements kept
//     in Extensions.
//   - HTML is returned as the feed wrote it, not sanitised. [PlainText] turns
//     it into plain text.
//   - RSS 1.0's items table of contents (rdf:Seq) and the channel's references
//     to its image and text input are not kept: the items, image and text
//     input themselves are.
//   - Bytes that are not valid UTF-8 are read as windows-1252 one by one;
//     the valid UTF-8 around them stays as it is (Python's feedparser reads
//     the whole document as windows-1252 instead).
//   - dc:author, which is not Dublin Core, is read as dc:creator; a repeated
//     single-valued element (a second title) is kept in Extensions.
//   - A DOCTYPE left open (a quote missing in its public identifier or in an
//     entity value) ends, in the default mode, at the first '>' that is
//     followed by the feed's root element; the entities declared after the
//     break are not read. Strict mode reports it.
//
// # Limits
//
// A hostile feed costs time linear in its length and memory within these
// bounds. Those with an error end reading with a [*ParseError] wrapping it,
// after every item completed before:
//
//   - An item, or one channel element outside the items, may take
//     [Decoder.MaxElementSize] bytes of input (16 MiB by default); so may a
//     single token that never ends (a tag, a comment, a CDATA section) and a
//     JSON Feed item or top-level member. Error: [ErrTooLarge].
//   - Elements (and JSON values) nest at most [Decoder.MaxDepth] deep (256 by
//     default, and never more than 10000, even when a negative value asks for
//     no bound, so that an [Element] tree is always safe to walk
//     recursively). Error: [ErrTooDeep].
//   - Entities a document's DOCTYPE declares are expanded where they are
//     used, each once: a document's expansions may take at most 100,000
//     references and 8 MiB of text (error: [ErrTooLarge]) and nest 16 deep
//     (deeper ones are left as written; in strict mode an error). The DOCTYPE
//     is read for declarations up to 1 MiB (past that, strict mode gives
//     [ErrTooLarge]; the default mode leaves later declarations' entities
//     undeclared). External entities are never read.
//   - What a decoder keeps for the whole document is bounded: at most 1024
//     interned names of at most 64 bytes, and 64 namespace URIs of at most
//     256 bytes; scratch buffers a long token grew are let go beyond 512 KiB;
//     an xml:base longer than 2048 bytes resolves nothing in its scope. None
//     of these is an error.
//   - [github.com/feedkit/rss/fetch.Fetcher.MaxBytes] bounds a response body
//     after decompression (32 MiB by default,
//     [github.com/feedkit/rss/fetch.DefaultMaxBytes]). Error: [ErrTooLarge].
//
// Streaming with [Decoder.Items] keeps nothing per item: memory is bounded by
// the largest item plus the channel. The channel's own elements are data and
// stay on the [Feed] (as do Podcasting 2.0 live items): each is bounded by
// MaxElementSize, their number only by the input's length, which the caller
// bounds (with [io.LimitReader], or
// [github.com/feedkit/rss/fetch.Fetcher.MaxBytes]) when the source is
// untrusted. [Parse] keeps every item, so its memory follows the input's
// length.
//
// Positions in errors count lines and bytes of the input decoded to UTF-8.
package rss
