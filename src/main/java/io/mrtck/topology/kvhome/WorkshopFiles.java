package io.mrtck.topology.kvhome;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The workshop's files (fixtures/workshop) for one region of a topology: the 1x1 deployment
 * script after the workshop's sed substitutions, the region script and the xrstart config.
 */
public final class WorkshopFiles {
    /** One agent per region, as in the workshop's xrstart templates. */
    public static final int AGENT_GROUP_SIZE = 1;
    public static final int AGENT_ID = 0;
    private static final ObjectMapper JSON = new ObjectMapper();

    private WorkshopFiles() {
    }

    /** A store of the topology as its peers and its agent reach it. */
    public record StoreAddress(String region, String store, String host, int port) {
        public String helper() {
            return host + ":" + port;
        }
    }

    public static String fixture(String name) {
        try (InputStream in = WorkshopFiles.class.getResourceAsStream("/fixtures/workshop/" + name)) {
            if (in == null) {
                throw new IllegalStateException("fixture fixtures/workshop/" + name + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * template_config1x1.kvs with {@code <HERE>} and {@code <HERE_HOST>} replaced (the
     * workshop's two sed lines); the storage node's port is the store's own when not 5000.
     */
    public static String deploymentScript(StoreAddress s) {
        return fixture("template_config1x1.kvs").replace("<HERE>", s.store()).replace("<HERE_HOST>", s.host())
            .replace("-port 5000", "-port " + s.port());
    }

    /** SET LOCAL REGION + CREATE REGION of every other region (the fixture OUGFR.kvs/OUGCO.kvs shape). */
    public static String regionScript(String local, List<String> others) {
        StringBuilder sb = new StringBuilder("execute 'SET LOCAL REGION " + local + "'\n");
        for (String o : others) {
            sb.append("execute 'CREATE REGION ").append(o).append("'\n");
        }
        return sb.toString();
    }

    /** The xrstart JSON (the fixture OUGFR_template.json shape) of {@code local}'s agent. */
    public static String agentConfig(String path, StoreAddress local, List<StoreAddress> remotes, int statsIntervalSecs) {
        ObjectNode root = JSON.createObjectNode();
        root.put("path", path);
        root.put("agentGroupSize", AGENT_GROUP_SIZE);
        root.put("agentId", AGENT_ID);
        root.put("region", local.region());
        root.put("store", local.store());
        root.putArray("helpers").add(local.helper());
        ArrayNode regions = root.putArray("regions");
        for (StoreAddress r : remotes) {
            ObjectNode o = regions.addObject();
            o.put("name", r.region());
            o.put("store", r.store());
            o.putArray("helpers").add(r.helper());
        }
        // mrtck's extension (the real service ignores unknown fields): statistics every N s, not 60.
        if (statsIntervalSecs != 60) {
            root.put("statsIntervalSecs", statsIntervalSecs);
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An admin command line as runadmin's arguments: {@code execute} keeps its statement whole. */
    public static List<String> adminWords(String commandLine) {
        String line = commandLine.strip();
        String first = line.split("\\s+", 2)[0];
        if (first.equalsIgnoreCase("execute")) {
            String rest = line.substring(first.length()).strip();
            if (rest.length() >= 2 && (rest.charAt(0) == '\'' || rest.charAt(0) == '"')
                && rest.charAt(rest.length() - 1) == rest.charAt(0)) {
                rest = rest.substring(1, rest.length() - 1);
            }
            return List.of("execute", rest);
        }
        java.util.List<String> words = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("'([^']*)'|\"([^\"]*)\"|(\\S+)").matcher(line);
        while (m.find()) {
            words.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
        return words;
    }
}
