"""Consistency checks: findings that point at likely extraction or merge errors.

The checks are data: SHACL shapes (checks/shapes.ttl) run by pySHACL on the part of an RDF
store they read (checks/graph.py), and the same checks as Cypher on Neo4j (checks/NAME.cypher),
giving the same findings. checks/run.py runs them and gathers each finding's evidence.
"""
