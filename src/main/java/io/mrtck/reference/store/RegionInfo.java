package io.mrtck.reference.store;

/** A region this store knows: its own (local, id 1) or a remote one. */
public record RegionInfo(int id, String name, boolean local) {
}
