#!/bin/sh
# Renders the BufferDeck icon from bufferdeck.svg: PNGs, a Windows .ico, a macOS .icns when
# png2icns is there, and the runtime copies the app loads as window icons.
# Needs: rsvg-convert (Debian: librsvg2-bin), convert (imagemagick); optional png2icns (icnsutils).
set -eu
cd "$(dirname "$0")"
for size in 16 32 48 64 128 256 512; do
  rsvg-convert --width "$size" --height "$size" --format png --output "bufferdeck-$size.png" bufferdeck.svg
done
convert bufferdeck-16.png bufferdeck-32.png bufferdeck-48.png bufferdeck-64.png bufferdeck-128.png bufferdeck-256.png bufferdeck.ico
if command -v png2icns >/dev/null 2>&1; then
  png2icns bufferdeck.icns bufferdeck-16.png bufferdeck-32.png bufferdeck-128.png bufferdeck-256.png bufferdeck-512.png >/dev/null
else
  echo "png2icns not found (apt-get install icnsutils): bufferdeck.icns not rendered" >&2
fi
runtime=../src/main/resources/dev/bufferdeck/ui/icons
mkdir -p "$runtime"
for size in 16 32 48 64 128 256 512; do
  cp "bufferdeck-$size.png" "$runtime/bufferdeck-$size.png"
done
