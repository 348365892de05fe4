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
	private static final String LINUX = "linux-x86_64";
	private static final String LIB = "libtorch.so";
	/** What DJL 0.35.1 looks for without a pytorch-native jar on a Linux machine without GPU. */
	private static final NativeLibraries.ExpectedCacheFolder CPU = new NativeLibraries.ExpectedCacheFolder("2.7.1", "cpu", LINUX);

	private static NativeLibraries.Status status(String libraryPath, ClassLoader loader, Path cache, boolean offline) {
		return NativeLibraries.status(libraryPath, loader, cache, offline, LINUX, CPU, LIB);
	}

	private static Path libtorchFolder(Path parent, String name) throws Exception {
		Path folder = Files.createDirectories(parent.resolve(name));
		Files.write(folder.resolve(LIB), new byte[] {0x7f, 'E', 'L', 'F'});
		return folder;
	}

	@Test
	void platformNamesFollowDjl() {
		assertEquals("linux-x86_64", NativeLibraries.platform("Linux", "amd64"));
		assertEquals("osx-aarch64", NativeLibraries.platform("Mac OS X", "aarch64"));
		assertEquals("win-x86_64", NativeLibraries.platform("Windows 11", "amd64"));
	}

	@Test
	void offlineWithoutLibraryExplainsWhatToInstallInsteadOfFailingLater(@TempDir Path cache) {
		NativeLibraries.Status s = status(null, EMPTY, cache, true);
		assertFalse(s.available());
		assertTrue(s.message().contains("LandmarkJ-natives"), s.message());
		assertTrue(s.message().contains("PYTORCH_LIBRARY_PATH"), s.message());
		assertTrue(s.message().contains("pytorch-native-cpu:2.7.1:linux-x86_64"), s.message());
	}

	@Test
	void onlineWithoutLibrarySaysItWillDownloadAndWhere(@TempDir Path cache) {
		NativeLibraries.Status s = status(null, EMPTY, cache, false);
		assertTrue(s.available());
		assertTrue(s.needsDownload());
		assertTrue(s.message().contains(cache.toString()), s.message());
	}

	@Test
	void aCacheFolderExtractedFromANativeJarIsNotUsableWithoutTheJarAndTheMessageSaysWhatToDo(@TempDir Path cache) throws Exception {
		// What a pytorch-native-cpu jar leaves in DJL's cache: its version carries the build date.
		Path extracted = libtorchFolder(cache, "2.7.1-20250812-cpu-linux-x86_64");
		NativeLibraries.Status offline = status(null, EMPTY, cache, true);
		assertFalse(offline.available(), "DJL looks in 2.7.1-cpu-linux-x86_64 only, and would download");
		assertTrue(offline.message().contains("Failed to save pytorch index file"), offline.message());
		assertTrue(offline.message().contains("Rename the folder " + extracted + " to 2.7.1-cpu-linux-x86_64"), offline.message());
		NativeLibraries.Status online = status(null, EMPTY, cache, false);
		assertTrue(online.needsDownload(), online.message());

		// Renamed as the message says, DJL finds it, and so does the check.
		Files.move(extracted, cache.resolve("2.7.1-cpu-linux-x86_64"));
		NativeLibraries.Status renamed = status(null, EMPTY, cache, true);
		assertTrue(renamed.available(), renamed.message());
		assertFalse(renamed.needsDownload());
		assertTrue(renamed.source().startsWith("DJL cache"), renamed.source());
	}

	@Test
	void aCacheFolderWithoutTheLibraryOrForAnotherFlavourIsNotUsable(@TempDir Path cache) throws Exception {
		Files.createDirectories(cache.resolve("2.7.1-cpu-linux-x86_64")); // an interrupted extraction: no libtorch in it
		assertFalse(status(null, EMPTY, cache, true).available());
		libtorchFolder(cache, "2.7.1-cpu-linux-x86_64");
		NativeLibraries.ExpectedCacheFolder gpu = new NativeLibraries.ExpectedCacheFolder("2.7.1", "cu128", LINUX);
		assertFalse(NativeLibraries.status(null, EMPTY, cache, true, LINUX, gpu, LIB).available(), "a GPU machine looks for cu128");
	}

	@Test
	void theLibraryPathCountsOnlyWhenItHoldsTheLibrary(@TempDir Path dir) throws Exception {
		Path lib = libtorchFolder(dir, "libtorch");
		NativeLibraries.Status fromEnv = status(lib.toString(), EMPTY, dir.resolve("cache"), true);
		assertTrue(fromEnv.available());
		assertFalse(fromEnv.needsDownload());
		Path empty = Files.createDirectories(dir.resolve("empty"));
		NativeLibraries.Status wrong = status(empty.toString(), EMPTY, dir.resolve("cache"), true);
		assertFalse(wrong.available());
		assertTrue(wrong.message().startsWith("PYTORCH_LIBRARY_PATH points at " + empty + ", which holds no libtorch.so"), wrong.message());
	}

	@Test
	void theNativeJarOnTheClassPathIsUsed(@TempDir Path dir) {
		// The test class path holds pytorch-native-cpu for linux-x86_64 (see pom.xml).
		NativeLibraries.Status fromJar = status(null, getClass().getClassLoader(), dir.resolve("none"), true);
		assertTrue(fromJar.available());
		assertEquals("pytorch-native-cpu jar on the class path", fromJar.source());
	}

	@Test
	void thisMachineAsksDjlWhatItExpects() {
		NativeLibraries.ExpectedCacheFolder e = NativeLibraries.ExpectedCacheFolder.ofThisMachine();
		assertTrue(e.version().startsWith("2.7.1"), e.version());
		assertFalse(e.classifier().isEmpty());
	}
}
