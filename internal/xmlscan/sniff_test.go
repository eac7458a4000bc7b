package xmlscan

import (
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestIsUTF8Evidence(t *testing.T) {
	for _, tt := range []struct {
		name string
		b    string
		want bool
	}{
		{"ascii", "plain text", false},
		{"one sequence", "Br\xc3\xb8ndby", false},
		{"two sequences", "Br\xc3\xb8ndby \xc3\xa6", true},
		{"one three-byte sequence", "it\xe2\x80\x99s", true},
		{"latin-1 with ß“ once", "Stra\xdf\x93e", false},
		{"eight sequences, one stray byte", strings.Repeat("\xc3\xb8", 8) + " caf\xe9!", true},
		{"seven sequences, one stray byte", strings.Repeat("\xc3\xb8", 7) + " caf\xe9!", false},
		{"latin-1", "Br\xf8ndby, \xc6r\xf8, caf\xe9", false},
		{"latin-1 with one UTF-8-like pair", "\xc3\xa9 Br\xf8ndby \xe6", false},
		{"a sequence cut off at the end", "\xc3\xb8\xc3\xb8\xe2\x80", true},
	} {
		assert.Equal(t, tt.want, isUTF8Evidence([]byte(tt.b)), tt.name)
	}
}

// TestNewReaderLatin1OverUTF8 checks that a document declared (or served)
// in ISO-8859-1 or windows-1252 but written in UTF-8 reads as UTF-8 in
// lenient mode, when its first sniffSize bytes say so, and as declared
// otherwise; strict mode refuses it.
func TestNewReaderLatin1OverUTF8(t *testing.T) {
	const decl = `<?xml version="1.0" encoding="ISO-8859-1"?>`
	pad := "<!--" + strings.Repeat(" ", 2000) + "-->"                                                    // past NewReader's first KiB
	utf := "<t>Br\xc3\xb8ndby \xc3\x86r\xc3\xb8 caf\xe9</t><u>" + strings.Repeat("\xc3\xb8", 6) + "</u>" // 8 sequences, 1 stray byte
	asDeclared := "BrÃ¸ndby Ã†rÃ¸ café"                                                                  // each byte read as windows-1252
	asUTF8 := "Brøndby Ærø caf\xe9"                                                                      // the stray byte is left to the input filter
	for _, tt := range []struct {
		name, doc, contentType string
		strict                 bool
		want                   string // the text of t, as NewReader gives it; "": an error
	}{
		{"declared", decl + utf, "", false, asUTF8},
		{"declared, after the first KiB", decl + pad + utf, "", false, asUTF8},
		{"windows-1252", strings.Replace(decl, "ISO-8859-1", "windows-1252", 1) + utf, "", false, asUTF8},
		{"served", "<?xml version=\"1.0\"?>" + utf, "text/xml; charset=iso-8859-1", false, asUTF8},
		{"past the sniffed bytes", decl + "<!--" + strings.Repeat(" ", sniffSize) + "-->" + utf, "", false, asDeclared},
		{"strict mode refuses it", decl + utf, "", true, ""},
		{"strict mode, really latin-1", decl + "<t>caf\xe9</t>", "", true, "café"},
		{"really latin-1", decl + "<t>Br\xf8ndby \xc6r\xf8 caf\xe9</t><u>\xf8\xf8\xf8</u>", "", false, "Brøndby Ærø café"},
	} {
		r, err := NewReader(strings.NewReader(tt.doc), tt.contentType, tt.strict)
		if tt.want == "" {
			var re *RepairError
			require.ErrorAs(t, err, &re, tt.name)
			assert.Equal(t, `encoding "ISO-8859-1" declared, but the document is UTF-8`, re.Msg, tt.name)
			continue
		}
		require.NoError(t, err, tt.name)
		data, err := io.ReadAll(r)
		require.NoError(t, err, tt.name)
		s := string(data)
		if i := strings.Index(s, "<t>"); assert.True(t, i >= 0, tt.name) {
			s = s[i+len("<t>"):]
			s = s[:strings.Index(s, "</t>")]
		}
		assert.Equal(t, tt.want, s, tt.name)
	}
	// The tokenizer reads the stray byte as windows-1252.
	got, err := tokenize(decl+utf, Options{})
	require.NoError(t, err)
	assert.Contains(t, got, `T "Brøndby Ærø café"`)
}
