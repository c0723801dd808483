package io.mrtck.reference.sdk;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a test class using {@link ReferenceRegionExtension}: its region reads time from a
 * {@link MutableClock} starting at {@link #start()}, which tests get as a parameter.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ControlledClock {
    /** ISO-8601 instant the clock starts at. */
    String start() default "2026-03-01T10:20:30.123Z";
}
