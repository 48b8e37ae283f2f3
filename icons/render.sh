#!/bin/sh
# Renders every icons/src/*.svg to PNG in the sizes the desktop and the packages need, and copies the
# application icon into the app's resources (window icons). Needs rsvg-convert (Debian: librsvg2-bin).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/target/png"
app="$here/../app/src/main/resources/io/ballast/app/icons"
sizes="16 24 32 48 64 128 256"

if ! command -v rsvg-convert >/dev/null 2>&1; then
    echo "render.sh: rsvg-convert is missing; install it with: apt-get install librsvg2-bin" >&2
    exit 1
fi
mkdir -p "$out" "$app"
for svg in "$here"/src/*.svg; do
    name=$(basename "$svg" .svg)
    for size in $sizes; do
        rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio "$svg" --output "$out/$name-$size.png"
    done
done
for size in $sizes; do
    cp "$out/ballast-$size.png" "$app/ballast-$size.png"
done
echo "render.sh: $(ls "$out" | wc -l) PNGs in $out; application icons copied to $app"
