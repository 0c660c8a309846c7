package trendwatch.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import trendwatch.ingest.fetch.FetchException.Kind;

/**
 * HTTPS end to end: a loopback HTTPS server with a certificate for "feeds.test" only. The fetcher connects to the
 * checked IP address yet presents and verifies the host name (SNI and certificate), and refuses HTTPS→HTTP.
 */
class TlsTest {

    private static HttpsServer server;
    private static ExecutorService executor;
    private static SSLContext clientContext;

    @BeforeAll
    static void start() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        X509Certificate cert = selfSigned(keys, "feeds.test");
        char[] password = "test".toCharArray();
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setKeyEntry("server", keys.getPrivate(), password, new X509Certificate[] {cert});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore, password);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(kmf.getKeyManagers(), null, null);

        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", cert);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, tmf.getTrustManagers(), null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/feed", ex -> {
            LocalServer.send(ex, 200, "text/plain", "secure " + ex.getRequestHeaders().getFirst("Host"));
        });
        server.createContext("/downgrade", ex -> LocalServer.redirect(ex, 301, "http://feeds.test:" + port() + "/feed"));
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Test
    void shouldFetchOverHttpsConnectingToTheCheckedAddressWithTheHostName() throws Exception {
        FetchResult result = fetcher().fetch(FetchRequest.untrusted(URI.create("https://feeds.test:" + port() + "/feed")));

        assertThat(result.text()).isEqualTo("secure feeds.test:" + port());
    }

    @Test
    void shouldRefuseACertificateForAnotherName() {
        assertThatThrownBy(() -> fetcher().fetch(FetchRequest.of(URI.create("https://other.test:" + port() + "/feed"))))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NETWORK));
    }

    @Test
    void shouldRefuseARedirectFromHttpsToHttp() {
        URI from = URI.create("https://feeds.test:" + port() + "/downgrade");

        assertThatThrownBy(() -> fetcher().fetch(FetchRequest.untrusted(from)))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.DOWNGRADE);
                    assertThat(e.uri()).isEqualTo(from);
                });
    }

    private static int port() {
        return server.getAddress().getPort();
    }

    private static Fetcher fetcher() {
        AddressGuard guard = new AddressGuard(host -> new InetAddress[] {InetAddress.getLoopbackAddress()},
                Set.of(server.getAddress()));
        return new Fetcher(FetcherTest.POLICY.withAllowPrivateNetworks(false).withObeyRobots(false), guard,
                clientContext.getSocketFactory(), Clock.systemUTC());
    }

    private static X509Certificate selfSigned(KeyPair keys, String dnsName) throws Exception {
        X500Name name = new X500Name("CN=" + dnsName);
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(1))), name, keys.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    }
}
