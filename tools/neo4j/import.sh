#!/usr/bin/env bash
# Import a CSV export of vnkg (`vnkg export csv -o FOLDER`) into a new Neo4j database with
# neo4j-admin, run from the Neo4j jars tools/neo4j fetches (org.neo4j.cli.AdminTool).
#
#   NEO4J_HOME=/path/to/neo4j-home tools/neo4j/import.sh FOLDER [DATABASE]
#
# FOLDER holds the CSV files, `import.args` (the options: --nodes/--relationships per
# file, the list delimiter U+001F, --multiline-fields=true) and `constraints.cypher` (the
# Bolt loader's constraints, by its names). DATABASE is `neo4j` by default; an existing one
# is overwritten. NEO4J_HOME is the home whose data/ folder gets the database (the local
# server's is $VNKG_NEO4J_DIR/home, see start.sh); no server may be running on it. After
# the import the constraints are created on the database, with no server and no port open
# (Neo4j Community's import cannot take them itself: --schema needs the block format).
# With a Neo4j installation the same is
#   cd FOLDER && neo4j-admin database import full @import.args DATABASE
# then, with the server started, `cypher-shell -d DATABASE -f constraints.cypher`.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
folder="${1:?usage: NEO4J_HOME=HOME tools/neo4j/import.sh FOLDER [DATABASE]}"
database="${2:-neo4j}"
classpath_file="$here/target/classpath.txt"
: "${NEO4J_HOME:?set NEO4J_HOME to the Neo4j home the database goes into}"
[[ -f "$folder/import.args" ]] || { echo "import.sh: $folder/import.args is missing; is $folder a CSV export of vnkg?" >&2; exit 1; }
command -v java >/dev/null || { echo "import.sh: Java 17 is needed" >&2; exit 1; }
bash "$here/../maven-classpath.sh" "$here" >/dev/null
mkdir -p "$NEO4J_HOME/conf"
home="$(cd "$NEO4J_HOME" && pwd)"
classpath="$(cat "$classpath_file")"
cd "$folder"
# shellcheck disable=SC2086
NEO4J_HOME="$home" java ${NEO4J_JAVA_OPTS:--Xmx1g} -cp "$classpath" \
    org.neo4j.cli.AdminTool database import full --overwrite-destination=true \
    --report-file="$home/import.report" @import.args "$database"
# shellcheck disable=SC2086
java ${NEO4J_JAVA_OPTS:--Xmx1g} -cp "$classpath" "$here/Neo4jLauncher.java" \
    --run "$home" constraints.cypher "$database"
