package rss

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestDecodeBase64 checks which base64 content is decoded: only what
// decodes to UTF-8 text of characters XML carries; binary data, though
// valid UTF-8 (control characters), stays as written.
func TestDecodeBase64(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"SGVsbG8sIHdvcmxk", "Hello, world"},
		{"SGVs\n bG8=", "Hello"},       // white space anywhere, padding
		{"SGVsbG8", "Hello"},           // padding left out
		{"Aw==", "Aw=="},               // "\x03": a control character, no text
		{"AA==", "AA=="},               // "\x00"
		{"/w==", "/w=="},               // "\xff": not UTF-8
		{"not base64!", "not base64!"}, // not base64 at all
	} {
		assert.Equal(t, tt.want, decodeBase64(tt.in), "%q", tt.in)
	}
}
