#!/usr/bin/env bash
# Checks .pre-commit-hooks.yaml with the real pre-commit: a throwaway git repository whose .pre-commit-config.yaml
# points at this repository installs the `dockpolicy` hook the way a user's does (clone, `npm install`, which builds
# dist/ through `prepare`, `npm pack`, install the tarball) and runs it on a bad, a fixed and a stack-judged Dockerfile.
#
# What is tested is this repository's HEAD commit: pre-commit clones the `rev` it is given, so uncommitted changes
# (to the manifest, the sources or this script's expectations of them) are NOT what runs. Commit first.
#
# npm runs offline (the packages come from npm's cache, which `npm ci` fills): nothing is fetched from the registry.
# Exit 0 when every case passes. Without pre-commit on PATH: a SKIP line and exit 0, unless
# DOCKPOLICY_REQUIRE_PRE_COMMIT is set (.ci/run sets it when pre-commit is there, installed or not by it), then exit 1.
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

if ! command -v pre-commit >/dev/null 2>&1; then
  if [[ -n "${DOCKPOLICY_REQUIRE_PRE_COMMIT:-}" ]]; then
    echo "FAIL: pre-commit not installed, and DOCKPOLICY_REQUIRE_PRE_COMMIT is set (apt-get install pre-commit)"
    exit 1
  fi
  echo "SKIP: pre-commit not installed (apt-get install pre-commit)"
  exit 0
fi
for tool in git node npm; do
  command -v "$tool" >/dev/null 2>&1 || { echo "FAIL: $tool not found on PATH"; exit 1; }
done

# Run from inside a git hook, git's variables would point every command below at the outer repository.
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_OBJECT_DIRECTORY GIT_ALTERNATE_OBJECT_DIRECTORIES

rev=$(git -C "$repo_root" rev-parse HEAD)
if [[ -n "$(git -C "$repo_root" status --porcelain --untracked-files=no)" ]]; then
  echo "NOTE: $repo_root has uncommitted changes; pre-commit clones HEAD ($rev), so they are not tested"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/dockpolicy-pre-commit.XXXXXX")
trap 'rm -rf "$work"' EXIT

# pre-commit's cache (the clone and the node environment) in the temp dir, not ~/.cache/pre-commit.
export PRE_COMMIT_HOME="$work/pre-commit-home"
# Offline npm. pre-commit unsets NPM_CONFIG_USERCONFIG for node hooks, so the cache directory is passed explicitly in
# case a user config chosen that way is what set it.
npm_cache=$(npm config get cache 2>/dev/null)
# Run under `npm test`, npm's variables for the script it runs (npm_config_local_prefix, npm_package_*, ...) would
# steer the npm commands pre-commit runs in its clone: drop them all.
while IFS= read -r name; do unset "$name"; done < <(compgen -e | grep -i '^npm_' || true)
export npm_config_cache="$npm_cache" npm_config_offline=true npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

repo="$work/repo"
mkdir -p "$repo"
g() { git -C "$repo" -c user.name=dockpolicy-test -c user.email=dockpolicy-test@example.invalid -c commit.gpgsign=false "$@"; }
g init -q
cat >"$repo/.pre-commit-config.yaml" <<EOF
repos:
  - repo: $repo_root
    rev: $rev
    hooks:
      - id: dockpolicy
EOF

# The same Dockerfile is case 1's failure and case 3's pass: only the compose service around it differs.
no_user_dockerfile='FROM alpine:3.20
HEALTHCHECK CMD ["true"]
CMD ["sleep", "infinity"]
'
fixed_dockerfile='FROM alpine:3.20
USER 1000
HEALTHCHECK CMD ["true"]
CMD ["sleep", "infinity"]
'
compose_user_1000='services:
  app:
    build: .
    user: "1000"
    healthcheck:
      test: ["CMD", "true"]
'

commit() { g add -A && g commit -q -m "$1"; }
# Runs pre-commit in the test repository; sets $out (stdout and stderr) and $code.
run_pre_commit() {
  local started=$SECONDS
  set +e
  out=$(cd "$repo" && pre-commit "$@" --color=never 2>&1)
  code=$?
  set -e
  took=$((SECONDS - started))
}
failures=0
pass() { echo "PASS: $1 (${took}s)"; }
fail() {
  echo "FAIL: $1 (${took}s)"
  printf '%s\n' "$out" | sed 's/^/    | /'
  failures=$((failures + 1))
}

printf '%s' "$no_user_dockerfile" >"$repo/Dockerfile"
commit 'case 1: a Dockerfile that runs as root'

# Install the hook on its own first, so that an install failure is reported as such.
run_pre_commit install-hooks
if ((code != 0)); then
  if grep -q ENOTCACHED <<<"$out"; then
    echo "SKIP: installing the hook offline needs packages that are not in npm's cache ($npm_cache): run npm ci first (ENOTCACHED)"
    exit 0
  fi
  fail "install: pre-commit could not install the dockpolicy hook from $repo_root at $rev"
  if grep -q '> dockpolicy@' <<<"$out"; then
    echo "    hint: npm pack printed the prepare script's banner on stdout, and pre-commit reads npm pack's whole stdout" \
      "as the tarball name (an .npmrc with foreground-scripts=false keeps lifecycle output off stdout)"
  fi
  exit 1
fi
pass "install: pre-commit installed the dockpolicy hook from $rev (npm install + prepare build, npm pack, install)"

# Case 1: a lone Dockerfile with no USER runs as root: non-root-user (an error, on by default) fails the commit.
run_pre_commit run --all-files
# dockpolicy's own exit code must be 1 (findings), not 2 (a usage or I/O error).
if ((code != 0)) && grep -q '^- exit code: 1$' <<<"$out" && grep -q 'non-root-user' <<<"$out"; then
  pass "case 1: a Dockerfile without USER fails (dockpolicy exit 1) and the output names non-root-user"
else
  fail "case 1: expected dockpolicy to exit 1 naming non-root-user, got pre-commit exit $code"
fi

# Case 2: the same Dockerfile with USER 1000 passes.
printf '%s' "$fixed_dockerfile" >"$repo/Dockerfile"
commit 'case 2: USER 1000'
run_pre_commit run --all-files
if ((code == 0)) && grep -q '^dockpolicy\.*Passed' <<<"$out"; then
  pass "case 2: the fixed Dockerfile passes"
else
  fail "case 2: expected the hook to run and pass, got exit $code"
fi

# Case 3: case 1's Dockerfile again, now built by a compose service that sets user: "1000". Only the Dockerfile is
# passed (as pre-commit does when only it changed); it passes only if dockpolicy judged it as that service sees it.
printf '%s' "$no_user_dockerfile" >"$repo/Dockerfile"
printf '%s' "$compose_user_1000" >"$repo/compose.yaml"
commit 'case 3: the compose service runs it as user 1000'
run_pre_commit run --files Dockerfile
if ((code == 0)) && grep -q '^dockpolicy\.*Passed' <<<"$out"; then
  pass "case 3: with only the Dockerfile passed, it is judged in its stack (compose user: \"1000\") and passes"
else
  fail "case 3: expected the Dockerfile, judged in its compose stack, to pass; got exit $code"
fi

if ((failures > 0)); then
  echo "$failures case(s) failed"
  exit 1
fi
echo "all pre-commit cases passed"
