#!/bin/sh
# /init of the IPVS test VM (busybox). Loads the modules listed in /modules/order, mounts the host
# root read-only over 9p at /host, gives the chroot writable tmpfs dirs and the guest kernel's own
# module tree, then serves commands: each TCP connection on ballast.port gets "BALLAST-READY", sends
# one base64 line (a shell command), and receives its output followed by "__BALLAST_EXIT__ <code>".
export PATH=/bin

mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev

param() {
    for word in $(cat /proc/cmdline); do
        case "$word" in "$1="*) echo "${word#*=}"; return ;; esac
    done
}
port=$(param ballast.port)
modules=$(param ballast.modules)

for module in $(cat /modules/order); do
    insmod "/modules/$module" 2>/dev/null || echo "ballast-init: insmod $module failed"
done

mount -t 9p -o trans=virtio,version=9p2000.L,ro,msize=262144 hostroot /host || {
    echo "ballast-init: cannot mount the host root over 9p"; poweroff -f; }
mount -t proc proc /host/proc
mount -t sysfs sys /host/sys
mount -t devtmpfs dev /host/dev
mkdir -p /host/dev/pts 2>/dev/null; mount -t devpts devpts /host/dev/pts 2>/dev/null
mount -t tmpfs tmpfs /host/dev/shm 2>/dev/null
for dir in /tmp /run /var/tmp /var/lib /var/log; do
    mount -t tmpfs -o mode=1777 tmpfs "/host$dir"
done
# /usr/lib gets a tmpfs overlay so the guest kernel's module tree can appear at /lib/modules/<release>
# (the host has no such directory, and 9p is read-only).
mkdir -p /rw && mount -t tmpfs tmpfs /rw && mkdir -p /rw/upper /rw/work
mount -t overlay overlay -o lowerdir=/host/usr/lib,upperdir=/rw/upper,workdir=/rw/work /host/usr/lib \
    || echo "ballast-init: no overlay on /usr/lib; the guest has no /lib/modules"
release=$(cat /proc/sys/kernel/osrelease)
if [ -n "$modules" ] && [ -d "/host$modules/$release" ]; then
    mkdir -p "/host/usr/lib/modules/$release"
    mount --bind "/host$modules/$release" "/host/usr/lib/modules/$release"
fi
# Modules the kernel asks for later (request_module) come from the chroot's kmod and module tree.
printf '#!/bin/sh\nexec /bin/chroot /host /sbin/modprobe "$@"\n' > /bin/chroot-modprobe
chmod +x /bin/chroot-modprobe
echo /bin/chroot-modprobe > /proc/sys/kernel/modprobe

ip link set lo up
ip link set eth0 up
ip addr add 192.0.2.15/24 dev eth0
ip route add default via 192.0.2.2

cat > /bin/handler <<'HANDLER'
#!/bin/sh
echo BALLAST-READY
read -r line
command=$(echo "$line" | base64 -d)
/bin/busybox env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/tmp LANG=C.UTF-8 \
    /bin/chroot /host /bin/sh -c "cd /tmp && $command" </dev/null 2>&1
printf '\n__BALLAST_EXIT__ %s\n' "$?"
HANDLER
chmod +x /bin/handler

echo "BALLAST-GUEST-READY port=$port kernel=$release"
while true; do
    nc -ll -p "$port" -e /bin/handler
    sleep 1
done
