package io.ballast.app.cli;

import io.ballast.app.lab.DrillResult;
import io.ballast.app.lab.FailoverDrill;
import io.ballast.app.lab.Lab;
import io.ballast.app.lab.LabForm;
import io.ballast.app.lab.LabHost;
import io.ballast.app.lab.LoopbackHost;
import io.ballast.app.lab.kernel.KernelLab;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ballast lab}: a whole cluster on this machine — director agents, real servers and traffic —
 * opened in the desktop client; {@code --headless} runs a failover drill instead and reports it.
 * {@code --kernel} runs it in network namespaces with the nftables plane and keepalived (root, Linux).
 */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "Starts a whole cluster on this machine (directors, real servers, traffic) and opens the client.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the lab ran (headless: traffic recovered after the drill)",
                        "1:headless: traffic did not recover", "2:the lab could not start"})
final class LabCommand implements Callable<Integer> {

    @Option(names = "--form", defaultValue = "ha-pair", paramLabel = "FORM",
            description = "single, ha-pair or streamline (default: ${DEFAULT-VALUE})")
    private String form;

    @Option(names = "--headless", description = "no window: run a failover drill, print the takeover time, exit")
    private boolean headless;

    @Option(names = "--duration", defaultValue = "60s", paramLabel = "TIME",
            description = "headless: upper bound of the whole run, e.g. 60s or 2m (default: ${DEFAULT-VALUE})")
    private String duration;

    @Option(names = "--rate", defaultValue = "50", paramLabel = "N", description = "requests per second (default: ${DEFAULT-VALUE})")
    private int rate;

    @Option(names = "--real-servers", defaultValue = "3", paramLabel = "N",
            description = "real servers behind the VIP, for single and ha-pair (default: ${DEFAULT-VALUE})")
    private int realServers;

    @Option(names = "--kernel",
            description = "as root on Linux: the same preset in network namespaces, with the nftables plane and keepalived")
    private boolean kernel;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        LabForm labForm;
        Duration budget;
        try {
            labForm = LabForm.fromCli(form);
            budget = DurationText.parse(duration);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("ballast lab: " + e.getMessage());
            return ExitCodes.TROUBLE;
        }
        LabHost host;
        try {
            // KernelLab is only touched with --kernel: the plain lab loads nothing Linux-only.
            host = kernel ? KernelLab.prepare(labForm, realServers) : new LoopbackHost(labForm, realServers);
        } catch (IOException | RuntimeException e) {
            spec.commandLine().getErr().println("ballast lab: " + e.getMessage());
            return ExitCodes.TROUBLE;
        }
        if (!headless) {
            return DesktopLauncher.launchLab(labForm, host, rate, spec.commandLine().getErr());
        }
        spec.commandLine().getOut().println("ballast lab: starting a " + labForm + " cluster " + host.describe() + " …");
        try (Lab lab = Lab.start(labForm, host, rate)) {
            FailoverDrill drill = new FailoverDrill(lab);
            DrillResult result = drill.run(budget.dividedBy(2));
            spec.commandLine().getOut().println(result.describe());
            return result.recovered() ? ExitCodes.OK : ExitCodes.PROBLEMS;
        }
    }
}
