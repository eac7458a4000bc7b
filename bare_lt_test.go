package rss_test

import (
	"path/filepath"
	"strconv"
	"testing"

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
