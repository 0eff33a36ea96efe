#!/usr/bin/env bash
# On a Mac build machine: sign every binary of the PyInstaller folder with the committee's
# Developer ID (hardened runtime), pack it, have Apple notarize it, and staple the ticket.
#   scripts/release/macos/sign-and-notarize.sh "Developer ID Application: Committee (TEAMID)" PROFILE
# PROFILE is a notarytool keychain profile (xcrun notarytool store-credentials PROFILE ...).
set -euo pipefail
identity=$1 profile=$2
bundle=${BUNDLE:-dist/mmc-mms}
entitlements="$(dirname "$0")/entitlements.plist"
# Inner libraries first, the programs last: a signature covers what it loads.
find "$bundle/_internal" -type f \( -name "*.so" -o -name "*.dylib" -o -perm -u+x \) -print0 |
  xargs -0 -n 20 codesign --force --timestamp --options runtime --sign "$identity"
for program in mmc mmc-kiosk mmc-staffdesk mmc-display mmc-server; do
  codesign --force --timestamp --options runtime --entitlements "$entitlements" --sign "$identity" "$bundle/$program"
done
codesign --verify --deep --strict --verbose=2 "$bundle/mmc"
archive="dist/mmc-mms-macos.zip"
ditto -c -k --keepParent "$bundle" "$archive"
xcrun notarytool submit "$archive" --keychain-profile "$profile" --wait
# A zip cannot carry a stapled ticket; the .dmg or .pkg made from the folder is stapled:
if [ -n "${DMG:-}" ]; then
  codesign --force --timestamp --sign "$identity" "$DMG"
  xcrun notarytool submit "$DMG" --keychain-profile "$profile" --wait
  xcrun stapler staple "$DMG"
  spctl --assess --type open --context context:primary-signature -v "$DMG"
fi
echo "signed and notarized: $archive ${DMG:-}"
