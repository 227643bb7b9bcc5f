#!/usr/bin/env bash
# The end-to-end tests drive Debian's Chromium (playwright's own browser download cannot work offline).
# Installs it when missing; needs root or sudo, as on the project's machines and CI.
set -euo pipefail
if [ -n "${RASD_CHROMIUM:-}" ] && [ -x "$RASD_CHROMIUM" ]; then exit 0; fi
if command -v chromium >/dev/null 2>&1; then exit 0; fi
echo "Chromium not found: installing Debian's chromium package for the end-to-end tests" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "error: Chromium is missing and this user cannot install it; install Debian's 'chromium' package or set RASD_CHROMIUM=/path/to/chromium" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium fonts-noto-core >/dev/null
command -v chromium >/dev/null
