package io.github.landmarkj.updater;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SiteEntryTest {
	private static final Path SOURCE = Path.of("in/x.jar");

	@Test
	void entriesWithoutPlatformsAreForAll() {
		SiteEntry entry = new SiteEntry("jars/api-0.35.1.jar", SOURCE, List.of(), "DJL");
		assertEquals(List.of(), entry.platforms());
		assertEquals(List.of(), new SiteEntry("jars/api-0.35.1.jar", SOURCE, List.of()).platforms());
	}

	@Test
	void withPlatformsKeepsEverythingElse() {
		SiteEntry entry = new SiteEntry("jars/a-1.0.jar", SOURCE, List.of("jars/b-1.0.jar"), "A")
				.withPlatforms(List.of("win64", "linux64"));
		assertEquals(List.of("win64", "linux64"), entry.platforms());
		assertEquals("jars/a-1.0.jar", entry.target());
		assertEquals(List.of("jars/b-1.0.jar"), entry.dependencies());
		assertEquals(Optional.of("A"), entry.description());
	}

	@Test
	void unknownPlatformIsRefused() {
		// DJL's name for the platform, not the updater's: a Fiji would never install the file
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> new SiteEntry("jars/a-1.0.jar", SOURCE, List.of(), null, List.of("linux-x86_64")));
		assertTrue(e.getMessage().contains("linux64"), e.getMessage());
		assertThrows(IllegalArgumentException.class,
				() -> new SiteEntry("jars/a-1.0.jar", SOURCE, List.of(), null, List.of("win64", "win64")));
	}

	@Test
	void fileInAPlatformFolderMustBeForThatPlatform() {
		assertThrows(IllegalArgumentException.class,
				() -> new SiteEntry("jars/win64/a-1.0.jar", SOURCE, List.of(), null, List.of()));
		assertThrows(IllegalArgumentException.class,
				() -> new SiteEntry("jars/win64/a-1.0.jar", SOURCE, List.of(), null, List.of("linux64")));
		assertEquals(List.of("win64"),
				new SiteEntry("jars/win64/a-1.0.jar", SOURCE, List.of(), null, List.of("win64")).platforms());
		// a folder that names no platform says nothing
		assertEquals(List.of(), new SiteEntry("jars/bio-formats/a-1.0.jar", SOURCE, List.of()).platforms());
	}

	@Test
	void platformFoldersAsTheUpdaterReadsThem() {
		assertEquals(Optional.of("linux64"), UpdaterPlatforms.ofFolder("jars/linux64/x.jar"));
		assertEquals(Optional.of("macosx"), UpdaterPlatforms.ofFolder("jars/macosx/x.jar"));
		assertEquals(Optional.of("linux32"), UpdaterPlatforms.ofFolder("lib/linux/tool"));
		assertEquals(Optional.empty(), UpdaterPlatforms.ofFolder("jars/x.jar"));
		assertEquals(Optional.empty(), UpdaterPlatforms.ofFolder("plugins/linux64/x.jar"));
		assertEquals("jars/macosx/p-1.jar", SiteLayout.platformJarTarget("macosx", Path.of("/m2/p-1.jar")));
		assertThrows(IllegalArgumentException.class, () -> SiteLayout.platformJarTarget("osx-aarch64", Path.of("p.jar")));
	}
}
