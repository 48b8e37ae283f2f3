package io.ballast.app.cli;

import io.ballast.app.lab.Lab;
import io.ballast.app.lab.LabForm;
import java.io.PrintWriter;

/** Opens the desktop client, alone or connected to a lab it starts. */
final class DesktopLauncher {

    private DesktopLauncher() {
    }

    static void launch(PrintWriter out, PrintWriter err) {
        err.println("ballast: the desktop client is not built yet; try `./ballast --help` for the headless commands.");
    }

    /** Starts the lab, shows it until the window closes, then stops every lab process. */
    static int launchLab(LabForm form, int realServers, int rate, PrintWriter err) throws Exception {
        try (Lab lab = Lab.start(form, realServers, rate)) {
            err.println("ballast lab: " + form + " cluster running; agents: " + lab.endpoints().values()
                    + " — the desktop client is not built yet, press Ctrl+C to stop");
            Thread.currentThread().join();
            return ExitCodes.OK;
        }
    }
}
