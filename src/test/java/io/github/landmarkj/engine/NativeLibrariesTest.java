package io.github.landmarkj.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

class NativeLibrariesTest {
	private static final ClassLoader EMPTY = new URLClassLoader(new URL[0], null);

	@Test
	void platformNamesFollowDjl() {
		assertEquals("linux-x86_64", NativeLibraries.platform("Linux", "amd64"));
		assertEquals("osx-aarch64", NativeLibraries.platform("Mac OS X", "aarch64"));
		assertEquals("win-x86_64", NativeLibraries.platform("Windows 11", "amd64"));
	}

	@Test
	void offlineWithoutLibraryExplainsWhatToInstallInsteadOfFailingLater(@TempDir Path cache) {
		NativeLibraries.Status s = NativeLibraries.status(null, EMPTY, cache, true, "Linux", "amd64");
		assertFalse(s.available);
		assertTrue(s.message.contains("LandmarkJ-natives"), s.message);
		assertTrue(s.message.contains("PYTORCH_LIBRARY_PATH"), s.message);
		assertTrue(s.message.contains("pytorch-native-cpu:2.7.1:linux-x86_64"), s.message);
	}

	@Test
	void onlineWithoutLibrarySaysItWillDownloadAndWhere(@TempDir Path cache) {
		NativeLibraries.Status s = NativeLibraries.status(null, EMPTY, cache, false, "Linux", "amd64");
		assertTrue(s.available);
		assertTrue(s.needsDownload);
		assertTrue(s.message.contains(cache.toString()), s.message);
	}

	@Test
	void findsTheLibraryPathTheCacheAndTheNativeJar(@TempDir Path dir) throws Exception {
		Path lib = Files.createDirectories(dir.resolve("libtorch"));
		NativeLibraries.Status fromEnv = NativeLibraries.status(lib.toString(), EMPTY, dir, true, "Linux", "amd64");
		assertTrue(fromEnv.available);
		assertFalse(fromEnv.needsDownload);
		assertFalse(NativeLibraries.status(dir.resolve("missing").toString(), EMPTY, dir, true, "Linux", "amd64").available);

		Path cache = Files.createDirectories(dir.resolve("cache/2.7.1-20250812-cpu-linux-x86_64"));
		NativeLibraries.Status fromCache = NativeLibraries.status(null, EMPTY, cache.getParent(), true, "Linux", "amd64");
		assertTrue(fromCache.available);
		assertTrue(fromCache.source.startsWith("DJL cache"));

		// The test class path holds pytorch-native-cpu for linux-x86_64 (see pom.xml).
		NativeLibraries.Status fromJar = NativeLibraries.status(null, getClass().getClassLoader(), dir.resolve("none"), true, "Linux", "amd64");
		assertTrue(fromJar.available);
		assertEquals("pytorch-native-cpu jar on the class path", fromJar.source);
	}
}
