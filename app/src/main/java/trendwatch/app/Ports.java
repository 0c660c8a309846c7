package trendwatch.app;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import trendwatch.model.StartupException;

/** Checks ports before anything starts, so a clash is one clear line instead of a half-started broker. */
final class Ports {

    private Ports() {
    }

    static void requireFree(String host, int port, String what) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (IOException e) {
            throw new StartupException("port " + port + " (" + what + ") is in use: is another trendwatch run"
                    + " or Kafka broker running? Stop it or choose other ports");
        }
    }
}
