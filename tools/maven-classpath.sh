#!/usr/bin/env bash
# Make a tool folder's Java classpath from its pom.xml, once, and print the file that holds it.
#
#   tools/maven-classpath.sh tools/jena      # prints tools/jena/target/classpath.txt
#
# The one place the Java tools (Jena, Fuseki, Neo4j, the Gephi toolkit) are fetched: Maven
# puts the jars in ~/.m2, and the classpath is kept in FOLDER/target/classpath.txt
# (gitignored), made again only when FOLDER/pom.xml is newer. Needs Maven on the first run.
set -euo pipefail

folder="$(cd "${1:?usage: tools/maven-classpath.sh FOLDER (a folder with a pom.xml)}" && pwd)"
classpath_file="$folder/target/classpath.txt"
[[ -f "$folder/pom.xml" ]] || { echo "maven-classpath.sh: $folder has no pom.xml" >&2; exit 1; }
if [[ ! -s "$classpath_file" || "$folder/pom.xml" -nt "$classpath_file" ]]; then
    command -v mvn >/dev/null || {
        echo "maven-classpath.sh: Maven (mvn) is needed to fetch the jars of $folder" >&2; exit 1; }
    echo "maven-classpath.sh: fetching the jars of $folder with Maven (first run only)..." >&2
    mkdir -p "$folder/target"
    mvn -q -B -f "$folder/pom.xml" dependency:build-classpath \
        -Dmdep.outputFile="$classpath_file" >&2
fi
echo "$classpath_file"
