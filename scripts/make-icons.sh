#!/usr/bin/env bash
# Regenerates the app icons in build/ with ImageMagick: a page with lines and a tick on the app's
# header blue. build/icon.png (1024 px) is the source for macOS (electron-builder makes the .icns),
# build/icons/NxN.png the Linux set, build/icon.ico the Windows icon.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p build/icons
convert -size 1024x1024 xc:none \
  -fill '#1d4f6e' -draw 'roundrectangle 48,48 976,976 200,200' \
  -fill white -draw 'roundrectangle 292,180 732,844 44,44' \
  -fill none -stroke '#5694ca' -strokewidth 40 \
  -draw 'stroke-linecap round line 372,340 652,340' \
  -draw 'stroke-linecap round line 372,450 652,450' \
  -draw 'stroke-linecap round line 372,560 520,560' \
  -stroke '#00703c' -strokewidth 64 \
  -draw 'stroke-linecap round stroke-linejoin round polyline 548,680 616,752 760,596' \
  -depth 8 build/icon.png
for size in 16 24 32 48 64 128 256 512; do
  convert build/icon.png -resize "${size}x${size}" -depth 8 "build/icons/${size}x${size}.png"
done
rm -f build/icon.ico
convert build/icon.png -depth 8 -define icon:auto-resize=256,128,64,48,32,16 build/icon.ico
