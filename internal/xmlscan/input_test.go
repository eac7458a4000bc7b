package xmlscan

import (
	"bytes"
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
