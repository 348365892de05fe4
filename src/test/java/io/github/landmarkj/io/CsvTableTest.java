package io.github.landmarkj.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

class CsvTableTest {
	@TempDir
	Path tmp;

	/** Values as our writers print them read back as they were, whatever they hold. */
	@Test
	void everyWrittenValueReadsBack() throws IOException {
		List<String> values = List.of("plain.png", "with,comma.png", "with \"quotes\".png", "two\nlines.png", "windows\r\nline.png",
				"#hash", "", "tab\there", "ünïcödé 顔.png");
		StringWriter text = new StringWriter();
		CSVPrinter csv = Csv.printer(text);
		csv.printRecord("image", "n");
		for (int i = 0; i < values.size(); i++) {
			csv.printRecord(values.get(i), i);
		}
		csv.flush();
		Path f = tmp.resolve("v.csv");
		Files.write(f, text.toString().getBytes(StandardCharsets.UTF_8));

		CsvTable table = CsvTable.read(f, List.of("image", "n"));
		List<String> read = new ArrayList<>();
		for (CsvTable.Row row : table.rows()) {
			assertEquals(read.size(), table.integer(row, "n"));
			read.add(table.text(row, "image"));
		}
		assertEquals(values, read);
	}

	@Test
	void ordinaryValuesAreWrittenAsBeforeWithoutQuotes() throws IOException {
		StringWriter text = new StringWriter();
		CSVPrinter csv = Csv.printer(text);
		csv.printRecord("astronaut.png", 1, 37, "eye_left_outer", "192.500", "-1.250", "0.873", 0, "", "", "");
		csv.printRecord("a,b.png", "say \"hi\"");
		csv.flush();
		assertEquals("astronaut.png,1,37,eye_left_outer,192.500,-1.250,0.873,0,,,\n\"a,b.png\",\"say \"\"hi\"\"\"\n", text.toString());
	}

	@Test
	void linesAreNumberedInTheFileEvenAfterBlankLinesAndValuesWithLineBreaks() throws IOException {
		Path f = tmp.resolve("b.csv");
		Files.write(f, "image,x\n\"two\nlines\",1\n\n   \nc,oops\n".getBytes(StandardCharsets.UTF_8));
		CsvTable table = CsvTable.read(f, List.of("image", "x"));
		assertEquals(2, table.rows().size());
		assertEquals(2, table.rows().get(0).line);
		MalformedFileException e = assertThrows(MalformedFileException.class, () -> table.number(table.rows().get(1), "x"));
		assertEquals(6, e.line(), e.getMessage());
	}

	@Test
	void anUnclosedQuoteIsReportedWithTheFile() throws IOException {
		Path f = tmp.resolve("q.csv");
		Files.write(f, "image,x\n\"open,1\n".getBytes(StandardCharsets.UTF_8));
		MalformedFileException e = assertThrows(MalformedFileException.class, () -> CsvTable.read(f, List.of("image", "x")));
		assertTrue(e.getMessage().contains("q.csv") && e.getMessage().contains("not closed"), e.getMessage());
	}
}
