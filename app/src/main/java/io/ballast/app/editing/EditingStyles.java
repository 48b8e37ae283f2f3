package io.ballast.app.editing;

/** Style classes of the editing feature (editing.css). */
public final class EditingStyles {

    public static final String STYLESHEET = "/io/ballast/app/editing/editing.css";
    public static final String PALETTE_ITEM = "edit-palette-item";
    public static final String BIN = "edit-bin";
    public static final String ERROR_BADGE = "edit-error";
    public static final String SELECTED = "edit-selected";
    public static final String FIELD_ERROR = "edit-field-error";
    public static final String NOT_APPLIED = "edit-not-applied";

    private EditingStyles() {
    }
}
