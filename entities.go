package rss

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Entities declared in a document's internal DTD subset, such as
//
//	<!DOCTYPE rss [ <!ENTITY company "Example &amp; Sons"> ]>
//
// are expanded by the input filter, before encoding/xml sees the text, so
// that what they expand to counts against [Decoder.MaxElementSize] like any
// other input. An entity's value is read as text (markup in it is not
// parsed), and expanded once, at most maxEntityDepth references deep and to
// at most maxEntitySize bytes: an entity that would grow past that (an
// "entity bomb") is left undeclared, as is an external entity, which is never
// read.
const (
	maxEntitySize  = 4 << 10
	maxEntityDepth = 8
	maxDTDSize     = 64 << 10 // how far into the document the internal subset may reach
)

// internalSubset returns the internal DTD subset of a document whose start
// is head, or nil. It looks only at the prolog: a DOCTYPE after the root
// element's start is not one.
func internalSubset(head []byte) []byte {
	i := bytes.Index(head, []byte("<!DOCTYPE"))
	if i < 0 {
		return nil
	}
	// Only comments, processing instructions and white space may stand
	// before it; a '<' followed by a name means the root came first.
	for j := 0; j < i; j++ {
		if head[j] == '<' && j+1 < i && head[j+1] != '?' && head[j+1] != '!' {
			return nil
		}
	}
	rest := head[i+len("<!DOCTYPE"):]
	// The subset starts at a '[' before the declaration's '>'.
	k := indexOutsideQuotes(rest, "[>")
	if k < 0 || rest[k] != '[' {
		return nil
	}
	subset := rest[k+1:]
	if end := subsetEnd(subset); end >= 0 {
		return subset[:end]
	}
	return nil
}

// subsetEnd finds the ']' that closes an internal subset, skipping quoted
// values and comments, or returns -1.
func subsetEnd(s []byte) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"', '\'':
			j := bytes.IndexByte(s[i+1:], s[i])
			if j < 0 {
				return -1
			}
			i += j + 1
		case '<':
			if bytes.HasPrefix(s[i:], []byte("<!--")) {
				j := bytes.Index(s[i:], []byte("-->"))
				if j < 0 {
					return -1
				}
				i += j + 2
			}
		case ']':
			return i
		}
	}
	return -1
}

// parseEntities reads the general entity declarations of an internal
// subset and returns, for each entity that can be expanded within the
// bounds, its expansion escaped as XML text. decode turns the document's
// bytes into UTF-8.
func parseEntities(subset []byte, decode func([]byte) []byte, lenient bool) map[string][]byte {
	raw := map[string][]byte{}
	for len(subset) > 0 {
		i := bytes.Index(subset, []byte("<!"))
		if i < 0 {
			break
		}
		subset = subset[i:]
		if bytes.HasPrefix(subset, []byte("<!--")) {
			j := bytes.Index(subset, []byte("-->"))
			if j < 0 {
				break
			}
			subset = subset[j+3:]
			continue
		}
		end := indexOutsideQuotes(subset, ">")
		if end < 0 {
			break
		}
		decl := subset[:end]
		subset = subset[end+1:]
		if !bytes.HasPrefix(decl, []byte("<!ENTITY")) {
			continue
		}
		fields := bytes.Fields(decl[len("<!ENTITY"):])
		if len(fields) < 2 || string(fields[0]) == "%" {
			continue // a parameter entity
		}
		name := string(fields[0])
		v := bytes.TrimSpace(decl[bytes.Index(decl, fields[0])+len(fields[0]):])
		if len(v) < 2 || v[0] != '"' && v[0] != '\'' {
			continue // SYSTEM or PUBLIC: external, never read
		}
		q := bytes.IndexByte(v[1:], v[0])
		if q < 0 {
			continue
		}
		if _, dup := raw[name]; !dup { // the first declaration binds
			raw[name] = decode(v[1 : 1+q])
		}
	}
	if len(raw) == 0 {
		return nil
	}
	out := map[string][]byte{}
	for name := range raw {
		if v, ok := expandEntity(raw, name, 0, lenient); ok {
			out[name] = escapeText(v)
		}
	}
	return out
}

// indexOutsideQuotes returns the index of the first of the bytes stops in
// s that does not stand in a quoted value, or -1.
func indexOutsideQuotes(s []byte, stops string) int {
	var quote byte
	for i, c := range s {
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case strings.IndexByte(stops, c) >= 0:
			return i
		}
	}
	return -1
}

// expandEntity returns the text an entity stands for: its value with
// character references, the predefined entities, other declared entities
// and (in lenient mode) HTML entities replaced. ok is false when it cannot
// be expanded within the bounds.
func expandEntity(raw map[string][]byte, name string, depth int, lenient bool) ([]byte, bool) {
	if depth > maxEntityDepth {
		return nil, false
	}
	v := raw[name]
	var out []byte
	for len(v) > 0 {
		amp := bytes.IndexByte(v, '&')
		if amp < 0 {
			out = append(out, v...)
			break
		}
		out = append(out, v[:amp]...)
		v = v[amp:]
		semi := bytes.IndexByte(v, ';')
		if semi < 0 {
			out = append(out, v...)
			break
		}
		ref := string(v[1:semi])
		v = v[semi+1:]
		switch {
		case len(ref) > 1 && ref[0] == '#':
			n, err := uint64(0), error(nil)
			if ref[1] == 'x' || ref[1] == 'X' {
				n, err = strconv.ParseUint(ref[2:], 16, 32)
			} else {
				n, err = strconv.ParseUint(ref[1:], 10, 32)
			}
			if err != nil || !utf8.ValidRune(rune(n)) {
				return nil, false
			}
			out = utf8.AppendRune(out, rune(n))
		case predefined[ref] != "":
			out = append(out, predefined[ref]...)
		case hasKey(raw, ref):
			sub, ok := expandEntity(raw, ref, depth+1, lenient)
			if !ok {
				return nil, false
			}
			out = append(out, sub...)
		case lenient && xml.HTMLEntity[ref] != "":
			out = append(out, xml.HTMLEntity[ref]...)
		default:
			out = append(out, '&')
			out = append(out, ref...)
			out = append(out, ';')
		}
		if len(out) > maxEntitySize {
			return nil, false
		}
	}
	return out, len(out) <= maxEntitySize
}

func hasKey(m map[string][]byte, k string) bool {
	_, ok := m[k]
	return ok
}

var predefined = map[string]string{"lt": "<", "gt": ">", "amp": "&", "quot": `"`, "apos": "'"}

// escapeText escapes text so that encoding/xml reads it back as the same
// text, dropping what XML does not allow.
func escapeText(s []byte) []byte {
	var out []byte
	for len(s) > 0 {
		r, size := utf8.DecodeRune(s)
		s = s[size:]
		switch {
		case r == '&':
			out = append(out, "&amp;"...)
		case r == '<':
			out = append(out, "&lt;"...)
		case r == utf8.RuneError && size == 1:
			out = utf8.AppendRune(out, utf8.RuneError)
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r', r == 0xfffe, r == 0xffff:
		default:
			out = utf8.AppendRune(out, r)
		}
	}
	return out
}
