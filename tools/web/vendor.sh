#!/usr/bin/env bash
# Vendor the explorer's WebGL graph renderer into web/static/vendor/ (committed, so the package
# works offline): sigma and graphology's own browser (UMD) builds as published on npm, and
# graphology-layout-forceatlas2 (published as CommonJS only) bundled for the browser by esbuild
# as one IIFE (global `forceAtlas2`); each with its LICENSE. Versions are pinned here; bump
# them, run this, check `git diff --stat`, commit naming the versions.
#   bash tools/web/vendor.sh
set -euo pipefail
SIGMA=4.0.4
GRAPHOLOGY=0.26.0
FA2=0.10.1
ESBUILD=0.25.11

root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/web/static/vendor"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
echo '{"private": true}' > package.json
npm install --no-audit --no-fund --silent --ignore-scripts=false \
  "sigma@$SIGMA" "graphology@$GRAPHOLOGY" "graphology-layout-forceatlas2@$FA2" "esbuild@$ESBUILD"
echo 'window.forceAtlas2 = require("graphology-layout-forceatlas2");' > fa2-entry.js
node_modules/.bin/esbuild fa2-entry.js --bundle --minify --format=iife --target=es2018 \
  --outfile=forceatlas2.min.js --log-level=warning

mkdir -p "$out"
rm -f "$out"/*
cp node_modules/sigma/dist/sigma.min.js "$out/sigma-$SIGMA.min.js"
cp node_modules/sigma/LICENSE.txt "$out/sigma-$SIGMA.LICENSE.txt"
cp node_modules/graphology/dist/graphology.umd.min.js "$out/graphology-$GRAPHOLOGY.umd.min.js"
cp node_modules/graphology/LICENSE.txt "$out/graphology-$GRAPHOLOGY.LICENSE.txt"
cp forceatlas2.min.js "$out/graphology-layout-forceatlas2-$FA2.min.js"
cp node_modules/graphology-layout-forceatlas2/LICENSE.txt \
  "$out/graphology-layout-forceatlas2-$FA2.LICENSE.txt"
cat > "$out/VERSIONS.txt" <<VERSIONS
Vendored by tools/web/vendor.sh from npm (MIT licences, files alongside):
sigma $SIGMA (dist/sigma.min.js, UMD, global Sigma)
graphology $GRAPHOLOGY (dist/graphology.umd.min.js, UMD, global graphology)
graphology-layout-forceatlas2 $FA2 (bundled with esbuild $ESBUILD as an IIFE, global forceAtlas2)
VERSIONS
ls -l "$out"
