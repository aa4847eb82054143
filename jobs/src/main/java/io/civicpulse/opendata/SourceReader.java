package io.civicpulse.opendata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Streams the requests of one export, one at a time, so an export of any size is never held in memory. */
interface SourceReader extends AutoCloseable {

    /** The next request, or {@code null} at the end. */
    SourceRow next() throws IOException;

    @Override
    void close() throws IOException;

    /** The export as UTF-8 text, gunzipped when its name ends in {@code .gz}, without a byte-order mark. */
    static Reader text(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        PushbackReader reader = new PushbackReader(new BufferedReader(new InputStreamReader(in,
                StandardCharsets.UTF_8), 1 << 16));
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }
}
