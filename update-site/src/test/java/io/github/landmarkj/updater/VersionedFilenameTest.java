package io.github.landmarkj.updater;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scijava.util.FileUtils;

class VersionedFilenameTest {

	@Test
	void goldenExample() {
		assertEquals("jars/api.jar", VersionedFilename.unversioned("jars/api-0.35.1.jar"));
	}

	@Test
	void nonJarsKeepTheirPath() {
		assertEquals("models/landmarkj/face68-1.0/model.json",
				VersionedFilename.unversioned("models/landmarkj/face68-1.0/model.json"));
	}

	@Test
	void classifierSurvives() {
		assertEquals("jars/pytorch-native-cpu-linux-x86_64.jar",
				VersionedFilename.unversioned("jars/pytorch-native-cpu-2.7.1-linux-x86_64.jar"));
	}

	/** The rule must agree with the one in Fiji's scijava-common, which the updater calls. */
	@ParameterizedTest
	@ValueSource(strings = { "jars/api-0.35.1.jar", "jars/pytorch-engine-0.35.1.jar",
			"jars/pytorch-jni-2.7.1-0.35.1.jar", "plugins/landmarkj-0.1.0.jar", "plugins/landmarkj-0.1.0-SNAPSHOT.jar",
			"jars/ij-1.54p.jar", "jars/scijava-common-2.100.1.jar", "jars/gson-2.10.1.jar",
			"jars/pytorch-native-cpu-2.7.1-linux-x86_64.jar", "jars/pytorch-native-cpu-2.7.1-win-x86_64.jar",
			"jars/pytorch-native-cpu-2.7.1-osx-aarch64.jar", "jars/foo-1.0-natives-macos-arm64.jar",
			"jars/bar-2.3.4-sources.jar", "jars/jama-1.0.3.GA.jar", "jars/baz-20120101.jar", "jars/plain.jar",
			"jars/weird-1.2.3-beta-4.jar", "models/landmarkj/face68/model.json", "macros/demo.ijm" })
	void agreesWithScijava(String path) {
		assertEquals(FileUtils.stripFilenameVersion(path), VersionedFilename.unversioned(path));
	}
}
