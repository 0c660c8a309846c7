package trendwatch.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import trendwatch.ingest.fetch.FetchException.Kind;

/** The address rule on its own: which resolved addresses and names a fetch may reach. */
class AddressGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.255.1.2", "10.0.0.1", "172.16.0.1", "172.31.255.254", "192.168.1.1",
        "169.254.169.254", "169.254.0.1", "100.64.0.1", "100.127.255.254", "0.0.0.0", "0.1.2.3", "224.0.0.1",
        "239.255.255.250", "255.255.255.255", "240.0.0.1", "198.18.0.1", "192.0.2.1",
        "::", "::1", "fe80::1", "febf::1", "fc00::1", "fd12:3456::1", "ff02::1", "fec0::1", "2001:db8::1",
        "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::ffff:10.1.2.3", "::7f00:1", "64:ff9b::a9fe:a9fe",
        "2002:7f00:1::1", "2002:c0a8:101::1", "2001:0:4136:e378::1"})
    void shouldRefuseNonPublicAddresses(String literal) throws Exception {
        assertThat(AddressGuard.isPublic(InetAddress.getByName(literal))).as(literal).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "1.1.1.1", "172.15.255.255", "172.32.0.1", "100.63.255.255",
        "100.128.0.1", "169.253.1.1", "11.0.0.1", "2606:4700:4700::1111", "2a00:1450:4001::200e",
        "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1"})
    void shouldAllowPublicAddresses(String literal) throws Exception {
        assertThat(AddressGuard.isPublic(InetAddress.getByName(literal))).as(literal).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "feeds.localhost", "metadata.google.internal", "anything.internal"})
    void shouldRefuseLocalNamesWithoutResolvingThem(String host) {
        AddressGuard guard = new AddressGuard(h -> {
            throw new AssertionError("must not resolve " + h);
        }, Set.of());

        assertThatThrownBy(() -> guard.resolve(URI.create("http://" + host + "/"), true, false))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BLOCKED_ADDRESS));
    }

    @Test
    void shouldRefuseANameWhenAnyOfItsAddressesIsPrivate() {
        AddressGuard guard = new AddressGuard(h -> addresses("93.184.216.34", "10.0.0.5"), Set.of());

        assertThatThrownBy(() -> guard.resolve(URI.create("http://mixed.example/"), true, false))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.BLOCKED_ADDRESS);
                    assertThat(e.getMessage()).contains("10.0.0.5");
                });
    }

    @Test
    void shouldReturnTheCheckedAddressesForTheConnection() throws Exception {
        AddressGuard guard = new AddressGuard(h -> addresses("93.184.216.34"), Set.of());

        assertThat(guard.resolve(URI.create("https://example.com/feed"), true, false))
                .containsExactly(InetAddress.getByName("93.184.216.34"));
    }

    @Test
    void shouldLetConfiguredSourcesReachAnythingWhenPrivateNetworksAreAllowed() throws Exception {
        AddressGuard guard = new AddressGuard(h -> addresses("169.254.169.254"), Set.of());

        assertThat(guard.resolve(URI.create("http://169.254.169.254/"), false, false)).hasSize(1);
    }

    @Test
    void shouldKeepUntrustedRequestsFromCloudMetadataEvenWhenPrivateNetworksAreAllowed() throws Exception {
        AddressGuard guard = new AddressGuard(h -> addresses(h.equals("intranet.example") ? "10.1.1.1" : "169.254.169.254"),
                Set.of());

        assertThat(guard.resolve(URI.create("http://intranet.example/"), false, true)).hasSize(1);
        assertThatThrownBy(() -> guard.resolve(URI.create("http://169.254.169.254/latest/meta-data/"), false, true))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BLOCKED_ADDRESS));
        assertThatThrownBy(() -> guard.resolve(URI.create("http://metadata.google.internal/"), false, true))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BLOCKED_ADDRESS));
        assertThatThrownBy(() -> guard.resolve(URI.create("http://[fd00:ec2::254]/"), false, true))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BLOCKED_ADDRESS));
    }

    @Test
    void shouldSayThatCloudMetadataIsNeverFetchedAndThatPrivateAddressesNeedPrivateNetworksAllowed() {
        AddressGuard guard = new AddressGuard(h -> addresses(h.equals("intranet.example") ? "10.1.1.1" : "169.254.169.254"),
                Set.of());

        assertThatThrownBy(() -> guard.resolve(URI.create("http://169.254.169.254/latest/"), false, true))
                .hasMessageContaining("169.254.169.254 resolves to the cloud-metadata address 169.254.169.254;"
                        + " cloud-metadata endpoints are never fetched");
        assertThatThrownBy(() -> guard.resolve(URI.create("http://metadata.google.internal/"), true, true))
                .hasMessageContaining("metadata.google.internal is a cloud-metadata name; cloud-metadata endpoints"
                        + " are never fetched");
        assertThatThrownBy(() -> guard.resolve(URI.create("http://intranet.example/"), true, true))
                .hasMessageContaining("resolves to the non-public address 10.1.1.1; fetching it needs private"
                        + " networks allowed");
    }

    private static InetAddress[] addresses(String... literals) throws UnknownHostException {
        InetAddress[] out = new InetAddress[literals.length];
        for (int i = 0; i < literals.length; i++) {
            out[i] = InetAddress.getByName(literals[i]);
        }
        return out;
    }
}
