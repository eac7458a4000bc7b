package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestURL checks that the tool reads a URL with fetch.Fetch, from a server
// in the test's own process: a feed, an HTTP error, and an HTML page whose
// feeds the error names.
func TestURL(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed":
			io.WriteString(w, `<rss version="2.0"><channel><title>Served</title><item><title>One</title></item></channel></rss>`)
		case "/page":
			w.Header().Set("Content-Type", "text/html")
			io.WriteString(w, `<html><head><link rel="alternate" type="application/rss+xml" href="/feed"></head></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()

	code, out, errOut := runTool(t, "", srv.URL+"/feed")
	require.Equal(t, 0, code, errOut)
	var feed map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &feed))
	assert.Equal(t, "Served", feed["title"])
	assert.Len(t, feed["items"], 1)

	code, out, errOut = runTool(t, "", "-format", "text", srv.URL+"/missing")
	assert.Equal(t, 1, code)
	assert.Empty(t, out, "no feed to print")
	assert.Contains(t, errOut, srv.URL+"/missing: rss: HTTP 404 Not Found")

	code, _, errOut = runTool(t, "", srv.URL+"/page")
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "not a feed")
	assert.Contains(t, errOut, "the page names these feeds: "+srv.URL+"/feed")
}
