package io.github.landmarkj.updater;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.landmarkj.updater.FijiRuntimePolicy.Placement;

class FijiRuntimePolicyTest {

	@ParameterizedTest
	@ValueSource(strings = { "api-0.35.1.jar", "pytorch-engine-0.35.1.jar", "pytorch-jni-2.7.1-0.35.1.jar" })
	void djlGoesOnTheSite(String jar) {
		assertEquals(Placement.ON_SITE, FijiRuntimePolicy.decide(jar).placement());
	}

	@ParameterizedTest
	@ValueSource(strings = { "ij-1.54p.jar", "scijava-common-2.100.1.jar", "parsington-3.1.0.jar", "gson-2.10.1.jar",
			"jna-5.14.0.jar", "commons-compress-1.28.0.jar", "commons-codec-1.19.0.jar", "commons-io-2.20.0.jar",
			"slf4j-api-2.0.17.jar" })
	void fijisOwnJarsStayOff(String jar) {
		assertEquals(Placement.SHIPPED_BY_FIJI, FijiRuntimePolicy.decide(jar).placement());
	}

	@ParameterizedTest
	@ValueSource(strings = { "pytorch-native-cpu-2.7.1-linux-x86_64.jar", "pytorch-native-cpu-2.7.1-osx-aarch64.jar",
			"pytorch-native-cpu-2.7.1-win-x86_64.jar", "pytorch-native-cu124-2.5.1-linux-x86_64.jar" })
	void nativesNeverGoOnTheMainSite(String jar) {
		assertEquals(Placement.NATIVE_LIBRARY, FijiRuntimePolicy.decide(jar).placement());
	}

	@Test
	void unknownJarIsPublished() {
		assertEquals(Placement.ON_SITE, FijiRuntimePolicy.decide("something-new-1.0.jar").placement());
	}

	@Test
	void engineNeedsApiAndJni() {
		assertEquals(List.of("api", "pytorch-jni"), FijiRuntimePolicy.decide("pytorch-engine-0.35.1.jar").siteDependencies());
	}

	@Test
	void artifactNameDropsVersionAndExtension() {
		assertEquals("pytorch-jni", FijiRuntimePolicy.artifactName("pytorch-jni-2.7.1-0.35.1.jar"));
	}
}
