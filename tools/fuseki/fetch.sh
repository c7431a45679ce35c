#!/usr/bin/env bash
# Fetch Apache Jena Fuseki 5.6.0 (jena-fuseki-main) from Maven Central for the store tests.
#
#   tools/fuseki/fetch.sh        # prints the classpath file's path
#
# tools/maven-classpath.sh caches the jars in ~/.m2 and keeps the classpath in
# tools/fuseki/target/classpath.txt (gitignored), made again only when pom.xml changes. Needs Java 17 and Maven. The tests
# then run `java -cp "$(cat tools/fuseki/target/classpath.txt)" \
#   org.apache.jena.fuseki.main.cmds.FusekiMainCmd --mem --update /ds`.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
command -v java >/dev/null || { echo "fetch.sh: Java 17 is needed to run Fuseki" >&2; exit 1; }
exec bash "$here/../maven-classpath.sh" "$here"
