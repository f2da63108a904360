package dev.userevents.slf4j.app.zk;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loaded on the first connection, as ZooKeeper's NIOServerCnxn: its static logger is created then, and used at once. */
public final class ConnectionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionHandler.class);

    private ConnectionHandler() {}

    public static void handle(int lines) {
        for (int i = 0; i < lines; i++) {
            LOG.info("connection line {}", i);
        }
    }
}
