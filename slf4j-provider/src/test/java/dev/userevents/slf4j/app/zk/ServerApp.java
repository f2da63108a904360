package dev.userevents.slf4j.app.zk;

import org.slf4j.LoggerFactory;

/**
 * A ZooKeeper-like server in a child JVM: logs at start, prints "ready", and at the first line on stdin takes its
 * "first connection", which loads {@link ConnectionHandler} (by name, as a server's dispatch does) and logs
 * {@code args[0]} lines from it.
 */
public final class ServerApp {
    private ServerApp() {}

    public static void main(String[] args) throws Exception {
        LoggerFactory.getLogger(ServerApp.class).info("binding to port 2181");
        System.out.println("ready");
        System.out.flush();
        System.in.read();
        Class.forName("dev.userevents.slf4j.app.zk.ConnectionHandler")
                .getMethod("handle", int.class)
                .invoke(null, Integer.parseInt(args[0]));
    }
}
