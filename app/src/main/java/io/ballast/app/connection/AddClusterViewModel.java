package io.ballast.app.connection;

import io.ballast.app.concurrent.TaskExecutor;
import io.ballast.tls.Fingerprints;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The "add cluster" form: agent addresses, token, optional expected fingerprints. Checking
 * contacts each agent only to read its certificate's fingerprint; a fingerprint that was not
 * pasted beforehand must be confirmed by the operator before anything is saved.
 */
public final class AddClusterViewModel {

    /** Reads the fingerprint an agent presents; the real one opens a TLS connection. */
    public interface FingerprintProbe {
        String fingerprint(String address) throws AgentException;
    }

    /** What one agent presented. {@code matches} is null when no fingerprint was pasted to compare with. */
    public record Probe(String address, String fingerprint, Boolean matches, String error) {
        public boolean ok() {
            return error == null && !Boolean.FALSE.equals(matches);
        }
    }

    private final TaskExecutor executor;
    private final FingerprintProbe probe;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty addresses = new SimpleStringProperty("");
    private final StringProperty token = new SimpleStringProperty("");
    private final StringProperty expectedFingerprints = new SimpleStringProperty("");
    private final BooleanProperty trustConfirmed = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ObservableList<Probe> probes = FXCollections.observableArrayList();
    private final BooleanBinding canSave;

    public AddClusterViewModel(TaskExecutor executor, FingerprintProbe probe) {
        this.executor = executor;
        this.probe = probe;
        // any edit of the form makes earlier checks void: what was checked is what gets saved
        name.addListener(o -> problem.set(""));
        addresses.addListener(o -> probes.clear());
        expectedFingerprints.addListener(o -> probes.clear());
        canSave = Bindings.createBooleanBinding(() -> {
            List<String> list = addressList();
            if (probes.isEmpty() || probes.size() != list.size() || !probes.stream().allMatch(Probe::ok)) {
                return false;
            }
            boolean allPinnedBeforehand = probes.stream().allMatch(p -> Boolean.TRUE.equals(p.matches()));
            return allPinnedBeforehand || trustConfirmed.get();
        }, probes, trustConfirmed, addresses);
    }

    /** Production wiring: probes through {@link AgentClient}. */
    public static AddClusterViewModel withAgents(TaskExecutor executor) {
        return new AddClusterViewModel(executor, address -> new AgentClient(AgentEndpoint.of(address, null, null)).presentedFingerprint());
    }

    /** Validates the form, then reads every agent's fingerprint in the background. */
    public void check() {
        probes.clear();
        trustConfirmed.set(false);
        String invalid = validate();
        problem.set(invalid);
        if (!invalid.isEmpty()) {
            return;
        }
        Set<String> expected = expected();
        for (String address : addressList()) {
            executor.execute(() -> probe.fingerprint(address),
                    fingerprint -> probes.add(new Probe(address, fingerprint,
                            expected.isEmpty() ? null : expected.contains(fingerprint), null)),
                    error -> probes.add(new Probe(address, null, null, error.getMessage())));
        }
    }

    private String validate() {
        if (name.get().isBlank()) {
            return "Give the cluster a name.";
        }
        List<String> list = addressList();
        if (list.isEmpty()) {
            return "Enter at least one agent address, e.g. 192.0.2.11:9443.";
        }
        for (String address : list) {
            try {
                AgentEndpoint.of(address, null, null);
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }
        if (token.get().isBlank()) {
            return "Enter the agents' API token (shown by `ballast-agent token` on a director).";
        }
        try {
            expected();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return "";
    }

    /** The cluster to save: each agent pinned to the fingerprint it presented. Only valid when {@link #canSaveBinding()} holds. */
    public SavedCluster result() {
        if (!canSave.get()) {
            throw new IllegalStateException("the agents' certificates have not been checked and trusted yet");
        }
        List<SavedCluster.SavedAgent> agents = new ArrayList<>();
        for (Probe p : probes) {
            agents.add(new SavedCluster.SavedAgent(p.address(), p.fingerprint()));
        }
        return new SavedCluster(name.get().trim(), token.get().trim(), agents);
    }

    List<String> addressList() {
        List<String> list = new ArrayList<>();
        for (String part : addresses.get().split("[,\\s]+")) {
            if (!part.isBlank()) {
                list.add(part.trim());
            }
        }
        return list;
    }

    private Set<String> expected() {
        Set<String> set = new HashSet<>();
        for (String line : expectedFingerprints.get().split("[\\n,]+")) {
            if (!line.isBlank()) {
                set.add(Fingerprints.normalise(line));
            }
        }
        return set;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty addressesProperty() {
        return addresses;
    }

    public StringProperty tokenProperty() {
        return token;
    }

    public StringProperty expectedFingerprintsProperty() {
        return expectedFingerprints;
    }

    public BooleanProperty trustConfirmedProperty() {
        return trustConfirmed;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ObservableList<Probe> probes() {
        return probes;
    }

    public BooleanBinding canSaveBinding() {
        return canSave;
    }
}
