package rss

// Some tests read ../shared, the data the projects share, beside the
// checkout: real feeds, the seed feed and feedparser's conformance cases.
// Without it they skip (or, for those that read testdata/ too, read only
// that) and say what they need; the README lists them.

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// shared is the directory of the data the projects share, beside the
// repository.
const shared = "../shared"

// sharedData says what each path under ../shared that tests read holds.
var sharedData = map[string]string{
	"":                           "the data the projects share: real feeds, the seed feed, conformance cases",
	"corpus":                     "real feeds captured by other projects",
	"seed/2020psh-wordpress.xml": "a real WordPress feed, the seed",
	"conformance/cases":          "feedparser's conformance cases",
}

// sharedAbsent returns, when one of paths (relative to ../shared; none:
// ../shared itself) is absent, what a test that needs them says: what it
// needs, what that holds, and what is absent. It returns "" when all are
// there.
func sharedAbsent(paths ...string) string {
	if len(paths) == 0 {
		paths = []string{""}
	}
	var needs, absent []string
	for _, p := range paths {
		full := filepath.ToSlash(filepath.Join(shared, p))
		need := full
		if what, ok := sharedData[p]; ok {
			need += " (" + what + ")"
		}
		needs = append(needs, need)
		if _, err := os.Stat(filepath.Join(shared, p)); err != nil {
			absent = append(absent, full)
		}
	}
	switch {
	case len(absent) == 0:
		return ""
	case len(absent) == len(paths):
		return "needs " + strings.Join(needs, " and ") + "; absent"
	default:
		return "needs " + strings.Join(needs, " and ") + "; " + strings.Join(absent, " and ") + " absent"
	}
}

// needShared skips tb, saying what it needs, when one of paths (relative
// to ../shared; none: ../shared itself) is absent.
func needShared(tb testing.TB, paths ...string) {
	tb.Helper()
	if msg := sharedAbsent(paths...); msg != "" {
		tb.Skip(msg)
	}
}

// NeedShared is needShared for the tests of package rss_test: it skips tb,
// saying what it needs, when one of paths (relative to ../shared) is
// absent. It exists only in the package's test build.
var NeedShared = needShared

// TestSharedAbsent checks the messages of the tests that need ../shared,
// on paths that are never there.
func TestSharedAbsent(t *testing.T) {
	const missing = "no-such-dir-for-tests"
	assert.Equal(t, "needs ../shared/"+missing+"; absent", sharedAbsent(missing))
	if _, err := os.Stat(shared); err != nil {
		assert.Equal(t, "needs ../shared/corpus (real feeds captured by other projects); absent", sharedAbsent("corpus"))
		assert.Equal(t, "needs ../shared (the data the projects share: real feeds, the seed feed, conformance cases); absent", sharedAbsent())
		return
	}
	assert.Empty(t, sharedAbsent())
	assert.Equal(t, "needs ../shared (the data the projects share: real feeds, the seed feed, conformance cases) and ../shared/"+missing+
		"; ../shared/"+missing+" absent", sharedAbsent("", missing))
}

// WithoutPrefixes returns a copy of f without the namespace prefixes its
// document declared and the format it was read as, which its JSON form
// does not carry (they only serve the Encoder): for tests that compare a
// feed with its JSON round trip.
func WithoutPrefixes(f *Feed) *Feed {
	if f == nil {
		return nil
	}
	c := *f
	c.prefixes, c.readAs = nil, 0
	return &c
}
