package io.github.landmarkj.updater;

import java.util.List;

/**
 * Writes {@code db.xml} the way the updater's {@code XMLFileWriter} does for an update site: the same
 * inline DTD, element order and attribute order, indented by four spaces.
 */
final class IndexXmlWriter {
	// Copied from XMLFileWriter so that a validating reader accepts our index as it accepts Fiji's.
	static final String DTD = "<!DOCTYPE pluginRecords [\n"
			+ "<!ELEMENT pluginRecords ((update-site | disabled-update-site)*, plugin*)>\n"
			+ "<!ELEMENT update-site EMPTY>\n"
			+ "<!ELEMENT disabled-update-site EMPTY>\n"
			+ "<!ELEMENT plugin (platform*, category*, version?, previous-version*)>\n"
			+ "<!ELEMENT version (description?, dependency*, link*, author*)>\n"
			+ "<!ELEMENT previous-version EMPTY>\n"
			+ "<!ELEMENT description (#PCDATA)>\n"
			+ "<!ELEMENT dependency EMPTY>\n"
			+ "<!ELEMENT link (#PCDATA)>\n"
			+ "<!ELEMENT author (#PCDATA)>\n"
			+ "<!ELEMENT platform (#PCDATA)>\n"
			+ "<!ELEMENT category (#PCDATA)>\n"
			+ "<!ATTLIST update-site name CDATA #REQUIRED>\n"
			+ "<!ATTLIST update-site url CDATA #REQUIRED>\n"
			+ "<!ATTLIST update-site ssh-host CDATA #IMPLIED>\n"
			+ "<!ATTLIST update-site upload-directory CDATA #IMPLIED>\n"
			+ "<!ATTLIST update-site description CDATA #IMPLIED>\n"
			+ "<!ATTLIST update-site maintainer CDATA #IMPLIED>\n"
			+ "<!ATTLIST update-site timestamp CDATA #REQUIRED>\n"
			+ "<!ATTLIST disabled-update-site name CDATA #REQUIRED>\n"
			+ "<!ATTLIST disabled-update-site url CDATA #REQUIRED>\n"
			+ "<!ATTLIST disabled-update-site ssh-host CDATA #IMPLIED>\n"
			+ "<!ATTLIST disabled-update-site upload-directory CDATA #IMPLIED>\n"
			+ "<!ATTLIST disabled-update-site description CDATA #IMPLIED>\n"
			+ "<!ATTLIST disabled-update-site maintainer CDATA #IMPLIED>\n"
			+ "<!ATTLIST disabled-update-site timestamp CDATA #REQUIRED>\n"
			+ "<!ATTLIST plugin update-site CDATA #IMPLIED>\n"
			+ "<!ATTLIST plugin filename CDATA #REQUIRED>\n"
			+ "<!ATTLIST plugin executable CDATA #IMPLIED>\n"
			+ "<!ATTLIST dependency filename CDATA #REQUIRED>\n"
			+ "<!ATTLIST dependency timestamp CDATA #IMPLIED>\n"
			+ "<!ATTLIST dependency overrides CDATA #IMPLIED>\n"
			+ "<!ATTLIST version timestamp CDATA #REQUIRED>\n"
			+ "<!ATTLIST version checksum CDATA #REQUIRED>\n"
			+ "<!ATTLIST version filesize CDATA #REQUIRED>\n"
			+ "<!ATTLIST previous-version filename CDATA #IMPLIED>\n"
			+ "<!ATTLIST previous-version timestamp CDATA #REQUIRED>\n"
			+ "<!ATTLIST previous-version timestamp-obsolete CDATA #IMPLIED>\n"
			+ "<!ATTLIST previous-version checksum CDATA #REQUIRED>]>\n";

	private static final String INDENT = "    ";

	private final StringBuilder out = new StringBuilder();

	private IndexXmlWriter() {
	}

	static String toXml(UpdateSite site) {
		IndexXmlWriter writer = new IndexXmlWriter();
		writer.out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n").append(DTD).append("<pluginRecords>\n");
		for (SiteFile file : site.files()) {
			writer.plugin(file);
		}
		writer.out.append("</pluginRecords>\n");
		return writer.out.toString();
	}

	private void plugin(SiteFile file) {
		out.append(INDENT).append("<plugin");
		attribute("filename", file.filename());
		if (file.executable()) {
			attribute("executable", "true");
		}
		out.append(">\n");
		simpleTags(2, "platform", file.platforms());
		simpleTags(2, "category", file.categories());
		file.current().ifPresent(this::version);
		for (PreviousVersion previous : file.previous()) {
			out.append(INDENT).append(INDENT).append("<previous-version");
			attribute("timestamp", Long.toString(previous.timestamp()));
			attribute("timestamp-obsolete", Long.toString(previous.timestampObsolete()));
			attribute("checksum", previous.checksum());
			previous.filename().ifPresent(name -> attribute("filename", name));
			out.append("/>\n");
		}
		out.append(INDENT).append("</plugin>\n");
	}

	private void version(CurrentVersion version) {
		out.append(INDENT).append(INDENT).append("<version");
		attribute("checksum", version.checksum());
		attribute("timestamp", Long.toString(version.timestamp()));
		attribute("filesize", Long.toString(version.filesize()));
		out.append(">\n");
		version.description().ifPresent(text -> simpleTags(3, "description", List.of(text)));
		for (Dependency dependency : version.dependencies()) {
			out.append(INDENT).append(INDENT).append(INDENT).append("<dependency");
			attribute("filename", dependency.filename());
			attribute("timestamp", Long.toString(dependency.timestamp()));
			if (dependency.overrides()) {
				attribute("overrides", "true");
			}
			out.append("/>\n");
		}
		simpleTags(3, "link", version.links());
		simpleTags(3, "author", version.authors());
		out.append(INDENT).append(INDENT).append("</version>\n");
	}

	private void simpleTags(int depth, String tag, List<String> values) {
		for (String value : values) {
			out.append(INDENT.repeat(depth)).append('<').append(tag).append('>');
			escape(value, false);
			out.append("</").append(tag).append(">\n");
		}
	}

	private void attribute(String name, String value) {
		out.append(' ').append(name).append("=\"");
		escape(value, true);
		out.append('"');
	}

	private void escape(String text, boolean inAttribute) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
			case '&':
				out.append("&amp;");
				break;
			case '<':
				out.append("&lt;");
				break;
			case '>':
				out.append("&gt;");
				break;
			case '"':
				out.append(inAttribute ? "&quot;" : "\"");
				break;
			case '\n':
			case '\r':
			case '\t':
				// a parser normalises raw white space in attributes to spaces
				if (inAttribute) {
					out.append("&#").append((int) c).append(';');
				} else {
					out.append(c);
				}
				break;
			default:
				out.append(c);
			}
		}
	}
}
