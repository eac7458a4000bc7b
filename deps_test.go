package rss_test

import (
	"context"
	"errors"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// TestNoHTTP checks that package rss links neither net/http nor crypto/tls,
// directly or through another package: HTTP is package fetch's, so that a
// program that only parses feeds stays small (6.0 MB against 10.8 MB when
// package rss held the HTTP code). It asks the go command for the package's
// dependencies.
func TestNoHTTP(t *testing.T) {
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("needs the go command on PATH to list the package's dependencies: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, goCmd, "list", "-deps", "github.com/feedkit/rss")
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			t.Fatalf("go list -deps: %v\n%s", err, ee.Stderr)
		}
		t.Fatalf("go list -deps: %v", err)
	}
	deps := map[string]bool{}
	for _, p := range strings.Fields(string(out)) {
		deps[p] = true
	}
	// The output is a list of packages: the package itself and what every
	// package uses.
	for _, p := range []string{"github.com/feedkit/rss", "io"} {
		if !deps[p] {
			t.Fatalf("go list -deps does not list %s; it printed:\n%s", p, out)
		}
	}
	for _, p := range []string{"net/http", "crypto/tls"} {
		if deps[p] {
			t.Errorf("package rss depends on %s: HTTP belongs in package fetch", p)
		}
	}
}
