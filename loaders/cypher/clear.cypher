// Empty the database (tests, benchmarks), in batches so a big graph fits in memory
// (__ROWS__: nodes a transaction deletes, fewer on a server with little memory).
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF __ROWS__ ROWS
