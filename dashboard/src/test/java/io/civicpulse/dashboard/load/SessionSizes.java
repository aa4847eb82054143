package io.civicpulse.dashboard.load;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.vaadin.flow.server.VaadinSession;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/**
 * Keeps the live HTTP sessions, to weigh them as a session store or a cluster would (the serialised size of their
 * attributes: the Vaadin session with its UIs, Spring Security's context, the CSRF token), to count their UIs and
 * to invalidate them, which frees what they hold for the heap measurement.
 */
final class SessionSizes implements HttpSessionListener {

    /** The sessions' serialised sizes in bytes, and the UIs their Vaadin sessions hold. */
    record Weight(List<Long> bytes, int uis, String failure) {

        long average() {
            return bytes.isEmpty() ? 0 : bytes.stream().mapToLong(Long::longValue).sum() / bytes.size();
        }
    }

    private final Set<HttpSession> sessions = ConcurrentHashMap.newKeySet();

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        sessions.add(event.getSession());
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        sessions.remove(event.getSession());
    }

    /** Every live session with a logged-in user (the login page's anonymous sessions were replaced at login). */
    Weight weigh() {
        List<Long> sizes = new java.util.ArrayList<>();
        int uis = 0;
        String failure = null;
        for (HttpSession session : sessions) {
            long size = 0;
            try {
                if (session.getAttribute("SPRING_SECURITY_CONTEXT") == null) {
                    continue;
                }
                for (String name : Collections.list(session.getAttributeNames())) {
                    Object value = session.getAttribute(name);
                    if (value instanceof VaadinSession vaadin) {
                        // Serialising reads the UIs' state trees: only under the session's lock, as Vaadin does.
                        vaadin.getLockInstance().lock();
                        try {
                            uis += vaadin.getUIs().size();
                            size += serialisedSize(value);
                        } finally {
                            vaadin.getLockInstance().unlock();
                        }
                    } else {
                        size += serialisedSize(value);
                    }
                }
                sizes.add(size);
            } catch (IllegalStateException e) {
                // Invalidated meanwhile: it no longer counts.
            } catch (IOException e) {
                failure = e.toString();
            }
        }
        return new Weight(sizes, uis, failure);
    }

    /** Logs every logged-in session out (invalidates it); returns how many there were. */
    int invalidateLoggedIn() {
        int invalidated = 0;
        for (HttpSession session : sessions) {
            try {
                if (session.getAttribute("SPRING_SECURITY_CONTEXT") != null) {
                    session.invalidate();
                    invalidated++;
                }
            } catch (IllegalStateException e) {
                // Invalidated meanwhile.
            }
        }
        return invalidated;
    }

    private static long serialisedSize(Object value) throws IOException {
        CountingStream counter = new CountingStream();
        try (ObjectOutputStream out = new ObjectOutputStream(counter)) {
            out.writeObject(value);
        }
        return counter.count;
    }

    private static final class CountingStream extends OutputStream {

        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
