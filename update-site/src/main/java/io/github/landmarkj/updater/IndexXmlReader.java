package io.github.landmarkj.updater;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads {@code db.xml} like the updater's {@code XMLFileReader}: element by element, tolerating
 * elements it does not know (the local index's {@code <update-site>} records, future additions).
 */
final class IndexXmlReader extends DefaultHandler {
	private final List<SiteFile> files = new ArrayList<>();
	private final StringBuilder text = new StringBuilder();

	// the <plugin> being read
	private String filename;
	private boolean executable;
	private List<String> platforms;
	private List<String> categories;
	private List<PreviousVersion> previous;
	// its <version>, if any
	private boolean hasVersion;
	private String checksum;
	private long timestamp;
	private long filesize;
	private String description;
	private List<Dependency> dependencies;
	private List<String> links;
	private List<String> authors;

	private IndexXmlReader() {
	}

	static UpdateSite read(InputStream xml, String source) throws IOException {
		IndexXmlReader handler = new IndexXmlReader();
		try {
			SAXParserFactory factory = SAXParserFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			// the index carries its DTD inline; nothing outside it is ever fetched
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
			XMLReader reader = factory.newSAXParser().getXMLReader();
			reader.setContentHandler(handler);
			reader.parse(new InputSource(xml));
		} catch (SAXException | ParserConfigurationException | IllegalArgumentException e) {
			throw new UpdateSiteException("Not a valid update site index: " + source + ": " + e.getMessage(), e);
		}
		try {
			return new UpdateSite(handler.files);
		} catch (IllegalArgumentException e) {
			throw new UpdateSiteException("Not a valid update site index: " + source + ": " + e.getMessage(), e);
		}
	}

	@Override
	public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
		text.setLength(0);
		String tag = uri.isEmpty() ? qName : localName;
		switch (tag) {
		case "plugin":
			filename = required(attributes, tag, "filename");
			executable = "true".equalsIgnoreCase(attributes.getValue("executable"));
			platforms = new ArrayList<>();
			categories = new ArrayList<>();
			previous = new ArrayList<>();
			hasVersion = false;
			break;
		case "version":
			inPlugin(tag);
			hasVersion = true;
			checksum = required(attributes, tag, "checksum");
			timestamp = number(attributes, tag, "timestamp");
			filesize = number(attributes, tag, "filesize");
			description = null;
			dependencies = new ArrayList<>();
			links = new ArrayList<>();
			authors = new ArrayList<>();
			break;
		case "previous-version":
			inPlugin(tag);
			previous.add(new PreviousVersion(attributes.getValue("filename"), required(attributes, tag, "checksum"),
					number(attributes, tag, "timestamp"), number(attributes, tag, "timestamp-obsolete")));
			break;
		case "dependency":
			inVersion(tag);
			dependencies.add(new Dependency(required(attributes, tag, "filename"), number(attributes, tag, "timestamp"),
					"true".equals(attributes.getValue("overrides"))));
			break;
		default:
			// unknown or text-only elements: their text is taken in endElement
		}
	}

	@Override
	public void characters(char[] ch, int start, int length) {
		text.append(ch, start, length);
	}

	@Override
	public void endElement(String uri, String localName, String qName) throws SAXException {
		String tag = uri.isEmpty() ? qName : localName;
		switch (tag) {
		case "description":
			inVersion(tag);
			description = text.toString();
			break;
		case "link":
			inVersion(tag);
			links.add(text.toString());
			break;
		case "author":
			inVersion(tag);
			authors.add(text.toString());
			break;
		case "platform":
			inPlugin(tag);
			platforms.add(text.toString().trim());
			break;
		case "category":
			inPlugin(tag);
			categories.add(text.toString());
			break;
		case "plugin":
			CurrentVersion current = hasVersion
					? new CurrentVersion(checksum, timestamp, filesize, description, dependencies, links, authors)
					: null;
			files.add(new SiteFile(filename, executable, platforms, categories, current, previous));
			filename = null;
			hasVersion = false;
			break;
		default:
			// elements without meaning for an update site's files
		}
		text.setLength(0);
	}

	private void inPlugin(String tag) throws SAXException {
		if (filename == null) {
			throw new SAXException("<" + tag + "> outside a <plugin>");
		}
	}

	private void inVersion(String tag) throws SAXException {
		inPlugin(tag);
		if (!hasVersion) {
			throw new SAXException("<" + tag + "> outside the <version> of " + filename);
		}
	}

	private String required(Attributes attributes, String tag, String name) throws SAXException {
		String value = attributes.getValue(name);
		if (value == null || value.isEmpty()) {
			throw new SAXException("<" + tag + "> without " + name + (filename == null ? "" : " in " + filename));
		}
		return value;
	}

	// the updater reads a missing number as 0
	private long number(Attributes attributes, String tag, String name) throws SAXException {
		String value = attributes.getValue(name);
		if (value == null || value.isEmpty()) {
			return 0;
		}
		try {
			return Long.parseLong(value.trim());
		} catch (NumberFormatException e) {
			throw new SAXException("<" + tag + "> with " + name + "=\"" + value + "\", not a number"
					+ (filename == null ? "" : " in " + filename));
		}
	}
}
