package io.ballast.agent.dataplane.ipvs;

import io.ballast.model.plan.AddRealServer;
import io.ballast.model.plan.AddService;
import io.ballast.model.plan.EditRealServer;
import io.ballast.model.plan.EditService;
import io.ballast.model.plan.Operation;
import io.ballast.model.plan.Plan;
import io.ballast.model.plan.RemoveRealServer;
import io.ballast.model.plan.RemoveService;
import java.util.ArrayList;
import java.util.List;

/** The steps that undo steps already applied: each one inverted, in reverse order. */
public final class InverseOperations {

    private InverseOperations() {
    }

    public static Plan of(List<Operation> applied) {
        List<Operation> undo = new ArrayList<>(applied.size());
        for (int i = applied.size() - 1; i >= 0; i--) {
            undo.add(inverse(applied.get(i)));
        }
        return new Plan(undo);
    }

    public static Operation inverse(Operation op) {
        if (op instanceof AddService add) {
            return new RemoveService(add.added());
        } else if (op instanceof RemoveService remove) {
            return new AddService(remove.removed());
        } else if (op instanceof EditService edit) {
            return new EditService(edit.after(), edit.before());
        } else if (op instanceof AddRealServer add) {
            return new RemoveRealServer(add.service(), add.server());
        } else if (op instanceof RemoveRealServer remove) {
            return new AddRealServer(remove.service(), remove.server());
        } else if (op instanceof EditRealServer edit) {
            return new EditRealServer(edit.service(), edit.after(), edit.before());
        }
        throw new IllegalArgumentException("no inverse for " + op.getClass().getSimpleName());
    }
}
