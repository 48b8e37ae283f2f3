package io.ballast.model.keepalived;

import io.ballast.model.VirtualService;
import java.util.List;

/** What an import of {@code ipvsadm-save -n} output produced: the services and the lines it could not use. */
public record IpvsadmSaveImport(List<VirtualService> services, ImportReport report) {

    public IpvsadmSaveImport {
        services = List.copyOf(services);
    }
}
