package io.mrtck.harness;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import io.qameta.allure.Allure;
import org.junit.platform.commons.support.AnnotationSupport;

import io.mrtck.client.RegionClients;
import io.mrtck.topology.Topology;
import io.mrtck.topology.Targets;
import io.mrtck.topology.embedded.TopologySpec;
import io.mrtck.reference.Mutant;
import java.util.Set;

/**
 * Starts the topology a {@link MultiRegion} class asks for, once per class, and injects it
 * into constructors and test methods. The topology and its SDK handles live in the class's
 * extension store, so JUnit closes them when the class ends, also after a failure.
 */
public final class MultiRegionExtension implements ParameterResolver, ExecutionCondition, TestExecutionExceptionHandler {
    /** System property choosing where regions run (see {@link Targets}). */
    public static final String TARGET_PROPERTY = Targets.PROPERTY;
    public static final String MUTANT_PROPERTY = "mrtck.mutant";

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(MultiRegionExtension.class);

    /** A class on a target this machine cannot run (containers without Docker) is skipped with the reason. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext ctx) {
        String target;
        try {
            target = Targets.selected();
        } catch (IllegalArgumentException e) {
            return ConditionEvaluationResult.enabled("bad target; the class fails with: " + e.getMessage());
        }
        int group = ctx.getTestClass().flatMap(c -> AnnotationSupport.findAnnotation(c, MultiRegion.class))
            .map(MultiRegion::agentGroupSize).orElse(1);
        if (group > 1 && !target.equals("embedded")) {
            return ConditionEvaluationResult.disabled("agentGroupSize " + group + ": the " + target
                + " target runs one XRegion agent per region (its 1x1 stores have one shard)");
        }
        return Targets.unavailable(target).map(ConditionEvaluationResult::disabled)
            .orElseGet(() -> ConditionEvaluationResult.enabled("target " + target));
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext ctx) {
        Class<?> type = p.getParameter().getType();
        return type == Topology.class || type == RegionClients.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext ctx) {
        Deployment d = deployment(ctx);
        return p.getParameter().getType() == Topology.class ? d.topology : d.clients;
    }

    /**
     * A failed convergence check carries what each region holds for the diverging keys: attach
     * it to the Allure report, so the evidence is beside the failure, then let the test fail.
     */
    @Override
    public void handleTestExecutionException(ExtensionContext ctx, Throwable failure) throws Throwable {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AssertionError && t.getMessage() != null
                    && t.getMessage().startsWith("regions did not converge")) {
                Allure.addAttachment("diverging rows per region", "text/plain", t.getMessage(), ".txt");
                break;
            }
        }
        throw failure;
    }

    private static Deployment deployment(ExtensionContext ctx) {
        ExtensionContext classContext = classContext(ctx);
        Class<?> testClass = classContext.getRequiredTestClass();
        MultiRegion spec = AnnotationSupport.findAnnotation(testClass, MultiRegion.class)
            .orElseThrow(() -> new ExtensionConfigurationException(testClass.getName()
                + " uses MultiRegionExtension without @MultiRegion"));
        return classContext.getStore(NS).getOrComputeIfAbsent(Deployment.class, k -> Deployment.start(spec),
            Deployment.class);
    }

    /** The context of the test class itself, whether asked from a method or the constructor. */
    private static ExtensionContext classContext(ExtensionContext ctx) {
        ExtensionContext c = ctx;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    /** One started topology and its SDK handles; closed together, handles first. */
    static final class Deployment implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final Topology topology;
        final RegionClients clients;

        private Deployment(Topology topology, RegionClients clients) {
            this.topology = topology;
            this.clients = clients;
        }

        static Deployment start(MultiRegion spec) {
            String target;
            try {
                target = Targets.selected();
            } catch (IllegalArgumentException e) {
                throw new ExtensionConfigurationException(e.getMessage());
            }
            Topology topology = Targets.start(target, TopologySpec.ofRegions(spec.regions())
                .withStatsIntervalSecs(spec.statsIntervalSecs()).withMutants(mutants())
                .withAgentGroupSize(spec.agentGroupSize()));
            try {
                return new Deployment(topology, new RegionClients(topology));
            } catch (RuntimeException e) {
                topology.close();
                throw e;
            }
        }

        /** {@code -Dmrtck.mutant=NAME} starts the reference with that one defect (see {@link Mutant}). */
        private static Set<Mutant> mutants() {
            String name = RunSettings.get(MUTANT_PROPERTY, "").trim();
            if (name.isEmpty()) {
                return Set.of();
            }
            try {
                return Set.of(Mutant.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new ExtensionConfigurationException("unknown mutant " + name + "; known: "
                    + java.util.Arrays.toString(Mutant.values()));
            }
        }

        @Override
        public void close() {
            try {
                clients.close();
            } finally {
                topology.close();
            }
        }
    }
}
