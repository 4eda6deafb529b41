// Package qingwang holds the files of this repository that the command
// needs wherever it runs: the Meizhou units table, which `qingwang demo`
// writes into every synthetic data folder.
package qingwang

import _ "embed"

// UnitsCSV is data/units.csv: the city, its 8 counties and 12 schools with
// the notice's quotas (附件1, 附件2), and the towns of each county.
//
//go:embed data/units.csv
var UnitsCSV []byte
