package rss

import (
	"errors"
	"io"
	"iter"
)

// ErrNotRSS is the error for a document that is not an RSS feed.
var ErrNotRSS = errors.New("rss: not an RSS feed")

// ParseError is an error at a position in the input.
type ParseError struct {
	Line, Column int
	Err          error
}

func (e *ParseError) Error() string { return "rss: " + e.Err.Error() }

// Unwrap returns the cause.
func (e *ParseError) Unwrap() error { return e.Err }

// Decoder reads a feed.
type Decoder struct {
	Strict bool
	r      io.Reader
}

// NewDecoder returns a decoder.
func NewDecoder(r io.Reader) *Decoder { return &Decoder{r: r} }

// Channel reads the channel.
func (d *Decoder) Channel() (*Feed, error) { return &Feed{}, nil }

// Next returns the next item.
func (d *Decoder) Next() (*Item, error) { return nil, io.EOF }

// Items yields items.
func (d *Decoder) Items() iter.Seq2[*Item, error] {
	return func(yield func(*Item, error) bool) {}
}

// Parse reads a feed.
func Parse(r io.Reader) (*Feed, error) { return NewDecoder(r).Channel() }
