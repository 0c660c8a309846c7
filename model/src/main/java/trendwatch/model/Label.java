package trendwatch.model;

import java.util.List;

/** One sector a paragraph talks about, how strongly (0..1), and the terms that showed it. */
public record Label(String sector, double score, List<String> evidence) {

    public Label {
        Require.text(sector, "sector");
        evidence = List.copyOf(evidence);
    }
}
