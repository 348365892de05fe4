package io.github.landmarkj.updater;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class PropertiesCommentFilterTest {

	private static String filter(String text) {
		return new String(PropertiesCommentFilter.filter(text.getBytes(StandardCharsets.ISO_8859_1)),
				StandardCharsets.ISO_8859_1);
	}

	@Test
	void commentTextIsDroppedButItsLineBreakKept() {
		assertEquals("\nversion=1\n", filter("#Sun Nov 22 02:39:58 UTC 2026\nversion=1\n"));
	}

	@Test
	void severalHashesAreOneComment() {
		assertEquals("\na=1\n", filter("## generated\na=1\n"));
	}

	@Test
	void commentAfterAnEmptyLineIsKeptWhole() {
		assertEquals("a=1\n\n# kept\n\n", filter("a=1\n\n# kept\n# dropped\n"));
	}

	@Test
	void commentAfterALoneHashIsKeptWhole() {
		assertEquals("\n# kept\n\n", filter("#\n# kept\n# dropped\n"));
	}

	@Test
	void hashInsideALineIsNotAComment() {
		assertEquals("colour=#fff\n", filter("colour=#fff\n"));
	}

	@Test
	void commentWithoutLineBreakAtTheEndVanishes() {
		assertEquals("a=1\n", filter("a=1\n# trailing"));
	}
}
