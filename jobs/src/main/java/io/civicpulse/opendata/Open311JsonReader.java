package io.civicpulse.opendata;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import io.civicpulse.feeds.IngestException;

/**
 * GeoReport v2 {@code requests.json}: an array of service requests (or an object holding it under
 * {@code service_requests}, as some servers wrap it), read with Jackson's streaming parser one request at a time.
 * A request's line is the line its object starts on. Nested values (such as a {@code media_url} list) are skipped.
 */
final class Open311JsonReader implements SourceReader {

    private final String file;
    private final JsonParser parser;

    Open311JsonReader(Path path) throws IOException {
        this.file = path.getFileName().toString();
        Reader reader = SourceReader.text(path);
        this.parser = new JsonFactory().createParser(ObjectReadContext.empty(), reader);
        try {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                // {"service_requests": [...]}: find the array
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (value == JsonToken.START_ARRAY && name.equals("service_requests")) {
                        return;
                    }
                    parser.skipChildren();
                }
                throw new IngestException(file + ": no service_requests array (not GeoReport v2 requests JSON)");
            }
            if (first != JsonToken.START_ARRAY) {
                throw new IngestException(file + ": not GeoReport v2 requests JSON (it does not start with an array)");
            }
        } catch (JacksonException e) {
            throw failure(e);
        }
    }

    @Override
    public SourceRow next() {
        try {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY || token == null) {
                return null;
            }
            long line = parser.currentLocation().getLineNr();
            if (token != JsonToken.START_OBJECT) {
                throw new IngestException(file + " line " + line + ": a service request must be a JSON object");
            }
            Map<String, String> values = new HashMap<>();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value.isScalarValue() && value != JsonToken.VALUE_NULL) {
                    values.put(name, parser.getString());
                } else {
                    parser.skipChildren();
                }
            }
            return new SourceRow(file, line, values);
        } catch (JacksonException e) {
            throw failure(e);
        }
    }

    private IngestException failure(JacksonException e) {
        var location = e.getLocation();
        return new IngestException(file + (location == null ? "" : " line " + location.getLineNr()) + ": not valid JSON ("
                + e.getOriginalMessage() + ")", e);
    }

    @Override
    public void close() {
        parser.close();
    }
}
