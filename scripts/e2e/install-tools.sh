#!/usr/bin/env bash
# Installs what the real-VS-Code tests need, pinned and idempotently (a second run is a no-op):
# Debian's chromium, ripgrep and libkrb5-dev, and code-server in .tools/code-server.
# VS Code desktop cannot be downloaded on these machines; code-server is VS Code 1.100.3 from npm.
# See shared/e2e/real-vscode-offline.md for why each step is the way it is.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS="$ROOT/.tools/code-server"
# fonts-wqy-microhei: a CJK font, so that the screenshot shows the Chinese messages rather than boxes.
APT_PACKAGES=(libkrb5-dev ripgrep chromium fonts-wqy-microhei)

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-tools: apt-get install ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

installed_version() {
  node -p "require('$TOOLS/node_modules/code-server/package.json').version" 2>/dev/null || true
}
if [ "$(installed_version)" = "$CODE_SERVER_VERSION" ] && "$TOOLS/node_modules/.bin/code-server" --version >/dev/null 2>&1; then
  echo "install-tools: code-server $CODE_SERVER_VERSION already in $TOOLS"
  exit 0
fi

echo "install-tools: npm install code-server@$CODE_SERVER_VERSION into $TOOLS (takes 1-3 minutes)"
mkdir -p "$TOOLS/tmp"
# Its own package.json, so that the tools stay out of the extension's dependencies.
[ -f "$TOOLS/package.json" ] || echo '{ "name": "nianbao-e2e-tools", "private": true }' > "$TOOLS/package.json"
# @vscode/ripgrep's postinstall downloads rg from GitHub; seed its cache with Debian's rg instead.
export TMPDIR="$TOOLS/tmp"
rg_cache="$TMPDIR/vscode-ripgrep-cache-1.15.11"
mkdir -p "$rg_cache"
tar czf "$rg_cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C /usr/bin rg
# Root needs --unsafe-perm for the postinstall scripts; node-pty's postinstall runs npx, which needs yes.
(cd "$TOOLS" && npm_config_yes=true npm install --no-audit --no-fund --unsafe-perm --save-exact "code-server@$CODE_SERVER_VERSION")
"$TOOLS/node_modules/.bin/code-server" --version
