#!/usr/bin/env bash
# npm test — every check of the project, in order, stopping at the first failure:
#   1. typecheck      tsc --noEmit over app, server, tests and scripts
#   2. unit           jest projects node (domain rules, API through HTTP) and app (pages in jsdom)
#   3. build:weapp    production mini-program build, API address = the simulator test's server
#   4. build:h5       production H5 build
#   5. weapp          jest project weapp: dist/weapp rendered by WeChat's simulator + miniprogram-ci quality check
#   6. e2e            jest project e2e: dist/h5 served by the real server, driven in Chromium
#   7. build:weapp    rebuild with the normal API address, so dist/weapp is what WeChat DevTools should open
#
# Usage: scripts/test.sh [all|weapp|e2e]   (npm test, npm run test:weapp, npm run test:e2e)
set -euo pipefail
cd "$(dirname "$0")/.."

# The simulator test runs the real API on this loopback port; the weapp build under test points at it
# (the API address is a build-time setting, see config/api-base-url.ts).
# A free port, picked now: two runs on one machine (or anything on a fixed port) must not collide.
free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
export WEAPP_TEST_API_PORT="${WEAPP_TEST_API_PORT:-$(free_port)}"
export WEAPP_TEST_API_BASE="http://127.0.0.1:${WEAPP_TEST_API_PORT}"

JEST=(node node_modules/jest/bin/jest.js)
TARO=(node node_modules/@tarojs/cli/bin/taro)
if [[ "${CI:-}" == "true" ]]; then JEST+=(--ci); fi

current=""
weapp_built_for_test=""
started_all=$SECONDS
on_exit() {
  local status=$?
  if [[ $status -ne 0 && -n "$current" ]]; then
    echo
    echo "✗ npm test FAILED at step: ${current} (exit ${status}). See the output above."
  fi
  if [[ -n "$weapp_built_for_test" ]]; then
    echo "  Note: dist/weapp is the simulator's build (API ${WEAPP_TEST_API_BASE}); run \`npm run build:weapp\` before opening it in WeChat DevTools."
  fi
}
trap on_exit EXIT

step() {
  current="$1"
  shift
  echo
  echo "━━━ ${current}"
  echo "    \$ $*"
  local started=$SECONDS
  "$@"
  echo "✓ ${current} ($((SECONDS - started)) s)"
}

typecheck() { step "typecheck" node node_modules/typescript/bin/tsc --noEmit -p tsconfig.json; }
unit() { step "unit tests (jest: node, app, staff-pages)" "${JEST[@]}" --selectProjects node app staff-pages; }
build_weapp_for_test() {
  weapp_built_for_test=yes
  step "build:weapp for the simulator (API ${WEAPP_TEST_API_BASE})" \
    env TARO_APP_API_BASE="$WEAPP_TEST_API_BASE" "${TARO[@]}" build --type weapp
}
build_weapp_default() {
  step "build:weapp (the configured API address, for WeChat DevTools)" "${TARO[@]}" build --type weapp
  weapp_built_for_test=""
}
# The H5 app is served by the API and calls its own origin: build it without an API address.
build_h5() { step "build:h5" env -u TARO_APP_API_BASE "${TARO[@]}" build --type h5; }
weapp_tests() { step "weapp tests (jest: weapp)" "${JEST[@]}" --selectProjects weapp --runInBand; }
e2e_tests() { step "e2e tests (jest: e2e)" "${JEST[@]}" --selectProjects e2e --runInBand; }

case "${1:-all}" in
  all)
    typecheck
    unit
    build_weapp_for_test
    build_h5
    weapp_tests
    e2e_tests
    build_weapp_default
    ;;
  weapp)
    build_weapp_for_test
    weapp_tests
    build_weapp_default
    ;;
  e2e)
    build_h5
    e2e_tests
    ;;
  *)
    echo "usage: scripts/test.sh [all|weapp|e2e]" >&2
    exit 2
    ;;
esac
current=""
echo
echo "✓ all checks passed ($((SECONDS - started_all)) s)"
