package trendwatch.publish;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import trendwatch.model.ArticleLabels;
import trendwatch.model.SectorContribution;

/**
 * Tells the burst detectors of an article's sectors about its evidence: its best paragraph per sector on offer,
 * and its previous version's paragraph withdrawn wherever that version was counted and this one is not (another
 * time, a sector it lost, or the article withdrawn). The previous version is read from the articles table, so
 * this must see each record before the table does: {@link PublishTopology} wires it first.
 */
final class EvidenceOffers implements Processor<String, ArticleLabels, String, BurstInput> {

    private ProcessorContext<String, BurstInput> context;
    private TimestampedKeyValueStore<String, Contribution> articles;

    @Override
    public void init(ProcessorContext<String, BurstInput> context) {
        this.context = context;
        this.articles = context.getStateStore(PublishTopology.ARTICLES_STORE);
    }

    @Override
    public void process(Record<String, ArticleLabels> record) {
        ValueAndTimestamp<Contribution> previous = record.key() == null ? null : articles.get(record.key());
        if (previous != null) {
            for (EvidenceWithdrawal withdrawal : withdrawals(previous.value(), record.value())) {
                context.forward(record.withKey(withdrawal.sector()).withValue(BurstInput.of(withdrawal)));
            }
        }
        if (record.value() != null) {
            for (EvidenceOffer offer : EvidenceOffer.of(record.value())) {
                context.forward(record.withKey(offer.sector()).withValue(BurstInput.of(offer)));
            }
        }
    }

    /**
     * The sectors whose buckets at the previous time must forget the article: all of them when it moved or is gone
     * (null labels), else those it offers no paragraph for now. Where it offers one at the same time, the offer
     * replaces the old paragraph by itself.
     */
    private static List<EvidenceWithdrawal> withdrawals(Contribution previous, ArticleLabels labels) {
        List<EvidenceWithdrawal> withdrawals = new ArrayList<>();
        for (String sector : previous.sectors().keySet()) {
            SectorContribution now = labels == null ? null : labels.sectors().get(sector);
            if (now == null || now.best() == null || !labels.eventTime().equals(previous.eventTime())) {
                withdrawals.add(new EvidenceWithdrawal(sector, previous.eventTime(), previous.articleId()));
            }
        }
        return withdrawals;
    }
}
