// Package rss reads web feeds into typed Go values, streaming item by item:
// RSS in all its versions, Atom and JSON Feed, into one model; and writes
// that model back out as RSS 2.0, Atom 1.0 or JSON Feed 1.1 ([Encoder]).
//
// It reads RSS 2.0 and the older dialects still in use (0.90, 0.91, 0.92 and
// the RDF-based RSS 1.0 and 1.1), Atom (Atom 1.0, RFC 4287, and the older
// Atom 0.3) and JSON Feed 1.0 and 1.1 into one data model, [Feed] and [Item],
// so that code written for RSS works on the others unchanged: a feed's
// entries are its items, and each element fills the field with the same
// meaning (subtitle the Description, id the GUID, published the PubDate...);
// what only Atom or JSON Feed says is in [Feed.Atom] and [Item.Atom]. An
// Atom entry document (RFC 4287 section 5.2: a root entry, in Atom 1.0's
// namespace) is read as a feed of that one item, whose [Feed] has only
// Version "atom1.0" and, from the entry's xml:lang, Language (the entry's
// atom:source stays in [AtomEntry.Source]).
// [Feed.Version] says which format was read: for RSS, the version the
// document declares ("2.0", "0.91", "0.92": the rss element's version as
// written, but with the minor revisions of 2.0 read as "2.0"; "0.90" or
// "1.0" for RDF feeds; "1.1" for RSS 1.1; "" when the document does not
// say); "atom1.0" or "atom0.3" for Atom; "json1.0" or "json1.1" for JSON
// Feed (in the default mode, another JSON Feed version URL gives "json"
// followed by its version number, or "json" when it has none that reads as
// one; a version written as a bare number, 1, 1.0 or 1.1, gives "json1.0"
// or "json1.1"; and a JSON object with items but no version gives "json":
// see JSON Feed below).
//
// The namespaced elements feeds commonly carry have typed fields (see
// Namespaces below). Every other element is kept, in document order, in the
// Extensions of the channel or item it stands in ([Element]): nothing is
// silently dropped.
//
// [Parse] reads a whole feed. [NewDecoder] streams it: [Decoder.Channel]
// returns the channel's fields, and [Decoder.Items] (or [Decoder.Next])
// yields each item as soon as its end tag has been read. Package
// [github.com/feedkit/rss/fetch] reads a feed over HTTP the way a polite
// poller must (conditional requests, compression, redirects, Retry-After, a
// next time to ask) and finds the feeds an HTML page names; this package
// does not link net/http, so a program that only parses stays small.
// [NewEncoder] writes a [Feed] in a [Format]: reading what was written gives
// the same model back, but for what the Encoder's doc lists. Package
// [github.com/feedkit/rss/opml] reads and writes OPML subscription lists.
//
// Real feeds are often broken, always in the same few ways. By default the
// decoder repairs what it can (a byte-order mark, an encoding that differs
// from the declared one, UTF-8 under a declared ISO-8859-1 or windows-1252,
// bare ampersands, a bare '<' that cannot be markup, as in "Why x<y
// matters", HTML entities, control characters, element names in the wrong
// case) and returns everything it could read together with an error that
// says where it stopped. Set [Decoder.Strict] to have each repair of a
// document that is not well-formed, and UTF-8 under a declared single-byte
// encoding, reported as a [*ParseError] instead (names in the wrong case,
// which are well-formed, are read alike in both modes).
//
// # Namespaces
//
// Namespaces are matched by their URI, never by prefix. The common
// misspellings of the URIs the package knows (letter case, a missing or
// extra trailing slash, https for http, "www.") are read as the URI they
// meant, and so are their usual prefixes when a feed uses one without
// declaring it. These namespaces are mapped onto typed fields:
//
//   - [NamespaceContent]: content:encoded, an item's full body
//     ([Item.Content]).
//   - [NamespaceDublinCore]: Dublin Core ([DublinCore], [Feed.DC],
//     [Item.DC]).
//   - [NamespaceWFW]: the Well-Formed Web comment API ([WFW]).
//   - [NamespaceSlash]: Slash ([Slash]).
//   - [NamespaceSyndication]: Syndication ([Syndication], [Feed.Sy]).
//   - [NamespaceAtom] and [NamespaceAtom03]: Atom 1.0 and 0.3, in Atom
//     documents and in RSS ([AtomLink], [AtomFeed], [AtomEntry]).
//   - [NamespacePodcast]: Podcasting 2.0 ([PodcastFeed], [PodcastItem]).
//   - [NamespaceITunes]: Apple's iTunes podcast elements ([ITunesFeed],
//     [ITunesItem]).
//   - [NamespaceMedia]: Media RSS ([Media]).
//   - XHTML (http://www.w3.org/1999/xhtml): an item's xhtml:body, read as
//     its content:encoded ([Item.Content]).
//
// [Feed.ImageURL], [Item.ImageURL] and [Item.Duration] give the picture and
// the length a podcast app shows, from whichever of them has it; likewise
// [Item.Body] (and [Item.Text]) the item's text, from content to
// description to the iTunes and Media RSS elements, and [Item.Authors] and
// [Feed.Authors] who wrote it. The doc of each lists the places it reads,
// in order.
//
// The package knows these namespaces too, without typed fields:
// [NamespaceRDF], [NamespaceRSS10] and [NamespaceRSS090] (RSS 0.90 and 1.0
// are written in them: their elements are RSS's), [NamespaceDCTerms] (its
// usual prefix is read as it, so that [FindElement] finds it by URI), and
// [NamespaceJSONFeed] (the elements a JSON Feed's other members are kept
// as).
//
// # JSON Feed
//
// [Parse] and [Decoder] read JSON Feed 1.1 and 1.0 (https://jsonfeed.org),
// a document whose first byte that is not white space (after a byte-order
// mark) is '{' or '[', item by item, into the same [Feed] and [Item] as RSS:
//
//	version                Feed.Version: "json1.0" or "json1.1" (see below)
//	title, description     Feed.Title, Feed.Description
//	home_page_url          Feed.Link
//	feed_url, next_url     Feed.AtomLinks with Rel "self", "next"
//	icon                   Feed.Image.URL and Feed.Atom.Logo
//	favicon                Feed.Atom.Icon (and Feed.Image.URL without an icon)
//	authors (1.0: author)  Feed.Atom.Authors: Person{Name: name, URI: url}
//	language               Feed.Language
//	hubs                   Feed.AtomLinks with Rel "hub" (the WebSub hubs)
//	item id                Item.GUID, IsPermaLink false (a number as written)
//	url, title             Item.Link, Item.Title
//	external_url           Item.AtomLinks with Rel "related"
//	summary                Item.Description
//	content_html           Item.Content, with Item.Atom.ContentType "html"
//	content_text           Item.Content, with Item.Atom.ContentType "text",
//	                       when there is no content_html
//	date_published         Item.PubDate(Raw) and Item.Atom.Published(Raw)
//	date_modified          Item.Atom.Updated(Raw), and Item.PubDate(Raw)
//	                       when there is no date_published
//	authors (1.0: author)  Item.Atom.Authors; an item without them has
//	                       the feed's (copied, as an Atom entry has)
//	tags                   Item.Categories (Value)
//	language               Item.DC.Language
//	attachments            Item.Enclosures: url → URL, mime_type → Type,
//	                       size_in_bytes → Length
//
// The URLs among them (home_page_url, feed_url, next_url, icon, favicon,
// an author's url, a hub's url, an item's url and external_url, an
// attachment's url) are resolved against [Decoder.BaseURL], else, for an
// item's, against home_page_url, as RSS's are (a JSON Feed has no
// xml:base); with [Decoder.ResolveHTML], so are those inside content_html.
//
// The other members are kept in [Feed.Extensions] and [Item.Extensions], in
// document order, each as an [Element] named by its key, in the namespace
// [NamespaceJSONFeed]: a string is the element's Text (trimmed); a number,
// true or false is its Text as written; null is an element with neither
// text nor children; an object's members are its Children, each named by
// its key; an array is one element per value, each named by the array's key
// (an empty array is one empty element; an array in an array is an element
// whose children are its values). They are: extension objects (keys
// starting with "_") and keys the specification does not define;
// user_comment, expired, an item's image and banner_image, and content_text
// when there is content_html; an author object with an avatar (or any
// member besides name and url), kept whole, as "authors" or "author", and
// the version 1.0 author object when there are authors too (authors wins);
// an attachment with a title, a duration_in_seconds or any other member,
// kept whole as "attachments" (its url, type and size are in Enclosures as
// well); a hub that is not a WebSub hub with a url; and a member of a known
// name whose value has the wrong type, or that is given a second time (the
// first one counts).
//
// The version may stand anywhere among the members: a feed whose encoder
// sorts its keys has its items before its title and version, which are set
// on the Feed [Decoder.Channel] returned as the decoder reaches them, like
// an RSS channel's elements after its items. In the default mode a JSON
// object with items (an array, or an object read as one item) is a JSON
// Feed even when its version is not a JSON Feed URL, as some feeds write
// it: a version written as a bare number (the string or number 1, 1.0 or
// 1.1) gives Version "json1.0" or "json1.1", and an object without a
// version gives "json", set once the end of the object shows that it has
// none. Another version (such as a package manifest's "1.3.0"), a bare
// version without items, no version and no items, and in
// [Decoder.Strict] mode any version but a JSON Feed URL, or none, give an
// error wrapping [ErrNotFeed] (after the items of a document that had
// them before the version, or before its end). Malformed JSON gives a
// [*ParseError] at the byte where it stopped being JSON, and a document
// cut short one wrapping [io.ErrUnexpectedEOF], each after the items read
// before it. [Decoder.MaxElementSize] bounds each item and each top-level
// member, [Decoder.MaxDepth] the nesting of objects and arrays.
//
// By default the decoder repairs what it repairs in XML, by the same rule:
// bytes that are not UTF-8 (read as windows-1252), C1 control characters
// (raw or escaped as \u0080-\u009f, read as windows-1252), the characters
// XML forbids (NUL and the other C0 controls but tab, line feed and
// carriage return, U+FFFE, U+FFFF; raw, or escaped as \u0000, \b, \f),
// which are dropped, so that JSON Feed text holds what XML text can (a tab,
// line feed or carriage return written raw in a string is kept); it reads a
// version URL with http,
// www. or a trailing slash, a value of the wrong type leaves the field zero
// (the value is kept in Extensions), and an items value that is an object
// is read as one item. [Decoder.Strict] reports each of these as an error
// (but for C1 escapes, which it reads as windows-1252 as it does &#146;),
// and also a version other than https://jsonfeed.org/version/1 and /1.1, and
// a member given twice. Neither mode requires what the specification
// requires (an item's id, a title): a missing member is a zero field.
//
// # Notable divergences
//
//   - RSS, Atom and JSON Feed are read, and so is an Atom entry document,
//     as a feed of one item. Another document (an HTML page, an empty one)
//     gives [ErrNotFeed].
//   - Atom's xhtml text is written back as markup without the div that wraps
//     it; XHTML's own elements lose their prefix (the text is meant as
//     HTML), other namespaces' keep theirs, and base64 content is decoded
//     only when it decodes to text. An entry without an author has its
//     atom:source's authors, else the feed's, in [AtomEntry.Authors]
//     itself (RFC 4287 section 4.2.1), so that [Item.Authors] gives them;
//     the decoder streams, so the feed's authors that stand after the
//     entries (rare) reach only the entries after them. An RSS item's
//     atom:author elements are its own: an RSS item inherits nothing.
//   - Atom elements inside an RSS item or channel fill the Atom part and
//     never take a shared field from the RSS element meant for it (an
//     atom:id does not become the GUID, nor atom:updated the
//     lastBuildDate), whatever the order; the convenience methods
//     ([Item.Published], [Item.Updated], [Item.Authors]) fall back to them.
//   - The package reads feeds from an [io.Reader] (and writes them to an
//     [io.Writer]), which the caller bounds (for example with [io.LimitReader]) if the
//     source is untrusted, or over HTTP with package
//     [github.com/feedkit/rss/fetch], which bounds the body itself.
//   - Relative URLs are resolved, in every URL-valued field, against the
//     nearest xml:base, else [Decoder.BaseURL], else (for an item) the
//     channel's link; absolute URLs are kept byte for byte. Only an http,
//     https or ftp URL is a base: an xml:base, [Decoder.BaseURL] or channel
//     link of another scheme (javascript:, vbscript:, data:, file:, blob:,
//     or one the package does not know) resolves nothing, so every URL the
//     package builds is an http, https or ftp URL; those the feed wrote are
//     not sanitised. HTML text is
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
//     JSON Feed item or top-level member. Every input byte counts, whether
//     a repair drops it (a character XML forbids) or not, so a run of such
//     characters is refused like any other long element; a repair costs
//     about what as much plain text costs. Error: [ErrTooLarge].
//   - A reader that returns no bytes and no error 100 times in a row ends
//     reading, as bufio's readers do. Error: [io.ErrNoProgress].
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
//     an xml:base longer than 2048 bytes resolves nothing in its scope. The
//     [Feed] remembers, for an [Encoder], the prefixes of at most 64
//     namespaces, prefixes of at most 32 bytes for URIs as above. None of
//     these is an error.
//   - What a document builds (its items, their fields, extension elements
//     and attributes, the channel) may take at most [Decoder.MaxBuildRatio]
//     times the bytes read (6 by default), plus 8 MiB, counted over the whole
//     document, the items returned before included: the decoder cannot know
//     whether the caller keeps them. Error: [ErrTooLarge], after the items
//     completed before. What is built is estimated as the decoder reads, at
//     fixed costs: the size of an [Item] (and of the [AtomEntry], [Media],
//     [PodcastItem], [ITunesItem] it holds) for each item, of an [Element]
//     for each element, of an [encoding/xml.Attr] for each attribute; the
//     text they hold is not counted, as it is at most the input's own
//     (with the entities above), but what resolving a URL against a base
//     adds to it is. Why 6: the real feeds of the test corpus
//     build 2.8 times their size at most, most of them about their size
//     (their items' text outweighs the fixed costs); a document of empty
//     items (<item/>, {}) or elements (<a/>, []) would build a hundred
//     times its size, and is refused within its first MiBs; and 6 keeps
//     what a document builds within a few times what
//     [github.com/feedkit/rss/fetch.Fetcher.MaxBytes] lets in. Items that
//     hold no more than a short title and link build more than 6 times
//     their size: a large feed of them needs a larger ratio.
//   - [github.com/feedkit/rss/fetch.Fetcher.MaxBytes] bounds a response body
//     after decompression (32 MiB by default,
//     [github.com/feedkit/rss/fetch.DefaultMaxBytes]). Error: [ErrTooLarge].
//
// Streaming with [Decoder.Items] keeps nothing per item: the decoder's own
// memory is bounded by the largest item plus the channel. The channel's own
// elements are data and stay on the [Feed] (as do Podcasting 2.0 live
// items): each is bounded by MaxElementSize, all of them with the items by
// MaxBuildRatio. [Parse] keeps every item, within the same bound.
//
// Positions in errors count lines and bytes of the input decoded to UTF-8.
package rss
