package rss

import (
	"fmt"
	"strconv"
	"time"
	"unicode"
	"unicode/utf8"
)

// ParseDate reads a date in any of the forms feeds write, keeping the offset
// the date gives. The decoder uses it for pubDate, lastBuildDate, dc:date and
// sy:updateBase.
//
// It reads:
//   - RFC 822, RFC 1123 and RFC 2822 dates and their common variants: with or
//     without the weekday or the seconds, a one-digit day or hour, a missing or
//     extra comma or space, full or short English month and weekday names in
//     any case ("Sept", "Tues" too), "17-Sep-2018", and two-digit years read
//     by RFC 2822's rule (00–49 are 20xx, 50–99 are 19xx);
//   - the same dates with month and weekday names in French, German,
//     Italian, Spanish, Portuguese or Dutch, as feeds written in those
//     languages give them: full or short, in any case, with or without a
//     trailing dot or the accents ("lun., 03 févr. 2025 10:00:00 +0100",
//     "Mo., 3. März 2025", "mar, 04 mar 2025", "sexta-feira, 6 dez 2024",
//     "do 1 mei 2025", "3 fevr 2025"), with "Maerz", "Mrz", "Jänner" and
//     "setiembre" too. Such a weekday is skipped as an English one is, but
//     never stands in for a missing day, month or year. "Mar" is March
//     wherever the date reads so in English ("Mar 4, 2025"), and otherwise
//     the Tuesday of French, Italian and Spanish ("mar., 04 mars 2025");
//   - W3C-DTF, RFC 3339 and ISO 8601: "2018-09-17T09:00:00.5+02:00" with or
//     without fractions or seconds, a space for the "T", reduced precision
//     ("2018", "2018-09", "2018-09-17"), ordinal dates ("2018-260"), the
//     basic form ("20180917T090000Z") and ISO 8601:2000's two-digit-year forms
//     ("18-09-17", "180917", "-1809", "-18-09"), and "2018/09/17" or
//     "2018/9/17 9:00:00" with slashes;
//   - asctime and Unix date output ("Mon Sep 17 09:00:00 2018", "Mon Sep 17
//     09:00:00 CEST 2018"), JavaScript's Date.toString ("Mon Sep 17 2018
//     09:00:00 GMT+0200 (Central European Summer Time)") and prose dates
//     ("Sep 17, 2018", "September 17, 2018 9:00 AM").
//
// The zone may be a numeric offset with or without a colon ("+0200",
// "+02:00", "+02"), one prefixed with GMT, UTC or UT ("GMT+2", "UTC-05:30"),
// "Etc/GMT" (with tz's inverted sign for "Etc/GMT+2", which is UTC-02:00), or
// one of these names, in any case, each read as the fixed offset it stands
// for (a date that says "EST" in July is read as UTC-05:00, as it says):
//
//	UT UTC GMT Z            +00:00 (RFC 822)
//	EST EDT                 -05:00 -04:00 (RFC 822: US Eastern)
//	CST CDT                 -06:00 -05:00 (RFC 822: US Central)
//	MST MDT                 -07:00 -06:00 (RFC 822: US Mountain)
//	PST PDT                 -08:00 -07:00 (RFC 822: US Pacific)
//	ET CT MT PT             -05:00 -06:00 -07:00 -08:00 (US, standard time)
//	AST ADT AT              -04:00 -03:00 -04:00 (Atlantic)
//	NST NDT                 -03:30 -02:30 (Newfoundland)
//	AKST AKDT               -09:00 -08:00 (Alaska)
//	HST HDT                 -10:00 -09:00 (Hawaii-Aleutian)
//	SST                     -11:00 (Samoa)
//	BRT BRST                -03:00 -02:00 (Brasília)
//	ART UYT                 -03:00 (Argentina, Uruguay)
//	CLT CLST                -04:00 -03:00 (Chile)
//	VET                     -04:00 (Venezuela)
//	COT PET                 -05:00 (Colombia, Peru)
//	WET WEST                +00:00 +01:00 (Western European)
//	WEZ WESZ                +00:00 +01:00 (German for WET, WEST)
//	BST                     +01:00 (British Summer Time)
//	CET CEST MET MEST       +01:00 +02:00 +01:00 +02:00 (Central European)
//	MEZ MESZ                +01:00 +02:00 (German for CET, CEST)
//	EET EEST                +02:00 +03:00 (Eastern European)
//	OEZ OESZ                +02:00 +03:00 (German for EET, EEST)
//	WAT CAT SAST EAT        +01:00 +02:00 +02:00 +03:00 (Africa)
//	IDT                     +03:00 (Israel, summer)
//	MSK MSD                 +03:00 +04:00 (Moscow)
//	TRT                     +03:00 (Turkey)
//	IRST IRDT               +03:30 +04:30 (Iran)
//	GST                     +04:00 (Gulf)
//	AFT                     +04:30 (Afghanistan)
//	PKT PKST                +05:00 +06:00 (Pakistan)
//	IST                     +05:30 (India)
//	NPT                     +05:45 (Nepal)
//	ICT WIB                 +07:00 (Indochina, western Indonesia)
//	WITA MYT SGT HKT PHT    +08:00 (central Indonesia, Malaysia, Singapore, Hong Kong, Philippines)
//	AWST AWDT               +08:00 +09:00 (Western Australia)
//	JST KST WIT             +09:00 (Japan, Korea, eastern Indonesia)
//	ACST ACDT               +09:30 +10:30 (Central Australia)
//	AEST AEDT               +10:00 +11:00 (Eastern Australia)
//	CHST                    +10:00 (Chamorro, for Guam: tz writes "ChST")
//	NZST NZDT               +12:00 +13:00 (New Zealand)
//	A B C D E F G H I       +01:00 to +09:00 (military)
//	K L M                   +10:00 +11:00 +12:00 (military)
//	N O P Q R S T U V W X Y -01:00 to -12:00 (military)
//
// The table holds every alphabetic abbreviation the tz database uses for a
// zone's time since 2000; those it used before 2017, when it replaced the
// abbreviations it had invented with numeric ones such as "+08", for places
// whose feeds still write them (BRT, SGT, ICT...); RFC 822's names; the
// German ones; and TRT, which Turkey's feeds write for the +03:00 tz calls
// "+03". Where an abbreviation stands for several zones, it is read as
// the zone most feeds that write it mean: IST is India Standard Time, not
// Irish Standard Time (+01:00, tz's summer name for Dublin) or Israel
// Standard Time (+02:00), because India has by far the most feeds that write
// it; CST, CDT, PST and PDT keep their RFC 822 meanings, not China (+08:00),
// Cuba (-05:00, -04:00) or the Philippines (+08:00, tz's current name for
// Manila); AST is Atlantic, not Arabia (+03:00); BST is British, not
// Bangladesh (+06:00); SST is Samoa, as in tz, not Singapore, which writes
// SGT; GST is the Gulf, not Guam (+10:00, tz's name there until 2000, now
// ChST) or South Georgia (-02:00); KST is South Korea's +09:00, not North
// Korea's +08:30 of 2015–2018; MSK is Moscow's +03:00 since 2014, not the
// +04:00 of 2011–2014. The military letters carry their true offsets: RFC 822
// printed them with the signs reversed, a mistake RFC 1123 (section 5.2.14)
// points out. J, local time, is not a zone. A trailing comment in
// parentheses, such as "(UTC)", is ignored.
//
// The result is in the date's own zone: a time.FixedZone named with the zone
// abbreviation where the date gives one ("EST"), unnamed for a numeric
// offset, and time.UTC for "UTC", "Z" and dates without a zone. An
// alphabetic zone name of up to six letters that is not in the table is read
// as UTC.
//
// ParseDate does not guess. An out-of-range field (month 13, day 32, 30
// February, hour 25, minute 60, an offset beyond ±18:00), an unknown month
// name, a word before the date that is not a weekday, a five-digit number,
// an ambiguous all-numeric form such as "09/17/2018", or anything else around
// the date is an error, and the time returned with it is the zero time. The weekday, when given, is not checked
// against the date, because feeds often get it wrong while the date is right.
// ParseDate is safe for concurrent use.
func ParseDate(s string) (time.Time, error) {
	t, why := parseDate(s)
	if why != "" {
		return time.Time{}, fmt.Errorf("rss: cannot read date %q: %s", s, why)
	}
	return t, nil
}

// dateFields are the parts of a date as read, before they are checked.
type dateFields struct {
	year, month, day int
	yday             int  // day of the year, for ordinal dates
	ordinal          bool // the date is a year and a day of the year
	hour, min, sec   int
	nsec             int
	loc              *time.Location // nil when the date names no zone
}

// dateScanner walks a date string byte by byte. Every method leaves i just
// past what it consumed.
type dateScanner struct {
	s string
	i int
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }
func isSpace(c byte) bool  { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// peek returns the next byte, or 0 at the end.
func (p *dateScanner) peek() byte {
	if p.i < len(p.s) {
		return p.s[p.i]
	}
	return 0
}

func (p *dateScanner) done() bool { return p.i >= len(p.s) }

// skipSpace skips white space and reports whether there was any.
func (p *dateScanner) skipSpace() bool {
	s, i := p.s, p.i
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	skipped := i > p.i
	p.i = i
	return skipped
}

// skip consumes c if it is next.
func (p *dateScanner) skip(c byte) bool {
	if p.peek() == c {
		p.i++
		return true
	}
	return false
}

// digits reads a run of digits and returns its value and length. Runs longer
// than nine digits are consumed but report the length with value 0: no field
// of a date is that long.
func (p *dateScanner) digits() (v, n int) {
	s, i := p.s, p.i
	for ; i < len(s); i++ {
		d := s[i] - '0'
		if d > 9 {
			break
		}
		if n < 9 {
			v = v*10 + int(d)
		} else {
			v = 0
		}
		n++
	}
	p.i = i
	return v, n
}

// two reads exactly two digits.
func (p *dateScanner) two() (int, bool) {
	v, n := p.digits()
	return v, n == 2
}

// word reads a run of ASCII letters.
func (p *dateScanner) word() string {
	s, i := p.s, p.i
	for i < len(s) && isLetter(s[i]) {
		i++
	}
	w := s[p.i:i]
	p.i = i
	return w
}

// name reads a month or weekday name: a run of letters, which unlike word's
// may be accented ("févr", "März"), also with combining accents.
func (p *dateScanner) name() string {
	s, i := p.s, p.i
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if !isLetter(c) {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && (i == p.i || !unicode.Is(unicode.Mn, r)) {
			break // an accent must follow a letter
		}
		i += n
	}
	w := s[p.i:i]
	p.i = i
	return w
}

// fraction reads the digits after a decimal point as nanoseconds, ignoring
// digits beyond the ninth.
func (p *dateScanner) fraction() (int, bool) {
	ns, scale := 0, 100000000
	start := p.i
	for p.i < len(p.s) && isDigit(p.s[p.i]) {
		ns += int(p.s[p.i]-'0') * scale
		scale /= 10
		p.i++
	}
	return ns, p.i > start
}

// lower copies an ASCII word into buf in lower case. Words longer than buf
// come back empty, which matches nothing.
func lower(buf *[12]byte, w string) []byte {
	if len(w) > len(buf) {
		return nil
	}
	for i := 0; i < len(w); i++ {
		buf[i] = w[i] | 0x20
	}
	return buf[:len(w)]
}

// monthNumber returns 1–12 for an English month name or its abbreviation,
// in any case, and 0 for anything else.
func monthNumber(w string) int {
	var buf [12]byte
	return englishMonth(lower(&buf, w))
}

// englishMonth is monthNumber for a word already in lower case.
func englishMonth(w []byte) int {
	switch string(w) {
	case "jan", "january":
		return 1
	case "feb", "february":
		return 2
	case "mar", "march":
		return 3
	case "apr", "april":
		return 4
	case "may":
		return 5
	case "jun", "june":
		return 6
	case "jul", "july":
		return 7
	case "aug", "august":
		return 8
	case "sep", "sept", "september":
		return 9
	case "oct", "october":
		return 10
	case "nov", "november":
		return 11
	case "dec", "december":
		return 12
	}
	return 0
}

// isWeekday reports whether w is an English weekday name or abbreviation.
func isWeekday(w string) bool {
	var buf [12]byte
	return englishWeekday(lower(&buf, w))
}

// englishWeekday is isWeekday for a word already in lower case.
func englishWeekday(w []byte) bool {
	switch string(w) {
	case "mon", "monday",
		"tue", "tues", "tuesday",
		"wed", "weds", "wednesday",
		"thu", "thur", "thurs", "thursday",
		"fri", "friday",
		"sat", "saturday",
		"sun", "sunday":
		return true
	}
	return false
}

// foreignMonths maps the month names and abbreviations of French, German,
// Italian, Spanish, Portuguese and Dutch to 1–12, as foldName writes them:
// lower case, without accents, without the dot of an abbreviation. Names
// English has too ("mar", "feb", "april", "sept", "november", and "dec" for
// "déc") are left to englishMonth, which means the same month by them. No name here is an English
// month or weekday name, and of all month names only "mar" is a weekday too
// (TestForeignNames checks both).
var foreignMonths = map[string]int{
	// French: janvier, févr., mars, avr., mai, juin, juil., août, sept.,
	// oct., nov., déc. and the shorter "janv", "fév", "déc".
	"janvier": 1, "janv": 1, "fevrier": 2, "fevr": 2, "fev": 2, "mars": 3,
	"avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7,
	"aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
	// German, with Austria's Jänner and März spelled "Maerz" or "Mrz".
	"januar": 1, "janner": 1, "jaenner": 1, "februar": 2, "marz": 3, "maerz": 3,
	"mrz": 3, "juni": 6, "juli": 7, "oktober": 10, "okt": 10,
	"dezember": 12, "dez": 12,
	// Italian.
	"gennaio": 1, "gen": 1, "febbraio": 2, "marzo": 3, "aprile": 4,
	"maggio": 5, "mag": 5, "giugno": 6, "giu": 6, "luglio": 7, "lug": 7,
	"agosto": 8, "ago": 8, "settembre": 9, "set": 9, "ottobre": 10, "ott": 10,
	"dicembre": 12, "dic": 12,
	// Spanish, with Latin America's "setiembre".
	"enero": 1, "ene": 1, "febrero": 2, "abril": 4, "abr": 4, "mayo": 5,
	"junio": 6, "julio": 7, "septiembre": 9, "setiembre": 9, "octubre": 10,
	"noviembre": 11, "diciembre": 12,
	// Portuguese.
	"janeiro": 1, "fevereiro": 2, "marco": 3, "maio": 5, "junho": 6,
	"julho": 7, "setembro": 9, "outubro": 10, "out": 10, "novembro": 11,
	"dezembro": 12,
	// Dutch.
	"januari": 1, "februari": 2, "maart": 3, "mrt": 3, "mei": 5,
	"augustus": 8,
}

// foreignWeekdays holds the weekday names and abbreviations of French,
// German, Italian, Spanish, Portuguese and Dutch, written as foreignMonths
// are. Portuguese weekdays may carry "-feira" ("segunda-feira"), which
// ParseDate skips after any weekday.
var foreignWeekdays = map[string]bool{
	// French.
	"lundi": true, "mardi": true, "mercredi": true, "jeudi": true,
	"vendredi": true, "samedi": true, "dimanche": true,
	"lun": true, "mar": true, "mer": true, "jeu": true, "ven": true,
	"sam": true, "dim": true,
	// German.
	"montag": true, "dienstag": true, "mittwoch": true, "donnerstag": true,
	"freitag": true, "samstag": true, "sonnabend": true, "sonntag": true,
	"mo": true, "di": true, "mi": true, "do": true, "fr": true, "sa": true,
	"so": true,
	// Italian.
	"lunedi": true, "martedi": true, "mercoledi": true, "giovedi": true,
	"venerdi": true, "sabato": true, "domenica": true,
	"gio": true, "sab": true, "dom": true,
	// Spanish.
	"lunes": true, "martes": true, "miercoles": true, "jueves": true,
	"viernes": true, "sabado": true, "domingo": true,
	"mie": true, "jue": true, "vie": true,
	// Portuguese.
	"segunda": true, "terca": true, "quarta": true, "quinta": true,
	"sexta": true, "seg": true, "ter": true, "qua": true, "qui": true, "sex": true,
	// Dutch.
	"maandag": true, "dinsdag": true, "woensdag": true, "donderdag": true,
	"vrijdag": true, "zaterdag": true, "zondag": true,
	"ma": true, "wo": true, "vr": true, "za": true, "zo": true,
}

// latin1Fold gives the unaccented lower-case letter for each character of
// U+00C0–U+00FF (the second byte of its UTF-8 form, less 0x80, is the
// index), or 0 where there is none (Æ, ×, ß...).
const latin1Fold = "aaaaaa\x00ceeeeiiii\x00nooooo\x00ouuuuy\x00\x00" +
	"aaaaaa\x00ceeeeiiii\x00nooooo\x00ouuuuy\x00y"

// foldName copies a name as name reads it into buf in lower case, with the
// accents of Latin-1 letters and combining accents (U+0300–U+036F) taken off:
// "Févr" and "MÄRZ" become "fevr" and "marz". A name that does not fit, or
// that holds another non-ASCII letter, comes back empty, which matches
// nothing.
func foldName(buf *[12]byte, w string) []byte {
	n := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c < utf8.RuneSelf:
			c |= 0x20 // name reads only letters
		case c == 0xc3 && i+1 < len(w) && w[i+1]&0xc0 == 0x80:
			i++
			if c = latin1Fold[w[i]-0x80]; c == 0 {
				return nil
			}
		case combiningAccent(w[i:]):
			i++
			continue
		default:
			return nil
		}
		if n == len(buf) {
			return nil
		}
		buf[n] = c
		n++
	}
	return buf[:n]
}

// combiningAccent reports whether s starts with a combining accent,
// U+0300–U+036F, which UTF-8 writes as 0xCC 0x80–0xBF or 0xCD 0x80–0xAF.
func combiningAccent(s string) bool {
	return len(s) >= 2 && (s[0] == 0xcc && s[1]&0xc0 == 0x80 || s[0] == 0xcd && s[1] >= 0x80 && s[1] < 0xb0)
}

// monthName returns 1–12 for a month name or abbreviation in English or one
// of the languages of foreignMonths, in any case, with or without accents,
// and 0 for anything else.
func monthName(w string) int {
	var buf [12]byte
	name := foldName(&buf, w)
	if m := englishMonth(name); m != 0 {
		return m // also "Déc", "Mär"
	}
	return foreignMonths[string(name)]
}

// isWeekdayName reports whether w is a weekday name or abbreviation in
// English or one of the languages of foreignWeekdays.
func isWeekdayName(w string) bool {
	var buf [12]byte
	name := foldName(&buf, w)
	return englishWeekday(name) || foreignWeekdays[string(name)]
}

// twoDigitYear applies RFC 2822's rule: 00–49 are 2000–2049, 50–99 are
// 1950–1999.
func twoDigitYear(y int) int {
	if y < 50 {
		return 2000 + y
	}
	return 1900 + y
}

func parseDate(s string) (time.Time, string) {
	// Trim surrounding white space without a call into strings, which
	// also handles Unicode spaces we do not want to treat specially.
	for len(s) > 0 && isSpace(s[0]) {
		s = s[1:]
	}
	for len(s) > 0 && isSpace(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	if s == "" {
		return time.Time{}, "empty"
	}
	var f dateFields
	if !fastDate(s, &f) {
		f = dateFields{}
		if why := scanDate(s, &f); why != "" {
			return time.Time{}, why
		}
	}
	return f.time()
}

// scanDate reads any of the forms ParseDate accepts into f.
func scanDate(s string, f *dateFields) string {
	p := dateScanner{s: s}
	if isNumericStart(s) {
		return p.iso(f)
	}
	return p.text(f)
}

// two digits at s[i:i+2], or -1.
func twoAt(s string, i int) int {
	a, b := s[i]-'0', s[i+1]-'0'
	if a > 9 || b > 9 {
		return -1
	}
	return int(a)*10 + int(b)
}

// fastDate reads the two forms most feeds use, "Mon, 02 Jan 2006 15:04:05"
// followed by a zone, and "2006-01-02T15:04:05" with an optional fraction
// followed by "Z" or an offset, by position. scanDate reads them the same
// way, only slower. fastDate reports false, leaving f in an unspecified
// state, for anything else, including every error.
func fastDate(s string, f *dateFields) bool {
	switch {
	case len(s) >= 25 && s[3] == ',' && s[4] == ' ' && s[7] == ' ' && s[11] == ' ' &&
		s[16] == ' ' && s[19] == ':' && s[22] == ':' && isWeekday(s[:3]):
		f.day, f.month = twoAt(s, 5), monthNumber(s[8:11])
		y1, y2 := twoAt(s, 12), twoAt(s, 14)
		f.hour, f.min, f.sec = twoAt(s, 17), twoAt(s, 20), twoAt(s, 23)
		if f.day < 0 || f.month == 0 || y1 < 0 || y2 < 0 || f.hour < 0 || f.min < 0 || f.sec < 0 {
			return false
		}
		f.year = y1*100 + y2
		if len(s) == 25 {
			return true
		}
		if s[25] != ' ' {
			return false
		}
		p := dateScanner{s: s, i: 26}
		if c := p.peek(); c != '+' && c != '-' && !isLetter(c) || isMeridiem(s[26:]) {
			return false
		}
		var why string
		f.loc, why = p.zone()
		return why == "" && p.done()
	case len(s) >= 20 && s[4] == '-' && s[7] == '-' && s[10] == 'T' && s[13] == ':' && s[16] == ':':
		y1, y2 := twoAt(s, 0), twoAt(s, 2)
		f.month, f.day = twoAt(s, 5), twoAt(s, 8)
		f.hour, f.min, f.sec = twoAt(s, 11), twoAt(s, 14), twoAt(s, 17)
		if y1 < 0 || y2 < 0 || f.month < 0 || f.day < 0 || f.hour < 0 || f.min < 0 || f.sec < 0 {
			return false
		}
		f.year = y1*100 + y2
		p := dateScanner{s: s, i: 19}
		if p.skip('.') {
			var ok bool
			if f.nsec, ok = p.fraction(); !ok {
				return false
			}
		}
		switch p.peek() {
		case 'Z':
			f.loc = time.UTC
			return p.i+1 == len(s)
		case '+', '-':
			off, why := p.offset()
			f.loc = offsetLocation(off)
			return why == "" && p.done()
		}
	}
	return false
}

// isMeridiem reports whether s is "AM" or "PM" in any case.
func isMeridiem(s string) bool {
	return len(s) == 2 && s[1]|0x20 == 'm' && (s[0]|0x20 == 'a' || s[0]|0x20 == 'p')
}

// isNumericStart reports whether s is an ISO 8601 form ("2018-09-17",
// "180917", "-1809", "18-09-17") rather than a date that begins with its day
// ("17 Sep 2018", "17-Sep-2018").
func isNumericStart(s string) bool {
	if s[0] == '-' || s[0] == '+' {
		return true
	}
	n := 0
	for n < len(s) && isDigit(s[n]) {
		n++
	}
	if n == 0 {
		return false
	}
	if n >= 3 {
		return true
	}
	// One or two digits: ISO only as YY-MM-DD.
	return n+1 < len(s) && s[n] == '-' && isDigit(s[n+1])
}

// iso reads the ISO 8601 family: W3C-DTF, RFC 3339, MSSQL-style
// "2018-09-17 09:00:00", basic and ordinal forms.
func (p *dateScanner) iso(f *dateFields) string {
	f.month, f.day = 1, 1
	if p.skip('-') {
		// ISO 8601:2000 truncated forms: -YYMM and -YY-MM.
		v, n := p.digits()
		switch {
		case n == 4:
			f.year, f.month = twoDigitYear(v/100), v%100
		case n == 2 && p.skip('-'):
			f.year = twoDigitYear(v)
			var ok bool
			if f.month, ok = p.two(); !ok {
				return "bad month"
			}
		default:
			return "not a date"
		}
		if !p.done() {
			return "unexpected text after the date"
		}
		return ""
	}
	v, n := p.digits()
	switch n {
	case 4:
		f.year = v
		if p.done() {
			return "" // year only
		}
		sep := p.peek()
		if sep != '-' && sep != '/' {
			return "bad date"
		}
		p.i++
		start := p.i
		v, n = p.digits()
		switch {
		case n == 2 && sep == '-' && p.done():
			f.month = v // year and month only
		case n == 1 || n == 2:
			// A full date; some generators write a one-digit month or
			// day ("2020/1/10"), which is still unambiguous after a
			// four-digit year.
			f.month = v
			if !p.skip(sep) {
				return "bad date"
			}
			if f.day, n = p.digits(); n < 1 || n > 2 {
				return "bad day"
			}
		case n == 3 && p.peek() == sep && p.s[start] == '0':
			// A month written with an extra zero ("2003-012-31"), which
			// some generators emit.
			p.i++
			f.month = v
			var ok bool
			if f.day, ok = p.two(); !ok {
				return "bad day"
			}
		case n == 3 && sep == '-':
			f.ordinal, f.yday = true, v
		default:
			return "bad date"
		}
	case 2: // YY-MM-DD
		f.year = twoDigitYear(v)
		var ok bool
		if !p.skip('-') {
			return "bad date"
		}
		if f.month, ok = p.two(); !ok || !p.skip('-') {
			return "bad month"
		}
		if f.day, ok = p.two(); !ok {
			return "bad day"
		}
	case 6: // YYMMDD
		f.year, f.month, f.day = twoDigitYear(v/10000), v/100%100, v%100
	case 7: // YYYYDDD
		f.year, f.ordinal, f.yday = v/1000, true, v%1000
	case 8: // YYYYMMDD
		f.year, f.month, f.day = v/10000, v/100%100, v%100
	default:
		return "not a date"
	}
	if p.done() {
		return ""
	}
	// Time, after a "T" or white space; after a space the hour may have
	// one digit ("2020/1/10 9:03:00").
	spaced := false
	if c := p.peek(); c == 'T' || c == 't' {
		p.i++
	} else if spaced = p.skipSpace(); !spaced {
		return "unexpected text after the date"
	}
	v, n = p.digits()
	if n == 1 && spaced && p.peek() == ':' {
		n = 2
	}
	switch n {
	case 2:
		f.hour = v
		if !p.skip(':') {
			return "bad time"
		}
		if why := p.minutesSeconds(f); why != "" {
			return why
		}
	case 4:
		f.hour, f.min = v/100, v%100
	case 6:
		f.hour, f.min, f.sec = v/10000, v/100%100, v%100
		if why := p.secondFraction(f); why != "" {
			return why
		}
	default:
		return "bad time"
	}
	// The zone: "Z" or an offset may follow directly; a name needs a space.
	spaced = p.skipSpace()
	if p.done() {
		return ""
	}
	switch c := p.peek(); {
	case c == '+' || c == '-':
	case c == 'Z' || c == 'z':
		if p.i+1 < len(p.s) && isLetter(p.s[p.i+1]) && !spaced {
			return "unexpected text after the time"
		}
	case isLetter(c):
		if !spaced {
			return "unexpected text after the time"
		}
	case c == '(':
		return p.comment()
	default:
		return "unexpected text after the time"
	}
	var why string
	if f.loc, why = p.zone(); why != "" {
		return why
	}
	p.skipSpace()
	return p.comment()
}

// secondFraction reads an optional ".5" or ",5" after the seconds.
func (p *dateScanner) secondFraction(f *dateFields) string {
	if c := p.peek(); c == '.' || c == ',' {
		p.i++
		var ok bool
		if f.nsec, ok = p.fraction(); !ok {
			return "bad fraction of a second"
		}
	}
	return ""
}

// comment accepts the end of the string, or a final comment in parentheses.
func (p *dateScanner) comment() string {
	if p.done() {
		return ""
	}
	if p.peek() != '(' || p.s[len(p.s)-1] != ')' {
		return "unexpected text after the date"
	}
	for j := p.i + 1; j < len(p.s)-1; j++ {
		if c := p.s[j]; c == '(' || c == ')' {
			return "unexpected text after the date"
		}
	}
	p.i = len(p.s)
	return ""
}

// offset reads a numeric offset: a sign, then hours of one or two digits with
// optional ":MM", or four digits HHMM. It returns seconds east of UTC.
func (p *dateScanner) offset() (int, string) {
	neg := p.peek() == '-'
	p.i++ // the sign
	v, n := p.digits()
	var h, m int
	switch n {
	case 1, 2:
		h = v
		if p.skip(':') {
			var ok bool
			if m, ok = p.two(); !ok {
				return 0, "bad zone offset"
			}
		}
	case 4:
		h, m = v/100, v%100
	default:
		return 0, "bad zone offset"
	}
	// ±18:00 bounds every offset ever used, with room to spare.
	if m > 59 || h*60+m > 18*60 {
		return 0, "zone offset out of range"
	}
	off := (h*60 + m) * 60
	if neg {
		off = -off
	}
	return off, ""
}

// zone reads a numeric offset or a zone name.
func (p *dateScanner) zone() (*time.Location, string) {
	if c := p.peek(); c == '+' || c == '-' {
		off, why := p.offset()
		if why != "" {
			return nil, why
		}
		return offsetLocation(off), ""
	}
	w := p.word()
	if w == "" {
		return nil, "bad zone"
	}
	etc := false
	if len(w) == 3 && w[0]|0x20 == 'e' && w[1]|0x20 == 't' && w[2]|0x20 == 'c' && p.peek() == '/' {
		// tz's Etc area: Etc/GMT, Etc/UTC, and Etc/GMT+2, whose POSIX sign
		// is the reverse of the usual one.
		p.i++
		etc = true
		if w = p.word(); w == "" {
			return nil, "bad zone"
		}
	}
	if len(w) > 6 {
		return nil, "unexpected word " + quoteWord(w)
	}
	var buf [6]byte
	for i := 0; i < len(w); i++ {
		buf[i] = w[i] &^ 0x20
	}
	name := buf[:len(w)]
	if c := p.peek(); c == '+' || c == '-' {
		switch string(name) {
		case "GMT", "UTC", "UT":
			off, why := p.offset()
			if why != "" {
				return nil, why
			}
			if etc {
				off = -off
			}
			return offsetLocation(off), ""
		}
		return nil, "bad zone"
	}
	if i := lookupZone(string(name)); i >= 0 {
		return zoneLocations()[i], ""
	}
	if monthNumber(w) != 0 || isWeekday(w) {
		return nil, "unexpected word " + quoteWord(w)
	}
	return time.UTC, "" // an unknown zone name: read as UTC, as documented
}

// unexpectedChar describes the character that starts s for an error message.
func unexpectedChar(s string) string {
	r, _ := utf8.DecodeRuneInString(s)
	return "unexpected character " + strconv.QuoteRune(r)
}

// quoteWord quotes a word for an error message.
func quoteWord(w string) string { return `"` + w + `"` }

// text reads the dates that name their month: RFC 822 and its variants,
// asctime, Unix date, JavaScript and prose forms. The day and month come
// first (in either order, after an optional weekday); the year, time and zone
// follow in the orders these forms use. The month and weekday names may be
// English or of the languages of foreignMonths and foreignWeekdays.
func (p *dateScanner) text(f *dateFields) string {
	if c := p.peek(); !isLetter(c) && !isDigit(c) {
		return unexpectedChar(p.s)
	}
	w := p.name()
	if w == "" || !isWeekdayName(w) {
		return p.textFrom(f, w)
	}
	if monthName(w) == 0 {
		return p.afterWeekday(f)
	}
	// "mar" is March, and Tuesday in French, Italian and Spanish. It is read
	// as the month first, so that every date that reads so reads as it does
	// in English ("Mar 4, 2025"); a date that does not is read again with
	// "mar" as its weekday ("mar., 04 mars 2025"). When both fail, the error
	// is the one of the reading that got further.
	asMonth, month := *p, *f
	why := asMonth.textFrom(&month, w)
	if why == "" {
		*p, *f = asMonth, month
		return ""
	}
	if whyWeekday := p.afterWeekday(f); whyWeekday == "" || p.i > asMonth.i {
		return whyWeekday
	}
	return why
}

// afterWeekday reads the rest of a date after its weekday.
func (p *dateScanner) afterWeekday(f *dateFields) string {
	if rest := p.s[p.i:]; len(rest) >= 6 && rest[0] == '-' {
		var buf [12]byte
		if string(lower(&buf, rest[1:6])) == "feira" {
			p.i += 6 // Portuguese: "segunda-feira"
		}
	}
	p.skip('.')
	p.skipSpace()
	if p.skip(',') {
		p.skipSpace()
	}
	return p.textFrom(f, p.name())
}

// textFrom reads a date that names its month, from its first word w after
// the weekday ("" when the date starts with its day).
func (p *dateScanner) textFrom(f *dateFields, w string) string {
	haveYear := false
	if w != "" {
		// Month first: "Sep 17, 2018", "Sep 17 09:00:00 2018".
		if f.month = monthName(w); f.month == 0 {
			return "unknown month " + quoteWord(w)
		}
		p.skip('.')
		p.skipSpace()
		if why := p.day(f); why != "" {
			return why
		}
	} else {
		// Day first: "17 Sep 2018", "17-Sep-2018", "17-Sep-18".
		if why := p.day(f); why != "" {
			return why
		}
		hyphen := p.skip('-')
		if !hyphen {
			p.skip('.')
			p.skipSpace()
		}
		w = p.name()
		if f.month = monthName(w); f.month == 0 {
			if w == "" {
				return "missing month"
			}
			return "unknown month " + quoteWord(w)
		}
		if hyphen {
			if !p.skip('-') {
				return "bad date"
			}
			if why := p.year(f); why != "" {
				return why
			}
			haveYear = true
		} else {
			p.skip('.')
		}
	}

	haveTime, haveZone := false, false
	for {
		p.skipSpace()
		if p.skip(',') {
			p.skipSpace()
		}
		if p.done() {
			break
		}
		switch c := p.peek(); {
		case isDigit(c):
			start := p.i
			p.digits()
			isClock := p.peek() == ':'
			p.i = start
			switch {
			case isClock && haveTime:
				return "two times"
			case isClock:
				if why := p.clock(f); why != "" {
					return why
				}
				haveTime = true
			case haveYear:
				return "unexpected number"
			default:
				if why := p.year(f); why != "" {
					return why
				}
				haveYear = true
			}
		case c == '(':
			if why := p.comment(); why != "" {
				return why
			}
		case c == '+' || c == '-' || isLetter(c):
			if isLetter(c) {
				// "at" may stand between the date and the time.
				start := p.i
				if w := p.word(); !haveTime && len(w) == 2 && w[0]|0x20 == 'a' && w[1]|0x20 == 't' && isSpace(p.peek()) {
					continue
				}
				p.i = start
			}
			if !haveTime {
				return "unexpected text before the time"
			}
			if haveZone {
				return "two zones"
			}
			var why string
			if f.loc, why = p.zone(); why != "" {
				return why
			}
			haveZone = true
		default:
			return unexpectedChar(p.s[p.i:])
		}
	}
	if !haveYear {
		return "missing year"
	}
	return ""
}

// day reads a day of the month of one or two digits, with an optional
// English ordinal suffix ("17th").
func (p *dateScanner) day(f *dateFields) string {
	v, n := p.digits()
	if n < 1 || n > 2 {
		return "bad day"
	}
	f.day = v
	if w := p.word(); w != "" {
		var buf [12]byte
		switch string(lower(&buf, w)) {
		case "st", "nd", "rd", "th":
		default:
			return "unexpected word " + quoteWord(w)
		}
	}
	return ""
}

// year reads a four-digit year, or a two-digit one by RFC 2822's rule.
func (p *dateScanner) year(f *dateFields) string {
	v, n := p.digits()
	switch n {
	case 4:
		f.year = v
	case 2:
		f.year = twoDigitYear(v)
	default:
		return "bad year"
	}
	if isLetter(p.peek()) {
		return "bad year"
	}
	return ""
}

// minutesSeconds reads the minutes of a time whose hour and colon have been
// read, then ":SS" and a fraction when they are there.
func (p *dateScanner) minutesSeconds(f *dateFields) string {
	var ok bool
	if f.min, ok = p.two(); !ok {
		return "bad minute"
	}
	if p.skip(':') {
		if f.sec, ok = p.two(); !ok {
			return "bad second"
		}
		return p.secondFraction(f)
	}
	return ""
}

// clock reads H:MM, H:MM:SS or H:MM:SS.fff, with an optional AM or PM.
func (p *dateScanner) clock(f *dateFields) string {
	v, n := p.digits()
	if n < 1 || n > 2 || !p.skip(':') {
		return "bad time"
	}
	f.hour = v
	if why := p.minutesSeconds(f); why != "" {
		return why
	}
	if p.peek() == ':' {
		return "bad time"
	}
	// AM or PM, attached or after a space.
	start := p.i
	p.skipSpace()
	if w := p.word(); isMeridiem(w) {
		if f.hour < 1 || f.hour > 12 {
			return "hour out of range for " + quoteWord(w)
		}
		if f.hour == 12 {
			f.hour = 0
		}
		if w[0]|0x20 == 'p' {
			f.hour += 12
		}
		return ""
	}
	p.i = start
	return ""
}

// daysIn returns the number of days in a month of a year.
func daysIn(month, year int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// time checks the fields and builds the time.
func (f *dateFields) time() (time.Time, string) {
	loc := f.loc
	if loc == nil {
		loc = time.UTC
	}
	month, day := f.month, f.day
	if f.ordinal {
		days := 365 + daysIn(2, f.year) - 28
		if f.yday < 1 || f.yday > days {
			return time.Time{}, "day of the year out of range"
		}
		month, day = 1, f.yday
	} else {
		if month < 1 || month > 12 {
			return time.Time{}, "month out of range"
		}
		if day < 1 || day > daysIn(month, f.year) {
			return time.Time{}, "day out of range"
		}
	}
	if f.hour > 23 {
		return time.Time{}, "hour out of range"
	}
	if f.min > 59 {
		return time.Time{}, "minute out of range"
	}
	if f.sec > 59 {
		return time.Time{}, "second out of range"
	}
	return time.Date(f.year, time.Month(month), day, f.hour, f.min, f.sec, f.nsec, loc), ""
}
