#!/usr/bin/env bash
# Installs every Debian 12 package caredesk needs to build, run and test. Safe to run again.
set -euo pipefail

packages=(
  # toolchain
  build-essential g++ cmake ninja-build pkg-config git ca-certificates curl
  # time zones: the OS tz database read by HowardHinnant date/tz
  tzdata libhowardhinnant-date-dev
  # core and command line libraries
  libfmt-dev libspdlog-dev libtomlplusplus-dev libexpected-dev libcli11-dev nlohmann-json3-dev
  # storage: SQLite (embedded default), PostgreSQL client and server (tests start their own),
  # Snowball stemmers for English and Spanish search
  libsqlite3-dev libpq-dev postgresql-15 libstemmer-dev
  # the published text of a policy (Markdown), rendered for the portal
  libcmark-dev
  # the HTTP server: Boost.Beast/Asio, Boost.Context (the fibers writes run on), Prometheus
  # metrics, libsodium (passwords, tokens)
  libboost-dev libboost-context-dev prometheus-cpp-dev libsodium-dev
  # mail: MIME (GMime), HTML sanitising (gumbo), SMTP and IMAP (libcurl), templates (mstch),
  # printable letters (cairo + pango)
  libgmime-3.0-dev libgumbo-dev libcurl4-openssl-dev libmstch-dev libcairo2-dev libpango1.0-dev
  # report exports: spreadsheets (XLSX) of the report tables and the complaints register
  libxlsxwriter-dev
  # the mail tests' own servers: Dovecot (IMAP) and Postfix's smtp-sink; openssl for their
  # certificates; poppler-utils to read back the PDFs caredesk writes
  dovecot-imapd postfix openssl poppler-utils
  # unzip reads back the XLSX workbooks caredesk writes
  unzip
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev wrk
  # the web UI's browser tests: Debian's Chromium (driven by playwright-core) and fonts for it
  chromium fonts-dejavu-core fonts-liberation
)

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo_cmd=(sudo)
  else
    echo "install-deps: run as root or install sudo" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
# Postfix is installed for its smtp-sink test server only: no system mail service.
if command -v debconf-set-selections >/dev/null 2>&1; then
  echo "postfix postfix/main_mailer_type select No configuration" |
    "${sudo_cmd[@]}" debconf-set-selections
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  "${sudo_cmd[@]}" apt-get update -q
  "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Node.js for the web UI's build and tests, and web/'s npm packages.
scripts/install-node.sh
