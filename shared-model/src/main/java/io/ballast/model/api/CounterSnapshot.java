package io.ballast.model.api;

import java.util.List;

/** Every counter of a plane at one moment. */
public record CounterSnapshot(long atMillis, List<CounterSample> samples) {

    public CounterSnapshot {
        samples = List.copyOf(samples);
    }
}
