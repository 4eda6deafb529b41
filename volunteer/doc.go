// Package volunteer holds qingwang's domain in plain Go types: the units of
// the League organisation with their quotas, the platform's exports as the
// aggregates qingwang keeps of them, and the notice's rules. It does no I/O;
// ingest fills these types and metrics computes figures from them.
package volunteer
