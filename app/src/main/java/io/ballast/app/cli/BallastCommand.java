package io.ballast.app.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ballast} command line. Without a subcommand it opens the desktop client; the headless
 * subcommands work without a display. {@code ballast agent} is handled by the launcher script, which
 * starts the agent's own main: the client never links the agent.
 */
@Command(name = "ballast",
        mixinStandardHelpOptions = true,
        versionProvider = BallastVersion.class,
        description = "Runs Linux Virtual Server clusters: desktop client, lab and headless tools.",
        subcommands = {ValidateCommand.class, PlanCommand.class, LabCommand.class, ImportCommand.class, ExportCommand.class})
public final class BallastCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        DesktopLauncher.launch(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns its exit code; tests call this. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new BallastCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((ex, cl, parseResult) -> {
            // An unexpected failure still reaches the operator as a sentence, not a stack trace.
            cl.getErr().println("ballast: " + ex.getMessage());
            return ExitCodes.TROUBLE;
        });
        return commandLine.execute(args);
    }
}
