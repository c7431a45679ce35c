#!/usr/bin/env bash
# Fetch Apache Jena Fuseki 5.6.0 (jena-fuseki-main) from Maven Central for the store tests.
#
#   tools/fuseki/fetch.sh        # prints the classpath file's path
#
# The jars are cached in ~/.m2; the classpath is kept in tools/fuseki/target/classpath.txt
# (gitignored) and made again only when pom.xml changes. Needs Java 17 and Maven. The tests
# then run `java -cp "$(cat tools/fuseki/target/classpath.txt)" \
#   org.apache.jena.fuseki.main.cmds.FusekiMainCmd --mem --update /ds`.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
classpath_file="$here/target/classpath.txt"

if [[ -s "$classpath_file" && "$classpath_file" -nt "$here/pom.xml" ]]; then
    echo "$classpath_file"
    exit 0
fi
command -v java >/dev/null || { echo "fetch.sh: Java 17 is needed to run Fuseki" >&2; exit 1; }
command -v mvn >/dev/null || { echo "fetch.sh: Maven (mvn) is needed to fetch Fuseki" >&2; exit 1; }
mkdir -p "$here/target"
mvn -q -B -f "$here/pom.xml" dependency:build-classpath \
    -Dmdep.outputFile="$classpath_file" >&2
echo "$classpath_file"
