#!/usr/bin/env bash
# Installs code-server (VS Code's own server + workbench, VS Code 1.100.3) into
# .vscode-test/code-server/ so the extension tests can run in a real VS Code on machines
# that cannot download VS Code itself. See shared/notes/REAL-VSCODE.md for the recipe.
#
# Idempotent: a marker file written after a verified install makes a second run a no-op.
# It does not apt-get anything (that is .ci/run's job); it only checks that the Debian
# packages it relies on are there: chromium, ripgrep, libkrb5-dev, a C++ toolchain.
#
# Usage: bash scripts/install-test-editor.sh [--force]
set -euo pipefail

CS_VERSION=4.100.3
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="${MCROUTES_CODE_SERVER_DIR:-$REPO_ROOT/.vscode-test/code-server}"
MARKER="$DEST/.mcroutes-installed"
CS="$DEST/node_modules/code-server"
VS="$CS/lib/vscode"

log() { printf '[install-test-editor] %s\n' "$*"; }
die() { printf '[install-test-editor] ERROR: %s\n' "$*" >&2; exit 1; }

if [[ "${1:-}" != "--force" && -f "$MARKER" && "$(cat "$MARKER")" == "$CS_VERSION" && -f "$CS/out/node/entry.js" ]]; then
  log "code-server $CS_VERSION already installed in $DEST"
  exit 0
fi

# ---- prerequisites (fail early, with the package to install) -------------------------
missing=()
[[ -x /usr/bin/chromium ]] || missing+=("/usr/bin/chromium (apt-get install -y chromium)")
[[ -x /usr/bin/rg ]] || missing+=("/usr/bin/rg (apt-get install -y ripgrep)")
[[ -f /usr/include/gssapi/gssapi.h ]] || missing+=("gssapi headers for the kerberos addon (apt-get install -y libkrb5-dev)")
for tool in make g++ python3; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool (apt-get install -y build-essential python3)")
done
if ((${#missing[@]})); then
  printf '[install-test-editor] ERROR: missing prerequisites:\n' >&2
  printf '  - %s\n' "${missing[@]}" >&2
  exit 1
fi
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[[ "$node_major" == 20 ]] || die "code-server $CS_VERSION needs Node 20, this is Node $(node -v)"

start=$(date +%s)
log "installing code-server $CS_VERSION into $DEST (about 90 s from a cold npm cache)"

# Whatever a previous, unfinished run left behind is in an unknown state: start afresh.
rm -rf "$DEST"
mkdir -p "$DEST"

# As root, older npm wanted this for lifecycle scripts (npm 11 warns it is unknown).
export npm_config_unsafe_perm=true
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
# node-pty's install runs `npx node-gyp`, which aborts without a terminal unless told yes.
export npm_config_yes=true

# A package.json of its own, so npm does not walk up to the project's. npm 11's
# allowScripts policy: run argon2's build, never code-server's postinstall (it needs the
# network; we do its work below).
cat >"$DEST/package.json" <<'EOF'
{
  "name": "mcroutes-test-editor",
  "private": true,
  "description": "code-server for the mcroutes extension tests (scripts/install-test-editor.sh)",
  "allowScripts": { "argon2": true, "code-server": false }
}
EOF

cd "$DEST"
log "npm i code-server@$CS_VERSION --ignore-scripts"
npm install "code-server@$CS_VERSION" --ignore-scripts --save-exact --loglevel=error
[[ -f "$CS/out/node/entry.js" ]] || die "npm did not install code-server ($CS/out/node/entry.js missing)"

log "npm rebuild argon2"
npm rebuild argon2 --loglevel=error

# ---- code-server's postinstall, by hand ---------------------------------------------
cd "$VS"
log "lib/vscode: npm install --omit=dev --ignore-scripts"
npm install --omit=dev --ignore-scripts --loglevel=error

# Approve the native addons' builds under npm 11's allowScripts policy (older npm ignores
# the field). @vscode/ripgrep's postinstall downloads from GitHub: denied, we link rg.
node -e '
  const fs = require("fs");
  const p = JSON.parse(fs.readFileSync("package.json", "utf8"));
  p.allowScripts = {
    "node-pty": true, "@vscode/spdlog": true, "kerberos": true, "native-watchdog": true,
    "@parcel/watcher": true, "@vscode/deviceid": true,
    "@vscode/windows-process-tree": true, "@vscode/windows-registry": true,
    "@vscode/ripgrep": false,
  };
  fs.writeFileSync("package.json", JSON.stringify(p, null, 2) + "\n");
'

mkdir -p node_modules/@vscode/ripgrep/bin
ln -sfn /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg

log "lib/vscode: npm rebuild (native addons; about a minute)"
npm rebuild --loglevel=error

rm -rf node_modules.asar
ln -s node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)

log "lib/vscode/extensions: npm install --omit=dev"
(cd extensions && npm install --omit=dev --loglevel=error >/dev/null)

# ---- verify that the native addons were really built (npm may skip install scripts) --
check_addons() {
  local dir="$1"; shift
  (cd "$dir" && node -e '
    const bad = [];
    for (const m of process.argv.slice(1)) {
      try { require(require.resolve(m, { paths: [process.cwd()] })); }
      catch (e) { bad.push(m); console.error(`  ${m}: ${String(e.message).split("\n")[0]}`); }
    }
    if (bad.length) { console.log(bad.join(" ")); process.exit(1); }
  ' "$@")
}
verify() {
  local failed=0 pkgs
  if ! pkgs=$(check_addons "$DEST" argon2); then
    log "argon2 did not load; rebuilding it explicitly"
    (cd "$DEST" && npm rebuild $pkgs --foreground-scripts --loglevel=error) || true
    check_addons "$DEST" argon2 >/dev/null || failed=1
  fi
  local vs_addons=(node-pty @vscode/spdlog kerberos native-watchdog @parcel/watcher)
  if ! pkgs=$(check_addons "$VS" "${vs_addons[@]}"); then
    log "not built: $pkgs; rebuilding them explicitly"
    (cd "$VS" && npm rebuild $pkgs --foreground-scripts --loglevel=error) || true
    check_addons "$VS" "${vs_addons[@]}" >/dev/null || failed=1
  fi
  return $failed
}
verify || die "native addons of code-server could not be built (see the messages above)"
[[ -x "$VS/node_modules/@vscode/ripgrep/bin/rg" ]] || die "ripgrep link missing"

echo "$CS_VERSION" >"$MARKER"
log "done in $(( $(date +%s) - start )) s ($(du -sh "$DEST" | cut -f1))"
