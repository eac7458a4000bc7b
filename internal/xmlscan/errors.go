package xmlscan

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
)

// These are the sentinel errors an [*Error] can wrap besides XML syntax
// errors, [io.ErrUnexpectedEOF], the repairs strict mode refuses and the
// reader's own errors. Package rss exports them as rss.ErrTooLarge and
// rss.ErrTooDeep, so their messages are its.
var (
	// ErrTooLarge is the error for a unit (see [Tokenizer.Mark]) longer than
	// [Options.MaxUnitSize], and for a document whose DTD entities would
	// expand past the bounds.
	ErrTooLarge = errors.New("rss: element too large")
	// ErrTooDeep is the error for elements nested deeper than
	// [Options.MaxDepth].
	ErrTooDeep = errors.New("rss: elements nested too deep")
)

// An Error is an error at a position of the input: Line and Column are
// 1-based and count the bytes of the input decoded to UTF-8. Err is the
// cause: an error wrapping an *[xml.SyntaxError], [io.ErrUnexpectedEOF],
// [ErrTooLarge] or [ErrTooDeep], a repair refused in strict mode, or the
// error the reader returned.
type Error struct {
	Line, Column int
	Err          error
}

// Error reads "line L, column C: what went wrong".
func (e *Error) Error() string {
	return fmt.Sprintf("line %d, column %d: %v", e.Line, e.Column, e.Err)
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// syntaxError is an XML syntax error, without encoding/xml's own position
// (the Error has a better one).
type syntaxError struct{ se *xml.SyntaxError }

func (e *syntaxError) Error() string { return "XML syntax error: " + e.se.Msg }
func (e *syntaxError) Unwrap() error { return e.se }

// unexpectedEOF is the end of input inside the document.
type unexpectedEOF struct{ msg string }

func (e *unexpectedEOF) Error() string { return "unexpected end of input (" + e.msg + ")" }
func (e *unexpectedEOF) Unwrap() error { return io.ErrUnexpectedEOF }

// A RepairError is the cause of the error strict mode gives for a flaw of
// the input that lenient mode repairs (see the package doc); Msg says what
// it is.
type RepairError struct{ Msg string }

func (e *RepairError) Error() string { return e.Msg }
