package xmlscan

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html/charset"
)

// titleText reads doc through NewReader and a Tokenizer, strict or not, and
// returns the text of its first title element, trimmed, as a feed's title
// is read.
func titleText(doc string, strict bool) (string, error) {
	src, err := NewReader(strings.NewReader(doc), "", strict)
	if err != nil {
		return "", err
	}
	z := NewTokenizer(src, Options{Strict: strict})
	in := false
	var text []byte
	for {
		tok, err := z.Next()
		if err != nil {
			return "", err
		}
		switch tok.Kind {
		case StartToken:
			in = tok.Start.Name.Local == "title"
		case TextToken:
			if in {
				text = append(text, tok.Text...)
			}
		case EndToken:
			if in {
				return strings.TrimSpace(string(text)), nil
			}
		}
	}
}

// An encodingCase is one encoding of x/net/html/charset, a byte sequence
// that is distinctive in it, the text that sequence stands for, and
// labels that must name that encoding.
type encodingCase struct {
	name   string // the WHATWG name of the encoding
	sample string // bytes in the encoding
	want   string // sample decoded
	// WHATWG labels, then IANA names and aliases, then misspellings seen
	// in feeds.
	whatwg, iana, misspelt []string
}

var encodingCases = []encodingCase{
	{
		name: "utf-8", sample: "\xc3\xa9\xe2\x82\xac", want: "é€",
		whatwg:   []string{"unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8", "UTF-8"},
		iana:     []string{"csUTF8"},
		misspelt: []string{"UTF_8", "utf 8", "Utf-8;", `"utf-8"`, "uft-8", "cp65001", "x-utf-8"},
	},
	{
		name: "ibm866", sample: "\x80", want: "А",
		whatwg:   []string{"866", "cp866", "csibm866", "ibm866"},
		iana:     []string{"IBM866", "csIBM866"},
		misspelt: []string{"ibm-866", "cp-866", "dos-866"},
	},
	{
		name: "iso-8859-2", sample: "\xa1", want: "Ą",
		whatwg:   []string{"csisolatin2", "iso-8859-2", "iso-ir-101", "iso8859-2", "iso88592", "iso_8859-2", "iso_8859-2:1987", "l2", "latin2"},
		iana:     []string{"ISO_8859-2:1987", "ISO-8859-2", "csISOLatin2"},
		misspelt: []string{"ISO8859_2", "latin-2", "iso-latin-2", "8859-2", "cp28592"},
	},
	{
		name: "iso-8859-3", sample: "\xa1", want: "Ħ",
		whatwg:   []string{"csisolatin3", "iso-8859-3", "iso-ir-109", "iso8859-3", "iso88593", "iso_8859-3", "iso_8859-3:1988", "l3", "latin3"},
		iana:     []string{"ISO_8859-3:1988", "csISOLatin3"},
		misspelt: []string{"latin-3", "iso_8859_3"},
	},
	{
		name: "iso-8859-4", sample: "\xa2", want: "ĸ",
		whatwg:   []string{"csisolatin4", "iso-8859-4", "iso-ir-110", "iso8859-4", "iso88594", "iso_8859-4", "iso_8859-4:1988", "l4", "latin4"},
		iana:     []string{"ISO_8859-4:1988", "csISOLatin4"},
		misspelt: []string{"latin-4", "iso 8859-4"},
	},
	{
		name: "iso-8859-5", sample: "\xb0", want: "А",
		whatwg:   []string{"csisolatincyrillic", "cyrillic", "iso-8859-5", "iso-ir-144", "iso8859-5", "iso88595", "iso_8859-5", "iso_8859-5:1988"},
		iana:     []string{"ISO_8859-5:1988", "csISOLatinCyrillic"},
		misspelt: []string{"iso-8859_5", "ISO8859-5"},
	},
	{
		name: "iso-8859-6", sample: "\xc7", want: "ا",
		whatwg: []string{"arabic", "asmo-708", "csiso88596e", "csiso88596i", "csisolatinarabic", "ecma-114", "iso-8859-6",
			"iso-8859-6-e", "iso-8859-6-i", "iso-ir-127", "iso8859-6", "iso88596", "iso_8859-6", "iso_8859-6:1987"},
		iana:     []string{"ISO_8859-6:1987", "ISO_8859-6-E", "ISO_8859-6-I", "csISOLatinArabic", "ASMO-708", "ECMA-114"},
		misspelt: []string{"iso8859-6-i", "iso-8859-6i"},
	},
	{
		name: "iso-8859-7", sample: "\xc1", want: "Α",
		whatwg: []string{"csisolatingreek", "ecma-118", "elot_928", "greek", "greek8", "iso-8859-7", "iso-ir-126",
			"iso8859-7", "iso88597", "iso_8859-7", "iso_8859-7:1987", "sun_eu_greek"},
		iana:     []string{"ISO_8859-7:1987", "ELOT_928", "csISOLatinGreek"},
		misspelt: []string{"iso-8859_7", "8859-7"},
	},
	{
		name: "iso-8859-8", sample: "\xe0", want: "א",
		whatwg: []string{"csiso88598e", "csisolatinhebrew", "hebrew", "iso-8859-8", "iso-8859-8-e", "iso-ir-138",
			"iso8859-8", "iso88598", "iso_8859-8", "iso_8859-8:1988", "visual"},
		iana:     []string{"ISO_8859-8:1988", "ISO_8859-8-E", "csISOLatinHebrew"},
		misspelt: []string{"iso_8859_8", "iso-8859-8e"},
	},
	{
		name: "iso-8859-8-i", sample: "\xe0", want: "א",
		whatwg:   []string{"csiso88598i", "iso-8859-8-i", "logical"},
		iana:     []string{"ISO_8859-8-I", "ISO-8859-8-I"},
		misspelt: []string{"iso8859-8-i", "ISO-8859-8I", "cp38598"},
	},
	{
		name: "iso-8859-10", sample: "\xa2", want: "Ē",
		whatwg:   []string{"csisolatin6", "iso-8859-10", "iso-ir-157", "iso8859-10", "iso885910", "l6", "latin6"},
		iana:     []string{"ISO_8859-10:1992", "csISOLatin6"},
		misspelt: []string{"iso_8859-10", "latin-6"},
	},
	{
		name: "iso-8859-13", sample: "\xa1", want: "”",
		whatwg:   []string{"iso-8859-13", "iso8859-13", "iso885913"},
		iana:     []string{"csISO885913"},
		misspelt: []string{"iso_8859-13", "latin7", "latin-7", "l7", "cp28603"},
	},
	{
		name: "iso-8859-14", sample: "\xa1", want: "Ḃ",
		whatwg: []string{"iso-8859-14", "iso8859-14", "iso885914"},
		iana: []string{"ISO_8859-14", "ISO_8859-14:1998", "csISO885914", "iso-celtic", "iso-ir-199", "l8", "latin8",
			"ISO-8859-14"},
		misspelt: []string{"latin-8"},
	},
	{
		name: "iso-8859-15", sample: "\xa4", want: "€",
		whatwg:   []string{"csisolatin9", "iso-8859-15", "iso8859-15", "iso885915", "iso_8859-15", "l9"},
		iana:     []string{"ISO_8859-15", "csISO885915", "Latin-9"},
		misspelt: []string{"latin9", "latin0", "iso-8859_15", "ISO8859_15", "cp28605"},
	},
	{
		name: "iso-8859-16", sample: "\xa5", want: "„",
		whatwg:   []string{"iso-8859-16"},
		iana:     []string{"ISO_8859-16", "ISO_8859-16:2001", "csISO885916", "iso-ir-226", "l10", "latin10"},
		misspelt: []string{"iso8859-16", "latin-10"},
	},
	{
		name: "koi8-r", sample: "\xc1", want: "а",
		whatwg:   []string{"cskoi8r", "koi", "koi8", "koi8-r", "koi8_r"},
		iana:     []string{"KOI8-R", "csKOI8R"},
		misspelt: []string{"koi8r", "KOI8 R", "cp20866"},
	},
	{
		name: "koi8-u", sample: "\xa4", want: "є",
		whatwg:   []string{"koi8-ru", "koi8-u"},
		iana:     []string{"KOI8-U", "csKOI8U"},
		misspelt: []string{"koi8u", "koi8_u", "cp21866"},
	},
	{
		name: "macintosh", sample: "\x80", want: "Ä",
		whatwg:   []string{"csmacintosh", "mac", "macintosh", "x-mac-roman"},
		iana:     []string{"csMacintosh"},
		misspelt: []string{"mac-roman", "MacRoman", "cp10000"},
	},
	{
		name: "windows-874", sample: "\xa1", want: "ก",
		whatwg:   []string{"dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620", "windows-874"},
		iana:     []string{"TIS-620", "csTIS620", "cswindows874"},
		misspelt: []string{"tis620", "cp874", "ms874", "windows874", "iso_8859-11"},
	},
	{
		name: "windows-1250", sample: "\xa5", want: "Ą",
		whatwg:   []string{"cp1250", "windows-1250", "x-cp1250"},
		iana:     []string{"cswindows1250"},
		misspelt: []string{"win-1250", "windows1250", "cp-1250"},
	},
	{
		name: "windows-1251", sample: "\xc0", want: "А",
		whatwg:   []string{"cp1251", "windows-1251", "x-cp1251"},
		iana:     []string{"cswindows1251"},
		misspelt: []string{"win-1251", "cp-1251", "windows1251", "WINDOWS_1251", "win1251", "ms1251", "ansi-1251", "windows-1251;"},
	},
	{
		name: "windows-1252", sample: "\x80\xe9", want: "€é",
		whatwg: []string{"ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1", "iso-ir-100",
			"iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1", "us-ascii", "windows-1252", "x-cp1252"},
		iana: []string{"ISO_8859-1:1987", "ISO-8859-1", "IBM819", "CP819", "csISOLatin1", "US-ASCII", "ANSI_X3.4-1986",
			"iso-ir-6", "ISO_646.irv:1991", "ISO646-US", "us", "IBM367", "cp367", "csASCII", "cswindows1252"},
		misspelt: []string{"windows1252", "win-1252", "cp-1252", "iso8859_1", "latin-1", "ISO-Latin-1", "8859-1", "iso-8859-1;", "cp28591"},
	},
	{
		name: "windows-1253", sample: "\xc1", want: "Α",
		whatwg:   []string{"cp1253", "windows-1253", "x-cp1253"},
		iana:     []string{"cswindows1253"},
		misspelt: []string{"win-1253"},
	},
	{
		name: "windows-1254", sample: "\xd0", want: "Ğ",
		whatwg: []string{"cp1254", "csisolatin5", "iso-8859-9", "iso-ir-148", "iso8859-9", "iso88599", "iso_8859-9",
			"iso_8859-9:1989", "l5", "latin5", "windows-1254", "x-cp1254"},
		iana:     []string{"ISO_8859-9:1989", "csISOLatin5", "cswindows1254"},
		misspelt: []string{"latin-5", "win-1254", "cp28599"},
	},
	{
		name: "windows-1255", sample: "\xe0", want: "א",
		whatwg:   []string{"cp1255", "windows-1255", "x-cp1255"},
		iana:     []string{"cswindows1255"},
		misspelt: []string{"windows1255"},
	},
	{
		name: "windows-1256", sample: "\xc7", want: "ا",
		whatwg:   []string{"cp1256", "windows-1256", "x-cp1256"},
		iana:     []string{"cswindows1256"},
		misspelt: []string{"win1256"},
	},
	{
		name: "windows-1257", sample: "\xc0", want: "Ą",
		whatwg:   []string{"cp1257", "windows-1257", "x-cp1257"},
		iana:     []string{"cswindows1257"},
		misspelt: []string{"cp-1257"},
	},
	{
		name: "windows-1258", sample: "\xc3", want: "Ă",
		whatwg:   []string{"cp1258", "windows-1258", "x-cp1258"},
		iana:     []string{"cswindows1258"},
		misspelt: []string{"windows_1258"},
	},
	{
		name: "x-mac-cyrillic", sample: "\x80", want: "А",
		whatwg:   []string{"x-mac-cyrillic", "x-mac-ukrainian"},
		misspelt: []string{"mac-cyrillic", "MacCyrillic", "mac_cyrillic", "x-mac-cyr", "mac-ukrainian", "cp10007", "cp10017"},
	},
	{
		name: "gbk", sample: "\xc4\xe3", want: "你",
		whatwg:   []string{"chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312", "gb_2312-80", "gbk", "iso-ir-58", "x-gbk"},
		iana:     []string{"GB2312", "GB_2312-80", "csGB2312", "GBK", "CP936", "MS936", "windows-936", "csGBK"},
		misspelt: []string{"gb-2312", "GB 2312", "cp-936", "euc-cn", "x-euc-cn"},
	},
	{
		name: "gb18030", sample: "\x81\x30\x84\x36", want: "¥",
		whatwg:   []string{"gb18030"},
		iana:     []string{"GB18030", "csGB18030"},
		misspelt: []string{"gb-18030", "cp54936"},
	},
	{
		name: "big5", sample: "\xa4\x40", want: "一",
		whatwg:   []string{"big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"},
		iana:     []string{"Big5", "csBig5", "Big5-HKSCS", "csBig5HKSCS"},
		misspelt: []string{"big-5", "big5_hkscs", "cp950", "ms950"},
	},
	{
		name: "euc-jp", sample: "\xa4\xa2", want: "あ",
		whatwg:   []string{"cseucpkdfmtjapanese", "euc-jp", "x-euc-jp"},
		iana:     []string{"Extended_UNIX_Code_Packed_Format_for_Japanese", "csEUCPkdFmtJapanese", "EUC-JP"},
		misspelt: []string{"euc_jp", "eucjp", "EUC JP", "ujis", "cp51932"},
	},
	{
		name: "iso-2022-jp", sample: "\x1b$B$\"\x1b(B", want: "あ",
		whatwg:   []string{"csiso2022jp", "iso-2022-jp"},
		iana:     []string{"ISO-2022-JP", "csISO2022JP"},
		misspelt: []string{"iso2022jp", "iso_2022_jp", "cp50220", "cp50222"},
	},
	{
		name: "shift_jis", sample: "\x82\xa0", want: "あ",
		whatwg:   []string{"csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis", "windows-31j", "x-sjis"},
		iana:     []string{"Shift_JIS", "MS_Kanji", "csShiftJIS", "Windows-31J", "csWindows31J"},
		misspelt: []string{"shiftjis", "shift jis", "SJIS", "cp932", "x_sjis"},
	},
	{
		name: "euc-kr", sample: "\xb0\xa1", want: "가",
		whatwg: []string{"cseuckr", "csksc56011987", "euc-kr", "iso-ir-149", "korean", "ks_c_5601-1987", "ks_c_5601-1989",
			"ksc5601", "ksc_5601", "windows-949"},
		iana:     []string{"EUC-KR", "csEUCKR", "KS_C_5601-1987", "csKSC56011987"},
		misspelt: []string{"euc_kr", "euckr", "ks_c_5601", "ksc-5601", "cp949", "ms949", "uhc"},
	},
	{
		name: "x-user-defined", sample: "\x80", want: "\uf780",
		whatwg: []string{"x-user-defined"},
	},
}

// TestCharsetLabels checks that each label names the intended encoding,
// both as charset.Lookup resolves what charsetLabel returns and as a
// strict decoder reads a feed that declares it: the sample bytes decode to
// the text they stand for, with no error.
func TestCharsetLabels(t *testing.T) {
	seen := map[string]bool{}
	for _, tt := range encodingCases {
		t.Run(tt.name, func(t *testing.T) {
			require.NotEmpty(t, tt.whatwg)
			for _, label := range append(append(append([]string{}, tt.whatwg...), tt.iana...), tt.misspelt...) {
				require.False(t, seen[label], "label %q is listed twice", label)
				seen[label] = true
				e, name := charset.Lookup(charsetLabel(label))
				require.NotNil(t, e, "label %q", label)
				assert.Equal(t, tt.name, name, "label %q", label)

				doc := fmt.Sprintf(`<?xml version="1.0" encoding='%s'?>`+"\n"+
					`<rss version="2.0"><channel><title>%s</title></channel></rss>`, label, tt.sample)
				title, err := titleText(doc, true)
				require.NoError(t, err, "label %q", label)
				assert.Equal(t, tt.want, title, "label %q", label)
			}
		})
	}
	// Every WHATWG label above is passed to charset.Lookup unchanged,
	// except the ones charsetAliases reads otherwise on purpose.
	for _, tt := range encodingCases {
		for _, label := range tt.whatwg {
			_, direct := charset.Lookup(label)
			assert.Equal(t, tt.name, direct, "the WHATWG label %q", label)
		}
	}
}

// TestCharsetLabelsWide checks the labels of the wide encodings, which a
// document whose bytes are ASCII-compatible cannot be in: declared on such
// bytes, they are read as UTF-8, without an error in strict mode either.
func TestCharsetLabelsWide(t *testing.T) {
	for _, tt := range []struct {
		name   string
		labels []string
	}{
		{"utf-16le", []string{"csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16", "utf-16le",
			"UTF-16", "csUTF16", "UTF-16LE", "csUTF16LE", "ISO-10646-UCS-2", "utf16", "UTF_16LE", "ucs2", "cp1200",
			"UTF-32", "UTF-32LE", "UTF-32BE", "csUTF32", "ISO-10646-UCS-4", "csUCS4", "ucs-4", "utf32"}},
		{"utf-16be", []string{"unicodefffe", "utf-16be", "UTF-16BE", "csUTF16BE", "utf16be", "cp1201"}},
	} {
		for _, label := range tt.labels {
			_, name := charset.Lookup(charsetLabel(label))
			assert.Equal(t, tt.name, name, "label %q", label)
			doc := `<?xml version="1.0" encoding="` + label + `"?><rss><channel><title>caf` + "\xc3\xa9" + `</title></channel></rss>`
			title, err := titleText(doc, true)
			require.NoError(t, err, "label %q", label)
			assert.Equal(t, "café", title, "label %q", label)
		}
	}
}

// TestCharsetLabelsUnknown checks the labels the package cannot read,
// including those WHATWG reads as its "replacement" encoding: strict mode
// refuses them, and the lenient decoder reads the bytes as UTF-8, with
// windows-1252 for what is not UTF-8, instead of losing the document.
func TestCharsetLabelsUnknown(t *testing.T) {
	for _, label := range []string{
		// WHATWG's replacement encoding.
		"iso-2022-kr", "csiso2022kr", "iso-2022-cn", "iso-2022-cn-ext", "hz-gb-2312", "replacement",
		// No decoder in x/net/html/charset.
		"x-no-such-charset", "utf-7", "UNICODE-1-1-UTF-7", "ebcdic-cp-us", "IBM437", "cp437", "iso-8859-12",
		"windows-1259", "cp0874", "iso8859", "cp", "8859",
	} {
		e, _ := charset.Lookup(charsetLabel(label))
		assert.Nil(t, e, "label %q", label)
		doc := `<?xml version="1.0" encoding="` + label + `"?><rss><channel><title>caf` + "\xc3\xa9 \x80" + `</title></channel></rss>`
		_, err := titleText(doc, true)
		assert.ErrorContains(t, err, fmt.Sprintf("unsupported encoding %q", label))
		title, err := titleText(doc, false)
		require.NoError(t, err, "label %q", label)
		assert.Equal(t, "café €", title, "label %q", label)
	}
}
