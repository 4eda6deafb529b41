// Package sitedata turns figures into the data the Hugo side renders: the
// home page, each weekly bulletin (第N期), each day's update and each unit's
// page, with their tables, charts and data receipts, as JSON files that
// templates read as hugo.Data.gen.
//
// Only aggregates and unit names go in: the package never sees a person.
package sitedata
