// Package opml reads and writes OPML documents, the outlines feed readers
// exchange subscription lists in: OPML 1.0 and 2.0
// (http://opml.org/spec2.opml).
//
// [Parse] reads a document into a [Document]: the head's title, owner and
// dates, and the body's outlines with their nesting (folders) kept.
// [Document.Feeds] lists the subscriptions, the outlines with an xmlUrl,
// depth first, in document order. [Write] writes a Document as OPML 2.0:
//
//	doc, err := opml.Parse(r)
//	for _, o := range doc.Feeds() {
//		fmt.Println(o.Text, o.XMLURL)
//	}
//
// Package [github.com/feedkit/rss] reads the feeds themselves, and package
// [github.com/feedkit/rss/fetch] fetches them; an OPML document given to
// [rss.Parse] is an error wrapping [rss.ErrNotFeed], and a feed given to
// Parse one wrapping [ErrNotOPML].
//
// # Reading
//
// Parse reads leniently, through the same XML layer as package rss, so
// that the lists real readers export are read as they were meant:
//
//   - any encoding (a byte-order mark, the XML declaration; UTF-16 and
//     UTF-32 too), bytes that are not valid in it read as windows-1252;
//     characters XML forbids dropped;
//   - XML's entities, numeric character references, and HTML's entities
//     (&eacute;, &nbsp;) never declared; a bare '&' or '<' kept as text;
//     attribute values without quotes; end tags in the wrong case or
//     missing (an end tag closes the elements left open inside it);
//   - element and attribute names in any case: opml, OPML; xmlUrl,
//     xmlurl and XMLURL are all [Outline.XMLURL], text and TEXT
//     [Outline.Text]. OPML's elements are those in the root element's
//     namespace, or in none;
//   - outlines straight under the root, without a body, as the body's;
//   - dates (dateCreated, dateModified) in the forms [rss.ParseDate] reads:
//     RFC 822 and its variants, named zones with their true offsets, W3C-DTF.
//     A date that does not read is the zero time.
//
// Nothing of an outline is dropped that Write can write back: every
// attribute without a field of its own is kept in [Outline.Attrs], in
// document order, its name resolved to a namespace URI (xml:lang's is the
// xml namespace's); the head's elements without a field are kept in
// [Document.Head], with their text. What is not kept: namespace
// declarations (the names they declare are resolved), a second attribute or
// head field of the same name (the first counts), an attribute or head
// element whose name encoding/xml would refuse or whose namespace is not a
// URI (one with white space in it), elements in the body other than
// outlines (with what is in them), and text in the body. The texts of the
// head are trimmed of white space at both ends; attribute values are kept
// exactly.
//
// # Writing
//
// Write writes OPML 2.0 in UTF-8, indented, deterministic (the same
// document gives the same bytes), escaped so that every attribute value
// comes back exactly, and well-formed with every prefix declared: encoding/xml
// reads it in its strict mode. Parse reads it back into the same document:
// for every document Parse returns, Parse(Write(d)) is d, dates compared
// by instant and UTC offset (Write writes "+0000" for GMT). See [Write] for
// what a document built in code must respect.
//
// # Errors and limits
//
// Errors are [*ParseError]s, with the 1-based line and column where
// reading stopped, and Parse returns what it read before one: a cut-off
// file gives the outlines read before the cut and an error wrapping
// [io.ErrUnexpectedEOF]. ParseError is this package's own type rather
// than [rss.ParseError], so that its message names the package and its
// causes are this package's ([ErrNotOPML] rather than rss.ErrNotFeed); the
// bounds' causes are package rss's sentinels, so that errors.Is works alike
// on both.
//
// Reading is bounded: outlines nest at most [MaxDepth] (256) deep
// ([rss.ErrTooDeep]); one outline's start tag, one element of the head, or
// any other single token may take at most [MaxElementSize] (1 MiB) of input
// ([rss.ErrTooLarge]); entities declared in the document's DTD expand
// within package rss's budget. The document read is proportional to the
// input: bound the input with [io.LimitReader] to bound the memory. Parse,
// Write and Feeds are safe for concurrent use on different documents.
package opml
