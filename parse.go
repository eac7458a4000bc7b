package rss

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"iter"
	"strings"
	"unsafe"

	"github.com/feedkit/rss/internal/jsonscan"
	"github.com/feedkit/rss/internal/xmlscan"
)

// Defaults for the [Decoder]'s bounds.
const (
	// DefaultMaxElementSize is the default for [Decoder.MaxElementSize].
	DefaultMaxElementSize = 16 << 20
	// DefaultMaxDepth is the default for [Decoder.MaxDepth].
	DefaultMaxDepth = 256
	// DefaultMaxBuildRatio is the default for [Decoder.MaxBuildRatio].
	DefaultMaxBuildRatio = 6
)

// buildSlack is what a document may build beyond MaxBuildRatio times the
// bytes read: room for the Feed, the first items, and the input the
// decoder has read ahead of what it has built from.
const buildSlack = 8 << 20

// maxBuildRatio is the largest MaxBuildRatio taken as it is, so that
// overBudget's product cannot overflow (below 8 TB of input).
const maxBuildRatio = 1_000_000

// These are the errors a [ParseError] can hold besides XML syntax errors,
// [io.ErrUnexpectedEOF] and the reader's own errors.
var (
	// ErrNotFeed is the error for a well-formed document that is not a feed
	// the package reads (RSS, Atom or JSON Feed; an Atom entry document is
	// read as a feed of its one entry): an HTML page, an OPML
	// subscription list (which package [github.com/feedkit/rss/opml]
	// reads), an empty document, a JSON object that is not a JSON Feed. The error returned wraps it and names
	// what was found instead, and says so of OPML; test for it with
	// errors.Is.
	ErrNotFeed = errors.New("rss: not a feed")
	// ErrTooLarge is the error for an item, or a channel element, longer
	// than [Decoder.MaxElementSize], for a document that builds more than
	// [Decoder.MaxBuildRatio] times its input, and for a document whose
	// DTD entities would expand past the package's bounds (see Limits in
	// the package documentation).
	ErrTooLarge = xmlscan.ErrTooLarge
	// ErrTooDeep is the error for elements nested deeper than
	// [Decoder.MaxDepth].
	ErrTooDeep = xmlscan.ErrTooDeep
)

// A ParseError is an error at a position of the input. Line and Column are
// 1-based and count the bytes of the input decoded to UTF-8. Err is the
// cause: an *[xml.SyntaxError], [io.ErrUnexpectedEOF] for a feed that ends
// early, [ErrNotFeed], [ErrTooLarge], [ErrTooDeep], a repair refused in
// [Decoder.Strict] mode, or the error the reader returned. The text of
// Error is meant for people and may change.
type ParseError struct {
	Line, Column int
	Err          error
}

// Error reads "rss: line L, column C: what went wrong".
func (e *ParseError) Error() string {
	return fmt.Sprintf("rss: line %d, column %d: %s", e.Line, e.Column, strings.TrimPrefix(e.Err.Error(), "rss: "))
}

// Unwrap returns the cause, for errors.Is and errors.As.
func (e *ParseError) Unwrap() error { return e.Err }

// notFeedError names what a document that is not a feed holds instead.
type notFeedError struct{ found string }

func (e *notFeedError) Error() string   { return "not a feed: " + e.found }
func (e *notFeedError) Is(t error) bool { return t == ErrNotFeed }

// unexpectedEOF is the end of input inside the document.
type unexpectedEOF struct{ msg string }

func (e *unexpectedEOF) Error() string { return "unexpected end of input (" + e.msg + ")" }
func (e *unexpectedEOF) Unwrap() error { return io.ErrUnexpectedEOF }

// Parse reads a whole feed: the channel and all its items. On an error it
// returns the feed read so far, with every item completed before the error,
// and a [*ParseError] saying where and why. The returned feed is never nil.
//
// Parse uses a [Decoder] with its default settings; use one directly to
// stream the items, to read strictly or to change the bounds.
func Parse(r io.Reader) (*Feed, error) {
	d := NewDecoder(r)
	f, err := d.Channel()
	f.Items = []*Item{}
	if err != nil {
		return f, err
	}
	for {
		it, err := d.Next()
		if err == io.EOF {
			return f, nil
		}
		if err != nil {
			return f, err
		}
		f.Items = append(f.Items, it)
	}
}

// A Decoder reads a feed from an input stream, one item at a time: call
// [Decoder.Channel] for the channel, then [Decoder.Next] or range over
// [Decoder.Items] for the items. It reads only as far as it needs to.
//
// Its exported fields configure it; their zero values are the lenient
// defaults. Set them before the first call to Channel, Next or Items: the
// decoder reads them once, at that call, and ignores later changes.
//
// A Decoder is not safe for concurrent use.
type Decoder struct {
	// Strict makes the decoder report, as a [*ParseError] at its position,
	// the first flaw that leaves the document not well-formed or not
	// decodable, which it would otherwise repair: bytes that are not valid
	// in the document's encoding, characters XML forbids, a bare '&' or '<'
	// in text, an entity the document does not declare (such as &nbsp;),
	// white space before the XML declaration, a mismatched end tag, a
	// namespace prefix nobody declared, a namespace URI with white space in
	// it. It reports nothing else: an element name in the wrong case
	// (pubdate), which is well-formed, is read as the default mode reads
	// it. It is for validators; a well-formed feed whose namespaces are
	// declared never fails in strict mode. Strict mode reads XML with
	// encoding/xml, for its well-formedness checks, and is two to five
	// times slower than the default, which has a scanner of its own
	// (BenchmarkDecoderItems).
	// For a JSON Feed, see [NamespaceJSONFeed].
	Strict bool

	// MaxElementSize bounds the input bytes one item, or one channel
	// element outside the items, may take, and so the memory one element's
	// text may take. Zero means [DefaultMaxElementSize] (16 MiB); a
	// negative value means no bound. Going past it is a [*ParseError]
	// wrapping [ErrTooLarge]. The bound is checked as the input filter
	// hands on each chunk of input (32 KiB at most), or drops one whole
	// (every input byte counts, whether a repair drops it or not), so an
	// element is refused within a chunk of passing it: a bound far below a
	// chunk lets small elements through.
	MaxElementSize int64

	// MaxDepth bounds the nesting of elements. Zero means
	// [DefaultMaxDepth] (256). A negative value, or one above 10000, means
	// 10000: the decoder never reads deeper than that, so that the tree of
	// an extension [Element] is always safe to walk recursively (10000 is
	// also encoding/xml's and encoding/json's bound on nesting). Going
	// past it is a [*ParseError] wrapping [ErrTooDeep].
	MaxDepth int

	// ContentType is the media type the document was served with, such as
	// the Content-Type header of an HTTP response ("application/rss+xml;
	// charset=windows-1252"), or "" when it is not known. Its charset
	// parameter decides the encoding over the XML declaration, as RFC 7303
	// says; a byte-order mark still wins over it, and a charset that is
	// unknown, or that cannot be how the document's first bytes are
	// encoded, is ignored. In Strict mode a media type that is neither XML
	// nor JSON (text/plain, text/html) is an error.
	// [github.com/feedkit/rss/fetch.Fetch] sets it.
	ContentType string

	// BaseURL is the document's own URL, such as the URL it was fetched
	// from, or "" when it is not known. The decoder resolves the relative
	// URLs of the feed against it: every URL-valued field (Link, Docs,
	// Comments, the image's URL and link, the text input's link,
	// enclosure and source URLs, a GUID that is a permalink, the hrefs of
	// AtomLinks, WFW's, the iTunes, Media RSS and Podcasting 2.0 URLs,
	// Atom's icon, logo, content src and generator and person URIs, JSON
	// Feed's URLs) is resolved against the nearest xml:base in scope
	// (itself resolved against the ones outside it), else against
	// BaseURL, else, for an item's fields, against the channel's link as
	// read so far. An absolute URL (one with a scheme) is left exactly as
	// written, and so is a URL that does not parse, or that has no base
	// to be resolved against. BaseURL must be an absolute, hierarchical
	// http, https or ftp URL (https://example.com/feed.xml); another value
	// (relative, mailto:, or of a scheme that runs script or reaches local
	// files, such as javascript:, data: or file:) is ignored, as if it were
	// "". No base of another scheme resolves anything: an xml:base that is
	// not, or does not resolve to, an http, https or ftp URL leaves the
	// relative URLs in its scope as written, and so does a channel link of
	// another scheme for the items, so that every URL the decoder builds is
	// an http, https or ftp URL. An xml:base longer than 2048 bytes, as
	// written or resolved, or that does not parse, resolves nothing either. [github.com/feedkit/rss/fetch.Fetch] sets BaseURL to the
	// response's Content-Location, else its final URL.
	BaseURL string

	// ResolveHTML makes the decoder resolve the relative URLs inside HTML
	// as well, as the function [ResolveHTML] does: those of an item's
	// Description and Content, of the channel's Description, of Atom's
	// text constructs of type html or xhtml (title, subtitle, summary,
	// content, rights, Atom 0.3's info) and of JSON Feed's content_html,
	// each against the base in effect where it stands (for an item's
	// body, [Item.Base]). By default HTML is left as written; a caller
	// can resolve it later with ResolveHTML(item.Body(), item.Base).
	ResolveHTML bool

	// MaxBuildRatio bounds what the decoder builds from a document (its
	// items, their fields and extension elements, the channel) to
	// MaxBuildRatio times the bytes read from the input, plus 1 MiB, over
	// the whole document: what the items returned before hold counts too,
	// as the decoder cannot know whether the caller keeps them. Zero means
	// [DefaultMaxBuildRatio] (6); a negative value means no bound (and one
	// above a million, a million). What is
	// built is an estimate, kept as the decoder reads: a fixed cost for
	// each item (the size of an [Item]), each element read (the size of an
	// [Element]) and each attribute (of an [encoding/xml.Attr]), and the
	// bytes a URL gains when it is resolved against a base; the text the
	// values hold, at most the input's own, is not counted. Real feeds build
	// at most about 3 times their size, most of them about their size;
	// what goes past the bound is a document of many small items or
	// elements (<item/> repeated), which would otherwise take a hundred
	// times its size. Going past it is a [*ParseError] wrapping
	// [ErrTooLarge], after the items completed before; see Limits in the
	// package documentation.
	MaxBuildRatio int

	r       io.Reader
	in      countingReader     // r, counting the bytes read, for the build bound
	cfg     config             // the exported fields, as read at the first call
	built   int64              // the estimated bytes built so far (see costItem)
	limit   int64              // the build bound's ratio; negative for none
	tok     *xmlscan.Tokenizer // the XML layer: bytes to tokens (tokens.go)
	scope   []binding          // scratch for innerBindings
	feed    *Feed
	begun   bool
	chanErr error      // the error Channel returns
	err     error      // sticky: what Next returns from now on (io.EOF at the end)
	levels  []int      // the open container elements (levelRoot, levelChannel)
	rdf     bool       // the root is rdf:RDF (RSS 0.90 or 1.0)
	text    []byte     // scratch for element text
	key     []byte     // scratch for element name lookups
	links   links      // link resolution (links.go)
	item    itemState  // the next item, and the one being read (elements.go)
	ns      nsResolver // namespace resolution (namespaces.go)
	atom    atomState  // see atom.go
	js      *jsonFeed  // a JSON Feed's reading (jsonfeed.go), or nil
}

const (
	levelRoot = iota
	levelChannel
	levelItems // RSS 1.1's items collection
)

// NewDecoder returns a Decoder that reads from r. It reads r through its
// own buffer; the caller need not buffer it.
func NewDecoder(r io.Reader) *Decoder {
	return &Decoder{r: r}
}

// Channel reads the document up to its first item (or its end, for a feed
// without items) and returns the channel's fields read so far. The same
// *Feed keeps filling in as [Decoder.Next] reads on: channel elements that
// stand after the items are set on it, so that it is complete once Next has
// returned io.EOF. Its Items stay empty: the items go to the caller.
//
// On an error Channel returns the fields read before it and a [*ParseError]
// (for a document that is not a feed, one wrapping [ErrNotFeed]). Calling it
// again returns the same feed and error.
func (d *Decoder) Channel() (*Feed, error) {
	if d.begun {
		return d.feed, d.chanErr
	}
	d.begun = true
	d.configure()
	d.feed = &Feed{}
	err := d.begin()
	if err == nil {
		err = d.advance()
	}
	if err != nil {
		d.fail(err)
		if err != io.EOF {
			d.chanErr = err
		}
	}
	return d.feed, d.chanErr
}

// Next reads and returns the next item, a new *Item each time. After the
// last item it reads the rest of the channel and returns nil, io.EOF. On an
// error it returns nil and a [*ParseError]; the items returned before are
// complete, and a partly read item is never returned. Every call after an
// error or io.EOF returns the same error.
//
// Next and [Decoder.Items] read from the same position: after a loop over
// Items that was left early, Next returns the item after the last one the
// loop got, and the other way round.
func (d *Decoder) Next() (*Item, error) {
	if !d.begun {
		d.Channel()
	}
	if d.err != nil {
		return nil, d.err
	}
	if !d.item.pending {
		if err := d.advance(); err != nil {
			d.fail(err)
			return nil, err
		}
	}
	d.item.pending = false
	it, err := d.readItem(d.item.next, false)
	if err != nil {
		d.fail(err)
		return nil, err
	}
	return it, nil
}

// fail records the error (or io.EOF) that ends reading, and lets go of the
// buffers, which after a too-large element may be large.
func (d *Decoder) fail(err error) {
	d.err = err
	d.tok, d.scope, d.text, d.item.next = nil, nil, nil, xml.StartElement{}
}

// Items returns an iterator over the remaining items, for use with range:
//
//	for item, err := range d.Items() {
//		if err != nil {
//			return err // a *ParseError; the items before it were complete
//		}
//		fmt.Println(item.Title)
//	}
//
// An error is yielded once, with a nil item, and ends the sequence. Leaving
// the loop early stops reading, after the last item yielded. The sequence
// never starts again from the first item: a later range over Items, or
// over the same sequence again, continues with the item after the last
// one yielded, so no item is yielded twice or skipped. Once the items are
// done, such a range yields nothing; after an error, it yields the same
// error again. It returns a single-use iterator.
func (d *Decoder) Items() iter.Seq2[*Item, error] {
	return func(yield func(*Item, error) bool) {
		for {
			it, err := d.Next()
			if err == io.EOF {
				return
			}
			if err != nil {
				yield(nil, err)
				return
			}
			if !yield(it, nil) {
				return
			}
		}
	}
}

// begin opens the input and reads up to the root element, which must be an
// RSS root (rss, rdf:RDF, or in old feeds channel), an Atom feed (see
// beginAtom) or an Atom 1.0 entry (see beginEntry).
func (d *Decoder) begin() error {
	src, err := xmlscan.NewReader(&d.in, d.cfg.contentType, d.cfg.strict)
	if err != nil {
		return &ParseError{Line: 1, Column: 1, Err: err}
	}
	src, isJSON := jsonscan.Sniff(src)
	if isJSON {
		return d.beginJSON(src)
	}
	opts := xmlscan.Options{Strict: d.cfg.strict, MaxUnitSize: d.cfg.maxElementSize, MaxDepth: d.cfg.maxDepth, Names: commonNames}
	d.tok = xmlscan.NewTokenizer(src, opts)
	for {
		tok, err := d.token()
		if err == io.EOF {
			return &ParseError{Line: 1, Column: 1, Err: &notFeedError{"the document has no elements"}}
		}
		if err != nil {
			return err
		}
		if tok.Kind != startToken {
			continue
		}
		start := tok.Start
		space, local := d.ns.space(start.Name.Space), start.Name.Local
		switch {
		case strings.EqualFold(local, "rss"):
			d.feed.readAs = RSS2
			if space != nsRSS {
				// An RSS root in a namespace of its own: the elements
				// in it are RSS's.
				d.ns.alias(start.Name.Space, nsRSS)
			}
			d.feed.Version = version(attr(start, "version"))
			d.levels = append(d.levels, levelRoot)
		case strings.EqualFold(local, "RDF") && (space == NamespaceRDF || space == nsRSS):
			d.rdf, d.feed.readAs = true, RSS2
			d.levels = append(d.levels, levelRoot)
			for _, a := range start.Attr {
				if a.Name.Space == "" && a.Name.Local == "xmlns" {
					d.setRDFVersion(a.Value)
				}
			}
		case space == nsRSS && strings.EqualFold(local, "channel"):
			// RSS 1.1's root; or, in old feeds, a channel without rss.
			d.feed.readAs = RSS2
			if normaliseNS(start.Name.Space) == normaliseNS(nsRSS11) {
				d.feed.Version = "1.1"
			}
			d.levels = append(d.levels, levelRoot, levelChannel)
		case strings.EqualFold(local, "feed") && d.beginAtom(start, space):
		case strings.EqualFold(local, "entry") && space == NamespaceAtom:
			d.beginEntry(start)
		default:
			line, col := d.tok.Pos()
			found := "the root element is " + displayName(local)
			if strings.EqualFold(local, "opml") {
				found += ": an OPML subscription list, which package github.com/feedkit/rss/opml reads"
			}
			return &ParseError{Line: line, Column: col, Err: &notFeedError{found}}
		}
		return nil
	}
}

// version reads the version attribute of an rss element. The minor
// revisions of RSS 2.0 ("2.01", "2.0.1") are "2.0".
func version(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "2.") {
		return "2.0"
	}
	return s
}

// setRDFVersion sets the version of an RDF feed from the namespace of its
// RSS elements.
func (d *Decoder) setRDFVersion(space string) {
	if d.feed.Version != "" {
		return
	}
	switch normaliseNS(space) {
	case normaliseNS(NamespaceRSS10):
		d.feed.Version = "1.0"
	case normaliseNS(NamespaceRSS090), normaliseNS(nsRSS090Channel):
		d.feed.Version = "0.90"
	}
}

// advance reads the container levels (the root, the channel and RSS 1.1's
// items collection) until the start of the next item, which it leaves in
// d.item.next, or the end of the root, where it returns io.EOF. Channel
// elements on the way are set on the feed.
func (d *Decoder) advance() error {
	if d.js != nil {
		return d.jsonAdvance()
	}
	if d.atom.entryDoc {
		return d.advanceEntry()
	}
	for {
		d.markUnit() // each item or channel element is bounded alone
		tok, err := d.token()
		if err != nil {
			return err
		}
		switch tok.Kind {
		case startToken:
			t := tok.Start
			m := d.ns.module(t.Name.Space)
			if m != nil && m == d.atom.module && strings.EqualFold(t.Name.Local, "entry") {
				d.item.next, d.item.pending = t, true
				return nil
			}
			if m == coreModule && strings.EqualFold(t.Name.Local, "item") {
				if d.rdf {
					d.setRDFVersion(t.Name.Space)
				}
				d.item.next, d.item.pending = t, true
				return nil
			}
			if m == coreModule && strings.EqualFold(t.Name.Local, "channel") && d.levels[len(d.levels)-1] == levelRoot {
				if d.rdf {
					d.setRDFVersion(t.Name.Space)
				}
				d.levels = append(d.levels, levelChannel)
				continue
			}
			if m == coreModule && strings.EqualFold(t.Name.Local, "items") && d.itemsCollection(t) {
				d.levels = append(d.levels, levelItems)
				continue
			}
			if err := d.channelElement(m, t); err != nil {
				return err
			}
		case endToken:
			d.levels = d.levels[:len(d.levels)-1]
			if len(d.levels) == 0 {
				return d.afterRoot()
			}
		}
	}
}

// afterRoot is what reading ends with at the end of the root element:
// io.EOF, or in strict mode the error for what stands after the root where
// XML allows only comments, processing instructions and white space (a
// second root, text). The default mode does not read past the root.
func (d *Decoder) afterRoot() error {
	return parseError(d.tok.Rest())
}

// markUnit starts counting the input bytes of the next item or channel
// element against MaxElementSize here.
func (d *Decoder) markUnit() { d.tok.Mark() }

// itemsCollection reports whether an items element holds the items
// themselves, as RSS 1.1's does (rdf:parseType="Collection"), rather than
// RSS 1.0's table of contents (an rdf:Seq of their addresses).
func (d *Decoder) itemsCollection(t xml.StartElement) bool {
	if normaliseNS(t.Name.Space) == normaliseNS(nsRSS11) {
		return true
	}
	for _, a := range t.Attr {
		if a.Name.Local == "parseType" && d.ns.space(a.Name.Space) == NamespaceRDF && strings.TrimSpace(a.Value) == "Collection" {
			return true
		}
	}
	return false
}

// token returns the next XML token (the tokenizer's, valid until the next
// call), or a *ParseError. It keeps the xml:base attributes in scope
// (links.go): those of a start tag from it on, until the elements inside
// it, and it, have been closed. It charges what a start tag may build (see
// costItem): an element, with its attributes.
func (d *Decoder) token() (*token, error) {
	t, err := d.tok.Next()
	if err != nil {
		return nil, parseError(err)
	}
	switch t.Kind {
	case startToken:
		for _, a := range t.Start.Attr {
			if isXMLBase(a) {
				d.pushBase(a.Value)
			}
		}
		// Only a start tag is charged, and so checked: what was charged
		// between tokens (an item, a resolved URL) is checked at the
		// next one.
		d.built += costElement + costAttr*int64(len(t.Start.Attr))
		if d.overBudget() {
			line, col := d.tok.Pos()
			return nil, d.budgetError(line, col)
		}
	case endToken:
		d.popBases(d.tok.Depth())
	}
	return t, nil
}

// maxNesting is the deepest the decoder reads, whatever MaxDepth says.
const maxNesting = 10000

// config is the decoder's configuration, read once from its exported
// fields, with the defaults in place of the zero values.
type config struct {
	strict, resolveHTML bool
	maxElementSize      int64
	maxDepth            int
	jsonMaxDepth        int // as JSON Feed's reader takes it: <= 0 for no bound
	contentType         string
}

// configure reads the exported fields, once, at the first call to Channel,
// Next or Items: later changes to them are ignored.
func (d *Decoder) configure() {
	d.cfg = config{strict: d.Strict, resolveHTML: d.ResolveHTML, maxElementSize: d.MaxElementSize,
		maxDepth: d.MaxDepth, contentType: d.ContentType}
	if d.cfg.maxElementSize == 0 {
		d.cfg.maxElementSize = DefaultMaxElementSize
	}
	if d.cfg.maxDepth == 0 {
		d.cfg.maxDepth = DefaultMaxDepth
	}
	d.cfg.jsonMaxDepth = d.cfg.maxDepth
	if d.cfg.maxDepth < 0 || d.cfg.maxDepth > maxNesting {
		d.cfg.maxDepth = maxNesting
	}
	d.limit = int64(min(d.MaxBuildRatio, maxBuildRatio))
	if d.limit == 0 {
		d.limit = DefaultMaxBuildRatio
	}
	d.in.r = d.r
	d.links.setDoc(d.BaseURL) // read here, once, too
}

// The build bound (Decoder.MaxBuildRatio) counts in d.built an estimate of
// what the decoder builds, as fixed costs: what an Item, an Element, an
// attribute take, charged as they are read (token charges an Element for
// each start tag, whatever it builds, and an xml.Attr for each attribute;
// readItem an Item; the JSON Feed reader each Item, Element and value it
// appends), and what resolving a URL or HTML against a base adds to the
// text (resolved, grew). The text the values hold is not charged: it is at
// most the input's own (with Atom's and readText's markup written back,
// and entities, which the tokenizer bounds), so what the fixed costs leave
// out follows the input's length already. The check is a multiplication and
// a comparison per start tag (overBudget); it allocates nothing.
const (
	costItem    = int64(unsafe.Sizeof(Item{}))
	costElement = int64(unsafe.Sizeof(Element{}))
	costAttr    = int64(unsafe.Sizeof(xml.Attr{}))
	// JSON Feed's values that are not elements
	costCategory  = int64(unsafe.Sizeof(Category{}))
	costEnclosure = int64(unsafe.Sizeof(Enclosure{}))
	costPerson    = int64(unsafe.Sizeof(Person{}))
	costAtomLink  = int64(unsafe.Sizeof(AtomLink{}))
	// the values larger than an Element that a start tag may add to a
	// list, over and over
	costMediaContent = int64(unsafe.Sizeof(MediaContent{}))
	costMediaGroup   = int64(unsafe.Sizeof(MediaGroup{}))
)

// itemParts charges the parts of an item read that it holds behind
// pointers, each made once for an item that has its elements.
func (d *Decoder) itemParts(it *Item) {
	if it.Atom != nil {
		d.built += int64(unsafe.Sizeof(AtomEntry{}))
	}
	if it.Media != nil {
		d.built += int64(unsafe.Sizeof(Media{}))
	}
	if it.Podcast != nil {
		d.built += int64(unsafe.Sizeof(PodcastItem{}))
	}
	if it.ITunes != nil {
		d.built += int64(unsafe.Sizeof(ITunesItem{}))
	}
	if it.Source != nil {
		d.built += int64(unsafe.Sizeof(Source{}))
	}
}

// resolved is resolveURL (links.go), charging what the URL gained: the
// base it was resolved against, which the input does not bound (a long
// xml:base, or channel link, resolves many short URLs).
func (d *Decoder) resolved(b *xmlBase, s string) string {
	return d.grew(s, d.resolveURL(b, s))
}

// grew charges the bytes after has beyond before, the text it was made
// from (a URL or HTML resolved against a base), and returns after.
func (d *Decoder) grew(before, after string) string {
	if n := len(after) - len(before); n > 0 {
		d.built += int64(n)
	}
	return after
}

// overBudget reports whether the document has built more than
// MaxBuildRatio times the bytes read, plus buildSlack.
func (d *Decoder) overBudget() bool {
	return d.built > d.limit*d.in.n+buildSlack && d.limit > 0
}

// budgetError is the *ParseError, at line and col, for a document that
// went past the build bound.
func (d *Decoder) budgetError(line, col int) error {
	return &ParseError{Line: line, Column: col, Err: &buildError{ratio: d.limit, read: d.in.n}}
}

// buildError is the error for a document that builds more than
// MaxBuildRatio times its input.
type buildError struct{ ratio, read int64 }

func (e *buildError) Error() string {
	return fmt.Sprintf("the document builds more than %d times the %d bytes read, plus %d (Decoder.MaxBuildRatio): too many items or elements for its size",
		e.ratio, e.read, buildSlack)
}

// Is makes errors.Is(err, ErrTooLarge) hold.
func (e *buildError) Is(t error) bool { return t == ErrTooLarge }

// countingReader counts the bytes read from r.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// attr returns the value of the start element's attribute with the given
// local name, in any namespace and any case, or "".
func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if strings.EqualFold(a.Name.Local, local) && a.Name.Space != "xmlns" {
			return a.Value
		}
	}
	return ""
}
