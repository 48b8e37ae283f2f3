package io.ballast.app.cli;

import io.ballast.app.BallastDesktop;
import io.ballast.app.lab.Lab;
import io.ballast.app.lab.LabForm;
import io.ballast.app.lab.LabHost;
import java.io.PrintWriter;

/** Opens the desktop client, alone or showing a lab it starts; the lab stops when the window closes. */
final class DesktopLauncher {

    private DesktopLauncher() {
    }

    static void launch(PrintWriter out, PrintWriter err) {
        BallastDesktop.launch(new String[0]);
    }

    static int launchLab(LabForm form, LabHost host, int rate, PrintWriter err) throws Exception {
        err.println("ballast lab: starting a " + form + " cluster (agents, real servers, traffic) " + host.describe()
                + " …");
        try (Lab lab = Lab.start(form, host, rate)) {
            err.println("ballast lab: running; logs in " + lab.directory() + "; closing the window stops it");
            BallastDesktop.launchLab(lab, rate);
            return ExitCodes.OK;
        }
    }
}
