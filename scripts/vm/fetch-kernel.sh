#!/bin/sh
# Fetches the current Debian kernel package (whatever linux-image-amd64 depends on today) and
# extracts vmlinuz and its module tree into the VM cache, for the IPVS-in-QEMU test harness.
# Idempotent: a version already extracted is not downloaded again. Never pins a version.
#
#   scripts/vm/fetch-kernel.sh            # prints the directory of the extracted kernel
#   BALLAST_VM_CACHE=/some/dir scripts/vm/fetch-kernel.sh
set -eu

cache="${BALLAST_VM_CACHE:-$HOME/.cache/ballast/vm}"
mkdir -p "$cache"

# linux-image-amd64 is a metapackage; its Depends names the real image package of the day.
package=$(apt-cache depends linux-image-amd64 2>/dev/null \
    | sed -n 's/^ *Depends: \(linux-image-[0-9][^ ]*\)$/\1/p' | head -n 1)
if [ -z "$package" ]; then
    echo "fetch-kernel: apt-cache cannot resolve linux-image-amd64; run apt-get update first" >&2
    exit 1
fi
version=${package#linux-image-}
target="$cache/$version"

if [ ! -f "$target/.complete" ]; then
    rm -rf "$target"
    mkdir -p "$target/download"
    # As root, apt's download sandbox user cannot write into a home directory; download as root then.
    sandbox=""
    [ "$(id -u)" = 0 ] && sandbox="-o APT::Sandbox::User=root"
    (cd "$target/download" && apt-get $sandbox download "$package" >/dev/null)
    deb=$(ls "$target/download"/*.deb | head -n 1)
    dpkg-deb -x "$deb" "$target/root"
    # The package ships no modules.dep (postinst makes it); build it against the extracted tree.
    depmod -b "$target/root" "$version"
    cp "$target/root/boot/vmlinuz-$version" "$target/vmlinuz"
    rm -rf "$target/download"
    touch "$target/.complete"
fi
ln -sfn "$version" "$cache/current"
echo "$target"
