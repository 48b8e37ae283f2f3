package io.ballast.app.editing.job;

import io.ballast.model.ClusterSpec;
import io.ballast.model.Director;
import io.ballast.model.FailoverSettings;
import io.ballast.model.RealServer;
import io.ballast.model.VirtualService;

/**
 * A typed place in a spec: which record (by index, as the Validator's JSON pointers count) and which
 * field. {@link #pointer()} is the same pointer the Validator uses, so its problems land on the field.
 *
 * @param <T> the field's type
 */
public final class SpecPath<T> {

    private final String pointer;
    private final String label;
    private final Class<T> type;
    private final java.util.function.Function<ClusterSpec, T> reader;
    private final java.util.function.BiFunction<ClusterSpec, T, ClusterSpec> writer;

    private SpecPath(String pointer, String label, Class<T> type, java.util.function.Function<ClusterSpec, T> reader,
                     java.util.function.BiFunction<ClusterSpec, T, ClusterSpec> writer) {
        this.pointer = pointer;
        this.label = label;
        this.type = type;
        this.reader = reader;
        this.writer = writer;
    }

    public static <T> SpecPath<T> realServer(int service, int server, Property<RealServer, T> property) {
        return new SpecPath<>("/virtualServices/" + service + "/realServers/" + server + "/" + property.json(),
                property.label(), property.type(),
                spec -> property.read(spec.virtualServices().get(service).realServers().get(server)),
                (spec, value) -> {
                    VirtualService vs = spec.virtualServices().get(service);
                    RealServer changed = property.write(vs.realServers().get(server), value);
                    return SpecEdits.withService(spec, service, SpecEdits.withServer(vs, server, changed));
                });
    }

    public static <T> SpecPath<T> service(int service, Property<VirtualService, T> property) {
        return new SpecPath<>("/virtualServices/" + service + "/" + property.json(), property.label(), property.type(),
                spec -> property.read(spec.virtualServices().get(service)),
                (spec, value) -> SpecEdits.withService(spec, service,
                        property.write(spec.virtualServices().get(service), value)));
    }

    public static <T> SpecPath<T> director(int director, Property<Director, T> property) {
        return new SpecPath<>("/directors/" + director + "/" + property.json(), property.label(), property.type(),
                spec -> property.read(spec.directors().get(director)),
                (spec, value) -> SpecEdits.withDirector(spec, director,
                        property.write(spec.directors().get(director), value)));
    }

    public static <T> SpecPath<T> failover(Property<FailoverSettings, T> property) {
        return new SpecPath<>("/failover/" + property.json(), property.label(), property.type(),
                spec -> property.read(spec.failover()),
                (spec, value) -> new ClusterSpec(spec.schemaVersion(), spec.name(), spec.form(), spec.revision(),
                        spec.directors(), spec.virtualServices(), property.write(spec.failover(), value)));
    }

    public static <T> SpecPath<T> cluster(Property<ClusterSpec, T> property) {
        return new SpecPath<>("/" + property.json(), property.label(), property.type(), property::read, property::write);
    }

    /** True when the place exists in {@code spec} (indices in range, failover section present). */
    public boolean existsIn(ClusterSpec spec) {
        try {
            reader.apply(spec);
            return true;
        } catch (IndexOutOfBoundsException | NullPointerException e) {
            return false;
        }
    }

    public T read(ClusterSpec spec) {
        return reader.apply(spec);
    }

    public ClusterSpec write(ClusterSpec spec, T value) {
        return writer.apply(spec, value);
    }

    public String pointer() {
        return pointer;
    }

    public String label() {
        return label;
    }

    public Class<T> type() {
        return type;
    }

    @Override
    public String toString() {
        return pointer;
    }
}
