package xmlscan

import (
	"bytes"
	"fmt"
	"io"
	"mime"
	"strconv"
	"strings"

	"golang.org/x/net/html/charset"
)

// The encodings the package reads are those of golang.org/x/net/html/charset,
// the WHATWG Encoding Standard's. charset.Lookup knows the labels that
// standard gives them; feeds name them in more ways: with the aliases of the
// IANA character-sets registry, and with misspellings of either. charsetLabel
// maps those to a label charset.Lookup knows.

// charsetLabel returns the label to look up with charset.Lookup for the
// encoding an XML declaration names: the label itself when the WHATWG
// Encoding Standard knows it, else the WHATWG name of the encoding that an
// IANA alias or a common misspelling means, or "" for the encodings read as
// if the document had not named one (see charsetAliases). A label that
// means nothing known is returned as it is, for charset.Lookup to refuse.
func charsetLabel(label string) string {
	label = strings.Trim(label, " \t\r\n\f\"'")
	key := squashLabel(label)
	if name, ok := charsetAliases[key]; ok {
		return name
	}
	if e, _ := charset.Lookup(label); e != nil {
		return label
	}
	if name := numberedCharset(key); name != "" {
		return name
	}
	return label
}

// squashLabel reduces an encoding label to the form charsetAliases is keyed
// by: lower-case letters and digits only, without the year IANA appends to
// some names ("ISO_8859-10:1992") and without an "x-" prefix ("x-sjis").
func squashLabel(label string) string {
	if i := strings.IndexByte(label, ':'); i > 0 {
		label = label[:i]
	}
	lower := strings.ToLower(label)
	if strings.HasPrefix(lower, "x-") || strings.HasPrefix(lower, "x_") {
		lower = lower[2:]
	}
	var b strings.Builder
	for i := 0; i < len(lower); i++ {
		if c := lower[i]; 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// charsetAliases maps squashed labels (see squashLabel) that the WHATWG
// Encoding Standard does not give, or gives for the "replacement" encoding,
// to the WHATWG name of the encoding they mean. The numbered families
// (windows-1250, cp1251, iso-8859-2...) are read by numberedCharset instead.
//
// Following WHATWG, ISO-8859-1 and US-ASCII are read as windows-1252, and
// ISO-8859-9 as windows-1254, their supersets.
var charsetAliases = func() map[string]string {
	m := map[string]string{}
	for name, aliases := range map[string][]string{
		"utf-8": {"utf8", "csutf8", "uft8", "unicode11utf8", "unicode20utf8"},
		// A document that really is UTF-16 or UTF-32 is recognised from
		// its bytes before its declaration is read; a wide encoding
		// named on ASCII-compatible bytes is wrong, and NewReader reads
		// them as UTF-8, as it does when the name is a UTF-16 one.
		"utf-16le": {"utf16", "utf16le", "csutf16", "csutf16le", "ucs2", "csunicode", "iso10646ucs2",
			"utf32", "utf32le", "utf32be", "csutf32", "csutf32le", "csutf32be", "ucs4", "csucs4", "iso10646ucs4"},
		"utf-16be":     {"utf16be", "csutf16be"},
		"windows-1252": {"latin1", "l1", "isolatin1", "csisolatin1", "usascii", "ascii", "us", "csascii", "iso646us", "iso646irv", "ansix341968", "ansix341986", "ibm367", "cp367", "isoir6", "isoir100", "ibm819", "cp819"},
		"iso-8859-2":   {"latin2", "l2", "isolatin2", "csisolatin2", "isoir101"},
		"iso-8859-3":   {"latin3", "l3", "isolatin3", "csisolatin3", "isoir109"},
		"iso-8859-4":   {"latin4", "l4", "isolatin4", "csisolatin4", "isoir110"},
		"iso-8859-5":   {"cyrillic", "isolatincyrillic", "csisolatincyrillic", "isoir144"},
		"iso-8859-6":   {"arabic", "csisolatinarabic", "asmo708", "ecma114", "isoir127"},
		"iso-8859-7":   {"greek", "greek8", "csisolatingreek", "ecma118", "elot928", "isoir126", "suneugreek"},
		"iso-8859-8":   {"hebrew", "csisolatinhebrew", "isoir138", "visual"},
		"iso-8859-8-i": {"logical"},
		// ISO-8859-9 is Latin 5, read as windows-1254 (see above).
		"windows-1254":   {"latin5", "l5", "isolatin5", "csisolatin5", "isoir148"},
		"iso-8859-10":    {"latin6", "l6", "isolatin6", "csisolatin6", "isoir157"},
		"iso-8859-13":    {"latin7", "l7"},
		"iso-8859-14":    {"latin8", "l8", "isoceltic", "isoir199"},
		"iso-8859-15":    {"latin9", "l9", "csisolatin9", "latin0"},
		"iso-8859-16":    {"latin10", "l10", "isoir226"},
		"windows-874":    {"tis620", "cstis620", "dos874"},
		"ibm866":         {"866", "dos866", "csibm866"},
		"koi8-r":         {"koi8r", "koi8", "koi", "cskoi8r"},
		"koi8-u":         {"koi8u", "koi8ru", "cskoi8u"},
		"macintosh":      {"mac", "macintosh", "macroman", "csmacintosh"},
		"x-mac-cyrillic": {"maccyrillic", "macukrainian", "macukraine", "maccyr"},
		"gbk": {"gbk", "gb2312", "gb231280", "csgb2312", "csiso58gb231280", "isoir58", "chinese",
			"csgbk", "windows936", "euccn", "eucgb2312cn"},
		"gb18030":     {"gb18030", "csgb18030"},
		"big5":        {"big5", "csbig5", "cnbig5", "xbig5", "big5hkscs", "csbig5hkscs"},
		"euc-jp":      {"eucjp", "cseucpkdfmtjapanese", "extendedunixcodepackedformatforjapanese", "ujis"},
		"iso-2022-jp": {"iso2022jp", "csiso2022jp"},
		"shift_jis":   {"shiftjis", "sjis", "csshiftjis", "mskanji", "windows31j", "cswindows31j"},
		"euc-kr": {"euckr", "cseuckr", "ksc56011987", "ksc56011989", "ksc5601", "csksc56011987",
			"isoir149", "korean", "windows949", "uhc"},
		// The encodings WHATWG reads as "replacement" (one U+FFFD for the
		// whole document, to stop script injection in browsers): a feed
		// is better read as one that names no encoding.
		"": {"iso2022kr", "csiso2022kr", "iso2022cn", "csiso2022cn", "iso2022cnext", "csiso2022cnext",
			"hzgb2312", "replacement"},
	} {
		for _, a := range aliases {
			m[a] = name
		}
	}
	return m
}()

// windowsCodePages maps the numbers of Windows code pages (cp932,
// ms936, windows-949...) that stand for an encoding the package reads to
// its WHATWG name.
var windowsCodePages = map[int]string{
	866: "ibm866", 874: "windows-874",
	932: "shift_jis", 936: "gbk", 949: "euc-kr", 950: "big5",
	1200: "utf-16le", 1201: "utf-16be",
	10000: "macintosh", 10007: "x-mac-cyrillic", 10017: "x-mac-cyrillic",
	20866: "koi8-r", 21866: "koi8-u",
	28591: "windows-1252", 28592: "iso-8859-2", 28593: "iso-8859-3", 28594: "iso-8859-4",
	28595: "iso-8859-5", 28596: "iso-8859-6", 28597: "iso-8859-7", 28598: "iso-8859-8",
	28599: "windows-1254", 28603: "iso-8859-13", 28605: "iso-8859-15", 38598: "iso-8859-8-i",
	50220: "iso-2022-jp", 50221: "iso-2022-jp", 50222: "iso-2022-jp",
	51932: "euc-jp", 54936: "gb18030", 65001: "utf-8",
}

// numberedCharset reads a squashed label made of a family prefix and a
// number: a Windows code page ("windows1251", "win1251", "cp1251",
// "ms1251", "cswindows1251", "ibm866") or a part of ISO 8859 ("iso88591",
// "8859-1", "csiso885915", "iso88596e"). It returns the WHATWG name of the
// encoding, or "".
func numberedCharset(key string) string {
	for _, prefix := range []string{"iso8859", "csiso8859", "8859"} {
		if part, ok := strings.CutPrefix(key, prefix); ok && part != "" {
			// Part 6 and 8 have -i and -e forms; charset knows them.
			label := "iso-8859-" + part
			if c := part[len(part)-1]; c == 'e' || c == 'i' {
				label = "iso-8859-" + part[:len(part)-1] + "-" + string(c)
			}
			if e, name := charset.Lookup(label); e != nil {
				return name
			}
			return ""
		}
	}
	for _, prefix := range []string{"cswindows", "windows", "mswin", "win", "cp", "ms", "ibm", "dos", "ansi"} {
		digits, ok := strings.CutPrefix(key, prefix)
		if !ok {
			continue
		}
		n, err := strconv.Atoi(digits)
		if err != nil || digits[0] == '0' {
			return ""
		}
		if 1250 <= n && n <= 1258 {
			return "windows-" + digits
		}
		return windowsCodePages[n]
	}
	return ""
}

// mediaCharset returns the name of the encoding the charset parameter of
// contentType names, when the document's first bytes, head, can be in it,
// or "". RFC 7303 §3.2 makes the charset parameter authoritative over the
// XML declaration and over guesses from the bytes; only a byte-order mark
// (looked at before) wins over it, as the XML specification's appendix F
// also says. A charset the package does not know, or one under which the
// document cannot start with markup (a UTF-16 charset on ASCII bytes, an
// ASCII-compatible one on UTF-16 without a byte-order mark), is a server's
// mistake and is ignored: the declaration and the bytes decide, as they do
// without a Content-Type.
//
// In strict mode a media type that is not XML (nor JSON, for JSON Feed)
// is an error, as a validator sees it: a feed served as text/plain or
// text/html is not served right.
func mediaCharset(contentType string, head []byte, strict bool) (string, error) {
	if strings.TrimSpace(contentType) == "" {
		return "", nil
	}
	mediaType, params, err := mime.ParseMediaType(contentType)
	if strict && !xmlMediaType(mediaType) {
		if err != nil && mediaType == "" {
			return "", &RepairError{fmt.Sprintf("unreadable Content-Type %q", contentType)}
		}
		return "", &RepairError{fmt.Sprintf("served as %s, which is not an XML media type", mediaType)}
	}
	label := strings.Trim(strings.TrimSpace(params["charset"]), `'"`)
	if label == "" {
		return "", nil
	}
	e, name := charset.Lookup(charsetLabel(label))
	if e == nil {
		return "", nil
	}
	// Decode the first bytes: they must start with markup ('<' and a name
	// character, '?' or '!'), after white space.
	sample := head[:min(len(head), 64)]
	if len(sample) == 0 {
		return name, nil
	}
	text, _ := io.ReadAll(e.NewDecoder().Reader(bytes.NewReader(sample)))
	text = bytes.TrimLeft(text, " \t\r\n")
	if len(text) < 2 || text[0] != '<' {
		return "", nil
	}
	if c := text[1]; c != '?' && c != '!' && c != '_' && c != ':' && !('a' <= c|0x20 && c|0x20 <= 'z') && c < 0x80 {
		return "", nil
	}
	return name, nil
}

// xmlMediaType reports whether a media type is one a feed may be served
// as: XML (application/xml, text/xml, any +xml, the external parsed
// entity and DTD types) or JSON (application/json, any +json).
func xmlMediaType(t string) bool {
	switch t {
	case "application/xml", "text/xml", "application/xml-external-parsed-entity",
		"text/xml-external-parsed-entity", "application/xml-dtd", "application/json":
		return true
	}
	return strings.HasSuffix(t, "+xml") || strings.HasSuffix(t, "+json")
}
