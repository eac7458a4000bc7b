package xmlscan

import (
	"bytes"
	"encoding/binary"
	"io"
	"os"
	"path/filepath"
	"testing"
	"testing/iotest"
	"unicode/utf8"
)

// filtered reads all of src through the input filter, as encoding/xml
// would, byte by byte.
func filtered(src io.Reader, strict bool) ([]byte, error) {
	out, _, err := filteredExpanding(src, strict)
	return out, err
}

// filteredExpanding is filtered that also tells whether the filter may have
// expanded entities (which it does in strict mode): declared ones, or those
// of the RSS 0.91 DTD.
func filteredExpanding(src io.Reader, strict bool) (out []byte, expanding bool, err error) {
	in := &input{src: src, strict: strict}
	for {
		b, err := in.ReadByte()
		expanding = in.ents != nil && (in.ents.refs > 0 || in.ents.rss091)
		if err == io.EOF {
			return out, expanding, nil
		}
		if err != nil {
			return out, expanding, err
		}
		out = append(out, b)
	}
}

// addFixtures seeds a fuzz target with every fixture of package rss's
// testdata.
func addFixtures(f *testing.F) {
	files, _ := filepath.Glob("../../testdata/*.xml")
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// FuzzInput checks the input filter: whatever the chunks the source
// delivers (one byte at a time, or all at once), the output is the same,
// valid UTF-8 without the characters XML forbids, and strict mode hands out
// a prefix of the lenient output (unless it expanded entities, which only
// strict mode does in the filter), the same whatever the chunks.
func FuzzInput(f *testing.F) {
	addFixtures(f)
	f.Add([]byte("<a><![CDATA[x]]></a> < & &e; \x01 \xc2\x92 \x92 \xef\xbf\xbe <!-- < --> <![CDATA[ < ]]"))
	f.Add([]byte("<!DOCTYPE a [<!ENTITY e 'x&amp;\"y\"'><!-- ' --><?p >?><!ENTITY empty ''>]><a b='&e;'>&e;&empty;<?p &e;?></a>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		whole, err := filtered(bytes.NewReader(data), false)
		if err != nil {
			t.Fatal(err)
		}
		bytewise, err := filtered(iotest.OneByteReader(bytes.NewReader(data)), false)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(whole, bytewise) {
			t.Fatalf("chunking changes the output:\n%q\n%q", whole, bytewise)
		}
		if !utf8.Valid(whole) {
			t.Fatalf("invalid UTF-8 out: %q", whole)
		}
		for _, r := range string(whole) {
			// (The five C1 controls windows-1252 leaves undefined stay.)
			c1 := r >= 0x80 && r <= 0x9f && cp1252[r-0x80] != r
			if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || c1 || r == 0xfffe || r == 0xffff {
				t.Fatalf("%U out: %q", r, whole)
			}
		}
		strict, expanding, err := filteredExpanding(iotest.OneByteReader(bytes.NewReader(data)), true)
		strictWhole, errWhole := filtered(bytes.NewReader(data), true)
		if !bytes.Equal(strict, strictWhole) || (err == nil) != (errWhole == nil) {
			t.Fatalf("chunking changes the strict output:\n%q, %v\n%q, %v", strict, err, strictWhole, errWhole)
		}
		if expanding {
			return
		}
		// (Strict mode passes C1 controls on, for the decoder to map.)
		if err == nil && !bytes.Equal(mapC1(strict), whole) {
			t.Fatalf("strict mode without an error changed the input:\n%q\n%q", strict, whole)
		}
		if !bytes.HasPrefix(whole, strict) && !bytes.HasPrefix(bytes.TrimPrefix(data, utf8BOM), strict) {
			t.Fatalf("strict output is not a prefix:\n%q\n%q", strict, whole)
		}
	})
}

func TestInputRepairs(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"a < b", "a &lt; b"},
		{"<a>x</a>", "<a>x</a>"},
		{"<![CDATA[a < b]]>", "<![CDATA[a < b]]>"},
		{"<!-- a < b -->", "<!-- a < b -->"},
		{"caf\xe9", "café"},
		{"it\xc2\x92s", "it’s"},
		{"a\x01b\x0bc", "abc"},
		{"x\xef\xbf\xbey", "xy"},
		{"&e;", "&e;"}, // left to the scanner
		{"<?p a < b?>", "<?p a < b?>"},
		{"<!DOCTYPE a [<!ENTITY e '<'><!-- ' < -->]><a>&e; < </a>", "<!DOCTYPE a [<!ENTITY e '<'><!-- ' < -->]><a>&e; &lt; </a>"},
		{"\xef\xbb\xbf<a/>", "<a/>"},
		{"<", "<"},
	} {
		got, err := filtered(iotest.OneByteReader(bytes.NewReader([]byte(tt.in))), false)
		if err != nil || string(got) != tt.want {
			t.Errorf("%q: got %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

// TestWordTests checks printable and quiet, which test eight bytes at once,
// against a test of each byte: on words of the bytes around their bounds,
// in every position.
func TestWordTests(t *testing.T) {
	edges := []byte{0x00, 0x09, 0x0a, 0x1f, 0x20, 0x21, '&', '<', '=', 'a', 0x7e, 0x7f, 0x80, 0x9f, 0xc3, 0xff}
	const ones = 0x0101010101010101
	for _, fill := range []byte{' ', 'x', 0x7f} {
		for _, b := range edges {
			for _, c := range edges {
				for i := range 8 {
					var w [8]byte
					for k := range w {
						w[k] = fill
					}
					w[i], w[(i+3)%8] = b, c
					word := binary.LittleEndian.Uint64(w[:])
					wantPrint, quietAmp, quietLT := true, true, true
					for _, x := range w {
						ok := x >= 0x20 && x < 0x80
						wantPrint = wantPrint && ok
						quietLT = quietLT && ok && x != '<'
						quietAmp = quietAmp && ok && x != '<' && x != '&'
					}
					if printable(word) != wantPrint || quiet(word, '&'*ones) != quietAmp || quiet(word, '<'*ones) != quietLT {
						t.Fatalf("% x: printable %v, quiet %v %v; want %v, %v %v", w, printable(word),
							quiet(word, '&'*ones), quiet(word, '<'*ones), wantPrint, quietAmp, quietLT)
					}
				}
			}
		}
	}
}
