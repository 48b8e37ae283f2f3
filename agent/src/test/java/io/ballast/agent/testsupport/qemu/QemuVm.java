package io.ballast.agent.testsupport.qemu;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Debian kernel booted under QEMU (TCG) with the host root mounted read-only over 9p, for tests that
 * need a kernel this host lacks (IPVS). The kernel and modules come from {@code scripts/vm/fetch-kernel.sh},
 * the initramfs from {@code scripts/vm/build-initramfs.sh}; its init serves commands on a TCP port that
 * QEMU forwards from 127.0.0.1. Boot once per test class; {@link #close()} kills QEMU.
 */
public final class QemuVm implements AutoCloseable {

    /** What one command in the guest printed (stdout and stderr merged) and how it ended. */
    public record Exec(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    private static final String EXIT_MARK = "\n__BALLAST_EXIT__ ";
    private static final int GUEST_PORT = 7000;

    private final Process qemu;
    private final int hostPort;
    private final Path log;
    private final long bootMillis;

    private QemuVm(Process qemu, int hostPort, Path log, long bootMillis) {
        this.qemu = qemu;
        this.hostPort = hostPort;
        this.log = log;
        this.bootMillis = bootMillis;
    }

    /** The extracted kernel: {@code $BALLAST_VM_CACHE} or {@code ~/.cache/ballast/vm}, entry "current". */
    public static Path kernelDir() {
        String cache = System.getenv("BALLAST_VM_CACHE");
        Path base = cache != null ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache/ballast/vm");
        return base.resolve("current");
    }

    public static Path kernel() {
        return kernelDir().resolve("vmlinuz");
    }

    public static Path modules() {
        return kernelDir().resolve("root/lib/modules");
    }

    /** Boots the VM and waits until its command server answers; the console goes to {@code log}. */
    public static QemuVm boot(Path log) throws IOException, InterruptedException {
        Path kernelDir = kernelDir().toRealPath();
        Path initramfs = buildInitramfs(kernelDir);
        int port = freePort();
        List<String> command = new ArrayList<>(List.of("qemu-system-x86_64", "-accel", "tcg", "-cpu", "max",
                "-smp", "1", "-m", "2G", "-nographic", "-no-reboot",
                "-kernel", kernelDir.resolve("vmlinuz").toString(), "-initrd", initramfs.toString(),
                "-append", "console=ttyS0 rdinit=/init panic=-1 quiet ballast.port=" + GUEST_PORT
                        + " ballast.modules=" + kernelDir.resolve("root/lib/modules"),
                "-netdev", "user,id=n0,net=192.0.2.0/24,restrict=on,hostfwd=tcp:127.0.0.1:" + port + "-:" + GUEST_PORT,
                "-device", "virtio-net-pci,netdev=n0",
                "-virtfs", "local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap"));
        Files.createDirectories(log.getParent());
        long start = System.nanoTime();
        Process qemu = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        // A JVM that dies without closing the VM (killed test run) must not leave QEMU spinning.
        Runtime.getRuntime().addShutdownHook(new Thread(qemu::destroyForcibly, "qemu-reaper"));
        QemuVm vm = new QemuVm(qemu, port, log, 0);
        try {
            vm.awaitCommandServer(Duration.ofSeconds(180));
        } catch (IOException | RuntimeException e) {
            vm.close();
            throw e;
        }
        return new QemuVm(qemu, port, log, (System.nanoTime() - start) / 1_000_000);
    }

    /** Milliseconds from starting QEMU until the guest answered its first command. */
    public long bootMillis() {
        return bootMillis;
    }

    /** Runs a shell command in the chroot of the host root inside the guest. */
    public Exec exec(String shellCommand, Duration timeout) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", hostPort), 5_000);
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            InputStream in = socket.getInputStream();
            String banner = readLine(in);
            if (!banner.equals("BALLAST-READY")) {
                throw new IOException("the guest command server did not greet (got '" + banner + "'); see " + log);
            }
            OutputStream out = socket.getOutputStream();
            out.write(Base64.getEncoder().encode(shellCommand.getBytes(StandardCharsets.UTF_8)));
            out.write('\n');
            out.flush();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int mark = text.lastIndexOf(EXIT_MARK);
            if (mark < 0) {
                throw new IOException("the guest closed the connection before '" + shellCommand
                        + "' finished; output so far: " + text);
            }
            return new Exec(Integer.parseInt(text.substring(mark + EXIT_MARK.length()).strip()), text.substring(0, mark));
        }
    }

    /** Like {@link #exec} but fails with the output when the command does not exit 0. */
    public String run(String shellCommand, Duration timeout) throws IOException {
        Exec result = exec(shellCommand, timeout);
        if (!result.ok()) {
            throw new AssertionError("in the VM, '" + shellCommand + "' exited " + result.exitCode() + ":\n"
                    + result.output());
        }
        return result.output();
    }

    /** A {@code java} command line that runs {@code mainClass} with this JVM's test classpath. */
    public static String javaCommand(String mainClass, String... args) {
        return javaCommand(List.of(), mainClass, args);
    }

    /** Like {@link #javaCommand(String, String...)} with extra JVM options. */
    public static String javaCommand(List<String> jvmOptions, String mainClass, String... args) {
        String classPath = java.util.Arrays.stream(System.getProperty("surefire.test.class.path",
                        System.getProperty("java.class.path")).split(java.io.File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().toString()) // the guest's working directory is /tmp
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        StringBuilder out = new StringBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // C1 only and a serial GC: under TCG a JVM spends its first seconds compiling, not working.
        out.append(" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss1m");
        for (String option : jvmOptions) {
            out.append(' ').append(option);
        }
        out.append(" -cp '").append(classPath).append("' ")
                .append(mainClass);
        for (String arg : args) {
            out.append(" '").append(arg).append('\'');
        }
        return out.toString();
    }

    /**
     * CPU time QEMU has used so far (user + system, from /proc/PID/stat). Under TCG every guest
     * instruction is QEMU's work, so the difference across a step measures the step's cost even when
     * other work on the host stretches its wall time.
     */
    public long cpuMillis() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(qemu.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
        return ticks * 1000 / 100; // USER_HZ is 100 on Linux
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        qemu.destroyForcibly();
        try {
            qemu.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitCommandServer(Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!qemu.isAlive()) {
                throw new IOException("QEMU exited with " + qemu.exitValue() + " while booting; see " + log);
            }
            try {
                if (exec("true", Duration.ofSeconds(10)).ok()) {
                    return;
                }
            } catch (IOException e) {
                Thread.sleep(250); // not listening yet: QEMU accepts and the guest resets
            }
        }
        throw new IOException("the VM did not answer within " + limit.toSeconds() + " s; see " + log);
    }

    private static Path buildInitramfs(Path kernelDir) throws IOException, InterruptedException {
        Path script = scriptsDir().resolve("build-initramfs.sh");
        Process build = new ProcessBuilder(script.toString(), kernelDir.toString()).redirectErrorStream(true).start();
        String output = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (build.waitFor() != 0) {
            throw new IOException("build-initramfs.sh failed: " + output);
        }
        String[] lines = output.split("\n");
        return Path.of(lines[lines.length - 1]);
    }

    private static Path scriptsDir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("scripts/vm"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no scripts/vm above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("scripts/vm");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            line.append((char) c);
        }
        return line.toString();
    }
}
