package rss_test

// Tests that back what the doc comments of Decoder, Feed and Item say.

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/constant"
	"go/doc"
	"go/parser"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/feedkit/rss"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// titles ranges over d.Items, stopping after n items (n < 0: all of them),
// and returns their titles and the error yielded, if any.
func titles(d *rss.Decoder, n int) (got []string, err error) {
	for it, err := range d.Items() {
		if err != nil {
			return got, err
		}
		got = append(got, it.Title)
		if len(got) == n {
			break
		}
	}
	return got, nil
}

// TestItemsAfterBreak checks what Items and Next document: leaving a loop
// early leaves the decoder after the last item yielded, and a later range
// over Items, over the same sequence again, or a call of Next, continues
// with the next item; nothing is yielded twice or skipped, and after the
// end a new range yields nothing.
func TestItemsAfterBreak(t *testing.T) {
	d := rss.NewDecoder(bytes.NewReader(bigFeed(7)))
	got, err := titles(d, 2)
	require.NoError(t, err)
	assert.Equal(t, []string{"Item 0", "Item 1"}, got)

	got, err = titles(d, 2)
	require.NoError(t, err)
	assert.Equal(t, []string{"Item 2", "Item 3"}, got, "a new Items continues after the break")

	seq := d.Items()
	for it, err := range seq {
		require.NoError(t, err)
		assert.Equal(t, "Item 4", it.Title)
		break
	}
	for it, err := range seq {
		require.NoError(t, err)
		assert.Equal(t, "Item 5", it.Title, "ranging over the same sequence again continues too")
		break
	}

	it, err := d.Next()
	require.NoError(t, err)
	assert.Equal(t, "Item 6", it.Title, "Next continues where Items stopped")

	got, err = titles(d, -1)
	require.NoError(t, err)
	assert.Empty(t, got, "after the last item")
	_, err = d.Next()
	assert.Equal(t, io.EOF, err)
}

// TestItemsAfterError checks that once an item fails, every later range
// over Items yields that same error once, and Next returns it.
func TestItemsAfterError(t *testing.T) {
	data := bigFeed(3)
	d := rss.NewDecoder(bytes.NewReader(data[:bytes.LastIndex(data, []byte("</item>"))]))
	got, err := titles(d, -1)
	var pe *rss.ParseError
	require.ErrorAs(t, err, &pe)
	assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
	assert.Equal(t, []string{"Item 0", "Item 1"}, got)

	again, err2 := titles(d, -1)
	assert.Empty(t, again)
	assert.Same(t, pe, err2, "the same error again")
	_, err3 := d.Next()
	assert.Same(t, pe, err3)
}

// TestTextFieldsHoldHTML backs the Feed and Item docs: a text field holds
// the HTML the feed wrote, escaped, in CDATA or as child elements, as text,
// in lenient and strict mode alike.
func TestTextFieldsHoldHTML(t *testing.T) {
	doc := `<rss version="2.0"><channel>
		<title>Sale &lt;b&gt;now&lt;/b&gt; &amp;amp; more</title>
		<item><title><![CDATA[<i>Fish</i> &amp; chips]]></title><author>&lt;jo@example.com&gt;</author></item>
		<item><title>A <b>bold</b> move</title></item>
	</channel></rss>`
	for _, strict := range []bool{false, true} {
		feed, err := stream(bytes.NewReader([]byte(doc)), strict)
		require.NoError(t, err)
		assert.Equal(t, "Sale <b>now</b> &amp; more", feed.Title)
		require.Len(t, feed.Items, 2)
		assert.Equal(t, "<i>Fish</i> &amp; chips", feed.Items[0].Title)
		assert.Equal(t, "<jo@example.com>", feed.Items[0].Author)
		assert.Equal(t, "A <b>bold</b> move", feed.Items[1].Title)
		assert.Equal(t, "Sale now & more", rss.PlainText(feed.Title))
	}
}

// onceFailing gives its data, then its error once, then io.EOF, as a
// network reader whose connection was reset may.
type onceFailing struct {
	data []byte
	err  error
}

func (r *onceFailing) Read(p []byte) (int, error) {
	if len(r.data) > 0 {
		n := copy(p, r.data)
		r.data = r.data[n:]
		return n, nil
	}
	if err := r.err; err != nil {
		r.err = nil
		return 0, err
	}
	return 0, io.EOF
}

// TestReadErrorNotLost checks that an error the source returns only once,
// at any point, reaches the caller, even within the first bytes the decoder
// reads to detect the encoding.
func TestReadErrorNotLost(t *testing.T) {
	reset := errors.New("connection reset")
	feed := []byte(`<rss version="2.0"><channel><title>T</title><item><title>a</title></item>`)
	for _, cut := range []int{0, 10, len(feed)} {
		_, err := rss.Parse(&onceFailing{data: feed[:cut], err: reset})
		require.Error(t, err, "cut at %d", cut)
		assert.ErrorIs(t, err, reset, "cut at %d", cut)
	}
}

// The tests below read the package's source, as go doc does, and fail
// when the package doc and the code disagree: on the namespaces mapped onto
// typed fields, on the values Feed.Version takes, and on the bounds the
// Limits section gives.

// goSource is the parsed non-test Go files of one directory.
type goSource struct {
	fset  *token.FileSet
	files []*ast.File
}

// parseGoDir parses the non-test Go files of dir, with their comments.
func parseGoDir(t *testing.T, dir string) goSource {
	t.Helper()
	src := goSource{fset: token.NewFileSet()}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(src.fset, filepath.Join(dir, name), nil, parser.ParseComments)
		require.NoError(t, err)
		src.files = append(src.files, f)
	}
	return src
}

// packageDoc returns the package doc of the package in the current
// directory, as go doc shows it (doc links as written, [Name]). It parses
// the files anew: go/doc changes the syntax trees it is given.
func packageDoc(t *testing.T) string {
	t.Helper()
	src := parseGoDir(t, ".")
	p, err := doc.NewFromFiles(src.fset, src.files, "github.com/feedkit/rss")
	require.NoError(t, err)
	require.NotEmpty(t, p.Doc)
	return p.Doc
}

// docSection returns the text of the package doc's section with the given
// heading, up to the next heading.
func docSection(t *testing.T, pkgDoc, heading string) string {
	t.Helper()
	_, s, ok := strings.Cut(pkgDoc, "\n# "+heading+"\n")
	require.True(t, ok, "the package doc has no %q section", heading)
	if i := strings.Index(s, "\n# "); i >= 0 {
		s = s[:i]
	}
	return s
}

// oneLine folds all white space of s, line breaks included, to single
// spaces, so that a phrase is found however the text is wrapped.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// decl returns the package-level declaration of name in src: the value
// spec of a var or const, or the func, and the file that holds it.
func (src goSource) decl(name string) (ast.Node, string) {
	for _, f := range src.files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil && d.Name.Name == name {
					return d, src.fset.Position(f.Pos()).Filename
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					if vs, ok := s.(*ast.ValueSpec); ok {
						for _, n := range vs.Names {
							if n.Name == name {
								return vs, src.fset.Position(f.Pos()).Filename
							}
						}
					}
				}
			}
		}
	}
	return nil, ""
}

// constants collects the constants declared in the module's packages (the
// root, internal/... and the other packages beside it, but for commands,
// testdata and separate modules), evaluated. A name declared with two
// values (in two packages) maps to nil.
func constants(t *testing.T) map[string]constant.Value {
	t.Helper()
	specs := map[string][]ast.Expr{}
	err := filepath.WalkDir(".", func(path string, e os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !e.IsDir() {
			return nil
		}
		base := e.Name()
		if path != "." {
			if base == "testdata" || base == "cmd" || strings.HasPrefix(base, ".") || strings.HasPrefix(base, "_") {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
				return filepath.SkipDir // another module (bench/)
			}
		}
		for _, f := range parseGoDir(t, path).files {
			for _, d := range f.Decls {
				if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.CONST {
					for _, s := range g.Specs {
						vs := s.(*ast.ValueSpec)
						for i, n := range vs.Names {
							if i < len(vs.Values) {
								specs[n.Name] = append(specs[n.Name], vs.Values[i])
							}
						}
					}
				}
			}
		}
		return nil
	})
	require.NoError(t, err)

	values := map[string]constant.Value{}
	var eval func(e ast.Expr, depth int) constant.Value
	lookup := func(name string, depth int) constant.Value {
		if v, ok := values[name]; ok {
			return v
		}
		var v constant.Value
		for _, e := range specs[name] {
			w := eval(e, depth+1)
			if v != nil && (w == nil || !constant.Compare(v, token.EQL, w)) {
				return nil // declared twice, with two values
			}
			v = w
		}
		values[name] = v
		return v
	}
	eval = func(e ast.Expr, depth int) constant.Value {
		if depth > 20 {
			return nil
		}
		switch e := e.(type) {
		case *ast.BasicLit:
			return constant.MakeFromLiteral(e.Value, e.Kind, 0)
		case *ast.ParenExpr:
			return eval(e.X, depth)
		case *ast.Ident:
			return lookup(e.Name, depth)
		case *ast.SelectorExpr: // a constant of another package of the module
			return lookup(e.Sel.Name, depth)
		case *ast.BinaryExpr:
			x, y := eval(e.X, depth), eval(e.Y, depth)
			if x == nil || y == nil {
				return nil
			}
			if e.Op == token.SHL || e.Op == token.SHR {
				s, ok := constant.Uint64Val(y)
				if !ok {
					return nil
				}
				return constant.Shift(x, e.Op, uint(s))
			}
			return constant.BinaryOp(x, e.Op, y)
		}
		return nil
	}
	for name := range specs {
		lookup(name, 0)
	}
	return values
}

// intConst returns the value of the integer constant name, declared
// anywhere in the module; a constant moved to another package, and
// exported there, is found under its new name's other letter case too.
func intConst(t *testing.T, consts map[string]constant.Value, name string) (int64, bool) {
	t.Helper()
	other := strings.ToUpper(name[:1]) + name[1:]
	if other == name {
		other = strings.ToLower(name[:1]) + name[1:]
	}
	for _, n := range []string{name, other} {
		if v, ok := consts[n]; ok && v != nil {
			i, exact := constant.Int64Val(v)
			return i, exact
		}
	}
	return 0, false
}

// TestModulesDocumented checks the package doc's Namespaces section
// against the modules the decoder registers (moduleList): each module's
// namespace is in the section's list of typed namespaces, and each
// namespace listed there has a module; every exported Namespace constant
// is named somewhere in the section, and every one named exists. It also
// checks that the header of elements.go names the file of every module.
func TestModulesDocumented(t *testing.T) {
	src := parseGoDir(t, ".")
	section := docSection(t, packageDoc(t), "Namespaces")

	// The list of typed namespaces: the section's bullets.
	var bullets strings.Builder
	inList := false
	for _, line := range strings.Split(section, "\n") {
		switch {
		case strings.HasPrefix(line, "  - "):
			inList = true
		case inList && strings.HasPrefix(line, "    "):
		default:
			inList = false
		}
		if inList {
			bullets.WriteString(line + "\n")
		}
	}
	require.NotEmpty(t, bullets.String(), "the Namespaces section has no list")
	links := regexp.MustCompile(`\[(Namespace\w+)\]`)
	listed := map[string]bool{}
	for _, m := range links.FindAllStringSubmatch(bullets.String(), -1) {
		listed[m[1]] = true
	}

	// The modules, from moduleList: their namespaces and files.
	consts := constants(t)
	list, _ := src.decl("moduleList")
	vs, ok := list.(*ast.ValueSpec)
	require.True(t, ok && len(vs.Values) == 1, "moduleList is not a variable of the package")
	lit, ok := vs.Values[0].(*ast.CompositeLit)
	require.True(t, ok, "moduleList is not a composite literal")
	modules := map[string]bool{} // exported namespace constants of modules
	files := map[string]bool{}   // the files that declare modules
	for _, e := range lit.Elts {
		u, ok := e.(*ast.UnaryExpr)
		require.True(t, ok, "moduleList holds %T, not &module", e)
		id, ok := u.X.(*ast.Ident)
		require.True(t, ok, "moduleList holds &%T, not a module variable", u.X)
		name := id.Name
		spec, file := src.decl(name)
		vs, ok := spec.(*ast.ValueSpec)
		require.True(t, ok && len(vs.Values) == 1, "module %s is not a variable of the package", name)
		files[filepath.Base(file)] = true
		mod, ok := vs.Values[0].(*ast.CompositeLit)
		require.True(t, ok, "module %s is not a composite literal", name)
		var space ast.Expr
		for _, f := range mod.Elts {
			if kv, ok := f.(*ast.KeyValueExpr); ok {
				if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "space" {
					space = kv.Value
				}
			}
		}
		require.NotNil(t, space, "module %s has no space", name)
		id, ok = space.(*ast.Ident)
		require.True(t, ok, "module %s: space is not a constant's name", name)
		c := consts[id.Name]
		require.True(t, c != nil && c.Kind() == constant.String, "module %s: space %s is no string constant", name, id.Name)
		uri := constant.StringVal(c)
		switch {
		case uri == "": // the RSS core
		case id.IsExported():
			modules[id.Name] = true
			assert.True(t, listed[id.Name], "module %s: its namespace [%s] is not in the package doc's list", name, id.Name)
		default:
			assert.Contains(t, bullets.String(), uri, "module %s: its namespace (%s) is not in the package doc's list", name, id.Name)
		}
	}
	require.NotEmpty(t, modules)
	for name := range listed {
		assert.True(t, modules[name], "the package doc lists [%s] as typed, but no module reads it", name)
	}

	// Every exported namespace constant is named in the section, and every
	// one named exists.
	exported := map[string]bool{}
	for name := range consts {
		if strings.HasPrefix(name, "Namespace") {
			if spec, _ := src.decl(name); spec != nil {
				exported[name] = true
				assert.Contains(t, section, "["+name+"]", "the package doc's Namespaces section does not name %s", name)
			}
		}
	}
	for _, m := range links.FindAllStringSubmatch(section, -1) {
		assert.True(t, exported[m[1]], "the package doc names [%s], which the package does not declare", m[1])
	}

	// elements.go's header names every module file, and only files that are.
	var header string
	for _, f := range src.files {
		if filepath.Base(src.fset.Position(f.Pos()).Filename) != "elements.go" {
			continue
		}
		for _, c := range f.Comments {
			if strings.HasPrefix(c.Text(), "How elements reach the data model.") {
				header = c.Text()
			}
		}
	}
	require.NotEmpty(t, header, "elements.go has no header comment")
	for file := range files {
		if file != "elements.go" {
			assert.Contains(t, header, file, "elements.go's header does not name %s, which declares a module", file)
		}
	}
	for _, file := range regexp.MustCompile(`\b\w+\.go\b`).FindAllString(header, -1) {
		_, err := os.Stat(file)
		assert.NoError(t, err, "elements.go's header names %s", file)
	}
}

// versionValues returns the values the expression e, in fn, can take: its
// string literals, followed through local variables and the package's
// functions that return it. input says that a value comes from a
// parameter: the document's own text.
func (src goSource) versionValues(t *testing.T, e ast.Expr, fn *ast.FuncDecl, result int, values map[string]bool, input *bool, seen map[ast.Node]bool) {
	t.Helper()
	if seen[e] {
		return
	}
	seen[e] = true
	switch e := e.(type) {
	case *ast.BasicLit:
		s, err := strconv.Unquote(e.Value)
		require.NoError(t, err)
		values[s] = true
	case *ast.ParenExpr:
		src.versionValues(t, e.X, fn, result, values, input, seen)
	case *ast.BinaryExpr: // "json" + n: a prefix
		require.Equal(t, token.ADD, e.Op, "Feed.Version set from %T", e)
		src.versionValues(t, e.X, fn, 0, values, input, seen)
	case *ast.CallExpr:
		id, ok := e.Fun.(*ast.Ident)
		require.True(t, ok, "Feed.Version set from a call the test cannot follow, at %s", src.fset.Position(e.Pos()))
		d, _ := src.decl(id.Name)
		callee, ok := d.(*ast.FuncDecl)
		require.True(t, ok, "Feed.Version set from %s, which is not a function of the package", id.Name)
		ast.Inspect(callee.Body, func(n ast.Node) bool {
			if _, ok := n.(*ast.FuncLit); ok {
				return false
			}
			if r, ok := n.(*ast.ReturnStmt); ok {
				require.Greater(t, len(r.Results), result, "a bare return in %s", id.Name)
				src.versionValues(t, r.Results[result], callee, 0, values, input, seen)
			}
			return true
		})
	case *ast.Ident:
		for _, field := range fn.Type.Params.List {
			for _, n := range field.Names {
				if n.Name == e.Name {
					*input = true
					return
				}
			}
		}
		found := false
		ast.Inspect(fn.Body, func(n ast.Node) bool {
			a, ok := n.(*ast.AssignStmt)
			if !ok {
				return true
			}
			for i, l := range a.Lhs {
				if l, ok := l.(*ast.Ident); !ok || l.Name != e.Name {
					continue
				}
				found = true
				if len(a.Rhs) == len(a.Lhs) {
					src.versionValues(t, a.Rhs[i], fn, 0, values, input, seen)
				} else {
					src.versionValues(t, a.Rhs[0], fn, i, values, input, seen)
				}
			}
			return true
		})
		require.True(t, found, "Feed.Version set from %s, whose value the test cannot follow", e.Name)
	default:
		t.Fatalf("Feed.Version set from %T, at %s: teach the test to follow it", e, src.fset.Position(e.Pos()))
	}
}

// TestVersionsDocumented checks the values Feed.Version takes, in the
// field's doc and in the package doc, against the code: every string the
// code assigns to a Version field (directly, or through a variable or a
// function of the package that returns it) is in both docs, quoted, and a
// value taken from the document is documented as written; every quoted
// value the docs give is one the code sets, or an RSS version number that
// an rss element's version attribute gives as written.
func TestVersionsDocumented(t *testing.T) {
	src := parseGoDir(t, ".")
	values := map[string]bool{}
	input := false
	seen := map[ast.Node]bool{}
	for _, f := range src.files {
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				a, ok := n.(*ast.AssignStmt)
				if !ok {
					return true
				}
				for i, l := range a.Lhs {
					if sel, ok := l.(*ast.SelectorExpr); ok && sel.Sel.Name == "Version" {
						if len(a.Rhs) == len(a.Lhs) {
							src.versionValues(t, a.Rhs[i], fn, 0, values, &input, seen)
						} else {
							src.versionValues(t, a.Rhs[0], fn, i, values, &input, seen)
						}
					}
				}
				return true
			})
		}
	}
	// What the decoder sets, at the time of writing: a test that finds
	// fewer has lost track of the code.
	for _, v := range []string{"1.0", "atom1.0", "json1.1"} {
		require.True(t, values[v], "the test did not find %q among the values the code sets", v)
	}

	var fieldDoc string
	for _, f := range src.files {
		ast.Inspect(f, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok || ts.Name.Name != "Feed" {
				return true
			}
			for _, field := range ts.Type.(*ast.StructType).Fields.List {
				if len(field.Names) == 1 && field.Names[0].Name == "Version" {
					fieldDoc = field.Doc.Text()
				}
			}
			return false
		})
	}
	require.NotEmpty(t, fieldDoc, "Feed.Version has no doc")
	var pkgPara string
	for _, p := range strings.Split(packageDoc(t), "\n\n") {
		if strings.Contains(p, "[Feed.Version]") {
			pkgPara = p
		}
	}
	require.NotEmpty(t, pkgPara, "the package doc does not say what [Feed.Version] holds")

	quoted := regexp.MustCompile(`"[^"\s]*"`)
	for _, d := range []struct{ name, text string }{{"Feed.Version's doc", fieldDoc}, {"the package doc", pkgPara}} {
		text := oneLine(d.text)
		for v := range values {
			assert.Contains(t, text, strconv.Quote(v), "%s does not list %q, a value the code sets", d.name, v)
		}
		if input {
			assert.Contains(t, text, "as written", "%s does not say that the version can be the document's own", d.name)
		}
		for _, q := range quoted.FindAllString(text, -1) {
			v, _ := strconv.Unquote(q)
			if values[v] {
				continue
			}
			// Not a value the code sets: an RSS version as written, which
			// the rss element gives as it is?
			assert.Regexp(t, `^[0-9]+(\.[0-9]+)*$`, v, "%s gives %q, which the code does not set", d.name, v)
			feed, err := rss.Parse(strings.NewReader(`<rss version="` + v + `"><channel><title>T</title></channel></rss>`))
			require.NoError(t, err)
			assert.Equal(t, v, feed.Version, "%s gives %q, which the code does not set", d.name, v)
		}
	}
}

// TestLimitsDocumented checks the package doc's Limits section against the
// bounds in the code: each bound the section gives is the constant's value,
// and each number the section gives is one of those bounds.
func TestLimitsDocumented(t *testing.T) {
	section := oneLine(docSection(t, packageDoc(t), "Limits"))
	consts := constants(t)

	plain := func(v int64) string { return strconv.FormatInt(v, 10) }
	size := func(v int64) string {
		switch {
		case v%(1<<20) == 0:
			return fmt.Sprintf("%d MiB", v>>20)
		case v%(1<<10) == 0:
			return fmt.Sprintf("%d KiB", v>>10)
		}
		return plain(v) + " bytes"
	}
	thousands := func(v int64) string {
		s := plain(v)
		for i := len(s) - 3; i > 0; i -= 3 {
			s = s[:i] + "," + s[i:]
		}
		return s
	}
	documented := map[string]bool{} // the numbers the bounds are given as
	for _, b := range []struct {
		name   string             // the constant
		format func(int64) string // how the doc writes it
		phrase string             // where it stands in the doc
	}{
		{"DefaultMaxElementSize", size, "[Decoder.MaxElementSize] bytes of input (%s by default)"},
		{"DefaultMaxDepth", plain, "[Decoder.MaxDepth] deep (%s by default"},
		{"maxNesting", plain, "never more than %s, even when a negative value"},
		{"maxEntityRefs", thousands, "at most %s references"},
		{"maxEntityBytes", size, "references and %s of text"},
		{"maxEntityDepth", plain, "nest %s deep"},
		{"maxDoctypeSize", size, "read for declarations up to %s"},
		{"maxInterned", plain, "at most %s interned names"},
		{"maxInternedLen", plain, "interned names of at most %s bytes"},
		{"maxNSCache", plain, "%s namespace URIs"},
		{"maxNSCacheLen", plain, "namespace URIs of at most %s bytes"},
		{"maxIdleBuffer", size, "let go beyond %s"},
		{"maxPrefixes", plain, "the prefixes of at most %s namespaces"},
		{"maxPrefixLen", plain, "prefixes of at most %s bytes for URIs"},
		{"maxBaseLen", plain, "an xml:base longer than %s bytes"},
		{"maxEmptyReads", plain, "no bytes and no error %s times in a row"},
		{"DefaultMaxBuildRatio", plain, "[Decoder.MaxBuildRatio] times the bytes read (%s by default), plus"},
		{"DefaultMaxBuildRatio", plain, "Why %s: the real feeds"},
		{"buildSlack", size, "by default), plus %s, counted over the whole document"},
		// Package fetch's default, which the section gives for the whole
		// module.
		{"DefaultMaxBytes", size, "(%s by default, [github.com/feedkit/rss/fetch.DefaultMaxBytes])"},
	} {
		v, ok := intConst(t, consts, b.name)
		if !assert.True(t, ok, "constant %s is not in the module (renamed? update this test)", b.name) {
			continue
		}
		assert.Contains(t, section, fmt.Sprintf(b.phrase, b.format(v)), "the package doc's Limits section on %s (%d)", b.name, v)
		documented[b.format(v)] = true
	}
	number := regexp.MustCompile(`(?:^|[\s(])(\d[\d.,]*\d|\d)( [KMG]iB)?`)
	for _, m := range number.FindAllStringSubmatch(section, -1) {
		if strings.Contains(m[1], ".") {
			continue // a version (Podcasting 2.0), not a bound
		}
		assert.True(t, documented[m[1]+m[2]], "the package doc's Limits section gives %s, which is no bound of the code", m[1]+m[2])
	}
}
