package trendwatch.app;

import java.io.IOException;
import java.net.BindException;
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
        } catch (BindException e) {
            throw new StartupException(inUse(e) ? "port " + port + " (" + what + ") is in use: is another trendwatch"
                    + " run or Kafka broker running? Stop it or choose other ports"
                    : "cannot listen on " + host + ":" + port + " (" + what + "): " + e.getMessage());
        } catch (IOException e) { // an unknown host, say
            throw new StartupException("cannot listen on " + host + ":" + port + " (" + what + "): " + e);
        }
    }

    private static boolean inUse(BindException e) {
        return e.getMessage() != null && e.getMessage().contains("in use");
    }
}
