// Package ingest reads what the office drops into data/: units.csv,
// rules.toml and the platform's exports, however they are encoded, and turns
// them into volunteer types. Every data row ends up accepted or rejected
// with a Chinese reason, and nothing personal survives the reading: people
// become volunteer.PersonKeys.
//
// A file is read in three stages that overlap on separate goroutines:
// decoding the bytes to UTF-8, splitting records and decoding them into row
// structs with gocsv, and validating rows into aggregates.
package ingest
