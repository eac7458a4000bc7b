package rss_test

import (
	"path/filepath"
	"strconv"
	"testing"

	"github.com/feedkit/rss"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBareLessThanStrict checks that the bare-'<' fixtures, which the
// lenient decoder reads whole (their golden files), are each an error in
// strict mode, at the first bare '<'.
func TestBareLessThanStrict(t *testing.T) {
	for _, tt := range []struct {
		file string
		line int
	}{
		{"bare_lt_title.xml", 12},
		{"bare_lt_description.xml", 12},
	} {
		path := filepath.Join("testdata", tt.file)
		feed, err := parseFile(t, path)
		require.NoError(t, err, tt.file)
		assert.NotEmpty(t, feed.Items, tt.file)

		_, err = strictParse(t, path)
		require.Error(t, err, tt.file)
		assert.Contains(t, err.Error(), "line "+strconv.Itoa(tt.line)+",", tt.file)
	}
}

// TestLatin1OverUTF8Strict checks strict mode on the fixture of UTF-8
// under a declared ISO-8859-1, which the lenient decoder reads as UTF-8
// (its golden file): a *ParseError that says so. A feed really in Latin-1
// reads alike in both modes.
func TestLatin1OverUTF8Strict(t *testing.T) {
	_, err := strictParse(t, filepath.Join("testdata", "latin1_utf8_declared.xml"))
	var pe *rss.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Contains(t, err.Error(), `encoding "ISO-8859-1" declared, but the document is UTF-8`)

	path := filepath.Join("testdata", "latin1_true.xml")
	lenient, err := parseFile(t, path)
	require.NoError(t, err)
	strict, err := strictParse(t, path)
	require.NoError(t, err)
	assert.Equal(t, lenient, strict)
	assert.Equal(t, "Brøndby vandt igen", strict.Items[0].Title)
}
