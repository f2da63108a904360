package dev.userevents;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Group commit for registration hops: a caller that finds no hop running runs one for its own names at once; callers
 * that arrive meanwhile queue, and when it ends one of them runs a single hop for all of their names. A hop to the
 * registrar thread costs two thread switches whatever it carries, so threads that create loggers at the same moment
 * (request threads at first traffic, parallel bean creation) share one instead of queueing on the registry's lock
 * for one each. A lone caller pays what it paid before: nothing waits to fill a batch.
 */
final class HopQueue {
    /** One caller's names, and what the hop that carried them gave back. */
    private static final class Request {
        final Collection<String> names;
        List<LoggerEvents> result;
        RuntimeException failure;
        boolean done;

        Request(Collection<String> names) {
            this.names = names;
        }
    }

    private List<Request> queued = new ArrayList<>(); // guarded by this
    private boolean running; // guarded by this

    /** {@code hop} of the names of this call, and of any others queued with it; its result split back per call. */
    List<LoggerEvents> serve(Collection<String> names, Function<Collection<String>, List<LoggerEvents>> hop) {
        Request mine = new Request(names);
        List<Request> batch;
        synchronized (this) {
            queued.add(mine);
            boolean interrupted = false;
            while (running && !mine.done) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true; // registration is not abandoned half-way: keep waiting, restore the flag
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (mine.done) {
                return resultOf(mine);
            }
            running = true;
            batch = queued; // mine and every caller waiting since the last hop began
            queued = new ArrayList<>();
        }
        try {
            run(batch, hop);
        } finally {
            synchronized (this) {
                running = false;
                notifyAll(); // the batch's callers collect their results; the next waiter, if any, runs a hop
            }
        }
        return resultOf(mine);
    }

    private static void run(List<Request> batch, Function<Collection<String>, List<LoggerEvents>> hop) {
        try {
            if (batch.size() == 1) {
                batch.get(0).result = hop.apply(batch.get(0).names);
            } else {
                List<String> all = new ArrayList<>();
                for (Request request : batch) {
                    all.addAll(request.names);
                }
                List<LoggerEvents> results = hop.apply(all);
                int from = 0;
                for (Request request : batch) {
                    request.result = results.subList(from, from + request.names.size());
                    from += request.names.size();
                }
            }
        } catch (RuntimeException e) {
            for (Request request : batch) {
                request.failure = e;
            }
        } catch (Error e) {
            for (Request request : batch) {
                request.failure = new IllegalStateException("registration failed", e);
            }
            throw e;
        } finally {
            for (Request request : batch) {
                request.done = true; // published to the waiters by the monitor release in serve()
            }
        }
    }

    private static List<LoggerEvents> resultOf(Request request) {
        if (request.failure != null) {
            throw request.failure;
        }
        return request.result;
    }
}
