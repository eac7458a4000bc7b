package xmlscan

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// The repair rule for characters, the same for every path that reads a
// feed (the input filter in both modes, character references, strict
// mode's tokens, and JSON Feed's input filter, package jsonscan):
//
//   - a byte that is not part of valid UTF-8 is read as the windows-1252
//     character it stands for (a feed declared UTF-8 but written in
//     windows-1252 or ISO-8859-1);
//   - a C1 control character (U+0080–U+009F, as UTF-8 or as a character
//     reference such as &#146;) is read as the windows-1252 character of the
//     same number (’): it is almost always a windows-1252 byte converted as
//     if it were ISO-8859-1;
//   - a character XML forbids (a C0 control other than tab, line feed and
//     carriage return; U+FFFE; U+FFFF) is dropped.
//
// In strict mode each of these is an error instead, but for a C1 control
// character, which XML allows: strict mode reads it as windows-1252 too.
// The five bytes windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90,
// 0x9D) stand for the C1 control of the same value, as in ISO-8859-1.

// cp1252 maps the bytes 0x80–0xFF of windows-1252 to Unicode.
var cp1252 = [128]rune{
	'€', 0x81, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0x8d, 'Ž', 0x8f,
	0x90, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0x9d, 'ž', 'Ÿ',
	0xa0, '¡', '¢', '£', '¤', '¥', '¦', '§', '¨', '©', 'ª', '«', '¬', 0xad, '®', '¯',
	'°', '±', '²', '³', '´', 'µ', '¶', '·', '¸', '¹', 'º', '»', '¼', '½', '¾', '¿',
	'À', 'Á', 'Â', 'Ã', 'Ä', 'Å', 'Æ', 'Ç', 'È', 'É', 'Ê', 'Ë', 'Ì', 'Í', 'Î', 'Ï',
	'Ð', 'Ñ', 'Ò', 'Ó', 'Ô', 'Õ', 'Ö', '×', 'Ø', 'Ù', 'Ú', 'Û', 'Ü', 'Ý', 'Þ', 'ß',
	'à', 'á', 'â', 'ã', 'ä', 'å', 'æ', 'ç', 'è', 'é', 'ê', 'ë', 'ì', 'í', 'î', 'ï',
	'ð', 'ñ', 'ò', 'ó', 'ô', 'õ', 'ö', '÷', 'ø', 'ù', 'ú', 'û', 'ü', 'ý', 'þ', 'ÿ',
}

// Windows1252 returns the character the byte b, from 0x80 to 0xFF, stands
// for in windows-1252, which is also what the C1 control character
// rune(b) (b below 0xA0) is read as. For b below 0x80 it returns rune(b).
func Windows1252(b byte) rune {
	if b < 0x80 {
		return rune(b)
	}
	return cp1252[b-0x80]
}

// A Repair is what the rule does with one character of the input.
type Repair uint8

const (
	// Keep: the character is valid, and stays as it is.
	Keep Repair = iota
	// Incomplete: the bytes end inside a UTF-8 sequence that more bytes
	// may complete; look again when they are there.
	Incomplete
	// InvalidByte: the byte is not valid UTF-8; it is replaced by the
	// windows-1252 character it stands for (one byte of input).
	InvalidByte
	// C1Control: a C1 control character, replaced by the windows-1252
	// character of the same number.
	C1Control
	// Forbidden: a character XML forbids (a C0 control other than tab,
	// line feed and carriage return, U+FFFE or U+FFFF), dropped.
	Forbidden
)

// RepairAt applies the rule to the character at the start of p, which must
// not be empty: it returns the repair, the character to write in place of
// the size bytes it takes (for InvalidByte and C1Control; for Keep, the
// character itself), and size, the bytes of p it covers. With eof false,
// a UTF-8 sequence cut off by the end of p is Incomplete; with eof true it
// is InvalidByte, one byte at a time. ASCII other than the forbidden
// controls is Keep, with a size of 1.
func RepairAt(p []byte, eof bool) (what Repair, r rune, size int) {
	b := p[0]
	if b < 0x80 {
		if b < 0x20 && b != '\t' && b != '\n' && b != '\r' {
			return Forbidden, rune(b), 1
		}
		return Keep, rune(b), 1
	}
	r, size = utf8.DecodeRune(p)
	switch {
	case r == utf8.RuneError && size <= 1:
		if !eof && !utf8.FullRune(p) {
			return Incomplete, 0, 0
		}
		return InvalidByte, cp1252[b-0x80], 1
	case r <= 0x9f:
		return C1Control, cp1252[r-0x80], size
	case r == 0xfffe || r == 0xffff:
		return Forbidden, r, size
	}
	return Keep, r, size
}

// mapC1Token maps the C1 control characters of a token from encoding/xml,
// in its text or its attribute values, to the windows-1252 characters
// they stand for, as the lenient tokenizer reads them: the input filter
// passes them on in strict mode (XML allows them), and encoding/xml
// decodes character references to them (&#146;) itself.
func mapC1Token(tok Token) Token {
	switch tok.Kind {
	case TextToken:
		if bytes.IndexByte(tok.Text, 0xc2) >= 0 {
			tok.Text = mapC1(tok.Text)
		}
	case StartToken:
		for i, a := range tok.Start.Attr {
			if strings.IndexByte(a.Value, 0xc2) >= 0 {
				tok.Start.Attr[i].Value = string(mapC1([]byte(a.Value)))
			}
		}
	}
	return tok
}

// mapC1 returns s with its C1 control characters (U+0080 to U+009F, in
// UTF-8 0xC2 0x80 to 0xC2 0x9F) read as windows-1252; s itself when it has
// none.
func mapC1(s []byte) []byte {
	var out []byte
	start := 0
	for i := 0; i+1 < len(s); i++ {
		if s[i] == 0xc2 && 0x80 <= s[i+1] && s[i+1] <= 0x9f {
			if out == nil {
				out = make([]byte, 0, len(s)+len(s)/2)
			}
			out = utf8.AppendRune(append(out, s[start:i]...), cp1252[s[i+1]-0x80])
			i++
			start = i + 1
		}
	}
	if out == nil {
		return s
	}
	return append(out, s[start:]...)
}

// refRune returns the character a character reference to r stands for, or
// false when it stands for none (a character XML forbids, dropped):
//
//   - U+0080–U+009F, C1 control characters, are meant as the windows-1252
//     characters of the same number (&#146; for ’), as they are in the
//     input;
//   - a surrogate is U+FFFD, as encoding/xml reads it.
func refRune(r rune) (rune, bool) {
	switch {
	case 0x80 <= r && r <= 0x9f:
		return cp1252[r-0x80], true
	case 0xd800 <= r && r <= 0xdfff:
		return utf8.RuneError, true
	}
	return r, IsXMLChar(r)
}

// IsXMLChar reports whether XML 1.0 allows the character r in a document
// (the Char production). The repair rule drops the others, and the
// writers (package rss's Encoder, package opml) never write them.
func IsXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0a || r == 0x0d || r >= 0x20 && r <= 0xd7ff ||
		r >= 0xe000 && r <= 0xfffd || r >= 0x10000 && r <= utf8.MaxRune
}
