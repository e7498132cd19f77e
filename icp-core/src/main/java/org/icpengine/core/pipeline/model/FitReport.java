package org.icpengine.core.pipeline.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Models#fit} produced: the fitted and hand-written models, the models it skipped and why, and
 * notes about the data.
 *
 * @param asOf    the date the models are fitted as of
 * @param models  learned models in the order fit, conversion, health (those that ran), then hand-written ones
 * @param skipped models that could not be fitted, each with the reason and the data that would enable it
 * @param notes   notes from the metrics (missing tables, fallbacks) and about dropped attributes
 */
public record FitReport(LocalDate asOf, List<ModelFile> models, List<Skipped> skipped, List<String> notes) {

    /** Validates and copies. */
    public FitReport {
        Objects.requireNonNull(asOf, "asOf");
        models = List.copyOf(models);
        skipped = List.copyOf(skipped);
        notes = List.copyOf(notes);
    }

    /**
     * A model that was not fitted.
     *
     * @param model  its name
     * @param reason why, and which data would enable it
     */
    public record Skipped(String model, String reason) {
    }

    /** The model with this name, if it was produced. */
    public java.util.Optional<ModelFile> model(String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
