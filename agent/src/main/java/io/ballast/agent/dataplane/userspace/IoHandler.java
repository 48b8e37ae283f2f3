package io.ballast.agent.dataplane.userspace;

import java.nio.channels.SelectionKey;

/** What a registered channel does when the selector finds it ready; attached to its key. */
interface IoHandler {

    /** Called on the event loop; must not throw — a broken connection closes itself. */
    void ready(SelectionKey key);
}
