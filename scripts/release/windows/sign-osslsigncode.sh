#!/usr/bin/env bash
# Sign Windows programs from Linux with osslsigncode (the same as windows/sign.ps1 does
# with signtool), then verify each signature.
#   scripts/release/windows/sign-osslsigncode.sh CERT.pem KEY.pem CA.pem FILE.exe...
# Set TIMESTAMP_URL for a release (the signature then outlives the certificate).
set -euo pipefail
cert=$1 key=$2 ca=$3; shift 3
for file in "$@"; do
  args=(sign -certs "$cert" -key "$key" -n "MMC-MMS" -h sha256)
  [ -n "${TIMESTAMP_URL:-}" ] && args+=(-ts "$TIMESTAMP_URL")
  osslsigncode "${args[@]}" -in "$file" -out "$file.signed"
  mv "$file.signed" "$file"
  osslsigncode verify -CAfile "$ca" -in "$file" >/dev/null
  echo "signed and verified: $file"
done
