package io.mrtck.topology.containers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.images.builder.Transferable;

import io.mrtck.topology.kvhome.Kvhome;
import io.mrtck.topology.kvhome.WorkshopFiles;

/**
 * The region and agent images of a KVHOME over a base image, built from {@code containers/}
 * once and reused: the tag is a hash of the KVHOME's jars, the Dockerfile and the base.
 */
final class KvhomeImages {
    static final String BASE_PROPERTY = "mrtck.baseImage";
    static final String DEFAULT_BASE = "mrtck/base:17";

    private KvhomeImages() {
    }

    static String baseImage() {
        return System.getProperty(BASE_PROPERTY, DEFAULT_BASE);
    }

    /** Fails before any container starts when the default base image (never on a registry) is missing. */
    static void checkBase(String base) {
        if (base.equals(DEFAULT_BASE) && !exists(base)) {
            throw new IllegalStateException("base image " + base + " is not built: run containers/build-base-image.sh "
                + "(debootstrap, no registry needed) or choose one with -D" + BASE_PROPERTY + "=eclipse-temurin:17-jre");
        }
    }

    /** {@code mrtck/<kind>:<hash>}, built when not there yet. */
    static String image(String kind, Kvhome kvhome, String base) {
        String dockerfile = resource(kind + "/Dockerfile");
        String tag = "mrtck/" + kind + ":" + hash(kvhome, dockerfile + base);
        if (exists(tag)) {
            return tag;
        }
        ImageFromDockerfile image = new ImageFromDockerfile(tag, false)
            .withFileFromString("Dockerfile", dockerfile)
            .withFileFromPath("kvhome", kvhome.dir())
            .withBuildArg("BASE", base);
        if (kind.equals("region")) {
            image.withFileFromTransferable("region-entry.sh", Transferable.of(resource("region/region-entry.sh"), 0755))
                .withFileFromString("template_config1x1.kvs", WorkshopFiles.fixture("template_config1x1.kvs"));
        }
        return image.get();
    }

    static boolean exists(String image) {
        return !DockerClientFactory.lazyClient().listImagesCmd().withImageNameFilter(image).exec().isEmpty();
    }

    private static String resource(String name) {
        try (InputStream in = KvhomeImages.class.getResourceAsStream("/containers/" + name)) {
            if (in == null) {
                throw new IllegalStateException("containers/" + name + " is not on the classpath");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hash(Kvhome kvhome, String extra) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(extra.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            try (Stream<Path> files = Files.walk(kvhome.dir())) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    md.update(kvhome.dir().relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    md.update(Files.readAllBytes(f));
                }
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
