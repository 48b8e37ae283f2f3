package io.ballast.app.lab.kernel;

import java.io.IOException;

/** The kernel lab cannot run on this host; the message says what is missing. Nothing was made. */
public final class KernelLabRefused extends IOException {

    private static final long serialVersionUID = 1L;

    public KernelLabRefused(String message) {
        super(message);
    }
}
