package rss

import (
	"sync"
	"time"
)

// namedZone is one time-zone name that ParseDate knows, with its offset east
// of UTC in seconds.
type namedZone struct {
	name   string // upper case, as written in the table below
	offset int32
}

const zoneHour = 60 * 60 // seconds

// zoneTable lists the zone names ParseDate reads, upper case and sorted by
// name (lookupZone's binary search relies on both; TestZoneTable checks them),
// with their offsets. ParseDate's doc comment lists them for users, says where
// they come from and which reading an ambiguous one gets; a test checks that
// it names every one with its offset. The entries from the tz database were
// checked against the abbreviations its zones use since 2000.
var zoneTable = [...]namedZone{
	{"A", 1 * zoneHour},
	{"ACDT", 10*zoneHour + 1800},
	{"ACST", 9*zoneHour + 1800},
	{"ADT", -3 * zoneHour},
	{"AEDT", 11 * zoneHour},
	{"AEST", 10 * zoneHour},
	{"AFT", 4*zoneHour + 1800},
	{"AKDT", -8 * zoneHour},
	{"AKST", -9 * zoneHour},
	{"ART", -3 * zoneHour},
	{"AST", -4 * zoneHour},
	{"AT", -4 * zoneHour},
	{"AWDT", 9 * zoneHour},
	{"AWST", 8 * zoneHour},
	{"B", 2 * zoneHour},
	{"BRST", -2 * zoneHour},
	{"BRT", -3 * zoneHour},
	{"BST", 1 * zoneHour},
	{"C", 3 * zoneHour},
	{"CAT", 2 * zoneHour},
	{"CDT", -5 * zoneHour},
	{"CEST", 2 * zoneHour},
	{"CET", 1 * zoneHour},
	{"CHST", 10 * zoneHour},
	{"CLST", -3 * zoneHour},
	{"CLT", -4 * zoneHour},
	{"COT", -5 * zoneHour},
	{"CST", -6 * zoneHour},
	{"CT", -6 * zoneHour},
	{"D", 4 * zoneHour},
	{"E", 5 * zoneHour},
	{"EAT", 3 * zoneHour},
	{"EDT", -4 * zoneHour},
	{"EEST", 3 * zoneHour},
	{"EET", 2 * zoneHour},
	{"EST", -5 * zoneHour},
	{"ET", -5 * zoneHour},
	{"F", 6 * zoneHour},
	{"G", 7 * zoneHour},
	{"GMT", 0},
	{"GST", 4 * zoneHour},
	{"H", 8 * zoneHour},
	{"HDT", -9 * zoneHour},
	{"HKT", 8 * zoneHour},
	{"HST", -10 * zoneHour},
	{"I", 9 * zoneHour},
	{"ICT", 7 * zoneHour},
	{"IDT", 3 * zoneHour},
	{"IRDT", 4*zoneHour + 1800},
	{"IRST", 3*zoneHour + 1800},
	{"IST", 5*zoneHour + 1800},
	{"JST", 9 * zoneHour},
	{"K", 10 * zoneHour},
	{"KST", 9 * zoneHour},
	{"L", 11 * zoneHour},
	{"M", 12 * zoneHour},
	{"MDT", -6 * zoneHour},
	{"MEST", 2 * zoneHour},
	{"MESZ", 2 * zoneHour},
	{"MET", 1 * zoneHour},
	{"MEZ", 1 * zoneHour},
	{"MSD", 4 * zoneHour},
	{"MSK", 3 * zoneHour},
	{"MST", -7 * zoneHour},
	{"MT", -7 * zoneHour},
	{"MYT", 8 * zoneHour},
	{"N", -1 * zoneHour},
	{"NDT", -2*zoneHour - 1800},
	{"NPT", 5*zoneHour + 2700},
	{"NST", -3*zoneHour - 1800},
	{"NZDT", 13 * zoneHour},
	{"NZST", 12 * zoneHour},
	{"O", -2 * zoneHour},
	{"OESZ", 3 * zoneHour},
	{"OEZ", 2 * zoneHour},
	{"P", -3 * zoneHour},
	{"PDT", -7 * zoneHour},
	{"PET", -5 * zoneHour},
	{"PHT", 8 * zoneHour},
	{"PKST", 6 * zoneHour},
	{"PKT", 5 * zoneHour},
	{"PST", -8 * zoneHour},
	{"PT", -8 * zoneHour},
	{"Q", -4 * zoneHour},
	{"R", -5 * zoneHour},
	{"S", -6 * zoneHour},
	{"SAST", 2 * zoneHour},
	{"SGT", 8 * zoneHour},
	{"SST", -11 * zoneHour},
	{"T", -7 * zoneHour},
	{"TRT", 3 * zoneHour},
	{"U", -8 * zoneHour},
	{"UT", 0},
	{"UTC", 0},
	{"UYT", -3 * zoneHour},
	{"V", -9 * zoneHour},
	{"VET", -4 * zoneHour},
	{"W", -10 * zoneHour},
	{"WAT", 1 * zoneHour},
	{"WEST", 1 * zoneHour},
	{"WESZ", 1 * zoneHour},
	{"WET", 0},
	{"WEZ", 0},
	{"WIB", 7 * zoneHour},
	{"WIT", 9 * zoneHour},
	{"WITA", 8 * zoneHour},
	{"X", -11 * zoneHour},
	{"Y", -12 * zoneHour},
	{"Z", 0},
}

// zoneLocations holds one *time.Location per zoneTable entry, built once:
// time.FixedZone allocates, and ParseDate should not for the common zones.
var zoneLocations = sync.OnceValue(func() []*time.Location {
	locs := make([]*time.Location, len(zoneTable))
	for i, z := range zoneTable {
		switch z.name {
		case "UTC", "Z":
			locs[i] = time.UTC
		default:
			locs[i] = time.FixedZone(z.name, int(z.offset))
		}
	}
	return locs
})

// lookupZone returns the zoneTable index of name, or -1. name must already be
// upper case.
func lookupZone(name string) int {
	lo, hi := 0, len(zoneTable)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		switch n := zoneTable[mid].name; {
		case n == name:
			return mid
		case n < name:
			lo = mid + 1
		default:
			hi = mid
		}
	}
	return -1
}

// Numeric offsets on a quarter zoneHour between -14:00 and +14:00 (all that
// current zones use) share cached locations; others get a new FixedZone.
const (
	offsetStep  = 15 * 60
	offsetLimit = 14 * zoneHour
)

var offsetLocations = sync.OnceValue(func() []*time.Location {
	locs := make([]*time.Location, 2*offsetLimit/offsetStep+1)
	for i := range locs {
		locs[i] = time.FixedZone("", i*offsetStep-offsetLimit)
	}
	return locs
})

// offsetLocation returns an unnamed fixed zone for a numeric offset in
// seconds east of UTC, as time.Parse does for "-0700".
func offsetLocation(offset int) *time.Location {
	if offset%offsetStep == 0 && offset >= -offsetLimit && offset <= offsetLimit {
		return offsetLocations()[(offset+offsetLimit)/offsetStep]
	}
	return time.FixedZone("", offset)
}
