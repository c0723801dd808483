package io.mrtck.reference.agent;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.mrtck.reference.Mutant;
import io.mrtck.reference.mr.ApplyResult;
import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.store.Change;
import io.mrtck.reference.store.InitializationKeys;
import io.mrtck.reference.store.StoreBusyException;
import io.mrtck.reference.store.StoredRow;

/**
 * One remote region's stream into the local region: initialises tables that newly span
 * the remote region (a page at a time), then applies the remote change log in batches,
 * each batch committed together with its checkpoint.
 */
final class RegionStream implements Runnable {
    private static final System.Logger LOG = System.getLogger(RegionStream.class.getName());
    private static final int BATCH = 256;
    /**
     * Changes applied per transaction, each with its own checkpoint: a transaction holds the
     * locks of every row it applied until it commits, and on a busy machine a whole batch
     * would keep a hot row from the local clients for seconds.
     */
    private static final int CHANGES_PER_TXN = 16;
    private static final int INIT_PAGE = 500;
    private static final long INIT_CHECK_MS = 200;
    /** {@code idleMs} meaning: wait for the remote change log rather than for a fixed time. */
    private static final long AWAIT_REMOTE = -1;
    /** The longest a long poll lasts, so that a stopped agent ends soon. */
    private static final long MAX_AWAIT_MS = 100;
    /** How long a batch waits between checkpoint and apply under CHECKPOINT_NOT_DURABLE. */
    private static final long PIPELINE_DELAY_MS = 500;

    private final AgentConfig config;
    private final String remoteName;
    private final LocalRegionAccess local;
    private final RemoteRegionAccess remote;
    private final AgentStatistics statistics;
    private final AgentControl control;
    private final Clock clock;
    private final Set<Mutant> mutants;
    private final String checkpointKey;
    /** The stored checkpoint once the CHECKPOINT_LOST_WITH_DROPPED_TABLE mutant has dropped it: no position. */
    private static final byte[] NO_POSITION = new byte[0];

    // State of the catalogue mutants (each used only when its mutant is on).
    /** The remote region could not be read since the last successful read (STREAM_RESUMES_PAST_GAP). */
    private boolean cutOff;
    /** The remote region has answered at least once since the agent started (AGENT_GIVES_UP_ON_UNREACHABLE_REMOTE). */
    private boolean reachedOnce;
    /** A local MR table spans the remote region, which lacks it (MISSING_REMOTE_TABLE_STALLS_STREAM). */
    private boolean remoteTableMissing;
    /** Tables given up because the remote region lacked them (MISSING_REMOTE_TABLE_NEVER_PICKED_UP), lower-case names. */
    private final Set<String> givenUp = new HashSet<>();
    /** Table copies this stream has worked on since the agent started, by state key (INIT_NOT_REDONE_AFTER_CRASH). */
    private final Set<String> initialising = new HashSet<>();
    /** The local MR tables (name and id) at the previous look; null before the first (drop-detecting mutants). */
    private Set<String> seenTables;
    /** Lower-case names of the only tables streamed once a drop was seen (NEW_TABLES_NOT_STREAMED_AFTER_DROP); null: all. */
    private Set<String> streamedOnly;
    /** The checkpoint was dropped with another table (CHECKPOINT_LOST_WITH_DROPPED_TABLE): checkpoints are no longer kept. */
    private boolean checkpointDropped;

    RegionStream(AgentConfig config, String remoteName, LocalRegionAccess local, RemoteRegionAccess remote,
                 AgentStatistics statistics, AgentControl control, Clock clock, Set<Mutant> mutants) {
        this.config = config;
        this.remoteName = remoteName;
        this.local = local;
        this.remote = remote;
        this.statistics = statistics;
        this.control = control;
        this.clock = clock;
        this.mutants = mutants;
        this.checkpointKey = "ckpt/" + config.serviceId() + "/" + remoteName.toUpperCase(Locale.ROOT);
    }

    @Override
    public void run() {
        long checkpoint = -1;
        long nextInitCheck = 0;
        long idleMs = 0;
        while (true) {
            if (idleMs == AWAIT_REMOTE) {
                awaitRemoteChanges(checkpoint, nextInitCheck);
            } else if (idleMs > 0 && !control.idle(idleMs)) {
                return;
            }
            if (!control.begin()) {
                return;
            }
            try {
                if (checkpoint < 0) {
                    Optional<byte[]> stored = local.state(checkpointKey);
                    // only the CHECKPOINT_LOST_WITH_DROPPED_TABLE mutant stores an empty one: resumed from the remote's end
                    checkpoint = stored.isPresent() && stored.get().length == 0 ? remoteEnd(0)
                        : stored.map(b -> ByteBuffer.wrap(b).getLong()).orElse(0L);
                }
                if (mutants.contains(Mutant.NEW_TABLES_NOT_STREAMED_AFTER_DROP)
                    || mutants.contains(Mutant.CHECKPOINT_LOST_WITH_DROPPED_TABLE)) {
                    noticeDroppedTables();
                }
                boolean worked = false;
                if (clock.millis() >= nextInitCheck) {
                    worked = initializeOnePage();
                    nextInitCheck = worked ? 0 : clock.millis() + INIT_CHECK_MS;
                }
                if (remoteTableMissing && mutants.contains(Mutant.MISSING_REMOTE_TABLE_STALLS_STREAM)) {
                    // KVSTORE-395: the missing table holds up the stream, every other table's changes included
                    idleMs = INIT_CHECK_MS;
                    continue;
                }
                List<Change> batch = remote.changesAfter(checkpoint, BATCH);
                reachedOnce = true;
                if (cutOff && !batch.isEmpty() && mutants.contains(Mutant.STREAM_RESUMES_PAST_GAP)) {
                    // KVSTORE-1265: the reconnected stream starts where the remote is now, not where it stopped
                    checkpoint = remoteEnd(checkpoint);
                    local.apply(List.of(), checkpointKey, checkpoint(checkpoint));
                    batch = List.of();
                }
                cutOff = false;
                statistics.messageFrom(remoteName, clock.millis());
                if (!batch.isEmpty() && !control.stopped()) {
                    checkpoint = apply(batch, checkpoint);
                    worked = true;
                }
                idleMs = worked ? 0 : AWAIT_REMOTE;
            } catch (RegionUnreachableException e) {
                if (!reachedOnce && mutants.contains(Mutant.AGENT_GIVES_UP_ON_UNREACHABLE_REMOTE)) {
                    // KVSTORE-2057: the agent starting while the remote is down gives up on it
                    LOG.log(System.Logger.Level.WARNING, "region " + remoteName + " is unreachable at start: not streaming from it");
                    return;
                }
                cutOff = true;
                idleMs = 100;
            } catch (StoreBusyException e) {
                // The transaction that met it wrote nothing; resume soon from the stored checkpoint.
                checkpoint = -1;
                idleMs = 20;
            } catch (RuntimeException e) {
                // The local region may be restarting; resume from the stored checkpoint.
                if (!control.stopped()) {
                    LOG.log(System.Logger.Level.WARNING, "stream " + remoteName + " -> " + config.region()
                        + " failed, retrying from its checkpoint", e);
                }
                checkpoint = -1;
                idleMs = 200;
            } finally {
                control.end();
            }
        }
    }

    /**
     * Nothing to do: waits for the remote change log to move past the checkpoint (a long
     * poll, so a write is streamed as soon as it commits), at most until the next look for
     * tables to initialise. Outside begin/end, so a pause does not wait for it.
     */
    private void awaitRemoteChanges(long checkpoint, long nextInitCheck) {
        long waitMs = Math.max(1, Math.min(MAX_AWAIT_MS, nextInitCheck - clock.millis()));
        try {
            remote.awaitChangesAfter(checkpoint, waitMs);
        } catch (RuntimeException e) {
            control.idle(waitMs); // unreachable or restarting: the next round says which
        }
    }

    /**
     * Applies one batch, a few changes per transaction, each with its checkpoint, until the
     * agent is stopped; returns the checkpoint of the last transaction committed.
     */
    private long apply(List<Change> batch, long checkpoint) {
        long last = batch.get(batch.size() - 1).sequence();
        if (batch.size() == BATCH && mutants.contains(Mutant.CHECKPOINT_DEADLOCKS_STREAM)) {
            // KVSTORE-1525: a checkpoint due while more changes are pending waits for a lock this
            // stream itself holds; the agent stays up, and only a stop ends the wait
            while (control.idle(MAX_AWAIT_MS)) {
                statistics.messageFrom(remoteName, clock.millis());
            }
            return checkpoint;
        }
        boolean checkpointedAhead = mutants.contains(Mutant.CHECKPOINT_NOT_DURABLE);
        if (checkpointedAhead) {
            // The defect: the checkpoint is committed on its own when the batch is read, and the
            // batch is applied later (a pipeline stage): a crash before its last part loses the rest.
            local.apply(List.of(), checkpointKey, checkpoint(last));
            if (!control.idle(PIPELINE_DELAY_MS)) {
                return last;
            }
        }
        long applied = checkpoint;
        for (int from = 0; from < batch.size() && !control.stopped(); from += CHANGES_PER_TXN) {
            List<Change> part = batch.subList(from, Math.min(batch.size(), from + CHANGES_PER_TXN));
            List<Change> mine = new ArrayList<>(part.size());
            int bytes = 0;
            for (Change c : part) {
                if (!isMine(c.table()) || (c.row().tombstone() && mutants.contains(Mutant.DELETES_NOT_REPLICATED))
                    || !streamed(c.table())) {
                    continue;
                }
                mine.add(mutants.contains(Mutant.TTL_NOT_REPLICATED) ? withoutExpiration(c) : c);
                bytes += 64 + c.row().value().toJson().length();
            }
            // Under the mutant the stored checkpoint is already past the whole batch, and stays there.
            long upTo = checkpointedAhead ? last : part.get(part.size() - 1).sequence();
            List<ApplyResult> results = local.apply(mine, checkpointKey, checkpointDropped ? NO_POSITION : checkpoint(upTo));
            statistics.applied(remoteName, mine, results, clock.millis(), bytes);
            applied = upTo;
        }
        return applied;
    }

    /** The sequence of the remote's last change, read from {@code from} on: where a stream "from now" starts. */
    private long remoteEnd(long from) {
        long end = from;
        for (List<Change> b = remote.changesAfter(end, BATCH); !b.isEmpty(); b = remote.changesAfter(end, BATCH)) {
            end = b.get(b.size() - 1).sequence();
        }
        return end;
    }

    /**
     * For the drop-detecting mutants: compares the local MR tables with the previous look, and
     * when one has gone, breaks the way the mutant says.
     */
    private void noticeDroppedTables() {
        Set<String> now = new HashSet<>();
        for (TableSchema t : local.tables()) {
            if (t.isMultiRegion()) {
                now.add(t.name().toLowerCase(Locale.ROOT) + "#" + t.id());
            }
        }
        if (seenTables != null && !now.containsAll(seenTables)) {
            if (streamedOnly == null && mutants.contains(Mutant.NEW_TABLES_NOT_STREAMED_AFTER_DROP)) {
                // KVSTORE-1492: handling the drop fails before any later table is registered
                streamedOnly = new HashSet<>();
                seenTables.stream().filter(now::contains).forEach(id -> streamedOnly.add(id.substring(0, id.lastIndexOf('#'))));
            }
            if (!checkpointDropped && config.regions().size() >= 2 && mutants.contains(Mutant.CHECKPOINT_LOST_WITH_DROPPED_TABLE)) {
                // KVSTORE-2406: the stream's own checkpoint goes with the dropped table, and is not written again
                checkpointDropped = true;
                local.apply(List.of(), checkpointKey, NO_POSITION);
            }
        }
        seenTables = now;
    }

    /** Whether changes of {@code table} are applied and copied: every table, except under mutants that lose some. */
    private boolean streamed(String table) {
        String name = table.toLowerCase(Locale.ROOT);
        return !givenUp.contains(name) && (streamedOnly == null || streamedOnly.contains(name));
    }

    private static byte[] checkpoint(long sequence) {
        return ByteBuffer.allocate(8).putLong(sequence).array();
    }

    /** Copies one page of one table that needs initialisation; false when none does. */
    private boolean initializeOnePage() {
        remoteTableMissing = false;
        Map<String, TableSchema> remoteTables = null;
        for (TableSchema t : local.tables()) {
            if (!t.isMultiRegion() || !isMine(t.name()) || !streamed(t.name())
                || local.regionNames(t.regionIds()).stream().noneMatch(n -> n.equalsIgnoreCase(remoteName))) {
                continue;
            }
            if (remoteTables == null) {
                remoteTables = byName(remote.tables());
            }
            TableSchema there = remoteTables.get(t.name().toLowerCase(Locale.ROOT));
            String key = initializationKey(t, there);
            InitializationState s = local.state(key).map(InitializationState::decode)
                .orElse(InitializationState.notStarted());
            if ("IN_PROGRESS".equals(s.state()) && !initialising.contains(key)
                && mutants.contains(Mutant.INIT_NOT_REDONE_AFTER_CRASH)) {
                // KVSTORE-321: the copy an agent left unfinished when it died is taken as finished
                s = new InitializationState("COMPLETE", null, s.transferRows(), s.transferTombstones(), s.persistRows(),
                    s.expireRows(), s.startTime(), clock.millis());
                local.apply(List.of(), key, s.encode());
                statistics.initialization(t.name(), remoteName, s.toJson());
            }
            if (s.complete()) {
                continue;
            }
            if (there == null) {
                statistics.initialization(t.name(), remoteName, s.toJson());
                remoteTableMissing = true;
                if (mutants.contains(Mutant.MISSING_REMOTE_TABLE_NEVER_PICKED_UP)) {
                    givenUp.add(t.name().toLowerCase(Locale.ROOT)); // KVSTORE-2346: no look for it ever again
                }
                continue; // the remote region has no such table yet
            }
            initialising.add(key);
            RemoteRegionAccess.TablePage page = remote.tableRows(t.name(), s.next(), INIT_PAGE);
            List<Change> rows = new ArrayList<>(page.rows().size());
            long tombstones = 0;
            for (int i = 0; i < page.rows().size(); i++) {
                if (mutants.contains(Mutant.INIT_SKIPS_ROWS) && i % 3 == 2) {
                    continue;
                }
                Change c = page.rows().get(i);
                if (mutants.contains(Mutant.AGENT_GROUP_INIT_SKIPS_ROWS) && !keyIsMine(t, c)) {
                    continue; // the defect: the table's owner copies only the rows its own split would stream
                }
                if (c.row().tombstone() && mutants.contains(Mutant.DELETES_NOT_REPLICATED)) {
                    continue;
                }
                rows.add(mutants.contains(Mutant.TTL_NOT_REPLICATED) ? withoutExpiration(c) : c);
                tombstones += c.row().tombstone() ? 1 : 0;
            }
            long now = clock.millis();
            boolean done = page.next() == null;
            InitializationState next = new InitializationState(done ? "COMPLETE" : "IN_PROGRESS", page.next(),
                s.transferRows() + rows.size() - tombstones, s.transferTombstones() + tombstones,
                s.persistRows(), s.expireRows(), s.startTime() == 0 ? now : s.startTime(), done ? now : 0);
            List<ApplyResult> results = local.apply(rows, key, next.encode());
            long persisted = results.stream().filter(r -> r == ApplyResult.WON_PUT || r == ApplyResult.WON_DELETE).count();
            long expired = results.stream().filter(r -> r == ApplyResult.EXPIRED_PUT).count();
            next = new InitializationState(next.state(), next.next(), next.transferRows(), next.transferTombstones(),
                s.persistRows() + persisted, s.expireRows() + expired, next.startTime(), next.completeTime());
            local.apply(List.of(), key, next.encode());
            statistics.initialization(t.name(), remoteName, next.toJson());
            return true;
        }
        return false;
    }

    /**
     * One per incarnation of the table on each side: a table dropped and created again, here or
     * in the remote region, has a new id and is copied again.
     */
    private String initializationKey(TableSchema here, TableSchema there) {
        if (mutants.contains(Mutant.RECREATED_TABLE_KEEPS_OLD_STATE)) {
            // the defect: by name, so a new incarnation finds the old one's COMPLETE
            return "init/" + config.serviceId() + "/" + remoteName.toUpperCase(Locale.ROOT) + "/"
                + here.name().toLowerCase(Locale.ROOT);
        }
        return InitializationKeys.of(here, remoteName, config.serviceId(),
            there == null ? "none" : InitializationKeys.incarnation(there));
    }

    private static Map<String, TableSchema> byName(List<TableSchema> tables) {
        Map<String, TableSchema> out = new HashMap<>();
        tables.forEach(t -> out.put(t.name().toLowerCase(Locale.ROOT), t));
        return out;
    }

    private boolean isMine(String table) {
        return agentOf(table, config.agentGroupSize()) == config.agentId();
    }

    /**
     * The agent of a group of {@code groupSize} that streams and initialises {@code table}: split
     * by the top-level table's name, which is the same in every region (ids are not), so a child
     * table goes with its parent.
     */
    static int agentOf(String table, int groupSize) {
        String root = table.split("\\.")[0].toLowerCase(Locale.ROOT);
        return Math.floorMod(root.hashCode(), groupSize);
    }

    /** For the AGENT_GROUP_INIT_SKIPS_ROWS mutant: the row's key split among the group as if by partition. */
    private boolean keyIsMine(TableSchema t, Change c) {
        List<String> key = t.primaryKey().stream().map(k -> String.valueOf(c.row().value().get(k))).toList();
        return Math.floorMod(key.hashCode(), config.agentGroupSize()) == config.agentId();
    }

    private static Change withoutExpiration(Change c) {
        StoredRow r = c.row();
        return new Change(c.sequence(), c.table(), c.originRegion(),
            new StoredRow(r.value(), r.modificationTime(), 0, r.version(), r.originRegionId(), r.tombstone(), r.counters()));
    }
}
