package rss

import "strings"

// Person is a name and an e-mail address, either of which may be empty.
type Person struct {
	Name  string `json:"name,omitempty"`
	Email string `json:"email,omitempty"`
	// URI is an Atom person's uri (a home page), or a JSON Feed author's
	// url.
	URI string `json:"uri,omitempty"`
}

// String writes p as "Name <email>", the form [ParsePerson] reads: just
// the name, or just the address, when the other is empty, and "" when
// both are.
func (p Person) String() string {
	switch {
	case p.Name == "":
		return p.Email
	case p.Email == "":
		return p.Name
	}
	return p.Name + " <" + p.Email + ">"
}

// ParsePerson reads a person as feeds write one in author, managingEditor,
// webMaster or dc:creator:
//
//	jo@example.org (Jo Bloggs)   → {Jo Bloggs, jo@example.org}
//	Jo Bloggs <jo@example.org>   → {Jo Bloggs, jo@example.org}
//	Jo Bloggs (jo@example.org)   → {Jo Bloggs, jo@example.org}
//	jo@example.org               → {"", jo@example.org}
//	Jo Bloggs                    → {Jo Bloggs, ""}
//
// A "mailto:" prefix is removed from the address. Text it cannot split is
// returned whole as the name; it never fails.
func ParsePerson(s string) Person {
	s = strings.TrimSpace(s)
	if s == "" {
		return Person{}
	}
	// "Name <email>"
	if i := strings.LastIndexByte(s, '<'); i >= 0 && strings.HasSuffix(s, ">") {
		email := cleanEmail(s[i+1 : len(s)-1])
		name := trimQuotes(strings.TrimSpace(s[:i]))
		if isEmail(email) {
			return Person{Name: name, Email: email}
		}
	}
	// "email (Name)", or "Name (email)"
	if i := strings.IndexByte(s, '('); i > 0 && strings.HasSuffix(s, ")") {
		outside, inside := strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1:len(s)-1])
		if e := cleanEmail(outside); isEmail(e) {
			return Person{Name: inside, Email: e}
		}
		if e := cleanEmail(inside); isEmail(e) {
			return Person{Name: trimQuotes(outside), Email: e}
		}
	}
	if e := cleanEmail(s); isEmail(e) {
		return Person{Email: e}
	}
	return Person{Name: s}
}

func cleanEmail(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 7 && strings.EqualFold(s[:7], "mailto:") {
		s = s[7:]
	}
	return s
}

// isEmail reports whether s looks like one e-mail address: one @ with text on
// both sides and no white space.
func isEmail(s string) bool {
	at := strings.IndexByte(s, '@')
	return at > 0 && at < len(s)-1 && strings.Count(s, "@") == 1 &&
		!strings.ContainsAny(s, " \t\r\n<>()")
}

func trimQuotes(s string) string {
	if len(s) >= 2 && (s[0] == '"' && s[len(s)-1] == '"' || s[0] == '\'' && s[len(s)-1] == '\'') {
		return strings.TrimSpace(s[1 : len(s)-1])
	}
	return s
}
