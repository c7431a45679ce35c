#!/usr/bin/env bash
# Fetch Apache Jena's command-line tools (riot) from Maven Central for the RDF export tests.
#
#   tools/jena/fetch.sh        # prints the classpath file's path
#
# tools/maven-classpath.sh caches the jars in ~/.m2 and keeps the classpath in
# tools/jena/target/classpath.txt (gitignored), made again only when pom.xml changes. Needs Java 17 and Maven. The tests
# then run `java -cp "$(cat tools/jena/target/classpath.txt)" riotcmd.riot --validate --strict`.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
command -v java >/dev/null || { echo "fetch.sh: Java 17 is needed to run Jena" >&2; exit 1; }
exec bash "$here/../maven-classpath.sh" "$here"
