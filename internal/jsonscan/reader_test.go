package jsonscan

import (
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/feedkit/rss/internal/xmlscan"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// read returns what a Reader of in hands out, and its error other than
// io.EOF; oneByte reads the source a byte at a time.
func read(in string, strict, oneByte bool) (string, error) {
	var src io.Reader = strings.NewReader(in)
	if oneByte {
		src = iotest.OneByteReader(src)
	}
	out, err := io.ReadAll(NewReader(src, strict, -1, 100))
	return string(out), err
}

// TestRepairs checks the rule the filter applies, in strings and outside
// them, raw and escaped, in both modes, whatever the chunks.
func TestRepairs(t *testing.T) {
	tests := []struct {
		name, in, lenient string
		strictErr         string // "" when strict mode reads it as lenient does
	}{
		{"plain", `{"a":"b"}`, `{"a":"b"}`, ""},
		{"NUL in a string", "{\"a\":\"x\x00y\"}", `{"a":"xy"}`, "control character U+0000 in a JSON string"},
		{"ESC in a string", "{\"a\":\"x\x1by\"}", `{"a":"xy"}`, "control character U+001B in a JSON string"},
		{"tab, newline, CR in a string", "{\"a\":\"x\ty\nz\r\"}", `{"a":"x\ty\nz\r"}`, "control character U+0009 in a JSON string"},
		{"control outside strings", "{\x00\"a\":1}", `{"a":1}`, "control character U+0000 is not allowed in JSON"},
		{"escaped NUL", `{"a":"x\u0000y"}`, `{"a":"xy"}`, `the escape \u0000 stands for U+0000, which XML does not allow`},
		{"escaped ESC, upper hex", `{"a":"x\u001By"}`, `{"a":"xy"}`, `the escape \u001B stands for U+001B, which XML does not allow`},
		{"escaped U+FFFE", `{"a":"x\ufffey"}`, `{"a":"xy"}`, `stands for U+FFFE`},
		{"escaped backspace and form feed", `{"a":"x\by\fz"}`, `{"a":"xyz"}`, `the escape \b stands for U+0008`},
		{"escaped tab kept", `{"a":"x\u0009y"}`, `{"a":"x\u0009y"}`, ""},
		{"escaped C1 is windows-1252", `{"a":"it\u0092s"}`, `{"a":"it’s"}`, ""},
		{"escaped backslash then u0000 is text", `{"a":"x\\u0000"}`, `{"a":"x\\u0000"}`, ""},
		{"escaped quote", `{"a":"x\"\u0000"}`, `{"a":"x\""}`, "stands for U+0000"},
		{"surrogate pair kept", `{"a":"\ud83d\ude00"}`, `{"a":"\ud83d\ude00"}`, ""},
		{"raw U+FFFF", "{\"a\":\"x\uffffy\"}", `{"a":"xy"}`, "character U+FFFF is not allowed"},
		{"raw C1", "{\"a\":\"it\u0092s\"}", `{"a":"it’s"}`, "C1 control character U+0092"},
		{"invalid byte", "{\"a\":\"caf\xe9\"}", `{"a":"café"}`, "invalid UTF-8 (byte 0xe9)"},
		{"escape cut by the end", `{"a":"x\u00`, `{"a":"x\u00`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, oneByte := range []bool{false, true} {
				got, err := read(tt.in, false, oneByte)
				require.NoError(t, err)
				assert.Equal(t, tt.lenient, got, "one byte at a time: %v", oneByte)
				got, err = read(tt.in, true, oneByte)
				if tt.strictErr == "" {
					require.NoError(t, err)
					assert.Equal(t, tt.lenient, got)
					continue
				}
				var e *xmlscan.Error
				require.ErrorAs(t, err, &e)
				assert.Contains(t, e.Error(), tt.strictErr)
				assert.Equal(t, 1, e.Line)
				var re *xmlscan.RepairError
				assert.ErrorAs(t, err, &re)
			}
		})
	}
}

// TestRepairedStrings checks what encoding/json then reads: no character
// XML forbids is left in a string.
func TestRepairedStrings(t *testing.T) {
	in := "{\"a\":\"1\x00 2\\u0000 3\\u001f 4\\uFFFF 5\uffff 6\x7f\"}"
	out, err := read(in, false, false)
	require.NoError(t, err)
	var v map[string]string
	require.NoError(t, json.Unmarshal([]byte(out), &v))
	assert.Equal(t, "1 2 3 4 5 6\x7f", v["a"])
}

// TestRepairAllocs checks that repairs cost no allocation per repaired
// byte: a string of 256 KiB of NUL allocates about what one of plain text
// does.
func TestRepairAllocs(t *testing.T) {
	allocs := func(body string) float64 {
		in := `{"a":"` + body + `"}`
		return testing.AllocsPerRun(5, func() {
			io.Copy(io.Discard, NewReader(strings.NewReader(in), false, -1, 100))
		})
	}
	plain := allocs(strings.Repeat("x", 256<<10))
	nul := allocs(strings.Repeat("\x00", 256<<10))
	esc := allocs(strings.Repeat(`\u0000`, 64<<10))
	// A C1 character (2 bytes) becomes a 3-byte one: compare with plain
	// text of the size it becomes.
	c1 := allocs(strings.Repeat("\u0092", 128<<10))
	plainC1 := allocs(strings.Repeat("x", 384<<10))
	assert.LessOrEqual(t, nul, plain+2)
	assert.LessOrEqual(t, esc, plain+2)
	// Characters that grow append a byte at a time, and the buffer grows
	// in more, smaller steps: still a few allocations, not one a character.
	assert.LessOrEqual(t, c1, 2*plainC1+10)
	assert.Less(t, allocs(strings.Repeat("\u0092", 256<<10))-c1, 10.0, "twice the characters, a few more allocations")
}

// TestDepthAndUnit checks the bounds on nesting and on a unit's bytes.
func TestDepthAndUnit(t *testing.T) {
	_, err := io.ReadAll(NewReader(strings.NewReader(strings.Repeat("[", 11)), false, -1, 10))
	assert.ErrorIs(t, err, xmlscan.ErrTooDeep)
	_, err = io.ReadAll(NewReader(strings.NewReader(`{"a":"`+strings.Repeat("x", 100)+`"}`), false, 50, 10))
	assert.ErrorIs(t, err, xmlscan.ErrTooLarge)
}

// TestSniff checks which documents are JSON, and that the reader returned
// reads the document from its start (without a byte-order mark for JSON).
func TestSniff(t *testing.T) {
	for in, want := range map[string]bool{
		`{"version":1}`: true, " \n\t[1]": true, "\xef\xbb\xbf{}": true,
		"<rss/>": false, "  <?xml?>": false, "": false, "x": false,
	} {
		r, isJSON := Sniff(iotest.OneByteReader(strings.NewReader(in)))
		assert.Equal(t, want, isJSON, "%q", in)
		rest, err := io.ReadAll(r)
		require.NoError(t, err)
		if isJSON {
			assert.Equal(t, strings.TrimPrefix(in, "\xef\xbb\xbf"), string(rest))
		} else {
			assert.Equal(t, in, string(rest))
		}
	}
}

// FuzzReader checks, for any input: no panic; the same output whatever the
// chunks; lenient output is valid UTF-8 with no character XML forbids
// outside escapes that encoding/json would read as allowed ones; and a
// valid JSON input stays valid JSON.
func FuzzReader(f *testing.F) {
	for _, s := range []string{`{"a":"b"}`, "{\"a\":\"x\x00\\u0000\\u0092\xe9\uffff\"}", `["\ud800",1,{}]`, `{"a":"\`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		whole, errWhole := read(in, false, false)
		bytewise, errBytes := read(in, false, true)
		require.Equal(t, errWhole == nil, errBytes == nil)
		if errWhole != nil {
			return
		}
		require.Equal(t, whole, bytewise)
		require.True(t, utf8.ValidString(whole))
		for _, r := range whole {
			forbidden := r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xfffe || r == 0xffff
			require.False(t, forbidden, "%U in %q", r, whole)
		}
		if json.Valid([]byte(in)) {
			require.True(t, json.Valid([]byte(whole)), "%q became %q", in, whole)
			var v any
			if json.Unmarshal([]byte(whole), &v) == nil {
				walk(t, v)
			}
		}
		if _, err := read(in, true, false); err != nil {
			var e *xmlscan.Error
			if !errors.As(err, &e) {
				t.Fatalf("strict error %v is no *xmlscan.Error", err)
			}
		}
	})
}

// walk fails when a string of v holds a character XML forbids.
func walk(t *testing.T, v any) {
	switch v := v.(type) {
	case string:
		for _, r := range v {
			if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xfffe || r == 0xffff {
				t.Fatalf("%U in the string %q", r, v)
			}
		}
	case []any:
		for _, e := range v {
			walk(t, e)
		}
	case map[string]any:
		for k, e := range v {
			walk(t, k)
			walk(t, e)
		}
	}
}
