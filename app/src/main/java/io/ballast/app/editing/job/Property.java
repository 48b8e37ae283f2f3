package io.ballast.app.editing.job;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One editable field of a record type: its JSON name (the last step of the Validator's pointer), a
 * label for the inspector, its value type, and how to read it and make a copy with a new value.
 *
 * @param <R> the record holding the field
 * @param <T> the field's type
 */
public record Property<R, T>(String json, String label, Class<T> type, Function<R, T> get, BiFunction<R, T, R> with) {

    public T read(R record) {
        return get.apply(record);
    }

    public R write(R record, T value) {
        return with.apply(record, value);
    }
}
