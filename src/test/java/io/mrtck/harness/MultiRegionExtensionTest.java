package io.mrtck.harness;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Alone: it changes a JVM-wide system property while it runs. */
@Isolated
class MultiRegionExtensionTest {

    @MultiRegion(regions = {"FR", "CO"})
    private static final class Annotated {
    }

    @Test
    void anUnknownTargetFailsNamingTheTargets() {
        String before = System.getProperty(MultiRegionExtension.TARGET_PROPERTY);
        System.setProperty(MultiRegionExtension.TARGET_PROPERTY, "mars");
        try {
            assertThatThrownBy(() -> MultiRegionExtension.Deployment.start(Annotated.class.getAnnotation(MultiRegion.class)))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("mars is not a target").hasMessageContaining("containers");
        } finally {
            if (before == null) {
                System.clearProperty(MultiRegionExtension.TARGET_PROPERTY);
            } else {
                System.setProperty(MultiRegionExtension.TARGET_PROPERTY, before);
            }
        }
    }
}
