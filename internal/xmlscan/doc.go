// Package xmlscan is the lenient XML layer of package rss: it turns the
// bytes of a document into XML tokens, repairing on the way what real feeds
// get wrong, or, in strict mode, reporting the first such flaw as an error.
// Package rss maps its tokens to the feed model and never sees bytes.
//
// # Use
//
// [NewReader] decodes the input to UTF-8; [NewTokenizer] reads the tokens
// from that:
//
//	src, err := xmlscan.NewReader(r, contentType, strict)
//	if err != nil {
//		return err // strict mode: an encoding or media type it refuses
//	}
//	z := xmlscan.NewTokenizer(src, xmlscan.Options{Strict: strict, MaxUnitSize: 16 << 20, MaxDepth: 256})
//	for {
//		tok, err := z.Next()
//		if err == io.EOF {
//			break // every element was closed
//		}
//		if err != nil {
//			return err // an *xmlscan.Error
//		}
//		switch tok.Kind {
//		case xmlscan.StartToken: // tok.Start, with names resolved
//		case xmlscan.EndToken: // tok.End
//		case xmlscan.TextToken: // tok.Text, valid until the next call to Next
//		}
//	}
//
// The valid call sequence is, in the style of x/net/html's Tokenizer:
//
//	NewTokenizer { Next [ Depth | Pos | Bindings | DefaultSpace | Mark | Stats ] } [ Rest ]
//
// Next returns a pointer to the tokenizer's own [Token], which the next
// call overwrites: a struct, not an interface, so that a token costs no
// allocation, handed out in place, so that it is not copied. Its Text is a
// slice of the tokenizer's buffer, valid until the next call to Next; names
// and attribute values are strings of their own. [Tokenizer.Depth] says how many elements are open, for
// state the caller keeps per element (package rss keeps the xml:base
// attributes in scope with it: the tokenizer knows nothing of xml:base).
// [Tokenizer.Mark] starts a unit (package rss: an item, a channel element)
// whose input bytes count against [Options.MaxUnitSize]. [Tokenizer.Rest]
// reads what follows the root element. A Tokenizer is not safe for
// concurrent use; everything else in the package is.
//
// # Repairs
//
// The lenient tokenizer reads what encoding/xml's non-strict mode reads,
// and more; strict mode reads with encoding/xml's Token, for its
// well-formedness checks, over the same input filter, and refuses each
// repair but the C1 one with an error at the fault's position:
//
//   - Encoding: a byte-order mark decides, else the charset of the media
//     type the document was served with (RFC 7303), else the zero bytes of
//     UTF-16 or UTF-32, else the XML declaration; the encoding's IANA
//     aliases and common misspellings are known (charsets.go). An unknown
//     encoding is read as UTF-8 (strict: an error, as is a media type that
//     is neither XML nor JSON); a wide encoding declared on ASCII bytes is
//     read as UTF-8. A Western single-byte encoding (ISO-8859-1,
//     windows-1252, ISO-8859-15), declared or served, over bytes whose
//     first 32 KiB are UTF-8 beyond doubt (valid multi-byte sequences
//     worth at least 2, a two-byte one counting 1 and a longer one 2, and
//     at most one byte that is not UTF-8 for every 8 of that: isUTF8Evidence)
//     is read as UTF-8, its stray bytes as windows-1252 (strict: an
//     error); NewReader reads those 32 KiB before it returns, for such a
//     document only, and UTF-8 that first shows past them is read as
//     declared.
//   - Characters, by one rule (repair.go, [RepairAt]): a byte that is not
//     UTF-8 is read as windows-1252; a C1 control character (U+0080 to
//     U+009F), as UTF-8 or as a character reference (&#146;), is read as
//     the windows-1252 character of that number, in strict mode too (XML
//     allows it); a character XML forbids is dropped. A character
//     reference to a surrogate is U+FFFD, as encoding/xml reads it.
//   - Text: a bare '<' that cannot start markup is text, as written
//     (strict: an error): one not followed by a name's first character;
//     inside an element, a "tag" broken by another '<' before its '>'
//     ("Why x<y matters": the text runs to that '<'); and, inside a
//     text-only element (title, link, guid, author, category, dates, the
//     Dublin Core elements..., by namespace and name: textOnlyNames; not
//     an Atom text of type="xhtml"), a whole start tag when the next end
//     tag after it is that element's own ("List<String> in Java", closed
//     by </title>), or when its attributes are not name="value" pairs
//     ("Compare a<b and c>d") and the next end tag is not its own. The
//     next end tag is looked for within 4 KiB of the tag (maxLookahead),
//     not past a comment, CDATA section or processing instruction, and
//     each byte of the input is searched once (scanner.bareTag). Markup
//     that is markup reads as before: HTML in a description, a closed
//     element in a title (<b>bold</b>). A bare '&' or an unknown entity
//     stays as written; HTML's
//     entities (&nbsp;) are decoded (strict: an error, unless the DOCTYPE
//     declares them; naming the RSS 0.91 DTD declares the Latin-1 ones);
//     line ends become "\n". White space before the XML declaration is
//     tolerated (strict: an error).
//   - Entities the DOCTYPE's internal subset declares are expanded, within
//     a budget (see Limits); external ones are never read (strict: an
//     error). A DOCTYPE that is not well-formed and runs on into the
//     document (a quote left open) ends at the '>' before the feed's root
//     element (declScanner.watch); strict mode reports encoding/xml's error.
//   - Tags: an attribute value without quotes runs to white space or '>';
//     an attribute without a value has its name as value; a '<' in a
//     quoted value is a syntax error, so that a runaway quote does not
//     swallow the document (strict: each is encoding/xml's error).
//   - End tags: one that closes an element other than the innermost closes
//     the elements inside it too (Next returns their end tokens, innermost
//     first); one that matches the innermost element only without regard
//     to case closes it; one that closes nothing is dropped (strict: each
//     is an error).
//   - Names are resolved to namespace URIs through the declarations in
//     scope; a prefix nobody declared stays as the name's Space, as in
//     encoding/xml (strict: an error, as is a namespace URI with white
//     space in it).
//   - After the root element lenient mode reads nothing; strict mode's
//     Rest reports a second element or text there.
//
// # Guarantees
//
// The work is linear in the input: each byte is scanned a bounded number of
// times (a token that spans chunks of the input is resumed, not scanned
// again), and resolving a prefix or matching an end tag costs constant time
// however many declarations are in scope and however deep the elements.
// Repairs cost about what plain text costs: a run of characters dropped or
// replaced is handled in one step, with no allocation and no formatting
// per character (strict mode formats its error only when it refuses). Every
// input byte counts toward [Options.MaxUnitSize], whether a repair drops it
// or not, so a unit of nothing but dropped characters is refused as soon
// as one of any other. Reading ends: a source that returns nothing and no
// error 100 times in a row (as [bufio] counts them) gives
// [io.ErrNoProgress], whatever reads it ([NewReader]'s detection and
// decoders, the input filter in both modes, package rss's JSON Feed
// reader). Memory is bounded: a token that never ends grows the buffer
// only up to MaxUnitSize; names are interned (the [Options.Names] given, and up to
// [MaxInterned] of the document's own, each at most 64 bytes), and the
// scratch a long token grew is let go.
//
// # Limits
//
//   - [Options.MaxUnitSize]: the input bytes of a unit, those repairs drop
//     included, checked as each chunk of at most 32 KiB of input is handed
//     on or dropped whole; [ErrTooLarge].
//   - A source that makes no progress: 100 reads in a row that return
//     nothing and no error; [io.ErrNoProgress].
//   - [Options.MaxDepth]: the nesting of elements; [ErrTooDeep].
//   - Entities: [MaxEntityRefs] references expanded and [MaxEntityBytes]
//     bytes of text produced in a document, [MaxEntityDepth] levels of
//     nesting; past the first two, [ErrTooLarge] in both modes. Only the
//     first [MaxDoctypeSize] bytes of the DOCTYPE are read for
//     declarations (strict: [ErrTooLarge] past them).
//
// # Errors and positions
//
// Every error of Next and Rest but io.EOF is an [*Error]: Line and Column,
// 1-based, count lines and bytes of the input decoded to UTF-8, and are
// where the tokenizer stood, or for a syntax error the scanner finds
// inside a tag, the byte after the one at fault (where encoding/xml would
// stand). Its Err is an error wrapping an *xml.SyntaxError, one
// wrapping io.ErrUnexpectedEOF (the input ends inside the document), one
// wrapping [ErrTooLarge] or [ErrTooDeep], a [*RepairError] in strict mode,
// or the reader's own error. [Tokenizer.Pos] gives the position at any
// time.
package xmlscan
