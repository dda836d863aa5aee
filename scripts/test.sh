#!/usr/bin/env bash
# npm test — every check of the project, in order, stopping at the first failure:
#   1. typecheck      tsc --noEmit over app, server, tests and scripts
#   2. lint           eslint (eslint.config.mjs: import boundaries, no cycles, rules of hooks), no warning allowed,
#                     then prettier --check (.prettierrc.json: the house format; `npm run format` writes it)
#   3. unit           jest projects node (domain rules, API through HTTP), app and staff-pages (pages in jsdom)
#   4. build:weapp    the development mini-program package (API http://localhost:3000), built once: the weapp tests
#                     run it, and it stays in dist/weapp for WeChat DevTools (with `npm start`). It is never the
#                     package to upload: that is `npm run build:weapp:release`.
#   5. build:h5       production H5 build
#   6. weapp          jest project weapp: dist/weapp compiled by WeChat's wcc/wcsc, rendered by WeChat's simulator
#                     against a real server, and miniprogram-ci's quality check
#   7. e2e            jest project e2e: dist/h5 served by the real server, driven in Chromium
# Each step prints its time, and a table of all of them closes the run. Steps 1 and 2 run side by side (each keeps at
# most one core busy, and the machines here have two); each one's output is printed whole once both have ended. The
# two builds do not: each uses both cores for a while, and side by side they took longer than one after the other
# (measured: 78 s against 16 + 44 s).
#
# Usage: scripts/test.sh [all|check|weapp|e2e]   (npm test, npm run check, npm run test:weapp, npm run test:e2e)
#   check: steps 1–3 only, no builds — the quick inner loop.
set -euo pipefail
cd "$(dirname "$0")/.."

JEST=(node node_modules/jest/bin/jest.js)
TARO=(node node_modules/@tarojs/cli/bin/taro)
if [[ "${CI:-}" == "true" ]]; then JEST+=(--ci); fi

current=""
weapp_built=""
started_all=$SECONDS
current_started=$SECONDS
step_names=()
step_seconds=()
summary() {
  [[ ${#step_names[@]} -gt 0 ]] || return 0
  echo
  echo "  step                                                         time"
  local i
  for i in "${!step_names[@]}"; do
    printf '  %-60s %4d s\n' "${step_names[$i]}" "${step_seconds[$i]}"
  done
  printf '  %-60s %4d s\n' "total" "$((SECONDS - started_all))"
}
on_exit() {
  local status=$?
  if [[ $status -ne 0 && -n "$current" ]]; then
    step_names+=("${current}  ✗ FAILED")
    step_seconds+=("$((SECONDS - current_started))")
    summary
    echo
    echo "✗ npm test FAILED at step: ${current} (exit ${status}). See the output above."
  fi
  if [[ -n "$weapp_built" ]]; then
    echo "  dist/weapp: the development package (API http://localhost:3000), for WeChat DevTools with \`npm start\`;"
    echo "  not for upload — the package to upload is made by \`npm run build:weapp:release\` (see README)."
  fi
}
trap on_exit EXIT

# The commands of the steps, by name, so that a step can run alone or beside another.
TYPECHECK=(node node_modules/typescript/bin/tsc --noEmit -p tsconfig.json)
LINT=(bash -c 'node node_modules/eslint/bin/eslint.js . --max-warnings 0 && node node_modules/prettier/bin/prettier.cjs --check --log-level warn .')
# Whatever TARO_APP_API_BASE the shell has: the tests run this package against their own server (see
# tests/weapp/support/test-api.ts), and what stays in dist/weapp is the plain development package.
BUILD_WEAPP=(env -u TARO_APP_API_BASE "${TARO[@]}" build --type weapp)
# The H5 app is served by the API and calls its own origin: build it without an API address.
BUILD_H5=(env -u TARO_APP_API_BASE "${TARO[@]}" build --type h5)

# Two steps at once (name1 command-array-name1 name2 command-array-name2): each one's output goes to a file and is
# printed when both have ended; each gets its own row in the table; the run fails if either failed.
together() {
  local names=("$1" "$3") arrays=("$2" "$4") logs=() pids=() statuses=() i
  current="$1  +  $3"
  echo
  echo "━━━ ${current}  (side by side)"
  current_started=$SECONDS
  for i in 0 1; do
    logs[i]=$(mktemp)
    local -n command="${arrays[i]}"
    echo "    \$ ${command[*]}"
    (
      began=$SECONDS
      set +e
      "${command[@]}" >"${logs[i]}" 2>&1
      status=$?
      echo "$((SECONDS - began))" >"${logs[i]}.seconds"
      exit "$status"
    ) &
    pids[i]=$!
  done
  for i in 0 1; do
    statuses[i]=0
    wait "${pids[i]}" || statuses[i]=$?
  done
  local failed=""
  for i in 0 1; do
    echo
    echo "──── ${names[i]}"
    cat "${logs[i]}"
    step_seconds+=("$(cat "${logs[i]}.seconds")")
    rm -f "${logs[i]}" "${logs[i]}.seconds"
    if [[ ${statuses[i]} -eq 0 ]]; then
      step_names+=("${names[i]}")
      echo "✓ ${names[i]} (${step_seconds[-1]} s)"
    else
      step_names+=("${names[i]}  ✗ FAILED")
      [[ -n "$failed" ]] || failed="${names[i]}"
    fi
  done
  if [[ -n "$failed" ]]; then
    # The table already has the failed row: on_exit only prints it and names the step.
    current=""
    summary
    echo
    echo "✗ npm test FAILED at step: ${failed}. See its output above."
    exit 1
  fi
  current=""
}

step() {
  current="$1"
  shift
  echo
  echo "━━━ ${current}"
  echo "    \$ $*"
  current_started=$SECONDS
  "$@"
  local took=$((SECONDS - current_started))
  step_names+=("${current}")
  step_seconds+=("${took}")
  echo "✓ ${current} (${took} s)"
}

typecheck() { step "typecheck" "${TYPECHECK[@]}"; }
lint() { step "lint (eslint, no warnings; prettier --check)" "${LINT[@]}"; }
typecheck_and_lint() { together "typecheck" TYPECHECK "lint (eslint, no warnings; prettier --check)" LINT; }
unit() { step "unit tests (jest: node, app, staff-pages)" "${JEST[@]}" --selectProjects node app staff-pages; }
WEAPP_STEP="build:weapp (development package, API http://localhost:3000)"
build_weapp() {
  step "$WEAPP_STEP" "${BUILD_WEAPP[@]}"
  weapp_built=yes
}
build_h5() { step "build:h5" "${BUILD_H5[@]}"; }
weapp_tests() { step "weapp tests (jest: weapp)" "${JEST[@]}" --selectProjects weapp --runInBand; }
e2e_tests() { step "e2e tests (jest: e2e)" "${JEST[@]}" --selectProjects e2e --runInBand; }

case "${1:-all}" in
  all)
    typecheck_and_lint
    unit
    build_weapp
    build_h5
    weapp_tests
    e2e_tests
    ;;
  check)
    typecheck_and_lint
    unit
    ;;
  weapp)
    build_weapp
    weapp_tests
    ;;
  e2e)
    build_h5
    e2e_tests
    ;;
  *)
    echo "usage: scripts/test.sh [all|check|weapp|e2e]" >&2
    exit 2
    ;;
esac
current=""
summary
echo
echo "✓ all checks passed ($((SECONDS - started_all)) s)"
