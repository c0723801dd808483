package io.mrtck.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineUnderTestTest {

    private static Path kvhome(Path dir, String mainClass) throws IOException {
        Files.createDirectories(dir.resolve("lib"));
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        try (OutputStream out = Files.newOutputStream(dir.resolve("lib/kvstore.jar"));
             JarOutputStream jar = new JarOutputStream(out, m)) {
            jar.flush();
        }
        return dir;
    }

    @Test
    void aKvhomeWhoseKvstoreJarStartsTheReferenceIsTheReference(@TempDir Path dir) throws IOException {
        assertThat(EngineUnderTest.isReferenceKvhome(kvhome(dir, "io.mrtck.reference.kvhome.KvStore"))).isTrue();
    }

    @Test
    void aReleaseKvhomeIsNot(@TempDir Path dir) throws IOException {
        assertThat(EngineUnderTest.isReferenceKvhome(kvhome(dir, "oracle.kv.impl.util.KVStoreMain"))).isFalse();
    }

    @Test
    void aKvhomeWithoutAReadableKvstoreJarIsNot(@TempDir Path dir) {
        assertThat(EngineUnderTest.isReferenceKvhome(dir)).isFalse();
    }
}
