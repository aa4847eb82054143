package io.civicpulse.opendata;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import io.civicpulse.feeds.IngestException;

/**
 * GeoReport v2 {@code requests.xml}: {@code <service_requests><request>...</request>...</service_requests>}, read
 * with the JDK's StAX one request at a time. A request's line is the line of its {@code <request>} tag. External
 * entities and DTDs are refused: an export is untrusted input.
 */
final class Open311XmlReader implements SourceReader {

    private final String file;
    private final Reader text;
    private final XMLStreamReader xml;

    Open311XmlReader(Path path) throws IOException {
        this.file = path.getFileName().toString();
        this.text = SourceReader.text(path);
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            this.xml = factory.createXMLStreamReader(text);
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    @Override
    public SourceRow next() {
        try {
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("request")) {
                    return request();
                }
            }
            return null;
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    private SourceRow request() throws XMLStreamException {
        long line = xml.getLocation().getLineNumber();
        Map<String, String> values = new HashMap<>();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (depth == 1) {
                    String name = xml.getLocalName();
                    // getElementText fails on nested elements: a nested field is not one of GeoReport v2's.
                    try {
                        values.put(name, xml.getElementText());
                        continue;
                    } catch (XMLStreamException nested) {
                        throw new IngestException(file + " line " + xml.getLocation().getLineNumber() + ": field <"
                                + name + "> of a request holds elements, not text");
                    }
                }
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return new SourceRow(file, line, values);
    }

    private IngestException failure(XMLStreamException e) {
        String where = e.getLocation() == null ? "" : " line " + e.getLocation().getLineNumber();
        return new IngestException(file + where + ": not valid XML (" + e.getMessage().lines().reduce((a, b) -> b)
                .orElse("") + ")", e);
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        } finally {
            text.close();
        }
    }
}
