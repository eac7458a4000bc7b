package rss

import (
	"bytes"
	"encoding/xml"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html/charset"
)

// TestDifferential reads every well-formed document of testdata/, of
// ../shared/corpus/ and of ../shared/conformance/cases/ in both modes:
// the lenient scanner and strict mode's encoding/xml must read the same
// feed, and give the same error, if any (ErrNotFeed for a document that is
// not RSS). Well-formed means that encoding/xml reads the document
// strictly to its end, every entity it refers to being XML's own or
// declared in its internal DTD subset. Each document is read twice: with
// the default settings, and with a BaseURL and ResolveHTML, so that the
// two modes must also agree on every xml:base in scope.
func TestDifferential(t *testing.T) {
	dirs := []string{"testdata"}
	for _, dir := range []string{"corpus", "conformance/cases"} {
		if msg := sharedAbsent(dir); msg != "" {
			t.Log(msg + ", so not compared")
			continue
		}
		dirs = append(dirs, shared+"/"+dir)
	}
	compared := 0
	for _, dir := range dirs {
		err := filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() || !hasFeedExt(path) {
				return err
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			if !wellFormed(data) {
				return nil
			}
			compared++
			t.Run(path, func(t *testing.T) {
				lenient, lerr := readBoth(data, false, "")
				strict, serr := readBoth(data, true, "")
				if why, ok := knownDifferences[filepath.ToSlash(path)]; ok {
					require.NoError(t, lerr)
					require.ErrorContains(t, serr, why, "strict mode reads it as lenient mode does now: "+
						"remove it from knownDifferences")
					t.Logf("known difference: strict mode reports %q", serr)
					return
				}
				assert.Equal(t, errText(lerr), errText(serr), "errors")
				assert.Equal(t, lenient, strict)
				lenient, lerr = readBoth(data, false, differentialBase)
				strict, serr = readBoth(data, true, differentialBase)
				assert.Equal(t, errText(lerr), errText(serr), "errors, with a BaseURL")
				assert.Equal(t, lenient, strict, "with a BaseURL")
			})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("%d well-formed documents compared", compared)
	assert.NotZero(t, compared)
}

// knownDifferences lists the well-formed documents the two modes read
// differently on purpose, each with what strict mode reports instead; the
// test checks that it still does, so that an entry goes once it no longer
// holds.
var knownDifferences = map[string]string{
	// UTF-8 under a declared ISO-8859-1: lenient mode reads it as UTF-8.
	"testdata/latin1_utf8_declared.xml": `encoding "ISO-8859-1" declared, but the document is UTF-8`,
}

// differentialBase is the BaseURL TestDifferential reads each document
// with the second time.
const differentialBase = "https://example.org/feeds/feed.xml"

// readBoth reads a whole feed with Channel and Items; with base set, with
// it as the BaseURL and with ResolveHTML.
func readBoth(data []byte, strict bool, base string) (*Feed, error) {
	d := NewDecoder(bytes.NewReader(data))
	d.Strict = strict
	d.BaseURL, d.ResolveHTML = base, base != ""
	feed, err := d.Channel()
	if err != nil {
		return feed, err
	}
	for it, err := range d.Items() {
		if err != nil {
			return feed, err
		}
		feed.Items = append(feed.Items, it)
	}
	return feed, nil
}

// errText is an error's message without its position, which the two
// modes may place differently.
func errText(err error) string {
	if err == nil {
		return ""
	}
	if pe, ok := err.(*ParseError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

// entityDecl matches a general entity's declaration; m[2] is set for an
// external one, which strict mode refuses to expand (it is never read), so
// a document that uses one is left out here.
var entityDecl = regexp.MustCompile(`<!ENTITY\s+([^\s%"'>]+)\s+(SYSTEM|PUBLIC)?`)

// nsWellFormed reports whether every prefix the document uses is declared
// where it is used, and no namespace URI has white space in it (the
// namespace constraints, which strict mode checks and encoding/xml does
// not).
func nsWellFormed(data []byte) bool {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = charset.NewReaderLabel
	d.Strict = false
	var scopes [][]string // the prefixes each open element declares
	declared := func(prefix string) bool {
		for i := len(scopes) - 1; i >= 0; i-- {
			if slices.Contains(scopes[i], prefix) {
				return true
			}
		}
		return false
	}
	for {
		tok, err := d.RawToken()
		if err != nil {
			return err == io.EOF
		}
		switch t := tok.(type) {
		case xml.StartElement:
			var scope []string
			for _, a := range t.Attr {
				if a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns" {
					if strings.ContainsAny(a.Value, " \t\r\n") {
						return false
					}
					if a.Name.Space == "xmlns" {
						scope = append(scope, a.Name.Local)
					}
				}
			}
			scopes = append(scopes, scope)
			if p := t.Name.Space; p != "" && p != "xml" && !declared(p) {
				return false
			}
			for _, a := range t.Attr {
				if p := a.Name.Space; p != "" && p != "xml" && p != "xmlns" && !declared(p) {
					return false
				}
			}
		case xml.EndElement:
			if len(scopes) > 0 {
				scopes = scopes[:len(scopes)-1]
			}
		}
	}
}

// wellFormed reports whether encoding/xml reads data strictly to its end,
// and the XML declaration, if any, is at its start (encoding/xml does not
// check that).
func wellFormed(data []byte) bool {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = charset.NewReaderLabel
	// The general entities the document declares (a test's approximation:
	// encoding/xml does not read them, and needs only their names here).
	if decls := entityDecl.FindAllSubmatch(data, -1); decls != nil {
		d.Entity = map[string]string{}
		for _, m := range decls {
			if m[2] == nil {
				d.Entity[string(m[1])] = "x"
			}
		}
	}
	for {
		at := d.InputOffset()
		tok, err := d.Token()
		if err == io.EOF {
			return nsWellFormed(data)
		}
		if err != nil {
			return false
		}
		if pi, ok := tok.(xml.ProcInst); ok && pi.Target == "xml" && at != 0 &&
			!(at == 3 && bytes.HasPrefix(data, []byte("\xef\xbb\xbf"))) /* a UTF-8 byte-order mark */ {
			return false
		}
	}
}

// hasFeedExt reports whether a file holds a feed, by its name: the
// fixtures, corpus and conformance cases are .xml, .rss and .atom files.
func hasFeedExt(path string) bool {
	switch filepath.Ext(path) {
	case ".xml", ".rss", ".atom":
		return true
	}
	return false
}
