package rss

// The walk over JSON values that encoding/json has checked, which the
// mapping in jsonfeed.go reads members and items with: twice as fast there
// as decoding them with encoding/json.

import (
	"bytes"
	"github.com/feedkit/rss/internal/jsonscan"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// The reading of values encoding/json has checked: v is exactly one
// well-formed JSON value, without white space around it.

// jsonKind names the type of the JSON value v, for messages.
func jsonKind(v []byte) string {
	switch v[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

func isJSONNumber(v []byte) bool { return v[0] == '-' || '0' <= v[0] && v[0] <= '9' }

// jsonString returns the string a JSON string value holds; ok is false for
// a value that is not a string. A lone UTF-16 surrogate (\ud800) reads as
// U+FFFD, as encoding/json reads it.
func jsonString(v []byte) (s string, ok bool) {
	if len(v) < 2 || v[0] != '"' {
		return "", false
	}
	body := v[1 : len(v)-1]
	i := bytes.IndexByte(body, '\\')
	if i < 0 {
		return string(body), true
	}
	var b strings.Builder
	b.Grow(len(body))
	for {
		b.Write(body[:i])
		body = body[i:]
		if len(body) < 2 {
			return "", false
		}
		switch c := body[1]; c {
		case '"', '\\', '/':
			b.WriteByte(c)
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			r := jsonscan.Hex4(body[2:])
			if r < 0 {
				return "", false
			}
			body = body[4:]
			if utf16.IsSurrogate(r) {
				r2 := rune(-1)
				if len(body) >= 8 && body[2] == '\\' && body[3] == 'u' {
					r2 = jsonscan.Hex4(body[4:])
				}
				if r = utf16.DecodeRune(r, r2); r != utf8.RuneError {
					body = body[6:]
				}
			}
			b.WriteRune(r)
		default:
			return "", false
		}
		body = body[2:]
		if i = bytes.IndexByte(body, '\\'); i < 0 {
			b.Write(body)
			return b.String(), true
		}
	}
}

// jsonKey returns the key a JSON string holds, without allocating for the
// keys JSON Feed defines.
func jsonKey(v []byte) string {
	if len(v) >= 2 {
		if k, ok := knownJSONKeys[string(v[1:len(v)-1])]; ok {
			return k
		}
	}
	k, _ := jsonString(v)
	return k
}

var knownJSONKeys = func() map[string]string {
	m := map[string]string{}
	for _, k := range []string{"author", "authors", "name", "url", "avatar", "mime_type", "size_in_bytes",
		"duration_in_seconds", "type"} {
		m[k] = k
	}
	for k := range jsonFeedKeys {
		m[k] = k
	}
	for k := range jsonItemKeys {
		m[k] = k
	}
	return m
}()

func skipJSONSpace(v []byte, i int) int {
	for i < len(v) && (v[i] == ' ' || v[i] == '\t' || v[i] == '\n' || v[i] == '\r') {
		i++
	}
	return i
}

// jsonValueEnd returns the index just after the value that starts at v[i].
func jsonValueEnd(v []byte, i int) int {
	if i >= len(v) {
		return len(v)
	}
	switch v[i] {
	case '"':
		return jsonStringEnd(v, i)
	case '{', '[':
		depth := 0
		for i < len(v) {
			switch v[i] {
			case '"':
				i = jsonStringEnd(v, i)
				continue
			case '{', '[':
				depth++
			case '}', ']':
				if depth--; depth == 0 {
					return i + 1
				}
			}
			i++
		}
		return len(v)
	}
	for i < len(v) {
		switch v[i] {
		case ' ', '\t', '\r', '\n', ',', ']', '}', ':':
			return i
		}
		i++
	}
	return i
}

// jsonStringEnd returns the index just after the string that starts at
// v[i].
func jsonStringEnd(v []byte, i int) int {
	for i++; i < len(v); {
		k := bytes.IndexByte(v[i:], '"')
		if k < 0 {
			return len(v)
		}
		q := i + k
		bs := 0
		for bs < q-i && v[q-1-bs] == '\\' {
			bs++
		}
		if bs%2 == 0 {
			return q + 1
		}
		i = q + 1
	}
	return len(v)
}

// eachMember calls f with each member of the object v: its key, its value
// and the value's index in v. It stops at f's first error.
func eachMember(v []byte, f func(key string, val []byte, at int) error) error {
	i := skipJSONSpace(v, 1)
	for i < len(v) && v[i] == '"' {
		kend := jsonStringEnd(v, i)
		key := jsonKey(v[i:kend])
		i = skipJSONSpace(v, kend)
		if i < len(v) && v[i] == ':' {
			i = skipJSONSpace(v, i+1)
		}
		end := jsonValueEnd(v, i)
		if end <= i {
			return nil
		}
		if err := f(key, v[i:end], i); err != nil {
			return err
		}
		i = skipJSONSpace(v, end)
		if i < len(v) && v[i] == ',' {
			i = skipJSONSpace(v, i+1)
		}
	}
	return nil
}

// eachValue calls f with each value of the array v and its index in v. It
// stops at f's first error.
func eachValue(v []byte, f func(val []byte, at int) error) error {
	i := skipJSONSpace(v, 1)
	for i < len(v) && v[i] != ']' {
		end := jsonValueEnd(v, i)
		if end <= i {
			return nil
		}
		if err := f(v[i:end], i); err != nil {
			return err
		}
		i = skipJSONSpace(v, end)
		if i < len(v) && v[i] == ',' {
			i = skipJSONSpace(v, i+1)
		}
	}
	return nil
}
