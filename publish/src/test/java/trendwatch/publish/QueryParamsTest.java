package trendwatch.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QueryParamsTest {

    @Test
    void shouldReadADateAsTheStartOfARangeAsItsFirstInstant() {
        assertThat(params("from=2025-02-03").rangeStart("from")).isEqualTo(Instant.parse("2025-02-03T00:00:00Z"));
    }

    @Test
    void shouldReadADateAsTheEndOfARangeAsItsLastInstant() {
        assertThat(params("to=2025-02-03").rangeEnd("to")).isEqualTo(Instant.parse("2025-02-03T23:59:59.999999999Z"));
    }

    @Test
    void shouldReadAnInstantAsEitherEndOfARangeAsItIs() {
        QueryParams params = params("from=2025-02-03T01:00:00Z&to=2025-02-03T01:00:00Z");

        assertThat(params.rangeStart("from")).isEqualTo(Instant.parse("2025-02-03T01:00:00Z"));
        assertThat(params.rangeEnd("to")).isEqualTo(Instant.parse("2025-02-03T01:00:00Z"));
    }

    @Test
    void shouldLeaveAMissingEndOfARangeOpen() {
        assertThat(params("granularity=hour").rangeEnd("to")).isNull();
    }

    @Test
    void shouldRejectATimeThatIsNeitherADateNorAnInstantNamingTheParameter() {
        assertThatThrownBy(() -> params("to=2025-02-31").rangeEnd("to")).isInstanceOf(BadRequestException.class)
                .hasMessage("to=2025-02-31 is not an ISO-8601 date or instant");
    }

    private static QueryParams params(String query) {
        return new QueryParams(URI.create("http://localhost/api/trends?" + query));
    }
}
