#!/bin/sh
# Builds the initramfs of the IPVS test VM from busybox-static and the modules of the kernel that
# fetch-kernel.sh extracted. The init loads virtio, 9p, netfilter and every ip_vs scheduler the
# kernel ships (in the order `modprobe --show-depends` gives), mounts the host root read-only over
# 9p, and serves commands run in a chroot of it (see guest-init.sh). Idempotent.
#
#   scripts/vm/build-initramfs.sh [KERNEL_DIR]    # prints the path of the initramfs
set -eu

here=$(cd "$(dirname "$0")" && pwd)
kdir=${1:-$("$here/fetch-kernel.sh")}
version=$(basename "$(readlink -f "$kdir")")
modroot="$kdir/root"
out="$kdir/initramfs.cpio.gz"

if [ -f "$out" ] && [ "$out" -nt "$here/guest-init.sh" ] && [ "$out" -nt "$0" ]; then
    echo "$out"
    exit 0
fi

busybox=$(command -v busybox || true)
if [ -z "$busybox" ] || ! file -L "$busybox" | grep -q 'statically linked'; then
    echo "build-initramfs: needs busybox-static (apt-get install busybox-static)" >&2
    exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/modules" "$work/proc" "$work/sys" "$work/dev" "$work/host" "$work/tmp"
cp "$busybox" "$work/bin/busybox"
for applet in sh mount umount insmod mkdir chroot ip sleep cat echo base64 nc poweroff reboot ln \
              printf mknod sync sysctl; do
    ln -s busybox "$work/bin/$applet"
done

# Boot modules first (to reach the host root), then what the tests and the plane need.
boot="virtio_pci virtio_net 9pnet_virtio 9p overlay"
net="veth nf_conntrack nf_nat nf_defrag_ipv6 ip_vs"
schedulers=$(ls "$modroot/lib/modules/$version/kernel/net/netfilter/ipvs/" \
    | sed -n 's/^\(ip_vs_[a-z]*\)\.ko.*$/\1/p' | grep -v -e '^ip_vs_ftp$' -e '^ip_vs_pe_' || true)
: > "$work/modules/order"
for module in $boot $net $schedulers; do
    modprobe -d "$modroot" -S "$version" --show-depends "$module" | while read -r kind path _; do
        [ "$kind" = insmod ] || continue
        name=$(basename "$path")
        if ! grep -qx "$name" "$work/modules/order"; then
            cp "$path" "$work/modules/$name"
            echo "$name" >> "$work/modules/order"
        fi
    done
done

cp "$here/guest-init.sh" "$work/init"
chmod +x "$work/init"
(cd "$work" && find . | cpio -o -H newc --quiet | gzip -1) > "$out.tmp"
mv "$out.tmp" "$out"
echo "$out"
