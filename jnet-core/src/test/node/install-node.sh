#!/bin/sh
# Installs Node 24, the oracle of jnet's tests, from package-lock.json into node_modules/.
# The Maven build runs this before the tests (exec-maven-plugin in jnet-core/pom.xml).
# It does nothing when the pinned version is already installed. Without npm it prints a
# notice and leaves the Node-backed tests to skip (or, with CI=true, to fail).
cd "$(dirname "$0")" || exit 1
pinned=$(sed -n 's/.*"node": *"\([0-9.]*\)".*/\1/p' package.json | head -n 1)
if [ -x node_modules/node/bin/node ] &&
  [ "$(node_modules/node/bin/node --version 2>/dev/null)" = "v$pinned" ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "NOTICE: npm is not on the PATH; Node $pinned is not installed and the Node-backed tests will be skipped" >&2
  exit 0
fi
echo "installing Node $pinned for the tests (npm ci in jnet-core/src/test/node)"
npm ci --no-audit --no-fund --loglevel=error || exit 1
installed=$(node_modules/node/bin/node --version)
if [ "$installed" != "v$pinned" ]; then
  echo "npm ci installed Node $installed, not v$pinned" >&2
  exit 1
fi
