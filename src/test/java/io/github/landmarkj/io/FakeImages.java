package io.github.landmarkj.io;

/** Image files that claim what they do not hold, to test checks made before pixels are decoded. */
public final class FakeImages {
	private FakeImages() {
	}

	/** A PNG whose header says 40000 x 40000 RGB, with no pixels: read, it would take 30 GB. */
	public static java.nio.file.Path hugePngHeader(java.nio.file.Path file) throws java.io.IOException {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
		java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13).putInt(40000).putInt(40000).put((byte) 8).put((byte) 2).put((byte) 0)
				.put((byte) 0).put((byte) 0);
		chunk(out, "IHDR", ihdr.array());
		chunk(out, "IEND", new byte[0]);
		return java.nio.file.Files.write(file, out.toByteArray());
	}

	private static void chunk(java.io.ByteArrayOutputStream out, String type, byte[] data) throws java.io.IOException {
		java.util.zip.CRC32 crc = new java.util.zip.CRC32();
		byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		crc.update(t);
		crc.update(data);
		out.write(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
		out.write(t);
		out.write(data);
		out.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}
}
