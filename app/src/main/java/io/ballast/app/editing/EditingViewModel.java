package io.ballast.app.editing;

import io.ballast.app.concurrent.TaskExecutor;
import io.ballast.app.editing.apply.ApplyOutcome;
import io.ballast.app.editing.apply.ClusterApply;
import io.ballast.app.editing.apply.DirectorAgent;
import io.ballast.app.editing.job.AddDirectorJob;
import io.ballast.app.editing.job.AddRealServerJob;
import io.ballast.app.editing.job.AddVirtualServiceJob;
import io.ballast.app.editing.job.BatchJob;
import io.ballast.app.editing.job.EditFieldJob;
import io.ballast.app.editing.job.JobManager;
import io.ballast.app.editing.job.MoveRealServerJob;
import io.ballast.app.editing.job.PasteRealServersJob;
import io.ballast.app.editing.job.RealServerLines;
import io.ballast.app.editing.job.RemoveRealServerJob;
import io.ballast.app.editing.job.RemoveVirtualServiceJob;
import io.ballast.app.editing.job.ReplaceSpecJob;
import io.ballast.app.editing.job.SpecDocument;
import io.ballast.app.editing.job.SpecEdits;
import io.ballast.app.editing.job.SpecPath;
import io.ballast.app.editing.job.SpecTransformJob;
import io.ballast.app.editing.job.SwapDirectorPrioritiesJob;
import io.ballast.app.editing.review.ChangeReview;
import io.ballast.app.editing.review.LiveFacts;
import io.ballast.app.editing.transfer.ClusterExport;
import io.ballast.app.editing.transfer.ClusterImport;
import io.ballast.model.ClusterSpec;
import io.ballast.model.RealServer;
import io.ballast.model.ServiceKey;
import io.ballast.model.VirtualService;
import io.ballast.model.validate.Problem;
import io.ballast.model.validate.Validator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state of the editing feature, without Nodes: the edited spec and its jobs, the selection, the
 * Validator's problems (live, also for values still being typed), the clipboard, and the apply's
 * progress. The view binds to it; its tests need no toolkit.
 */
public final class EditingViewModel {

    private final SpecDocument document;
    private final JobManager jobs;
    private final ReadOnlyObjectWrapper<ClusterSpec> spec = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper edited = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper("Undo");
    private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper("Redo");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper applying = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<ApplyOutcome> lastOutcome = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final ObservableList<EditTarget> selection = FXCollections.observableArrayList();
    private final ObservableList<String> applyLog = FXCollections.observableArrayList();
    // Made once: listeners on a read-only wrapper die with it, and a wrapper per call would be collected.
    private final ObservableList<String> historyView = FXCollections.unmodifiableObservableList(history);
    private final ObservableList<Problem> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ObservableList<String> applyLogView = FXCollections.unmodifiableObservableList(applyLog);
    private String clipboard = "";
    private Problem typing;

    public EditingViewModel(ClusterSpec inEffect) {
        document = new SpecDocument(inEffect);
        jobs = new JobManager(document);
        jobs.addListener(m -> refresh());
        refresh();
    }

    // --- edits (each one job, so undo and redo cover them all)

    /** Adds a new real server (placeholder address to edit) to {@code service}; selects it. */
    public boolean addNewRealServer(ServiceKey service) {
        ClusterSpec now = document.spec();
        int index = SpecEdits.serviceIndex(now, service);
        if (index < 0) {
            return false;
        }
        VirtualService vs = now.virtualServices().get(index);
        RealServer server = NewItems.realServer(now, vs);
        return push(new AddRealServerJob(document, service, server), new EditTarget.Server(service, server.key()));
    }

    public boolean moveRealServer(ServiceKey from, String serverKey, ServiceKey to) {
        return push(new MoveRealServerJob(document, from, serverKey, to), new EditTarget.Server(to, serverKey));
    }

    /** Moves every selected real server to {@code to} in one step. */
    public boolean moveSelectedServers(ServiceKey to) {
        List<SpecTransformJob> moves = new ArrayList<>();
        for (EditTarget target : selection) {
            if (target instanceof EditTarget.Server server && !server.service().equals(to)) {
                moves.add(new MoveRealServerJob(document, server.service(), server.serverKey(), to));
            }
        }
        if (moves.size() == 1) {
            return jobs.push(moves.get(0));
        }
        return !moves.isEmpty() && jobs.push(new BatchJob(document, "Move " + moves.size() + " real servers to "
                + SpecEdits.label(service(to).orElseThrow()), moves));
    }

    public boolean addNewVirtualService() {
        VirtualService service = NewItems.virtualService(document.spec());
        return push(new AddVirtualServiceJob(document, service), new EditTarget.Service(service.key()));
    }

    public boolean remove(EditTarget target) {
        Optional<SpecTransformJob> job = removal(target);
        return job.isPresent() && jobs.push(job.get());
    }

    /** Removes everything selected in one step (Delete, or a drop of the selection on the bin). */
    public boolean removeSelected() {
        List<SpecTransformJob> removals = new ArrayList<>();
        // Servers first: a selected server of a selected service would otherwise be gone already.
        selection.stream().filter(t -> t instanceof EditTarget.Server).forEach(t -> removal(t).ifPresent(removals::add));
        selection.stream().filter(t -> t instanceof EditTarget.Service).forEach(t -> removal(t).ifPresent(removals::add));
        boolean done = removals.size() == 1 ? jobs.push(removals.get(0))
                : !removals.isEmpty() && jobs.push(new BatchJob(document, "Remove " + removals.size() + " items", removals));
        if (done) {
            selection.clear();
        }
        return done;
    }

    /** True when the palette's director may be dropped: not on an HA_PAIR that has its two already. */
    public boolean canAddDirector() {
        return AddDirectorJob.refusal(document.spec()) == null;
    }

    /**
     * Adds a director (a SINGLE cluster becomes an HA_PAIR with failover defaults) and selects it, so the
     * inspector shows at once what the operator must fill in: its address and agent endpoint.
     */
    public boolean addNewDirector() {
        String refusal = AddDirectorJob.refusal(document.spec());
        if (refusal != null) {
            message.set(refusal);
            return false;
        }
        AddDirectorJob job = new AddDirectorJob(document);
        boolean done = push(job, new EditTarget.DirectorRef(job.addedId()));
        if (done) {
            message.set("Added director " + job.addedId() + " as " + document.spec().form()
                    + " member: fill in its address and agent endpoint in the inspector");
        }
        return done;
    }

    public boolean swapDirectorPriorities(String first, String second) {
        return jobs.push(new SwapDirectorPrioritiesJob(document, first, second));
    }

    /** Commits one field (Enter or focus leaving it in the inspector). */
    public <T> boolean edit(SpecPath<T> path, T value) {
        typing = null;
        boolean done = jobs.push(new EditFieldJob<>(document, path, value));
        refreshProblems();
        return done;
    }

    /**
     * While the operator types: shows the problems the value would have, without making a job.
     * {@code unreadable} is the sentence when the text is not even of the field's type, else null.
     */
    public <T> void typing(SpecPath<T> path, T value, String unreadable) {
        if (unreadable != null) {
            typing = new Problem(path.pointer(), unreadable);
            problems.setAll(merge(Validator.validate(document.spec()), typing));
            return;
        }
        typing = null;
        ClusterSpec candidate = path.existsIn(document.spec()) ? path.write(document.spec(), value) : document.spec();
        problems.setAll(Validator.validate(candidate));
    }

    /** Copies the selected real servers as text lines (also what the system clipboard gets). */
    public String copySelection() {
        List<RealServer> servers = new ArrayList<>();
        for (EditTarget target : selection) {
            if (target instanceof EditTarget.Server server) {
                service(server.service()).flatMap(vs -> vs.realServers().stream()
                        .filter(rs -> rs.key().equals(server.serverKey())).findFirst()).ifPresent(servers::add);
            }
        }
        clipboard = RealServerLines.format(servers);
        message.set(servers.isEmpty() ? "Select real servers to copy" : "Copied " + servers.size() + " real server"
                + (servers.size() == 1 ? "" : "s"));
        return clipboard;
    }

    /** Pastes {@code text} (or the last copy when null) into {@code service}; returns the bad lines, if any. */
    public List<String> paste(ServiceKey service, String text) {
        PasteRealServersJob job = PasteRealServersJob.fromText(document, service, text == null ? clipboard : text);
        if (!job.problems().isEmpty()) {
            message.set("Nothing pasted: " + String.join("; ", job.problems()));
            return job.problems();
        }
        if (!jobs.push(job)) {
            message.set("Nothing to paste");
            return List.of("nothing to paste");
        }
        message.set(job.description());
        return List.of();
    }

    public void undo() {
        jobs.undo();
    }

    public void redo() {
        jobs.redo();
    }

    // --- import and export (File menu)

    /**
     * Reads a keepalived.conf or ipvsadm-save file and makes it the edited spec (one undoable job).
     * Returns the report lines; on a file that cannot be read nothing changes and the message says why.
     */
    public List<String> importFile(java.nio.file.Path file) {
        try {
            String text = java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
            ClusterImport.Imported imported = ClusterImport.read(file.toString().replace('\\', '/'), text, null, null);
            jobs.push(new ReplaceSpecJob(document, imported.spec(), "Import " + file.getFileName()));
            List<String> lines = new ArrayList<>(imported.report().issues().stream().map(Object::toString).toList());
            lines.addAll(imported.notes());
            message.set("Imported " + file.getFileName() + (lines.isEmpty() ? "" : " (" + lines.size()
                    + " line" + (lines.size() == 1 ? "" : "s") + " to read in the report)"));
            return lines;
        } catch (ClusterImport.ImportFailedException e) {
            message.set("Nothing imported: " + e.getMessage());
            return List.of(e.getMessage());
        } catch (java.io.IOException e) {
            message.set("Nothing imported: " + file + " cannot be read (" + e.getMessage() + ")");
            return List.of(message.get());
        }
    }

    /** The edited spec in {@code format}; throws IllegalArgumentException with a sentence when it cannot be written. */
    public String export(ClusterExport.Format format, String directorId) {
        return ClusterExport.render(document.spec(), format, directorId, null);
    }

    // --- review and apply

    public ChangeReview review(LiveFacts facts) {
        return ChangeReview.of(jobs.inEffect(), document.spec(), facts);
    }

    /**
     * Applies the edited spec to the directors in the background (ClusterApply), progress lines in
     * {@link #applyLog()}; on success the edited spec becomes the one in effect.
     */
    public void apply(List<DirectorAgent> agents, TaskExecutor executor, Duration confirmTimeout) {
        ClusterSpec target = document.spec();
        ClusterSpec previous = jobs.inEffect();
        applyLog.clear();
        applying.set(true);
        ClusterApply apply = new ClusterApply(confirmTimeout, line -> executor.runOnUi(() -> applyLog.add(line)));
        executor.execute(() -> apply.apply(previous, target, agents), outcome -> {
            applying.set(false);
            lastOutcome.set(outcome);
            if (outcome.applied()) {
                jobs.applied(target);
                message.set("Applied to " + agents.size() + " director" + (agents.size() == 1 ? "" : "s"));
            } else {
                message.set("Not applied: " + outcome.reason());
            }
        }, failure -> {
            applying.set(false);
            message.set("Not applied: " + failure.getMessage());
        });
    }

    /** Keeps the edits but takes {@code theirs} as the spec in effect (after a conflict: apply mine on top). */
    public void rebaseOnto(ClusterSpec theirs) {
        jobs.applied(theirs);
    }

    /** Someone else's spec wins (after a conflict): the edits are dropped. */
    public void reload(ClusterSpec current) {
        selection.clear();
        jobs.reload(current);
    }

    // --- problems per place, for inline errors and diagram badges

    /** The problems at {@code pointer} or below it. */
    public List<Problem> problemsUnder(String pointer) {
        return problems.stream().filter(p -> p.path().equals(pointer) || p.path().startsWith(pointer + "/")).toList();
    }

    /** The JSON pointer of a target in the edited spec, or empty when it is not there. */
    public Optional<String> pointerOf(EditTarget target) {
        ClusterSpec now = document.spec();
        if (target instanceof EditTarget.Server server) {
            int vs = SpecEdits.serviceIndex(now, server.service());
            int rs = vs < 0 ? -1 : SpecEdits.serverIndex(now.virtualServices().get(vs), server.serverKey());
            return rs < 0 ? Optional.empty() : Optional.of("/virtualServices/" + vs + "/realServers/" + rs);
        }
        if (target instanceof EditTarget.Service service) {
            int vs = SpecEdits.serviceIndex(now, service.service());
            return vs < 0 ? Optional.empty() : Optional.of("/virtualServices/" + vs);
        }
        int d = SpecEdits.directorIndex(now, ((EditTarget.DirectorRef) target).id());
        return d < 0 ? Optional.empty() : Optional.of("/directors/" + d);
    }

    public Optional<VirtualService> service(ServiceKey key) {
        int index = SpecEdits.serviceIndex(document.spec(), key);
        return index < 0 ? Optional.empty() : Optional.of(document.spec().virtualServices().get(index));
    }

    // --- properties

    public ReadOnlyObjectProperty<ClusterSpec> specProperty() {
        return spec.getReadOnlyProperty();
    }

    public ClusterSpec inEffect() {
        return jobs.inEffect();
    }

    /** True while the edited spec differs from the one in effect: the "edited, not applied" indicator. */
    public ReadOnlyBooleanProperty editedProperty() {
        return edited.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty undoTextProperty() {
        return undoText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoTextProperty() {
        return redoText.getReadOnlyProperty();
    }

    /** The last thing the operator should read (paste refused, applied, not applied and why). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty applyingProperty() {
        return applying.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ApplyOutcome> lastOutcomeProperty() {
        return lastOutcome.getReadOnlyProperty();
    }

    /** The undo history, oldest first. */
    public ObservableList<String> history() {
        return historyView;
    }

    public ObservableList<Problem> problems() {
        return problemsView;
    }

    public ObservableList<EditTarget> selection() {
        return selection;
    }

    public ObservableList<String> applyLog() {
        return applyLogView;
    }

    private boolean push(SpecTransformJob job, EditTarget select) {
        boolean done = jobs.push(job);
        if (done) {
            selection.setAll(select);
        }
        return done;
    }

    private Optional<SpecTransformJob> removal(EditTarget target) {
        if (target instanceof EditTarget.Server server) {
            return Optional.of(new RemoveRealServerJob(document, server.service(), server.serverKey()));
        }
        if (target instanceof EditTarget.Service service) {
            return Optional.of(new RemoveVirtualServiceJob(document, service.service()));
        }
        return Optional.empty();
    }

    private void refresh() {
        spec.set(document.spec());
        edited.set(jobs.isEdited());
        canUndo.set(jobs.canUndo());
        canRedo.set(jobs.canRedo());
        undoText.set(jobs.undoDescription().map(d -> "Undo " + d).orElse("Undo"));
        redoText.set(jobs.redoDescription().map(d -> "Redo " + d).orElse("Redo"));
        history.setAll(jobs.history());
        selection.removeIf(t -> pointerOf(t).isEmpty());
        refreshProblems();
    }

    private void refreshProblems() {
        List<Problem> found = Validator.validate(document.spec());
        problems.setAll(typing == null ? found : merge(found, typing));
    }

    private static List<Problem> merge(List<Problem> found, Problem extra) {
        List<Problem> all = new ArrayList<>(found);
        all.add(0, extra);
        return all;
    }
}
