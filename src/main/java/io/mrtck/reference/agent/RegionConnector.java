package io.mrtck.reference.agent;

/** How an agent reaches the stores its config names (in this JVM, or over a network). */
public interface RegionConnector {

    LocalRegionAccess local(AgentConfig config);

    RemoteRegionAccess remote(AgentConfig config, AgentConfig.RemoteRegion region);
}
