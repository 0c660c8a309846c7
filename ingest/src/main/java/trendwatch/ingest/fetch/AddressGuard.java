package trendwatch.ingest.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Resolves a host once and decides whether the fetcher may connect to what it resolved to (SSRF defence). The
 * addresses it returns are the ones the connection must use, so a second DNS answer cannot slip in between.
 *
 * <p>Refused unless private networks are allowed: loopback, RFC 1918 private, link-local (with the cloud
 * metadata address 169.254.169.254), CGNAT 100.64/10, "this network" 0/8, multicast, reserved and broadcast,
 * benchmarking and documentation ranges; IPv6 unspecified, loopback, link-local fe80::/10, site-local fec0::/10,
 * unique-local fc00::/7, multicast, documentation, Teredo; and IPv4 addresses embedded in IPv6 (mapped,
 * compatible, NAT64 64:ff9b::/96, 6to4 2002::/16) by the IPv4 rules. Names are refused before resolution when
 * they can only be local: localhost and *.localhost, *.internal (with metadata.google.internal) and metadata.goog.
 * A name is refused when any of its addresses is refused, so a mixed answer cannot be used to sneak through.
 */
final class AddressGuard {

    /** Resolves names to addresses; replaceable in tests to give test names loopback addresses. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Four decimal octets: what {@link InetAddress#getByName} parses without asking DNS. */
    private static final Pattern IPV4_LITERAL =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Set<String> METADATA_NAMES = Set.of("metadata.google.internal", "metadata.goog",
            "metadata", "instance-data", "instance-data.ec2.internal");

    private final Resolver resolver;
    private final Set<InetSocketAddress> exempt;

    AddressGuard(Resolver resolver, Set<InetSocketAddress> exempt) {
        this.resolver = resolver;
        this.exempt = Set.copyOf(exempt);
    }

    static AddressGuard system() {
        return new AddressGuard(InetAddress::getAllByName, Set.of());
    }

    /**
     * The addresses to connect to for the URL. With {@code checkPrivate} every address must be public; with
     * {@code checkMetadata} (private networks allowed, but the URL came from a user) cloud metadata is still refused.
     */
    List<InetAddress> resolve(URI uri, boolean checkPrivate, boolean checkMetadata) throws FetchException {
        String host = Urls.hostName(uri);
        boolean refuseMetadata = checkPrivate || checkMetadata;
        if (refuseMetadata && isMetadataName(host)) {
            throw metadata(uri, "the host " + host + " is a cloud-metadata name");
        }
        if (checkPrivate && isLocalName(host)) {
            throw blocked(uri, "the host " + host + " is a local name");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new FetchException(FetchException.Kind.NETWORK, uri, "unknown host " + host, e);
        }
        int port = Urls.port(uri);
        for (InetAddress address : addresses) {
            if (exempt.contains(new InetSocketAddress(address, port))) {
                continue;
            }
            if (refuseMetadata && isMetadata(address)) {
                throw metadata(uri, "the host " + host + " resolves to the cloud-metadata address "
                        + address.getHostAddress());
            }
            if (checkPrivate && !isPublic(address)) {
                throw blocked(uri, "the host " + host + " resolves to the non-public address " + address.getHostAddress());
            }
        }
        return Arrays.asList(addresses);
    }

    /** Refused even where private networks are allowed: such endpoints hold credentials and no articles. */
    private static FetchException metadata(URI uri, String detail) {
        return new FetchException(FetchException.Kind.BLOCKED_ADDRESS, uri,
                detail + "; cloud-metadata endpoints are never fetched");
    }

    private static FetchException blocked(URI uri, String detail) {
        return new FetchException(FetchException.Kind.BLOCKED_ADDRESS, uri,
                detail + "; fetching it needs private networks allowed");
    }

    static boolean isLocalName(String host) {
        return host.equals("localhost") || host.endsWith(".localhost") || host.endsWith(".internal");
    }

    /** Refuses a URL whose host is a cloud-metadata name or address literal; resolves no name. */
    static void refuseMetadataHost(URI uri) throws FetchException {
        String host = Urls.hostName(uri);
        if (isMetadataName(host)) {
            throw metadata(uri, "the host " + host + " is a cloud-metadata name");
        }
        if (host.contains(":") || IPV4_LITERAL.matcher(host).matches()) {
            try {
                if (isMetadata(InetAddress.getByName(host))) { // a literal, checked above: parsed, not looked up
                    throw metadata(uri, "the address " + host + " is a cloud-metadata address");
                }
            } catch (UnknownHostException e) {
                throw new FetchException(FetchException.Kind.BAD_URL, uri, "the host " + host + " is no address", e);
            }
        }
    }

    static boolean isMetadataName(String host) {
        return METADATA_NAMES.contains(host);
    }

    /** The link-local metadata endpoints of AWS, GCP, Azure, OpenStack (IPv4) and AWS (IPv6). */
    static boolean isMetadata(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return (b[0] & 0xff) == 169 && (b[1] & 0xff) == 254 && (b[2] & 0xff) == 169 && (b[3] & 0xff) == 254;
        }
        InetAddress embedded = embeddedIpv4(b);
        if (embedded != null) {
            return isMetadata(embedded);
        }
        byte[] awsV6 = {(byte) 0xfd, 0, 0, (byte) 0xec, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0x54};
        return Arrays.equals(b, awsV6);
    }

    static boolean isPublic(InetAddress address) {
        if (address instanceof Inet4Address) {
            return isPublicIpv4(address.getAddress());
        }
        if (address instanceof Inet6Address) {
            return isPublicIpv6(address.getAddress());
        }
        return false;
    }

    private static boolean isPublicIpv4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        return !(a0 == 0                                    // "this network", incl. 0.0.0.0
                || a0 == 10                                 // private
                || a0 == 127                                // loopback
                || (a0 == 100 && (a1 & 0xc0) == 64)         // CGNAT 100.64/10
                || (a0 == 169 && a1 == 254)                 // link-local, cloud metadata
                || (a0 == 172 && (a1 & 0xf0) == 16)         // private 172.16/12
                || (a0 == 192 && a1 == 168)                 // private
                || (a0 == 192 && a1 == 0 && a2 == 0)        // IETF protocol assignments
                || (a0 == 192 && a1 == 0 && a2 == 2)        // documentation
                || (a0 == 192 && a1 == 88 && a2 == 99)      // 6to4 relay anycast
                || (a0 == 198 && (a1 & 0xfe) == 18)         // benchmarking 198.18/15
                || (a0 == 198 && a1 == 51 && a2 == 100)     // documentation
                || (a0 == 203 && a1 == 0 && a2 == 113)      // documentation
                || a0 >= 224);                              // multicast, reserved, broadcast
    }

    private static boolean isPublicIpv6(byte[] b) {
        InetAddress embedded = embeddedIpv4(b);
        if (embedded != null) {
            return isPublicIpv4(embedded.getAddress());
        }
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        boolean allZeroButLast = true;
        for (int i = 0; i < 15; i++) {
            allZeroButLast &= b[i] == 0;
        }
        return !(allZeroButLast                              // :: and ::1
                || (b0 & 0xfe) == 0xfc                      // unique-local fc00::/7
                || (b0 == 0xfe && (b1 & 0xc0) == 0x80)      // link-local fe80::/10
                || (b0 == 0xfe && (b1 & 0xc0) == 0xc0)      // site-local fec0::/10 (deprecated)
                || b0 == 0xff                               // multicast
                || (b0 == 0x20 && b1 == 0x01 && b[2] == 0x0d && (b[3] & 0xff) == 0xb8)  // documentation
                || (b0 == 0x20 && b1 == 0x01 && b[2] == 0 && b[3] == 0)                  // Teredo 2001::/32
                || (b0 == 0x01 && b1 == 0 && b[2] == 0 && b[3] == 0));                   // discard 100::/64
    }

    /** The IPv4 address carried inside an IPv4-mapped, -compatible, NAT64 or 6to4 IPv6 address, else null. */
    private static InetAddress embeddedIpv4(byte[] b) {
        if (b.length != 16) {
            return null;
        }
        boolean firstTenZero = true;
        for (int i = 0; i < 10; i++) {
            firstTenZero &= b[i] == 0;
        }
        boolean mapped = firstTenZero && b[10] == (byte) 0xff && b[11] == (byte) 0xff;
        boolean compatible = firstTenZero && b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0);
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b
                && b[4] == 0 && b[5] == 0 && b[6] == 0 && b[7] == 0 && b[8] == 0 && b[9] == 0 && b[10] == 0 && b[11] == 0;
        try {
            if (mapped || compatible || nat64) {
                return InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16));
            }
            if (b[0] == 0x20 && b[1] == 0x02) {
                return InetAddress.getByAddress(Arrays.copyOfRange(b, 2, 6));
            }
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
        return null;
    }
}
