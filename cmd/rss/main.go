// Command rss reads feeds (RSS, Atom, JSON Feed) and prints them.
//
// Usage:
//
//	rss [-format json|text|rss|atom|jsonfeed] [-fetch] [FILE|URL ...]
//
// It reads each FILE (standard input when there is none, or for "-"; a URL
// when it starts with http:// or https://, fetched with fetch.Fetch) with
// the rss package and prints the feed: as indented JSON (the default), or as
// a readable listing with -format text: the feed's title, then for each item
// its date (and an episode's duration), title, link and the start of its
// text. Flags may stand before or after the files ("--" ends them).
//
// With -format rss, atom or jsonfeed it converts: it writes the feed it
// read as an RSS 2.0, Atom 1.0 or JSON Feed 1.1 document (indented, with
// rss.Encoder), whatever format it was read from. A conversion reads one
// FILE (or standard input): several are a usage error, since one document
// cannot hold several feeds.
//
// With one FILE, the JSON output is the feed's object; with several, it is
// one JSON array of the feeds, in the order given (a file of which nothing
// could be read has no element: its error is on standard error). The text
// listings of several feeds follow each other, a blank line between.
//
// An OPML subscription list (a FILE, standard input or a URL whose root
// element is opml, read with package opml) prints the feeds it lists
// (opml.Document.Feeds: every outline with an xmlUrl, depth first): as
// JSON, the array of those outlines (in place of a feed's object); as text,
// one a line, the outline's text (else its title) on one line, a tab, and
// its xmlUrl. With -fetch, the feeds it lists are fetched instead, with
// fetch.Fetch, four at once, each within 30 seconds, and printed in the
// list's order as feeds are: their listings as text, and in JSON elements
// of one array (an array even for one OPML FILE). A feed that cannot be
// fetched (an HTTP error, a timeout, an xmlUrl that is not an http:// or
// https:// URL, which is not resolved against anything) is reported on
// standard error after the list's name and exit is 1; the others are still
// printed. A conversion reads a feed, not an OPML list. To tell an OPML
// list from a feed, standard input and files are read once: the bytes the
// rss package reads before it finds the root element (at most 1 MiB are
// kept) are read again by package opml.
//
// On a feed it cannot read whole it still prints what it read, reports the
// error on standard error and exits 1. A document that is not a feed (an
// HTML page, whose feed links the error lists, or an empty file), or of which nothing could be
// read, prints nothing on standard output, so that a script does not take
// it for an empty feed; the error says what was found. An error of the
// file or stream itself (a directory, a failing disk or connection) is
// reported as a read error, with the cause. Bad usage exits 2; -h prints the
// usage and exits 0.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"reflect"
	"strings"
	"time"
	"unicode"

	"github.com/feedkit/rss"
	"github.com/feedkit/rss/opml"
)

// summaryLength is roughly how many characters of an item's text the text
// listing shows.
const summaryLength = 200

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("rss", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "json", "output `format`: json, text, or a feed format to convert to: rss, atom, jsonfeed")
	fetchList := fs.Bool("fetch", false, fmt.Sprintf("for an OPML subscription list: fetch the feeds it lists (%d at once, each within %v) and print them", fetchWorkers, feedTimeout))
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: rss [-format json|text|rss|atom|jsonfeed] [-fetch] [FILE|URL ...]")
		fmt.Fprintln(stderr, "Prints each feed as JSON (one object; a JSON array of them for several files) or as text,")
		fmt.Fprintln(stderr, "or converts one feed to RSS 2.0, Atom 1.0 or JSON Feed 1.1.")
		fmt.Fprintln(stderr, "An OPML subscription list prints the feeds it lists (as JSON, its outlines; as text, name TAB xmlUrl),")
		fmt.Fprintln(stderr, "or, with -fetch, the feeds themselves.")
		fs.PrintDefaults()
	}
	// Flags may follow the files: parse, take the files up to the next
	// flag, and parse again.
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return 0
			}
			return 2
		}
		rest := fs.Args()
		if k := len(args) - len(rest); k > 0 && args[k-1] == "--" {
			files = append(files, rest...) // "--": the rest are files
			break
		}
		if len(rest) == 0 {
			break
		}
		files = append(files, rest[0])
		args = rest[1:]
	}
	feedFormat, convert := feedFormats[*format]
	if *format != "json" && *format != "text" && !convert {
		fmt.Fprintf(stderr, "rss: unknown format %q\n", *format)
		fs.Usage()
		return 2
	}
	if len(files) == 0 {
		files = []string{"-"}
	}
	if convert {
		if len(files) > 1 {
			fmt.Fprintf(stderr, "rss: -format %s converts one feed; %d given\n", *format, len(files))
			fs.Usage()
			return 2
		}
		return convertFeed(files[0], feedFormat, stdin, stdout, stderr)
	}
	status := 0
	text := *format == "text"
	var values []any // the JSON elements: feeds, and OPML lists' outlines
	array := len(files) > 1
	for i, name := range files {
		feed, doc, err := readFile(name, stdin)
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", name, err)
			status = 1
		}
		blank := i > 0 // a blank line before each listing but the first
		emit := func(feed *rss.Feed) {
			if !text {
				values = append(values, feed)
				return
			}
			if blank {
				fmt.Fprintln(stdout)
			}
			blank = true
			printText(stdout, feed)
		}
		switch {
		case doc != nil && !*fetchList:
			feeds := doc.Feeds()
			if text {
				if blank && len(feeds) > 0 {
					fmt.Fprintln(stdout)
				}
				listFeeds(stdout, feeds)
				continue
			}
			if feeds == nil {
				feeds = []opml.Outline{}
			}
			values = append(values, feeds)
		case doc != nil:
			// The feeds an OPML list names stand in its place: JSON
			// prints an array of them, even for one file.
			array = true
			for _, f := range fetchFeeds(doc.Feeds()) {
				if f.err != nil {
					fmt.Fprintf(stderr, "%s: %s: %v\n", name, f.url, f.err)
					status = 1
				}
				if f.feed != nil {
					emit(f.feed)
				}
			}
		case feed != nil:
			emit(feed)
		}
	}
	if !text && (array || len(values) == 1) {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		var v any = values
		if !array {
			v = values[0]
		} else if values == nil {
			v = []any{}
		}
		if err := enc.Encode(v); err != nil {
			fmt.Fprintf(stderr, "rss: %v\n", err)
			return 1
		}
	}
	return status
}

// feedFormats are the formats -format converts to.
var feedFormats = map[string]rss.Format{"rss": rss.RSS2, "atom": rss.Atom1, "jsonfeed": rss.JSONFeed1}

// convertFeed reads one feed and writes it in format. A feed read in part
// is written as far as it was read, the error on standard error, exit 1.
func convertFeed(name string, format rss.Format, stdin io.Reader, stdout, stderr io.Writer) int {
	status := 0
	feed, doc, err := readFile(name, stdin)
	if doc != nil {
		fmt.Fprintf(stderr, "%s: an OPML subscription list, not a feed: a conversion reads one feed\n", name)
		return 1
	}
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", name, err)
		status = 1
	}
	if feed == nil {
		return status
	}
	enc := rss.NewEncoder(stdout, format)
	enc.Indent = "  "
	if err := enc.Encode(feed); err != nil {
		fmt.Fprintf(stderr, "rss: %v\n", err)
		return 1
	}
	return status
}

// readFile reads one feed, or, when the input is an OPML document, that
// document; the error says why it could not read all of it. The feed is nil
// when there is nothing of it to print; the document is nil when the input
// is not OPML, or nothing of it could be read.
func readFile(name string, stdin io.Reader) (*rss.Feed, *opml.Document, error) {
	r := stdin
	if name != "-" && !isURL(name) {
		f, err := os.Open(name)
		if err != nil {
			return nil, nil, err
		}
		defer f.Close()
		r = f
	}
	// The keeper keeps what the rss package reads before it finds an
	// OPML root, to read it again with package opml.
	k := &keeper{r: r}
	src := &recorder{r: k}
	feed, err := readFeed(name, src)
	err = sourceError(err, src)
	if isOPML(err) {
		doc, err := readOPML(name, k)
		if doc != nil && err != nil && reflect.ValueOf(*doc).IsZero() {
			doc = nil // nothing was read: print nothing
		}
		return nil, doc, err
	}
	feed, err = printable(feed, err)
	return feed, nil, err
}

// sourceError gives an error of the source as a read error: the parser
// gives the reader's error at the position where reading stopped; what
// matters is that reading failed, and why.
func sourceError(err error, src *recorder) error {
	if err != nil && src.err != nil && errors.Is(err, src.err) {
		return &readError{src.err}
	}
	return err
}

// readOPML reads the OPML document the rss package found at the start of
// an input: again from the start, from what k kept, or from the URL.
func readOPML(name string, k *keeper) (*opml.Document, error) {
	if isURL(name) {
		return readOPMLURL(name)
	}
	r, err := k.again()
	if err != nil {
		return nil, err
	}
	src := &recorder{r: r}
	doc, err := opml.Parse(src)
	return doc, sourceError(err, src)
}

// printable returns the feed, or nil when nothing of it was read (the
// input is not a feed, or gave nothing): then nothing is printed.
func printable(feed *rss.Feed, err error) (*rss.Feed, error) {
	if feed == nil || err != nil && (errors.Is(err, rss.ErrNotFeed) || empty(feed)) {
		return nil, err
	}
	return feed, err
}

// recorder passes reads on and keeps the first error other than io.EOF,
// to tell the source's errors from the parser's. It returns that error
// again on every later read, as the same value.
type recorder struct {
	r   io.Reader
	err error
}

func (rec *recorder) Read(p []byte) (int, error) {
	if rec.err != nil {
		return 0, rec.err
	}
	n, err := rec.r.Read(p)
	if err != nil && err != io.EOF && rec.err == nil {
		rec.err = err
	}
	return n, err
}

// A readError is an error of the source, not of the feed.
type readError struct{ err error }

func (e *readError) Error() string { return "read error: " + e.err.Error() }
func (e *readError) Unwrap() error { return e.err }

// empty reports whether nothing of the feed was read.
func empty(feed *rss.Feed) bool {
	f := *feed
	f.Items = nil
	return len(feed.Items) == 0 && reflect.ValueOf(f).IsZero()
}

// printText writes the text listing of a feed.
func printText(w io.Writer, feed *rss.Feed) {
	fmt.Fprintln(w, feed.Title)
	if feed.Link != "" {
		fmt.Fprintln(w, feed.Link)
	}
	for _, it := range feed.Items {
		fmt.Fprintln(w)
		var when []string
		if t := it.Published(); !t.IsZero() {
			when = append(when, t.Format(time.DateTime+" -0700"))
		}
		if d := it.Duration(); d > 0 {
			when = append(when, "["+clock(d)+"]")
		}
		if len(when) > 0 {
			fmt.Fprintln(w, strings.Join(when, " "))
		}
		title := it.Title
		if title == "" {
			title = "(untitled)"
		}
		fmt.Fprintln(w, title)
		if l := it.Permalink(); l != "" {
			fmt.Fprintln(w, l)
		}
		if s := summary(it.Text(), summaryLength); s != "" {
			fmt.Fprintln(w, "  "+strings.ReplaceAll(s, "\n", "\n  "))
		}
	}
}

// clock writes a duration to the nearest second as a player shows it:
// "1:02:03", or "3:05" under an hour.
func clock(d time.Duration) string {
	s := int64(d.Round(time.Second) / time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// summary cuts s to at most n characters, at a word boundary, with "…"
// when it cut anything.
func summary(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	runes := []rune(s)
	if len(runes) <= n {
		return s
	}
	cut := n
	for cut > 0 && !unicode.IsSpace(runes[cut]) {
		cut--
	}
	if cut == 0 { // one long word
		cut = n
	}
	return strings.TrimRightFunc(string(runes[:cut]), func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r)
	}) + "…"
}
