// Package metrics computes the notice's figures from what ingest read: how
// many people each unit has registered on any day, against its quota and
// the 序时进度 target, its pace, rank and status; and, for the rest of the
// notice, core teams, mandatory registrants, projects and assessments. It
// does no I/O: same inputs, same figures.
package metrics
