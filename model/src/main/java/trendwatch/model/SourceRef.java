package trendwatch.model;

/** Where an article came from: the kind of source, its configured id, and its address if it has one. */
public record SourceRef(String type, String id, String url) {

    public SourceRef {
        Require.text(type, "source.type");
        Require.text(id, "source.id");
    }
}
