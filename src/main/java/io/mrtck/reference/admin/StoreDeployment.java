package io.mrtck.reference.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The deployment commands of the admin CLI ({@code configure -name}, {@code plan deploy-zone},
 * {@code plan deploy-sn}, {@code plan deploy-admin}, {@code pool create|join}, {@code topology
 * create}, {@code plan deploy-topology}, {@code show topology}) for what the reference is: a
 * 1x1 store (one zone, one storage node, replication factor 1). A script deploying exactly
 * that is accepted; what a 1x1 reference cannot be (a second node, rf &gt; 1) is refused with
 * the reason. The store name survives restarts in {@code stateFile}.
 */
public final class StoreDeployment {
    private final Path stateFile;
    private volatile String storeName;
    private String zone;
    private String sn;
    private String topology;
    private int partitions = 10;
    private int plans;

    /** @param storeName the name given at start (kvlite -store), or null until {@code configure -name} */
    public StoreDeployment(String storeName, Path stateFile) {
        this.stateFile = stateFile;
        String saved = null;
        if (stateFile != null && Files.exists(stateFile)) {
            try {
                saved = Files.readString(stateFile, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + stateFile, e);
            }
        }
        if (storeName != null && saved != null && !saved.isEmpty() && !saved.equals(storeName)) {
            throw new IllegalStateException("the store in " + stateFile.getParent() + " is " + saved
                + ", not " + storeName);
        }
        this.storeName = storeName != null ? storeName : saved == null || saved.isEmpty() ? null : saved;
        if (storeName != null) {
            save();
        }
    }

    /** The configured store name, or null before {@code configure -name}. */
    public String storeName() {
        return storeName;
    }

    static boolean handles(String command) {
        return command.equals("configure") || command.startsWith("plan ") || command.startsWith("pool ")
            || command.equals("topology create") || command.equals("show topology");
    }

    synchronized String execute(String command, List<String> options) {
        switch (command) {
            case "configure" -> {
                String name = option(options, "-name", command);
                if (storeName != null && !storeName.equals(name)) {
                    throw new AdminException("Store is already configured as " + storeName + "; cannot rename it to " + name);
                }
                storeName = name;
                save();
                return "Store configured: " + name;
            }
            case "plan deploy-zone" -> {
                String rf = optionOrNull(options, "-rf");
                if (rf != null && !rf.equals("1")) {
                    throw new AdminException("The reference store is 1x1: replication factor " + rf
                        + " is not supported (use -rf 1)");
                }
                String name = option(options, "-name", command);
                if (zone != null && !zone.equals(name)) {
                    throw new AdminException("The reference store is 1x1: it has zone " + zone + " already; a second zone "
                        + name + " is not supported");
                }
                zone = name;
                return plan("Deploy Zone");
            }
            case "plan deploy-sn" -> {
                requireConfigured(command);
                if (zone == null) {
                    throw new AdminException("No zone: run plan deploy-zone first");
                }
                if (sn != null) {
                    throw new AdminException("The reference store is 1x1: storage node sn1 is deployed already; "
                        + "a second storage node is not supported");
                }
                sn = "sn1";
                return plan("Deploy Storage Node");
            }
            case "plan deploy-admin" -> {
                requireSn(option(options, "-sn", command));
                return plan("Deploy Admin Service");
            }
            case "pool create" -> {
                option(options, "-name", command);
                return "Added pool " + optionOrNull(options, "-name");
            }
            case "pool join" -> {
                requireSn(option(options, "-sn", command));
                return "Added Storage Node(s) [" + sn + "] to pool " + option(options, "-name", command);
            }
            case "topology create" -> {
                requireSn("sn1");
                topology = option(options, "-name", command);
                String p = optionOrNull(options, "-partitions");
                if (p != null) {
                    partitions = Integer.parseInt(p);
                }
                return "Created: " + topology;
            }
            case "plan deploy-topology" -> {
                String name = option(options, "-name", command);
                if (topology == null || !topology.equals(name)) {
                    throw new AdminException("Topology " + name + " does not exist: run topology create -name " + name);
                }
                return plan("Deploy Topo");
            }
            case "show topology" -> {
                requireConfigured(command);
                return "store=" + storeName + "  numPartitions=" + partitions + " sequence=1\n"
                    + "  zn: id=zn1 name=" + (zone == null ? "Zone1" : zone) + " repFactor=1 type=PRIMARY\n"
                    + "  sn=[sn1] zn:[id=zn1] capacity=1 RUNNING\n"
                    + "    [rg1-rn1] RUNNING\n"
                    + "  shard=[rg1] num partitions=" + partitions + "\n"
                    + "    [rg1-rn1] sn=sn1";
            }
            default -> throw new AdminException("Unknown command: " + command + " (the reference store deploys 1x1 "
                + "stores with configure, plan deploy-zone|deploy-sn|deploy-admin|deploy-topology, pool create|join, "
                + "topology create, show topology)");
        }
    }

    private String plan(String what) {
        plans++;
        return "Executed plan " + plans + ", waiting for completion...\nPlan " + plans + " ended successfully ("
            + what + ")";
    }

    private void requireConfigured(String command) {
        if (storeName == null) {
            throw new AdminException("Store is not configured: run configure -name <store> before " + command);
        }
    }

    private void requireSn(String id) {
        requireConfigured("using " + id);
        if (!id.equalsIgnoreCase("sn1")) {
            throw new AdminException("The reference store is 1x1: its only storage node is sn1, not " + id);
        }
        if (sn == null) {
            throw new AdminException("Storage node sn1 is not deployed: run plan deploy-sn first");
        }
    }

    private static String option(List<String> options, String name, String command) {
        String v = optionOrNull(options, name);
        if (v == null) {
            throw new AdminException(command + " needs " + name + " <value>");
        }
        return v;
    }

    private static String optionOrNull(List<String> options, String name) {
        for (int i = 0; i < options.size() - 1; i++) {
            if (options.get(i).toLowerCase(Locale.ROOT).equals(name)) {
                return options.get(i + 1);
            }
        }
        return null;
    }

    private void save() {
        if (stateFile == null || storeName == null) {
            return;
        }
        try {
            Files.writeString(stateFile, storeName + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + stateFile, e);
        }
    }
}
