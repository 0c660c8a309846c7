package trendwatch.classify;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Function;
import trendwatch.model.taxonomy.Taxonomy;

/**
 * What the classify topology is built from.
 *
 * @param classifiers makes each task's classifier from the taxonomy: {@link ArticleClassifier}, unless a test or a
 *     benchmark needs one that fails
 */
public record ClassifyConfig(Taxonomy taxonomy, MeterRegistry meters,
                             Function<Taxonomy, ? extends Classifier> classifiers) {

    public ClassifyConfig(Taxonomy taxonomy, MeterRegistry meters) {
        this(taxonomy, meters, ArticleClassifier::new);
    }
}
