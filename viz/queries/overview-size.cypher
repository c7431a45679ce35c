// query: overview-size
// about: How many people and meetings the store holds: what decides whether the overview draws the graph or starts from an aggregate.
// columns: nodes
MATCH (n) WHERE n:Person OR n:Meeting
RETURN count(n) AS nodes
