#!/usr/bin/env bash
# Install Debian's Chromium (and its driver, and fonts with Vietnamese glyphs) for the view
# tests and the PNG export. Never downloads a browser build: apt packages only.
# Usage: bash tools/install-chromium.sh   (as root, or with sudo available)
set -euo pipefail

if [ -x /usr/bin/chromium ] && [ "${1:-}" != "--force" ]; then
    echo "chromium already installed: $(/usr/bin/chromium --version 2>/dev/null || true)"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y chromium chromium-driver fonts-dejavu-core
/usr/bin/chromium --version
