package io.mrtck.harness;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against one multi-region topology, started once for the class and
 * injected as {@link io.mrtck.topology.Topology} and {@link io.mrtck.client.RegionClients}
 * parameters. The target is chosen with {@code -Dmrtck.target} (default {@code embedded}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(MultiRegionExtension.class)
public @interface MultiRegion {

    /** Region names; region X lives in store OUGX, as in the workshop. */
    String[] regions() default {"FR", "CO"};

    /** Agent statistics interval in seconds (the real default is 60). */
    int statsIntervalSecs() default 60;

    /** XRegion agents per region; above 1 only the embedded target runs the class (the others skip it). */
    int agentGroupSize() default 1;
}
