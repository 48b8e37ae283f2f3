package io.ballast.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ballast lab}: a whole cluster on this machine. Until the lab lands it says so plainly. */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "Starts a whole cluster on this machine (directors, real servers, traffic) and opens the client.")
final class LabCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("ballast lab: the one-command lab is not built yet (see the issue "
                + "\"One-command lab\"); meanwhile `./ballast validate docs/examples/ha-pair.json` and "
                + "`./ballast agent --config docs/examples/agent-userspace.json` work.");
        return ExitCodes.TROUBLE;
    }
}
