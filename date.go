package rss

import (
	"errors"
	"strings"
	"time"
)

// ParseDate reads a date as feeds write them. (First version: RFC 1123 and
// RFC 3339 only.)
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC1123Z, time.RFC1123, time.RFC3339} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, errors.New("rss: unrecognised date " + s)
}
