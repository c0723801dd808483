package io.mrtck.reference.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mrtck.reference.store.ChangeLogReader;

/**
 * An XRegion agent's configuration in the format {@code xrstart -config} reads. Besides the
 * real fields, {@code statsIntervalSecs} (default 60) sets how often statistics are
 * collected, so tests can use seconds.
 *
 * @param path            the agent's working directory
 * @param agentGroupSize  agents serving this region (tables are split among them)
 * @param agentId         this agent's number in the group, 0-based
 * @param region          the local region's name
 * @param store           the local store's name
 * @param helpers         the local store's helper host:port list
 * @param regions         the remote regions to stream from
 * @param durability      COMMIT_NO_SYNC (default), COMMIT_SYNC or COMMIT_WRITE_NO_SYNC
 * @param statsIntervalSecs statistics collection interval
 */
public record AgentConfig(String path, int agentGroupSize, int agentId, String region, String store,
                          List<String> helpers, List<RemoteRegion> regions, String durability,
                          int statsIntervalSecs) {

    /** One region the agent streams from. */
    public record RemoteRegion(String name, String store, List<String> helpers) {
    }

    public static final Set<String> DURABILITIES = Set.of("COMMIT_NO_SYNC", "COMMIT_SYNC", "COMMIT_WRITE_NO_SYNC");

    /** The id the real service reports ({@code XRegionService-1_0}). */
    public String serviceId() {
        return "XRegionService-" + agentGroupSize + "_" + agentId;
    }

    /** This agent as a reader of a remote region's change log. */
    public ChangeLogReader asChangeLogReader() {
        return new ChangeLogReader(region, agentGroupSize, agentId);
    }

    public static AgentConfig read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InvalidAgentConfigException("cannot read agent config " + file + ": " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** Parses and checks a config; every problem names the field (and {@code source}). */
    public static AgentConfig parse(String json, String source) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidAgentConfigException(source + ": not valid JSON at line "
                + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
                + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidAgentConfigException(source + ": the config must be a JSON object");
        }
        Fields f = new Fields(root, source, "");
        int groupSize = f.integer("agentGroupSize", 1);
        int agentId = f.integer("agentId", 0);
        if (groupSize < 1) {
            throw f.invalid("agentGroupSize", "must be at least 1, is " + groupSize);
        }
        if (agentId < 0 || agentId >= groupSize) {
            throw f.invalid("agentId", "must be between 0 and agentGroupSize-1 (" + (groupSize - 1) + "), is " + agentId);
        }
        String region = f.text("region");
        JsonNode regionsNode = root.get("regions");
        if (regionsNode == null || !regionsNode.isArray() || regionsNode.isEmpty()) {
            throw f.invalid("regions", "must be a non-empty array of {name, store, helpers}");
        }
        List<RemoteRegion> remotes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < regionsNode.size(); i++) {
            JsonNode r = regionsNode.get(i);
            Fields rf = new Fields(r, source, "regions[" + i + "].");
            if (!r.isObject()) {
                throw f.invalid("regions[" + i + "]", "must be an object");
            }
            String name = rf.text("name");
            if (name.equalsIgnoreCase(region)) {
                throw rf.invalid("name", "is the local region " + region + "; list only remote regions");
            }
            if (!seen.add(name.toUpperCase(Locale.ROOT))) {
                throw rf.invalid("name", "region " + name + " is listed twice");
            }
            remotes.add(new RemoteRegion(name, rf.text("store"), rf.helpers("helpers")));
        }
        String durability = root.has("durability") ? f.text("durability") : "COMMIT_NO_SYNC";
        if (!DURABILITIES.contains(durability)) {
            throw f.invalid("durability", "must be one of " + DURABILITIES + ", is " + durability);
        }
        int interval = f.integer("statsIntervalSecs", 60);
        if (interval < 1) {
            throw f.invalid("statsIntervalSecs", "must be at least 1 second, is " + interval);
        }
        return new AgentConfig(f.text("path"), groupSize, agentId, region, f.text("store"),
            f.helpers("helpers"), List.copyOf(remotes), durability, interval);
    }

    /** Typed access to one JSON object's fields with errors that name them. */
    private record Fields(JsonNode node, String source, String prefix) {

        String text(String name) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                throw invalid(name, "is missing");
            }
            if (!v.isTextual() || v.asText().isBlank()) {
                throw invalid(name, "must be a non-empty string, is " + v);
            }
            return v.asText();
        }

        int integer(String name, int dflt) {
            JsonNode v = node.get(name);
            if (v == null) {
                return dflt;
            }
            if (!v.isInt()) {
                throw invalid(name, "must be an integer, is " + v);
            }
            return v.asInt();
        }

        List<String> helpers(String name) {
            JsonNode v = node.get(name);
            if (v == null || !v.isArray() || v.isEmpty()) {
                throw invalid(name, "must be a non-empty array of \"host:port\"");
            }
            List<String> out = new ArrayList<>();
            for (JsonNode h : v) {
                String s = h.asText("");
                int colon = s.lastIndexOf(':');
                if (!h.isTextual() || colon <= 0 || !s.substring(colon + 1).matches("\\d{1,5}")) {
                    throw invalid(name, "entry " + h + " is not \"host:port\"");
                }
                out.add(s);
            }
            return List.copyOf(out);
        }

        InvalidAgentConfigException invalid(String name, String why) {
            return new InvalidAgentConfigException(source + ": field " + prefix + name + " " + why);
        }
    }
}
