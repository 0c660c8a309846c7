package trendwatch.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The dashboard's page, its empty state saying how articles get into this very pipeline. */
final class DashboardPage {

    private static final String INTAKE = "<!--intake-->";
    private static final String TEMPLATE = load("/trendwatch/publish/dashboard.html");

    private DashboardPage() {
    }

    /** @param address how the browser reached this server ({@code http://host:port}), for the submit command */
    static String render(Intake intake, String address) {
        return TEMPLATE.replace(INTAKE, intakeHtml(intake, address));
    }

    static String intakeHtml(Intake intake, String address) {
        if (!intake.ingestsHere()) {
            // no folder named: this process has no inbox, and an ingest elsewhere has its own data folder
            return "This process runs no ingest stage: articles come in through <code>./trendwatch ingest</code>"
                    + " on the same Kafka cluster, from the files dropped into its inbox folder, the feeds of its"
                    + " sources file, or <code>./trendwatch submit --api URL FILE|URL</code> with its address."
                    + " Their paragraphs are labeled and counted here within seconds — this page updates by itself.";
        }
        List<String> ways = new ArrayList<>();
        ways.add("Drop a file into <code>" + escape(intake.inbox().toString()) + "</code> (Markdown, HTML or plain"
                + " text, UTF-8)");
        ways.add(intake.sourcesFile() == null ? "restart with <code>--sources FILE</code> to poll feeds"
                : "add a feed to <code>" + escape(intake.sourcesFile().toString()) + "</code>");
        // beyond loopback without a token the endpoint refuses every submission: then it is not offered
        if (intake.submit() != Intake.Submit.NONE) {
            String token = intake.submit() == Intake.Submit.TOKEN ? " --token TOKEN" : "";
            ways.add("run <code>./trendwatch submit --api " + escape(address) + token + " FILE|URL</code>"
                    + (token.isEmpty() ? "" : " with the server's <code>--api-token</code>"));
        }
        String last = ways.remove(ways.size() - 1);
        return String.join(", ", ways) + ", or " + last + ". Its paragraphs are labeled and counted here within"
                + " seconds — this page updates by itself.";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String load(String resource) {
        try (InputStream page = DashboardPage.class.getResourceAsStream(resource)) {
            return new String(page.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
