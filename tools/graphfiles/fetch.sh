#!/usr/bin/env bash
# Fetch the readers the graph-file tests open vnkg's GraphML, GEXF and JSON with, into
# gitignored caches (a second run finds them and returns at once):
#   - the Gephi toolkit 0.10 (Maven, jar in ~/.m2): classpath in tools/graphfiles/target/;
#   - graphology with its GraphML and GEXF parsers (npm): tools/graphfiles/node_modules/;
#   - networkx 3.3 (pip, a wheel importable as it is): tools/graphfiles/target/wheels/, to
#     check the JSON against the networkx whose node-link default is `links`.
#
#   bash tools/graphfiles/fetch.sh
#
# Needs java (17), mvn, node, npm and python3 with pip. CI runs it before the tests.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python="${PYTHON:-python3}"
for tool in java mvn node npm "$python"; do
    command -v "$tool" >/dev/null || { echo "fetch.sh: $tool is needed" >&2; exit 1; }
done
mkdir -p "$here/target"

bash "$here/../maven-classpath.sh" "$here" >/dev/null

installed="$here/node_modules/.package-lock.json"
if [[ ! -f "$installed" || "$here/package-lock.json" -nt "$installed" ]]; then
    echo "fetch.sh: installing graphology with npm..."
    (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi

wheels="$here/target/wheels"
if ! compgen -G "$wheels/networkx-3.3-*.whl" >/dev/null; then
    echo "fetch.sh: fetching networkx 3.3 with pip..."
    "$python" -m pip download --quiet --no-deps --only-binary=:all: --dest "$wheels" \
        networkx==3.3
fi
echo "fetch.sh: graph-file readers ready in $here"
