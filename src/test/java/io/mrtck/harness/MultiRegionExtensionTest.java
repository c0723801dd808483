package io.mrtck.harness;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

class MultiRegionExtensionTest {

    @MultiRegion(regions = {"FR", "CO"})
    private static final class Annotated {
    }

    @Test
    void anUnavailableTargetFailsWithItsName() {
        String before = System.getProperty(MultiRegionExtension.TARGET_PROPERTY);
        System.setProperty(MultiRegionExtension.TARGET_PROPERTY, "containers");
        try {
            assertThatThrownBy(() -> MultiRegionExtension.Deployment.start(Annotated.class.getAnnotation(MultiRegion.class)))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("target containers is not available yet");
        } finally {
            if (before == null) {
                System.clearProperty(MultiRegionExtension.TARGET_PROPERTY);
            } else {
                System.setProperty(MultiRegionExtension.TARGET_PROPERTY, before);
            }
        }
    }
}
